"""Clause splitting and the roles it protects: datelines, reduced relatives, list semicolons,
gerunds after "for"/"of", nationality adjectives with group nouns, passive payment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.domain.core import Document, DocumentMeta
from armsledger.extract.claims import Extractor
from armsledger.extract.clauses import _OWN_CLAUSE, OWN_CLAUSE_WORDS
from armsledger.extract.lookup import may_contain


def _flows(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    document = Document(id="doc", text=text, content_hash="x", meta=DocumentMeta())
    return {
        (claim.supplier.id, claim.recipient.id, claim.item.category)
        for claim in extractor.extract(document)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The city of the dateline is where the story was filed, not the supplier.
        (
            "KYIV, March 3 (Reuters) - Iran has delivered 2,400 drones to Russia.",
            {("IRN", "RUS", "drones")},
        ),
        # The main verb after a reduced relative closes it: "Russian missiles" are not sent.
        (
            "Patriot systems sent to Ukraine by Germany have shot down Russian missiles.",
            {("DEU", "UKR", "air_defense")},
        ),
        # The object of "sanctioned" exports, not the first actor of the sentence.
        (
            "The EU sanctioned a Belarusian company for supplying Russia with drones, and two "
            "Chinese firms for exporting engines to Russia.",
            {("BLR", "RUS", "drones"), ("CHN", "RUS", "components")},
        ),
        (
            "Israel accused the Syrian government of handing Hezbollah anti-tank missiles.",
            {("SYR", "Hezbollah", "missiles")},
        ),
        # A nationality adjective with a group noun acts for its state.
        (
            "Chinese firms supply engines to Russia.",
            {("CHN", "RUS", "components")},
        ),
        # "is being paid in oil": paid by the party just supplied.
        (
            "North Korea has shipped shells to Russia and is being paid in oil and grain.",
            {
                ("PRK", "RUS", "artillery_ammunition"),
                ("RUS", "PRK", "fuel"),
                ("RUS", "PRK", "food"),
            },
        ),
    ],
    ids=["dateline", "reduced-relative", "gerund-for", "gerund-of", "standing-party", "paid-in"],
)
def test_clauses_keep_roles_in_their_clause(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _flows(extractor, text) == expected


def test_clauses_semicolon_list_keeps_its_verb(extractor: Extractor) -> None:
    text = "Taiwan bought three NASAMS units from the US; and up to 123 AMRAAM missiles."
    assert _flows(extractor, text) >= {("USA", "TWN", "air_defense"), ("USA", "TWN", "missiles")}


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_OWN_CLAUSE))
def test_own_clause_words_are_in_every_text_the_pattern_matches(text: str) -> None:
    assert _OWN_CLAUSE.search(text)
    assert may_contain(text, OWN_CLAUSE_WORDS, 0, len(text))


def test_own_clause_words_absent_from_a_plain_sentence() -> None:
    text = "Norway and Sweden sent tanks, Finland rifles"
    assert not may_contain(text, OWN_CLAUSE_WORDS, 0, len(text))
