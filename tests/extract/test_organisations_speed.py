"""The organisation finder reads the name pattern's matches only around marker words: the same
names as reading every match of the pattern over the whole text."""

from __future__ import annotations

import functools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from armsledger.extract.organisations import (
    _CURRENCY_SIGN,
    OrganisationFinder,
    _currency_after,
    _worth_reading,
)
from armsledger.lexicon import load_lexicons

# Pieces that exercise the pattern's edges: capitalised runs, connectors, legal forms and head
# words (whole, inside words, possessive, cut short before ".A"), prefixes, descriptors, and
# characters that cut the text ("(", quotes, newlines) or that a match may hold (",", ".").
_PIECES = [
    "Acme",
    "Marlow",
    "Freight",
    "Systems",
    "Systems.A",
    "Group",
    "Group’s",
    "Group's",
    "Co",
    "Co.",
    "Co., Ltd.",
    "Commission",
    "xCo",
    "Ltd",
    "Ltd.",
    "GmbH & Co. KG",
    "S.A.",
    "d.o.o.",
    "sp. z o.o.",
    "A.Ş.",
    "PT",
    "JSC",
    "gang",
    "gangs",
    "armed group",
    "Los",
    "Lobos",
    "de",
    "la",
    "&",
    "the",
    "The",
    "sold",
    "U.S.",
    "Forces",
    "Front",
    "Air",
    "Aircraft",
    "Arms",
    "Iran-backed",
    "47th",
    "Cox.A",
    " ",
    " ",
    " ",
    "\t",
    "\n",
    ",",
    ".",
    "(",
    ")",
    "“",
    "”",
    "'",
    "-",
    ":",
    "Ş",
    "Élan",
]


@functools.cache
def _finder() -> OrganisationFinder:
    return OrganisationFinder(load_lexicons().organisations)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@example(["Acme", " ", "Cox.A"])  # the run's last word cut short: "Co" of "Cox.A"
@example(["(", "Marlow", " ", "Freight", " ", "Group", ")"])
@example(["Marlow", " ", "Acme", " ", "Systems", ",", " ", "Ltd."])
def test_candidates_keep_every_match_worth_reading(pieces: list[str]) -> None:
    finder = _finder()
    text = "".join(pieces)
    assert finder.pattern is not None
    every = [m.span() for m in finder.pattern.finditer(text)]
    found = [m.span() for m in finder.candidates(text)]
    assert all(span in every for span in found)
    assert found == sorted(set(found))
    # Every group's span too: candidates search each piece with an end bound.
    wanted = [m.regs for m in finder.pattern.finditer(text) if _worth_reading(m, finder.markers)]
    kept = [m.regs for m in finder.candidates(text) if _worth_reading(m, finder.markers)]
    assert kept == wanted


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="US$ \t\u00a0\n-x", max_size=8), st.integers(0, 8))
def test_currency_prefilter_is_the_pattern(text: str, end: int) -> None:
    assert _currency_after(text, end) == (_CURRENCY_SIGN.match(text, end) is not None)
