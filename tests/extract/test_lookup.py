"""Lexicon look-up: word boundaries, case rules, longest match, designation variants."""

from __future__ import annotations

import pytest

from armsledger.extract.lookup import (
    CONTENT,
    CUES,
    MARKERS,
    ORGANISATION_MARKER,
    Automaton,
    Hit,
    content_automaton,
    cue_automaton,
    document_automaton,
    fold,
    longest_first,
    marker_automaton,
)
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim’s “shells”", 'kim\'s "shells"'),
        ("‘Made‐in‑Iran’", "'made-in-iran'"),
        ("no typography", "no typography"),
    ],
)
def test_lookup_fold_plain_quotes_and_hyphens(text: str, expected: str) -> None:
    assert fold(text) == expected


def _spans(hits: list[Hit]) -> list[tuple[str, str, int]]:
    return [(hit.kind, hit.text, hit.start) for hit in hits]


def test_lookup_groups_share_one_automaton_but_not_their_matches() -> None:
    automaton = Automaton(
        [("maker", "Arms Corp", "maker"), ("goods", "arms", "goods")], [("cue", "arms", "cue")]
    )
    text = "Arms Corp sells arms."
    folded = fold(text)
    assert _spans(automaton.hits(text, folded, group=0)) == [
        ("goods", "Arms", 0),
        ("maker", "Arms Corp", 0),
        ("goods", "arms", 16),
    ]
    assert _spans(automaton.hits(text, folded, group=1)) == [
        ("cue", "Arms", 0),
        ("cue", "arms", 16),
    ]
    assert _spans(automaton.hits(text, folded, 10, len(text), group=1)) == [("cue", "arms", 16)]


@pytest.mark.parametrize(
    "text",
    [
        "Iran has reportedly sent drones to Russia in exchange for gold, officials said.",
        "The US denied that it had shipped 155mm shells, which Kyiv said it never received.",
    ],
)
def test_lookup_document_automaton_answers_as_the_separate_ones(
    lexicons: Lexicons, text: str
) -> None:
    combined, folded = document_automaton(lexicons), fold(text)
    separate = {
        CONTENT: content_automaton(lexicons),
        CUES: cue_automaton(lexicons),
        MARKERS: marker_automaton(lexicons),
    }
    for group, automaton in separate.items():
        expected = automaton.hits(text, folded)
        assert expected, group  # each group finds something here, so the comparison means much
        # The organisation markers ride along in the content group, for the finder alone.
        found = combined.hits(text, folded, group=group)
        assert [h for h in found if h.kind != ORGANISATION_MARKER] == expected


def test_lookup_range_returns_the_matches_lying_inside_it(lexicons: Lexicons) -> None:
    # The automaton scans a text once and cuts ranges out of that scan; a match that crosses
    # the range's edge belongs to neither side.
    automaton = content_automaton(lexicons)
    text = "Iran sent drones. North Korea shipped shells to Russia."
    folded = fold(text)
    first = [(h.text, h.start) for h in automaton.hits(text, folded, 0, 17)]
    second = [(h.text, h.start) for h in automaton.hits(text, folded, 18, len(text))]
    crossing = [h.text for h in automaton.hits(text, folded, 23, len(text))]
    assert ("Iran", 0) in first
    assert ("drones", 10) in first
    assert all(start >= 18 for _, start in second)
    assert ("Russia", 48) in second
    assert "North Korea" not in crossing
    assert "Korea" not in crossing


def test_lookup_new_text_is_scanned_afresh(lexicons: Lexicons) -> None:
    automaton = content_automaton(lexicons)
    before = automaton.hits("Iran sent drones.", fold("Iran sent drones."))
    after = automaton.hits("Chad got rifles.", fold("Chad got rifles."))
    assert "Iran" in [h.text for h in before]
    assert "Iran" not in [h.text for h in after]
