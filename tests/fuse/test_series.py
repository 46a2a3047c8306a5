"""Estimate series: each figure with its unit and source, derived figures marked derived."""

from __future__ import annotations

import pytest

from armsledger.domain.core import Quantity
from armsledger.domain.fusion import Estimate, FlowSummary
from armsledger.fuse.engine import FusionRules
from armsledger.fuse.series import bounds, conversion_path
from tests.fuse.story import ITEM_PARENTS, SHELLS, story_ledger


def shells_summary(rules: FusionRules, *doc_ids: str) -> FlowSummary:
    ledger = story_ledger(rules, doc_ids) if doc_ids else story_ledger(rules)
    summary = ledger.summary(SHELLS)
    assert summary is not None
    return summary


def points(series: tuple[Estimate, ...]) -> list[tuple[object, ...]]:
    return [
        (
            e.quantity.value,
            e.quantity.low,
            e.quantity.high,
            e.quantity.unit,
            e.source_names,
            e.derived,
            e.hedged,
        )
        for e in series
    ]


def test_series_lists_each_figure_with_unit_and_source(fusion_rules: FusionRules) -> None:
    summary = shells_summary(fusion_rules)
    assert points(summary.series) == [
        # wire and its syndicated copy repeat one figure from one origin: one point
        (2000, 2000, 2000, "container", ("two sources",), False, False),
        (None, 600_000, 1_000_000, "item", ("two sources",), True, False),
        (900_000, None, None, "item", ("sources familiar with the shipments",), False, False),
        (1_000_000, 1_000_000, None, "item", ("Defence Minister Ilse Varga",), False, False),
        (3_000_000, 3_000_000, 3_000_000, "item", ("Varga",), False, True),
    ]
    dates = [e.time.isoformat() if e.time else None for e in summary.series]
    assert dates == ["2031-03-10", "2031-03-10", "2031-03-12", "2031-03-15", "2031-03-15"]
    assert len(summary.series[0].claim_ids) == 2  # the wire's claim and the copy's


def test_derived_figure_is_marked_and_explained(fusion_rules: FusionRules) -> None:
    derived = [e for e in shells_summary(fusion_rules).series if e.derived]
    assert len(derived) == 1
    assert derived[0].quantity.value is None  # nobody reported it
    assert "derived, not reported" in derived[0].derivation
    assert "shells_per_container" in derived[0].derivation


def test_conservative_is_lowest_well_sourced_bound(fusion_rules: FusionRules) -> None:
    summary = shells_summary(fusion_rules)
    assert summary.conservative is not None
    # 900,000 and the containers come from unnamed sources (graded D): not well sourced
    assert (summary.conservative.value, summary.conservative.unit) == (1_000_000, "item")
    assert "Defence Minister Ilse Varga" in summary.conservative.reason


def test_high_is_highest_bound_with_its_hedge(fusion_rules: FusionRules) -> None:
    summary = shells_summary(fusion_rules)
    assert summary.high is not None
    assert summary.high.value == 3_000_000
    assert "hedged" in summary.high.reason
    assert summary.high.derived is False


def test_latest_is_latest_reported_point(fusion_rules: FusionRules) -> None:
    latest = shells_summary(fusion_rules, "wire", "relay").latest
    assert latest is not None
    assert latest.quantity.value == 900_000


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (Quantity(value=1000, low=1000, high=None), (1000, None)),  # "more than 1,000"
        (Quantity(value=4, low=None, high=4), (None, 4)),  # "as many as 4"
        (Quantity(value=6700, low=None, high=None), (6700, 6700)),  # "about 6,700"
        (Quantity(value=15, low=10, high=20), (10, 20)),  # "10 to 20"
    ],
)
def test_bounds_follow_the_wording(
    quantity: Quantity, expected: tuple[float | None, float | None]
) -> None:
    assert bounds(quantity) == expected


def test_conversion_path_chains_trains_to_containers(fusion_rules: FusionRules) -> None:
    path = conversion_path("train", "container", "cargo", fusion_rules.conversions, ITEM_PARENTS)
    assert [step.id for step in path] == ["containers_per_train"]


def test_conversion_path_holds_only_for_its_items(fusion_rules: FusionRules) -> None:
    # shells per container says nothing about containers of food
    assert (
        conversion_path("container", "item", "food", fusion_rules.conversions, ITEM_PARENTS) == ()
    )
