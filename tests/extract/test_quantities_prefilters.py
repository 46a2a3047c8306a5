"""The cheap tests that run before the amount patterns never skip a text the pattern matches:
strings generated from each pattern pass its prefilter (a word taken out makes them fail)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.quantities import (
    _CAPACITY,
    _DATE_BEFORE,
    _LEADING_OR_MORE,
    _OF_NEXT,
    _SURVEYED,
    AmountReader,
    _after_spaces,
    _may_end_with_date_word,
    _Starts,
)
from armsledger.lexicon import Lexicons


def _run(check: object) -> None:
    settings(max_examples=500, deadline=None)(check)()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("pattern_name", "starts_name"),
    [
        ("_unit", "_unit_starts"),
        ("_currency_word", "_currency_starts"),
    ],
)
def test_unit_and_currency_starts_pass_every_match(
    lexicons: Lexicons, pattern_name: str, starts_name: str
) -> None:
    reader = AmountReader(lexicons.amounts)
    pattern: re.Pattern[str] = getattr(reader, pattern_name)
    starts: _Starts = getattr(reader, starts_name)

    @given(st.from_regex(pattern, fullmatch=True), st.text(max_size=3))
    def check(found: str, after: str) -> None:
        text = found + after
        if pattern.match(text):
            assert starts.may_start(text, _after_spaces(text, 0, len(text)))

    _run(check)


def test_symbol_prefilter_passes_every_symbol_before_a_number(lexicons: Lexicons) -> None:
    reader = AmountReader(lexicons.amounts)

    @given(st.text(max_size=4), st.from_regex(reader._sym_before, fullmatch=True))
    def check(before: str, symbol: str) -> None:
        text = before + symbol + "5"
        position = len(text) - 1
        if reader._sym_before.search(text, max(0, position - 5), position):
            assert reader._may_follow_symbol(text, position, 0)

    _run(check)


def test_date_word_prefilter_passes_every_date_before(lexicons: Lexicons) -> None:
    @given(st.from_regex(_DATE_BEFORE))
    def check(before: str) -> None:
        assert _DATE_BEFORE.search(before)
        assert _may_end_with_date_word(before)

    _run(check)


@pytest.mark.parametrize("pattern", [_CAPACITY, _SURVEYED])
def test_of_prefilter_passes_capacity_and_surveyed(pattern: re.Pattern[str]) -> None:
    @given(st.from_regex(pattern))
    def check(found: str) -> None:
        match = pattern.search(found)
        assert match
        assert _OF_NEXT.match(found, match.start())

    _run(check)


def test_or_more_prefilter_passes_every_match_in_nine_characters() -> None:
    @given(st.from_regex(_LEADING_OR_MORE, fullmatch=True), st.text(max_size=4))
    def check(found: str, after: str) -> None:
        text = found + after
        if _LEADING_OR_MORE.match(text[:9]):
            assert text.find("or more", 0, 9) >= 0

    _run(check)
