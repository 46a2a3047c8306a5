"""Contradictions: denials through the item hierarchy, figures apart beyond their bounds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from armsledger.domain.core import Quantity, Stage
from armsledger.domain.fusion import ContradictionKind, Estimate
from armsledger.fuse.contradictions import amount_contradictions, denial_contradictions
from armsledger.fuse.engine import FusionRules
from tests.fuse.story import ITEM_PARENTS, SHELLS, WEAPONS, story_claims, story_result


def test_denial_of_wider_item_contradicts_affirmed_narrower_flow(
    fusion_rules: FusionRules,
) -> None:
    result = story_result(fusion_rules)
    (shells,) = [s for s in result.flows if s.flow == SHELLS]
    denials = [c for c in shells.contradictions if c.kind == ContradictionKind.DENIAL]
    assert len(denials) == 1
    denial = denials[0]
    assert (denial.flow, denial.other_flow) == (SHELLS, WEAPONS)
    assert denial.other_sources == ("Nordland's foreign ministry",)
    assert "Defence Minister Ilse Varga" in denial.sources
    assert denial.other_claim_ids == (story_claims("denial")[0].id,)
    assert "which covers artillery_ammunition" in denial.explanation
    # the denied flow lists the same contradiction
    (weapons,) = [s for s in result.flows if s.flow == WEAPONS]
    assert denial in weapons.contradictions


def test_denial_of_narrower_item_does_not_contradict_wider(fusion_rules: FusionRules) -> None:
    affirmed = story_claims("official")[0]
    denied = story_claims("denial")[0]
    # a denial about shells, set against an affirmation about weapons in general
    shells_denied = replace(denied, item=affirmed.item)
    weapons_affirmed = replace(affirmed, item=denied.item)
    assert denial_contradictions([shells_denied, weapons_affirmed], ITEM_PARENTS) == []
    assert len(denial_contradictions([shells_denied, affirmed], ITEM_PARENTS)) == 1


def estimate(
    value: float,
    origin: str,
    *,
    low: float | None = None,
    high: float | None = None,
    unit: str = "item",
    when: date | None = None,
    stage: Stage = Stage.DELIVERED,
) -> Estimate:
    return Estimate(
        flow=SHELLS,
        quantity=Quantity(value=value, low=low, high=high, unit=unit),
        time=when,
        claim_ids=(f"{origin}-{value}",),
        origin_id=origin,
        source_names=(origin,),
        stage=stage,
    )


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (estimate(1000, "a"), estimate(2000, "b"), True),
        (estimate(1000, "a"), estimate(1300, "b"), False),  # within the 25% margin
        (
            estimate(1000, "a"),
            estimate(2000, "a"),
            False,
        ),  # one origin: alternatives, not a conflict
        (estimate(1000, "a", low=1000), estimate(5000, "b"), False),  # "more than 1,000"
        (estimate(1000, "a"), estimate(2000, "b", unit="container"), False),
        (estimate(1000, "a"), estimate(2000, "b", stage=Stage.PLANNED), False),
        (
            estimate(1000, "a", when=date(2031, 1, 1)),
            estimate(5000, "b", when=date(2031, 12, 1)),
            False,
        ),  # months apart: the stock grew
        (
            estimate(1000, "a", when=date(2031, 1, 1)),
            estimate(5000, "b", when=date(2031, 2, 1)),
            True,
        ),
    ],
)
def test_amount_contradictions_need_distance_beyond_bounds(
    first: Estimate, second: Estimate, conflict: bool, fusion_rules: FusionRules
) -> None:
    found = amount_contradictions([first, second], fusion_rules.grading)
    assert bool(found) is conflict


def test_amount_contradiction_lists_both_sides(fusion_rules: FusionRules) -> None:
    (found,) = amount_contradictions(
        [estimate(5000, "high side"), estimate(1000, "low side")], fusion_rules.grading
    )
    assert found.sources == ("low side",)
    assert found.other_sources == ("high side",)
    assert found.claim_ids == ("low side-1000",)
    assert "1,000 item (low side) and 5,000 item (high side)" in found.explanation


def test_story_conflicting_figures_listed(fusion_rules: FusionRules) -> None:
    (shells,) = [s for s in story_result(fusion_rules).flows if s.flow == SHELLS]
    amounts = [c for c in shells.contradictions if c.kind == ContradictionKind.AMOUNT]
    # 900,000 from Harbor Wire's sources against Varga's three million; "at least one million"
    # has no upper bound and so conflicts with neither
    assert [(c.sources, c.other_sources) for c in amounts] == [
        (("sources familiar with the shipments",), ("Varga",))
    ]
