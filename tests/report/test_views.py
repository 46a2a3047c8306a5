"""Read models: amounts as text, flows from claims, arms against payment, timelines."""

from __future__ import annotations

from datetime import date

import pytest

from armsledger.report.ledger import Ledger
from armsledger.report.taxonomy import FlowKind, flow_kind
from armsledger.report.views import (
    diagram_edges,
    flow_rows,
    overview,
    source_rows,
    timeline_points,
)
from tests.report.sample_ledger import SampleLedger, sample_fusion


@pytest.mark.parametrize(
    ("category", "kind"),
    [
        ("artillery_ammunition", FlowKind.ARMS),
        ("weapons", FlowKind.ARMS),
        ("drones", FlowKind.ARMS),
        ("food", FlowKind.OTHER),
        ("money", FlowKind.OTHER),
        ("not_a_category", FlowKind.OTHER),
    ],
)
def test_flow_kind_follows_the_taxonomy(category: str, kind: FlowKind) -> None:
    assert flow_kind(category) is kind


def ledger_of(sample: SampleLedger, *, fused: bool = False) -> Ledger:
    fusion = sample_fusion(sample) if fused else None
    return Ledger(documents=sample.documents, claims=sample.claims, fusion=fusion)


def test_overview_counts_the_sample(sample: SampleLedger) -> None:
    summary = overview(ledger_of(sample))
    assert (summary.documents, summary.claims, summary.flows) == (3, 8, 7)
    assert (summary.denied, summary.hedged, summary.actors) == (1, 2, 3)
    assert summary.origins is None
    assert summary.first_published == date(2024, 1, 10)


def test_flow_rows_count_claims_per_flow(sample: SampleLedger) -> None:
    rows = {row.key: row for row in flow_rows(ledger_of(sample))}
    ammunition = rows[("PRK", "RUS", "ammunition")]
    assert len(ammunition.claim_ids) == 2
    assert ammunition.documents == 2
    assert ammunition.latest == "~6,700 container"  # the later of the two documents
    assert rows[("PRK", "RUS", "weapons")].denied == 1


def test_diagram_edges_separate_arms_from_payment_and_drop_denials(sample: SampleLedger) -> None:
    edges = {
        (e.supplier, e.recipient, e.kind): e for e in diagram_edges(flow_rows(ledger_of(sample)))
    }
    arms = edges[("PRK", "RUS", FlowKind.ARMS)]
    assert arms.claims == 3  # two ammunition, one artillery; the denied weapons claim is left out
    assert "weapons" not in arms.items
    assert edges[("RUS", "PRK", FlowKind.OTHER)].items == ("food", "fuel")
    assert edges[("RUS", "PRK", FlowKind.ARMS)].items == ("air_defense",)


def test_timeline_points_use_claim_time_then_publication_date(sample: SampleLedger) -> None:
    series = timeline_points(ledger_of(sample))
    ammunition = series[("PRK", "RUS", "ammunition")]
    assert [(p.when, p.value, p.unit) for p in ammunition] == [
        (date(2023, 8, 1), 1000, "container"),
        (date(2024, 2, 20), 6700, "container"),
    ]
    assert not any(p.derived for points in series.values() for p in points)


def test_source_rows_use_fusion_entities_when_present(sample: SampleLedger) -> None:
    plain = {row.name: row for row in source_rows(ledger_of(sample))}
    fused = {row.name: row for row in source_rows(ledger_of(sample, fused=True))}
    assert len(plain["a Ukrainian intelligence official"].claim_ids) == 3
    assert plain["Shin Won-sik"].grades == ()
    assert fused["Shin Won-sik"].grades == ("B3",)
    assert fused["a Ukrainian intelligence official"].origins == ("Kyiv intelligence",)
