"""The string tests that stand before (or for) amount patterns never change what the patterns
find: strings generated from each pattern pass its cheap test, and the shortcuts that replace a
pattern call give its answer on generated text (a letter taken out of a set makes them fail)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.lookup import may_contain, prefilter_text
from armsledger.extract.quantities import (
    _CALIBRE_PAIR,
    _OF_NEXT,
    AmountReader,
    _ascii_digit_anchors,
    _may_be_calibre,
    _of_next,
)
from armsledger.lexicon import Lexicons

# Pieces of text around the amounts: spaces of several kinds, "of", letters lower() cannot fold.
_PIECES = [
    " ",
    "  ",
    "\n",
    "\u2003",
    "-",
    "–",
    "of",
    "Of",
    " of ",
    "off",
    "x",
    "X",
    "×",
    "to",
    "TO",
    "5",
    "2,000",
    "1.5",
    ",",
    ".",
    "mm",
    "million",
    "\u0131",
    "\u017f",
    "\u212a",
    "a",
]


@pytest.fixture(scope="module")
def reader(lexicons: Lexicons) -> AmountReader:
    return AmountReader(lexicons.amounts)


def _run(check: object, examples: int = 500) -> None:
    settings(max_examples=examples, deadline=None)(check)()  # type: ignore[operator]


_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


def test_of_next_answers_as_the_pattern() -> None:
    @given(_TEXTS, st.integers(min_value=0, max_value=12))
    def check(text: str, position: int) -> None:
        position = min(position, len(text))
        assert _of_next(text, position) == bool(_OF_NEXT.match(text, position))

    _run(check, 1500)


def test_calibre_test_passes_every_calibre_pair() -> None:
    @given(st.from_regex(_CALIBRE_PAIR, fullmatch=True), _TEXTS)
    def check(found: str, after: str) -> None:
        text = found + after
        if _CALIBRE_PAIR.match(text):
            assert _may_be_calibre(text, 0, len(text))

    _run(check)


def test_descriptor_test_passes_every_descriptor(reader: AmountReader) -> None:
    @given(st.from_regex(reader._descriptor, fullmatch=True), _TEXTS)
    def check(found: str, after: str) -> None:
        text = found + after
        if reader._descriptor.match(text):
            assert reader._may_describe(text, 0, len(text))

    _run(check)


def test_range_test_passes_every_range_in_figures(reader: AmountReader) -> None:
    @given(st.from_regex(reader._range, fullmatch=True), _TEXTS)
    def check(found: str, after: str) -> None:
        text = found + after
        if text[:1].isdecimal() and reader._range.match(text):
            assert reader._may_range(text, 0, len(text))

    _run(check)


@pytest.mark.parametrize("name", ["_rate", "_clause_rate"])
def test_rate_words_pass_every_rate(reader: AmountReader, name: str) -> None:
    pattern = getattr(reader, name)

    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        if pattern.match(text):
            assert may_contain(prefilter_text(text), reader._rate_words, 0, len(text))

    _run(check)


def test_qualifier_before_finds_what_the_search_finds(reader: AmountReader) -> None:
    @given(_TEXTS, st.from_regex(reader._qual_before, fullmatch=True), _TEXTS)
    def check(before: str, found: str, after: str) -> None:
        for window in (before + found, before + found + after, found):
            expected = reader._qual_before.search(window, 0, len(window))
            got = reader._qualifier_before(window, 0, len(window))
            assert (got and got.span()) == (expected and expected.span())

    _run(check)


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ("sent MORE THAN  ", "MORE THAN  "),  # case and spaces aside
        ("sent at least\n", "at least\n"),
        ("sent no more than ", "no more than "),  # the leftmost of the qualifiers it ends with
        ("sent to Kyiv ", None),
        ("more than 5 and ", None),  # the qualifier must end the window
        ("sentover ", None),  # a qualifier starts a word
    ],
)
def test_qualifier_before_reads_the_end_of_the_window(
    reader: AmountReader, window: str, expected: str | None
) -> None:
    found = reader._qualifier_before(window, 0, len(window))
    assert (found.group(0) if found else None) == expected
    searched = reader._qual_before.search(window)
    assert (searched.group(0) if searched else None) == expected


_DIGIT_TEXTS = st.text(
    alphabet=st.sampled_from(list("0123456789 aZ_.,/-x\n")), max_size=40
) | st.text(max_size=40)


def test_ascii_digit_anchors_are_the_digit_pattern_s(reader: AmountReader) -> None:
    @given(_DIGIT_TEXTS)
    def check(text: str) -> None:
        if text.isascii():
            expected = [match.start() for match in reader._digit.finditer(text)]
            assert _ascii_digit_anchors(text) == expected

    _run(check)


@pytest.mark.parametrize("text", ["1,500 and 2", "x9 _9 .9 /9 -9 (9", "9", "a 12 b3 4.5"])
def test_document_anchors_equal_per_sentence_passes(reader: AmountReader, text: str) -> None:
    for document in (text, text + " \u2019"):  # ASCII: str.find; otherwise the pattern
        anchors = reader._document(document, document)
        for start in range(len(document)):
            for end in range(start, len(document) + 1):
                got = [
                    at for at, kind in anchors.anchors(reader._digit, start, end) if kind == "digit"
                ]
                expected = [m.start() for m in reader._digit.finditer(document, start, end)]
                assert got == expected
