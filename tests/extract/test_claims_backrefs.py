"""BackReferences.mentions searches only before each place the term occurs: it answers as the
search of the whole pattern over the text does (a reach too short makes this fail)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.claims import _DEFINITE, BackReferences

_PIECES = [
    " ",
    "  ",
    "\n",
    "-",
    ",",
    ".",
    "the",
    "The",
    "THESE",
    "those",
    "this",
    "that",
    "such",
    "its",
    "Their",
    "other",
    "x",
    "old-style",
    "_",
    "shells",
    "Shells",
    "SHELLS",
    "artillery shells",
    "drones",
    "\u0131",
    "\u017f",
    "\u0130",
    "\u212a",
]
_TERMS = ["shells", "artillery shells", "Shahed-136", "drones", "s", "x-ray", "ſhells", "T-72"]


def test_mentions_answers_as_the_whole_pattern() -> None:
    back = BackReferences()

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), st.sampled_from(_TERMS))
    def check(text: str, term: str) -> None:
        pattern = re.compile(_DEFINITE + re.escape(term), re.IGNORECASE)
        assert back.mentions(term, text) == (pattern.search(text) is not None)

    check()


def test_mentions_reads_a_word_between() -> None:
    back = BackReferences()
    assert back.mentions("shells", "Russia got the old  shells.")
    assert back.mentions("shells", "These\nshells")
    assert not back.mentions("shells", "Russia got the old big shells.")
    assert not back.mentions("shells", "Russia got shells and theshells.")
