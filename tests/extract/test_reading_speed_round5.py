"""The fifth round's shortcuts of the reading slice give what they stand in for: the speaker
pronoun pattern tried only at its verbs, the organisation markers read from the document
automaton's scan, the lines found by str.find, the ASCII prefilter text."""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import SAYS_PIECES

from armsledger.extract.actors import _PLURAL_DEMONYM, plural_demonym
from armsledger.extract.analysis import _SAYS_IT, says_it_matches
from armsledger.extract.lookup import (
    CONTENT,
    ORGANISATION_MARKER,
    UNFOLDED,
    Automaton,
    content_automaton,
    document_automaton,
    fold,
    prefilter_text,
)
from armsledger.extract.organisations import OrganisationFinder, with_organisations
from armsledger.extract.tokens import _CANDIDATE_END, _LINE, candidate_ends, split_sentences
from armsledger.lexicon import Lexicons, load_lexicons

_DEV = Path(__file__).parent.parent / "data" / "dev" / "articles"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SAYS_PIECES), max_size=24), st.integers(0, 6), st.integers(0, 6))
@example(["said", " ", "said", " ", "it"], 0, 0)
@example(["x", "said", " ", "it", " ", "says", " ", "they"], 1, 0)
@example(["says", " ", "it", " ", "said", " ", "it"], 0, 1)
def test_says_it_at_its_verbs_is_the_search(pieces: list[str], lead: int, tail: int) -> None:
    text = "".join(pieces)
    start, end = min(lead, len(text)), max(min(lead, len(text)), len(text) - tail)
    every = [m.regs for m in _SAYS_IT.finditer(text, start, end)]
    assert [m.regs for m in says_it_matches(text, start, end)] == every


@functools.cache
def _lexicons() -> Lexicons:
    return load_lexicons()


@functools.cache
def _document_automaton() -> Automaton:
    return document_automaton(_lexicons())


@functools.cache
def _finder() -> OrganisationFinder:
    return OrganisationFinder(_lexicons().organisations)


def _marks(text: str) -> list[tuple[int, int]]:
    hits = _document_automaton().hits(text, fold(text), group=CONTENT)
    return [(h.end - 1, h.end - h.start) for h in hits if h.kind == ORGANISATION_MARKER]


# Marker words whole, inside words, in other cases, beside content words and typographic marks.
_MARK_PIECES = [
    "Arms",
    "arms",
    "ARMS",
    "Armsx",
    "xArms",
    "Co",
    "Co.",
    "co",
    "Co., Ltd.",
    "Ltd",
    "Ltd.",
    "GmbH & Co. KG",
    "S.A.",
    "d.o.o.",
    "sp. z o.o.",
    "A.Ş.",
    "a.ş.",
    "İ",
    "Σ",
    "PT",
    "gang",
    "Gang",
    "armed group",
    "Group",
    "Group’s",
    "Systems.A",
    "Air",
    "Aircraft",
    "air",
    "Iran",
    "drones",
    "shells",
    "Marlow",
    " ",
    "\n",
    ",",
    ".",
    "’",
    "“",
    "-",
]


def test_every_marker_word_folds_alone() -> None:
    # Else the scan could miss an exact occurrence and with_organisations would not use it.
    assert _finder().scannable


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=30))
@example(["xArms", "Arms", " ", "Co., Ltd."])
@example(["İ", "Arms", " ", "Σ", "Co"])
def test_document_automaton_marks_are_the_finder_pass(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _marks(text) == list(_finder().finder.iter(text))


def test_document_automaton_marks_of_the_dev_articles() -> None:
    for path in sorted(_DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _marks(text) == list(_finder().finder.iter(text)), path.name


def test_with_organisations_reads_the_marks_as_its_own_pass() -> None:
    lexicons, finder = _lexicons(), _finder()
    for path in sorted(_DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        folded = fold(text)
        scanned = _document_automaton().hits(text, folded, group=CONTENT)
        walked = content_automaton(lexicons).hits(text, folded)
        assert with_organisations(finder, lexicons, text, scanned) == with_organisations(
            finder, lexicons, text, walked
        ), path.name


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab. \nA\t", max_size=30))
@example("\n\nA. B\n")
def test_lines_are_the_line_pattern(text: str) -> None:
    paragraphs = [s.paragraph for s in split_sentences(text)]
    lines = [m.span() for m in _LINE.finditer(text)]
    assert all(0 <= p < len(lines) for p in paragraphs)
    for sentence in split_sentences(text):
        line_start, line_end = lines[sentence.paragraph]
        assert line_start <= sentence.start < sentence.end <= line_end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
@example("İstanbul")
@example("ıſ")
def test_prefilter_text_is_the_checked_lower(text: str) -> None:
    lowered = text.lower()
    unfolded = any(ch in text for ch in UNFOLDED) or len(lowered) != len(text)
    assert prefilter_text(text) == (None if unfolded else lowered)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!?\"'”’)] \t\n“‘([Aa0x", max_size=30))
@example("U.S. A. B!? C")
@example("a.. ?! ”A")
def test_candidate_ends_are_the_pattern(text: str) -> None:
    expected = [m.span() for m in _CANDIDATE_END.finditer(text)]
    assert [m.span() for m in candidate_ends(text)] == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aenis \nAx", max_size=10))
@example("Iranians\n")
@example("Emiratis")
@example("is\n\n")
def test_plural_demonym_is_the_pattern(text: str) -> None:
    assert plural_demonym(text) == (_PLURAL_DEMONYM.search(text) is not None)
