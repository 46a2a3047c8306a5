"""Contradictions within and across related flows: denials of affirmed flows, and figures
that disagree beyond their bounds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from armsledger.domain.core import Claim, Polarity
from armsledger.domain.fusion import Contradiction, ContradictionKind, Estimate, FlowKey
from armsledger.fuse.flows import covers
from armsledger.fuse.rules import GradingRules
from armsledger.fuse.series import bounds


def denial_contradictions(
    claims: Sequence[Claim], item_parents: Mapping[str, str | None]
) -> list[Contradiction]:
    """A denial of a flow contradicts affirmations of it and of every narrower item.

    "North Korea denies sending weapons" contradicts "North Korea sent shells": the denial of
    the wider category covers the narrower one, so the hierarchy decides.
    """
    denials: dict[FlowKey, list[Claim]] = {}
    affirmations: dict[FlowKey, list[Claim]] = {}
    for claim in claims:
        side = denials if claim.polarity == Polarity.DENIED else affirmations
        side.setdefault(claim.flow_key, []).append(claim)
    found = []
    for denied_flow, denying in sorted(denials.items()):
        for affirmed_flow, affirming in sorted(affirmations.items()):
            if denied_flow[:2] == affirmed_flow[:2] and covers(
                denied_flow[2], affirmed_flow[2], item_parents
            ):
                found.append(_denial(affirmed_flow, affirming, denied_flow, denying))
    return found


def _denial(
    affirmed_flow: FlowKey,
    affirming: Sequence[Claim],
    denied_flow: FlowKey,
    denying: Sequence[Claim],
) -> Contradiction:
    supplier, recipient, item = denied_flow
    deniers = _names(denying)
    wider = "" if denied_flow == affirmed_flow else f", which covers {affirmed_flow[2]}"
    return Contradiction(
        kind=ContradictionKind.DENIAL,
        flow=affirmed_flow,
        other_flow=denied_flow,
        claim_ids=tuple(sorted(claim.id for claim in affirming)),
        other_claim_ids=tuple(sorted(claim.id for claim in denying)),
        sources=_names(affirming),
        other_sources=deniers,
        explanation=(
            f"{', '.join(deniers)} deny that {supplier} supplied {item} to {recipient}{wider}; "
            f"{len(affirming)} claim(s) by {', '.join(_names(affirming))} affirm it"
        ),
    )


def amount_contradictions(series: Sequence[Estimate], rules: GradingRules) -> list[Contradiction]:
    """Reported figures of one flow, unit and stage from different origins whose ranges are
    apart by more than the margin. Dated figures far apart are growth, not disagreement."""
    reported = [e for e in series if not e.derived]
    found = []
    for first, second in combinations(reported, 2):
        low_side, high_side = sorted((first, second), key=lambda e: bounds(e.quantity)[0] or 0.0)
        if _comparable(low_side, high_side, rules) and _apart(low_side, high_side, rules):
            found.append(_amount(low_side, high_side, rules))
    return found


def _comparable(first: Estimate, second: Estimate, rules: GradingRules) -> bool:
    same_unit = (first.quantity.unit, first.quantity.per) == (
        second.quantity.unit,
        second.quantity.per,
    )
    if not same_unit or first.stage != second.stage or first.origin_id == second.origin_id:
        return False
    if first.time is None or second.time is None:
        return True
    return abs((first.time - second.time).days) <= rules.same_period_days


def _apart(low_side: Estimate, high_side: Estimate, rules: GradingRules) -> bool:
    upper = bounds(low_side.quantity)[1]
    lower = bounds(high_side.quantity)[0]
    if upper is None or lower is None:
        return False  # an open bound ("more than") can stretch to meet the other figure
    return lower - upper > rules.amount_margin * lower


def _amount(low_side: Estimate, high_side: Estimate, rules: GradingRules) -> Contradiction:
    unit = low_side.quantity.unit + (f"/{low_side.quantity.per}" if low_side.quantity.per else "")
    return Contradiction(
        kind=ContradictionKind.AMOUNT,
        flow=low_side.flow,
        other_flow=high_side.flow,
        claim_ids=low_side.claim_ids,
        other_claim_ids=high_side.claim_ids,
        sources=low_side.source_names,
        other_sources=high_side.source_names,
        explanation=(
            f"{_figure(low_side)} {unit} ({', '.join(low_side.source_names)}) and "
            f"{_figure(high_side)} {unit} ({', '.join(high_side.source_names)}) are further apart "
            f"than their bounds allow (margin {rules.amount_margin:.0%}, same stage "
            f"{low_side.stage.value})"
        ),
    )


def _figure(estimate: Estimate) -> str:
    lower, upper = bounds(estimate.quantity)
    if lower == upper and lower is not None:
        return f"{lower:,.0f}"
    shown = ["?" if bound is None else f"{bound:,.0f}" for bound in (lower, upper)]
    return "–".join(shown)


def _names(claims: Sequence[Claim]) -> tuple[str, ...]:
    return tuple(sorted({claim.source.name for claim in claims}))
