"""The sixth round's shortcuts of the reading slice give what they stand in for: the short
forms of recognised names found by str.find instead of a pattern over the whole document, the
speaker-pronoun pattern skipped where no pronoun follows a party, the dateline test's sets, the
unit words searched from the first of them, the company words' places read from the automaton's
organisation markers, the name pattern tried only where a match may open, the verb-lead test."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import SAYS_PIECES
from tests.extract.test_organisations_speed import _PIECES

from armsledger.extract.actors import _DATELINE_CAPITALS, _DATELINE_WORD
from armsledger.extract.analysis import (
    _SAYS_IT,
    _UNIT_WORD,
    _VERB_LEAD,
    Analyser,
    lead_before,
    may_hold_says_it_pronoun,
    unit_word_in,
)
from armsledger.extract.discourse import company_endings
from armsledger.extract.lookup import CONTENT, fold, prefilter_text
from armsledger.extract.organisations import OrganisationFinder, _alternation, core_spans
from armsledger.lexicon import load_lexicons

_DEV = Path(__file__).parent.parent / "data" / "dev" / "articles"

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
            assert may_hold_says_it_pronoun(text, first_end, len(text))


def test_the_dateline_sets_are_the_character_tests() -> None:
    """[A-Z] and [A-Za-z.'’-] as sets: what `"A" <= ch <= "Z"` and isalpha()/isascii() read."""
    every = [chr(code) for code in range(0x3000)]
    assert {ch for ch in every if "A" <= ch <= "Z"} == _DATELINE_CAPITALS
    letters = {ch for ch in every if (ch.isalpha() and ch.isascii()) or ch in ".'’-"}
    assert letters == _DATELINE_WORD


_UNIT_PIECES = ["Dollars", "dollar", "ship", "SHIPS", "ships", "batch", "batches", "tons", "ton"]
_UNIT_PIECES += [" ", "x", "-", "unspecified number", "Unspecified Number", "ı", "ſhip", "K", "\n"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=16), st.integers(0, 5), st.integers(0, 5))
@example(["x", "ship", " "], 1, 0)
@example(["ſhip"], 0, 0)
def test_unit_word_from_the_first_unit_is_the_search(
    pieces: list[str], lead: int, tail: int
) -> None:
    text = "".join(pieces)
    start, end = min(lead, len(text)), max(min(lead, len(text)), len(text) - tail)
    expected = _UNIT_WORD.search(text, start, end) is not None
    assert unit_word_in(text, prefilter_text(text[start:end]), start, end) == expected


@functools.cache
def _analyser() -> Analyser:
    return Analyser(load_lexicons())


_COMPANY_PIECES = ["Trading", "Industries", "Microsystems", "Systems", "TRADING", "Trading's"]
_COMPANY_PIECES += ["Holdings", "XHoldings", "Holdings2", "Kestrel", " ", "-", "\n", "é", "_"]


def _company_endings_both_ways(text: str) -> None:
    analyser = _analyser()
    pattern = analyser.companies
    assert pattern is not None
    scanned = analyser.automaton.hits(text, fold(text), group=CONTENT)
    expected = [match.span() for match in pattern.ending.finditer(text)]
    assert company_endings(text, pattern, scanned) == expected
    assert company_endings(text, pattern) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_COMPANY_PIECES), max_size=14))
def test_company_endings_from_the_marks_are_the_pattern(pieces: list[str]) -> None:
    """The company words the analyser marks are read from the document automaton's marker hits:
    the same spans as the pattern over the whole text."""
    _company_endings_both_ways("".join(pieces))


def test_company_endings_from_the_marks_cover_most_words() -> None:
    analyser = _analyser()
    assert analyser.companies is not None
    words = analyser.companies.words
    assert len(analyser.companies.marked) >= len(words) - 2
    for word in words:
        _company_endings_both_ways(f"Kestrel {word} and {word}'s {word}{word} x{word} {word}.")


def test_company_endings_from_the_marks_on_the_dev_articles() -> None:
    for path in sorted(_DEV.glob("*.txt")):
        _company_endings_both_ways(path.read_text(encoding="utf-8"))


@functools.cache
def _finder() -> OrganisationFinder:
    return OrganisationFinder(load_lexicons().organisations)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24), st.integers(0, 12), st.integers(0, 12))
@example(["Acme", " ", "Freight", " ", "Ltd"], 1, 0)
@example(["(", "Acme", " ", "Systems", ")"], 0, 1)
def test_matches_at_openings_are_finditer(pieces: list[str], lead: int, tail: int) -> None:
    """The name pattern tried only at its openings finds what finditer finds from `restart`."""
    finder = _finder()
    assert finder.pattern is not None
    text = "".join(pieces)
    restart = min(lead, len(text))
    stop = max(restart, len(text) - tail)
    found: list[re.Match[str]] = []
    finder._matches(finder.pattern, text, restart, stop, found)
    every = finder.pattern.finditer(text, restart, min(stop + 1, len(text)))
    assert [m.regs for m in found] == [m.regs for m in every if m.start() < stop]


_LEAD_PIECES = ["to", "that", "which", "who", "quickly", "ly", "To", "tot", "x", " ", "\n", "\t"]
_LEAD_PIECES += ["\u00a0", "sent", "200", "-", "whom"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=12), st.integers(0, 30))
@example(["used", " ", "to", " "], 0)
@example(["to", "\n"], 0)
@example(["that", " ", "quickly", "\u00a0"], 3)
def test_lead_before_passes_every_verb_lead(pieces: list[str], low: int) -> None:
    text = "".join(pieces) + "bomb"
    end = len(text) - 4
    low = min(low, end)
    if _VERB_LEAD.search(text, low, end):
        assert lead_before(text, low, end)
