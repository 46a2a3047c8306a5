"""Lexicon look-up: word boundaries, case rules, longest match, designation variants."""

from __future__ import annotations

import pytest

from armsledger.extract.lookup import content_automaton, fold, longest_first
from armsledger.lexicon import ActorTerm, ItemTerm, Lexicons


def _found(lexicons: Lexicons, text: str) -> list[tuple[str, str]]:
    hits = longest_first(content_automaton(lexicons).hits(text, fold(text)))
    found: list[tuple[str, str]] = []
    for hit in hits:
        if isinstance(hit.payload, ActorTerm):
            found.append((hit.text, hit.payload.actor_id))
        elif isinstance(hit.payload, ItemTerm):
            found.append((hit.text, hit.payload.designation or hit.payload.category))
    return list(dict.fromkeys(found))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pyongyang shipped shells", [("Pyongyang", "PRK"), ("shells", "artillery_ammunition")]),
        (
            "the US sent artillery shells",
            [("US", "USA"), ("artillery shells", "artillery_ammunition")],
        ),
        ("Kyiv got Leopard 2A4s", [("Kyiv", "UKR"), ("Leopard 2A4s", "Leopard 2")]),
        ("send us the farms", []),
        ("Chad and the chad", [("Chad", "TCD")]),
    ],
)
def test_lookup_matches_whole_words_with_case_rules(
    lexicons: Lexicons, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(lexicons, text) == expected


def test_lookup_fold_keeps_offsets() -> None:
    text = "Kim’s “shells” İstanbul"
    assert len(fold(text)) == len(text)
