"""The sixth round's shortcuts of the reading slice give what they stand in for: the short
forms of recognised names found by str.find instead of a pattern over the whole document, the
speaker-pronoun pattern skipped where no pronoun follows a party, the dateline test's sets."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import SAYS_PIECES

from armsledger.extract.actors import _DATELINE_CAPITALS, _DATELINE_WORD
from armsledger.extract.analysis import _SAYS_IT, pronoun_after_space
from armsledger.extract.organisations import _alternation, core_spans

# Pieces of texts and of cores: prefixes of one another, word characters and hyphens around them.
_CORE_PIECES = ["Aster", " ", "Maritime", "Holdings", "Los", "Tigrillos", "Ast", "er", "-", "_"]
_TEXT_PIECES = [*_CORE_PIECES, "x", "1", "é", ".", ",", "\n", "Aster Maritime", "Los Tigrillos"]


def _regex_spans(text: str, cores: list[str]) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w-])(?:{_alternation(cores)})(?![\w-])")
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(_TEXT_PIECES), max_size=30),
    st.lists(
        st.lists(st.sampled_from(_CORE_PIECES), min_size=1, max_size=4).map("".join),
        min_size=1,
        max_size=4,
    ),
)
@example(["Aster Maritime", " ", "Holdings"], ["Aster Maritime", "Aster Maritime Holdings"])
@example(["Aster", "Aster", " ", "Aster"], ["AsterAster", "Aster"])
@example(["Aster", "-", "Aster", " ", "Aster", "_"], ["Aster"])
@example(["Ast", "Ast", "er"], ["AstAst", "Aster"])
def test_core_spans_are_the_alternations_matches(pieces: list[str], cores: list[str]) -> None:
    text = "".join(pieces)
    assert core_spans(text, cores) == _regex_spans(text, cores)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from([*SAYS_PIECES, "\t", "\n", "\u00a0", "Its", "theirs"]), max_size=24),
    st.integers(0, 40),
)
@example(["said", " ", "it"], 0)
@example(["said", "\u00a0", "their"], 3)
def test_a_pronoun_after_space_follows_every_match(pieces: list[str], first_end: int) -> None:
    """Every _SAYS_IT match that starts at or after `first_end` (the end of the sentence's first
    party) passes the prefilter from there."""
    text = "".join(pieces)
    for match in _SAYS_IT.finditer(text):
        if match.start() >= first_end:
            assert pronoun_after_space(text, first_end, len(text))


def test_the_dateline_sets_are_the_character_tests() -> None:
    """[A-Z] and [A-Za-z.'’-] as sets: what `"A" <= ch <= "Z"` and isalpha()/isascii() read."""
    every = [chr(code) for code in range(0x3000)]
    assert {ch for ch in every if "A" <= ch <= "Z"} == _DATELINE_CAPITALS
    letters = {ch for ch in every if (ch.isalpha() and ch.isascii()) or ch in ".'’-"}
    assert letters == _DATELINE_WORD
