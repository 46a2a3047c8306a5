"""Parties across sentences: bullet points, back-reference nouns, object pronouns, topic breaks.

Every sentence here is invented; none comes from a seed or dev article.
"""

from __future__ import annotations

from typing import Any

import pytest

from armsledger.domain.core import Document, DocumentMeta
from armsledger.extract.claims import Extractor
from armsledger.extract.discourse import company_hits, company_pattern, is_list_item
from armsledger.extract.lookup import Hit
from armsledger.extract.model import SentenceView


def _records(extractor: Extractor, text: str) -> list[dict[str, Any]]:
    document = Document(id="discourse", text=text, content_hash="discourse", meta=DocumentMeta())
    return [claim.to_record() for claim in extractor.extract(document)]


def _flows(records: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(str(r["supplier"]), str(r["recipient"]), str(r["item"])) for r in records}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- 40 mortar tubes", True),
        ("• 300 rifles", True),
        ("* two patrol boats", True),
        ("  – anti-tank mines", True),
        ("-40 degrees at night", False),
        ("Mortars - 40 of them", False),
        ("The cargo included rifles.", False),
    ],
)
def test_is_list_item_recognises_bullet_points(line: str, expected: bool) -> None:
    view = SentenceView(index=0, start=0, end=len(line), paragraph=0)
    assert is_list_item(view, line) is expected


@pytest.mark.parametrize(
    ("text", "flows"),
    [
        # Bullet points continue the transfer their lead-in names.
        (
            "Belarus sent Russia a train of munitions, monitors said. The load included:\n"
            "- 120 artillery shells\n- 16 rocket launchers",
            {
                ("BLR", "RUS", "ammunition"),
                ("BLR", "RUS", "artillery_ammunition"),
                ("BLR", "RUS", "artillery_systems"),
            },
        ),
        # Prose after the list is no bullet point: its numbers count something else.
        (
            "Belarus sent Russia a train of munitions. The load included:\n"
            "- 120 artillery shells\nRussia fired 40 rockets at Kharkiv on Monday.",
            {("BLR", "RUS", "ammunition"), ("BLR", "RUS", "artillery_ammunition")},
        ),
        # A lead-in that names another party does not borrow the transfer before it.
        (
            "Belarus sent Russia a train of munitions. Poland's army listed its own stocks:\n"
            "- 120 artillery shells",
            {("BLR", "RUS", "ammunition")},
        ),
    ],
)
def test_fill_missing_parties_lists_follow_their_lead_in(
    extractor: Extractor, text: str, flows: set[tuple[str, str, str]]
) -> None:
    assert _flows(_records(extractor, text)) == flows


@pytest.mark.parametrize(
    ("text", "flows"),
    [
        # "the militia": the armed group last named.
        (
            "Fano fighters took the town of Lalibela. The militia has received rifles from "
            "Eritrea, officials said.",
            {("ERI", "Fano", "small_arms")},
        ),
        # "the junta": the state last named with a government, not the last state named.
        (
            "Niger's military government said Russia had delivered radars. The junta also "
            "ordered Su-25 jets.",
            {("RUS", "NER", "weapons"), ("RUS", "NER", "aircraft")},
        ),
        # "Moscow's ally": another party than Moscow.
        (
            "Belarus is short of fuel. Moscow's ally received diesel from Russia in May.",
            {("RUS", "BLR", "fuel")},
        ),
        # An object "it" after the giving verb: the subject of the sentence before.
        (
            "Cambodia has turned to Beijing for its navy. China has sold it two corvettes.",
            {("CHN", "KHM", "naval")},
        ),
    ],
)
def test_fill_missing_parties_resolves_back_references(
    extractor: Extractor, text: str, flows: set[tuple[str, str, str]]
) -> None:
    assert _flows(_records(extractor, text)) == flows


@pytest.mark.parametrize(
    "text",
    [
        "Iran has sent drones to Russia. Separately, the Serbian army received 12 helicopters.",
        "Iran has sent drones to Russia.\nElsewhere, Chile bought 10 F-16 jets last year.",
    ],
)
def test_fill_missing_parties_stops_at_topic_break(extractor: Extractor, text: str) -> None:
    assert _flows(_records(extractor, text)) == {("IRN", "RUS", "drones")}


def test_fill_missing_parties_company_state_in_apposition_is_no_partner(
    extractor: Extractor,
) -> None:
    text = (
        "Kenya wants armed drones. Baykar, Turkey's best-known drone maker, has sold it "
        "six TB2 drones."
    )
    assert _flows(_records(extractor, text)) == {("Baykar", "KEN", "drones")}


def test_fill_missing_parties_unknown_named_subject_takes_no_party(extractor: Extractor) -> None:
    text = "Iran sent 30 drones to Russia. The Wa Kingdom Army also bought 10 drones from Iran."
    assert _flows(_records(extractor, text)) == {("IRN", "RUS", "drones")}


_SUFFIXES = ("Components", "Microsystems", "Systems", "Trading")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A capitalised name ending in a company word, then its first word alone.
        (
            "Prosecutors said Kestrel Components shipped chips. Kestrel denied it.",
            [("Kestrel Components", "Kestrel Components"), ("Kestrel", "Kestrel Components")],
        ),
        # Neither an opening article nor the legal form is part of the name.
        ("The Vostok Trading LLC sold parts.", [("Vostok Trading", "Vostok Trading")]),
        # A lone company word, or one after a lower-case word, names no firm.
        ("The Components were sold by traders.", []),
        ("Russian trading firms sold parts.", []),
    ],
)
def test_company_hits_find_unknown_companies(text: str, names: list[tuple[str, str]]) -> None:
    hits = company_hits(text, [], company_pattern(_SUFFIXES))
    found = [(h.text, getattr(h.payload, "actor_id", "")) for h in hits]
    assert found == names


def test_company_hits_leave_item_names_to_the_item_lexicon() -> None:
    text = "Germany sent Patriot Missile Systems."
    start = text.index("Patriot")
    item = Hit(start=start, end=start + 7, kind="item", payload="Patriot", text="Patriot")
    assert company_hits(text, [item], company_pattern(_SUFFIXES)) == []
