"""STIX export: parsed back by stix2 with custom content refused, then checked object by object."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

import pytest
import stix2

from armsledger.domain.core import Claim
from armsledger.export import FORMATS
from armsledger.export.bundle import LedgerBundle
from armsledger.export.stix import actor_ref, flow_ref, note_ref


def parsed_bundle(ledger: LedgerBundle) -> Any:
    out = io.StringIO()
    FORMATS["stix"].write(ledger, out)
    return stix2.parse(out.getvalue(), allow_custom=False)


def objects_of(bundle: Any, kind: str) -> list[Any]:
    return [obj for obj in bundle.objects if obj.type == kind]


def test_export_stix_object_counts(ledger: LedgerBundle) -> None:
    bundle = parsed_bundle(ledger)
    counts = Counter(obj.type for obj in bundle.objects)
    # identities: armsledger + PRK, RUS, IRN; relationships: 3 flows + 3 located-at;
    # opinions: the three graded claims; reports: the two documents.
    assert counts == {
        "identity": 4,
        "location": 3,
        "relationship": 6,
        "note": 4,
        "opinion": 3,
        "report": 2,
    }


def test_export_stix_flows_point_from_supplier_to_recipient(ledger: LedgerBundle) -> None:
    bundle = parsed_bundle(ledger)
    flows = {
        (rel.source_ref, rel.target_ref, rel.labels[0])
        for rel in objects_of(bundle, "relationship")
        if rel.relationship_type == "supplies"
    }
    assert flows == {
        (actor_ref("PRK"), actor_ref("RUS"), "artillery_ammunition"),
        (actor_ref("RUS"), actor_ref("PRK"), "money"),
        (actor_ref("IRN"), actor_ref("RUS"), "drones"),
    }


@pytest.mark.parametrize(
    ("flow", "confidence"),
    [
        # the denied claim (F6) does not lower or raise the affirmed B2 → 70
        (("PRK", "RUS", "artillery_ammunition"), 70),
        (("RUS", "PRK", "money"), 50),  # C3
        (("IRN", "RUS", "drones"), None),  # ungraded
    ],
)
def test_export_stix_flow_confidence_from_grades(
    ledger: LedgerBundle, flow: tuple[str, str, str], confidence: int | None
) -> None:
    relationship = next(obj for obj in parsed_bundle(ledger).objects if obj.id == flow_ref(flow))
    assert relationship.get("confidence") == confidence


@pytest.mark.parametrize(
    ("name", "confidence", "opinion"),
    [
        ("shipped", 70, "agree"),  # credibility 2, "probably true"
        ("payment", 50, "neutral"),  # credibility 3, "possibly true"
        ("denied", None, "neutral"),  # credibility 6 has no STIX value
        ("drones", None, None),  # no grade, no opinion
    ],
)
def test_export_stix_notes_quote_claims_with_confidence(
    ledger: LedgerBundle,
    claims: dict[str, Claim],
    name: str,
    confidence: int | None,
    opinion: str | None,
) -> None:
    bundle = parsed_bundle(ledger)
    claim = claims[name]
    note = next(obj for obj in bundle.objects if obj.id == note_ref(claim))
    assert note.content == claim.evidence.text
    assert note.authors == [claim.source.name]
    assert note.object_refs == [flow_ref(claim.flow_key)]
    assert note.get("confidence") == confidence
    assert note.labels[0] == claim.polarity.value
    assert note.external_references[0].external_id == claim.id
    opinions = [obj for obj in objects_of(bundle, "opinion") if note.id in obj.object_refs]
    assert [obj.opinion for obj in opinions] == ([opinion] if opinion else [])


def test_export_stix_reports_one_per_document(
    ledger: LedgerBundle, claims: dict[str, Claim]
) -> None:
    reports = {report.name: report for report in objects_of(parsed_bundle(ledger), "report")}
    assert sorted(reports) == ["Shells for Russia", "blog_02"]  # untitled: named by its id
    wire = reports["Shells for Russia"]
    assert wire.published.isoformat().startswith("2024-01-10")
    assert wire.external_references[0].url == "https://news.example.org/shells"
    assert note_ref(claims["shipped"]) in wire.object_refs
    assert note_ref(claims["denied"]) in wire.object_refs
    assert note_ref(claims["payment"]) not in wire.object_refs


def test_export_stix_states_located_in_their_countries(ledger: LedgerBundle) -> None:
    bundle = parsed_bundle(ledger)
    countries = {loc.id: loc.country for loc in objects_of(bundle, "location")}
    located = {
        rel.source_ref: countries[rel.target_ref]
        for rel in objects_of(bundle, "relationship")
        if rel.relationship_type == "located-at"
    }
    assert located == {actor_ref("PRK"): "KP", actor_ref("RUS"): "RU", actor_ref("IRN"): "IR"}


def test_export_stix_is_reproducible(ledger: LedgerBundle) -> None:
    first, second = io.StringIO(), io.StringIO()
    FORMATS["stix"].write(ledger, first)
    FORMATS["stix"].write(ledger, second)
    assert first.getvalue() == second.getvalue()
    # With no run time, objects are stamped with the latest publication date, not the clock.
    created = {obj.created.isoformat() for obj in parsed_bundle(ledger).objects}
    assert created == {"2024-02-05T00:00:00+00:00"}


def test_export_stix_document_without_claims_is_still_valid(ledger: LedgerBundle) -> None:
    bare = LedgerBundle(documents=ledger.documents, claims=[])
    reports = objects_of(parsed_bundle(bare), "report")
    assert len(reports) == 2
