"""Estimate series per flow, figures implied by conversions, conservative and high figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from armsledger.domain.core import Claim, Modality, Polarity, Quantity
from armsledger.domain.fusion import DocumentProvenance, Estimate, Figure, FlowKey, Grade
from armsledger.fuse.flows import covers
from armsledger.fuse.rules import Conversion, ConversionRules, GradingRules

Bounds = tuple[float | None, float | None]


def bounds(quantity: Quantity) -> Bounds:
    """(lower, upper) the wording implies: "more than 1,000" has no upper bound; a bare figure
    ("about 6,700", "1.5 million") is both bounds."""
    lower = quantity.low if quantity.low is not None else None
    upper = quantity.high if quantity.high is not None else None
    if lower is None and quantity.high is None:
        lower = quantity.value
    if upper is None and quantity.low is None:
        upper = quantity.value
    return lower, upper


def claim_date(claim: Claim, provenance: DocumentProvenance | None) -> date | None:
    """When the figure holds: the claim's own time, else the document's publication date."""
    if claim.time is not None and (claim.time.end or claim.time.start):
        return claim.time.end or claim.time.start
    return provenance.published if provenance else None


def reported_estimates(
    flow: FlowKey,
    claims: Sequence[Claim],
    provenance_by_doc: Mapping[str, DocumentProvenance],
    origin_by_claim: Mapping[str, str],
) -> list[Estimate]:
    """One point per figure and origin: a syndicated copy or a later article repeating the same
    figure from the same origin repeats the point (dated by its first report), it adds none.
    Figures the text dates itself ("by March") stay separate points."""
    grouped: dict[tuple[object, ...], list[Claim]] = {}
    for claim in claims:
        if claim.quantity is None or claim.polarity != Polarity.AFFIRMED:
            continue
        quantity = claim.quantity
        stated = (claim.time.end or claim.time.start) if claim.time else None
        key = (
            quantity.value,
            quantity.low,
            quantity.high,
            quantity.unit,
            quantity.per,
            stated,
            origin_by_claim[claim.id],
            claim.stage,
            claim.modality,
        )
        grouped.setdefault(key, []).append(claim)
    return [
        _estimate(flow, members, provenance_by_doc, origin_by_claim) for members in grouped.values()
    ]


def _estimate(
    flow: FlowKey,
    members: Sequence[Claim],
    provenance_by_doc: Mapping[str, DocumentProvenance],
    origin_by_claim: Mapping[str, str],
) -> Estimate:
    first = members[0]
    assert first.quantity is not None  # reported_estimates keeps only claims with a quantity
    dates = [claim_date(claim, provenance_by_doc.get(claim.doc_id)) for claim in members]
    known = [when for when in dates if when is not None]
    return Estimate(
        flow=flow,
        quantity=first.quantity,
        time=min(known) if known else None,
        claim_ids=tuple(sorted(claim.id for claim in members)),
        origin_id=origin_by_claim[first.id],
        source_names=tuple(sorted({claim.source.name for claim in members})),
        stage=first.stage,
        hedged=first.modality == Modality.HEDGED,
    )


def primary_unit(estimates: Sequence[Estimate]) -> tuple[str, str | None] | None:
    """The unit figures are compared in: items if any source counts items, else the commonest."""
    units = [(e.quantity.unit, e.quantity.per) for e in estimates if not e.derived]
    if not units:
        return None
    if any(unit == "item" for unit, _ in units):
        return min((u for u in units if u[0] == "item"), key=lambda u: u[1] or "")
    return max(sorted(set(units), key=str), key=units.count)


def derived_estimates(
    estimates: Sequence[Estimate],
    conversions: ConversionRules,
    item_parents: Mapping[str, str | None],
) -> list[Estimate]:
    """Each reported figure restated in the flow's other units, through conversions.yaml.

    Only between figures of the same rate period: trains a day become containers a day, never a
    total, because the text gives no period to multiply by.
    """
    units = {(e.quantity.unit, e.quantity.per) for e in estimates if not e.derived}
    derived = []
    for estimate in estimates:
        unit, per = estimate.quantity.unit, estimate.quantity.per
        for target_unit, target_per in sorted(units, key=str):
            if estimate.derived or target_per != per or target_unit == unit:
                continue
            path = conversion_path(unit, target_unit, estimate.flow[2], conversions, item_parents)
            if path:
                derived.append(_converted(estimate, path, conversions.version))
    return derived


def conversion_path(
    from_unit: str,
    to_unit: str,
    item: str,
    conversions: ConversionRules,
    item_parents: Mapping[str, str | None],
) -> tuple[Conversion, ...]:
    """The shortest chain of assumptions from one unit to another that holds for the item."""
    usable = [c for c in conversions.entries if any(covers(i, item, item_parents) for i in c.items)]
    frontier: list[tuple[str, tuple[Conversion, ...]]] = [(from_unit, ())]
    for _ in range(conversions.max_steps):
        next_frontier = []
        for unit, path in frontier:
            for conversion in usable:
                if conversion.from_unit == unit and conversion not in path:
                    if conversion.to_unit == to_unit:
                        return (*path, conversion)
                    next_frontier.append((conversion.to_unit, (*path, conversion)))
        frontier = next_frontier
    return ()


def _converted(estimate: Estimate, path: Sequence[Conversion], version: int) -> Estimate:
    lower, upper = bounds(estimate.quantity)
    steps = []
    for conversion in path:
        lower = lower * conversion.low if lower is not None else None
        upper = upper * conversion.high if upper is not None else None
        steps.append(
            f"× {_number(conversion.low)}–{_number(conversion.high)} {conversion.to_unit} per "
            f"{conversion.from_unit} ({conversion.id}: {conversion.source})"
        )
    note = (
        f"derived, not reported: {estimate.quantity.text or _number(bounds(estimate.quantity)[0])}"
        f" {estimate.quantity.unit} " + " ".join(steps) + f" [conversions v{version}]"
    )
    quantity = Quantity(
        value=None,
        low=lower,
        high=upper,
        unit=path[-1].to_unit,
        per=estimate.quantity.per,
        text=note,
    )
    return Estimate(
        flow=estimate.flow,
        quantity=quantity,
        time=estimate.time,
        claim_ids=estimate.claim_ids,
        origin_id=estimate.origin_id,
        source_names=estimate.source_names,
        stage=estimate.stage,
        hedged=estimate.hedged,
        derived=True,
        derivation=note,
    )


def sort_series(estimates: Sequence[Estimate]) -> tuple[Estimate, ...]:
    """By date, undated last; reported before derived on the same date."""
    return tuple(
        sorted(
            estimates,
            key=lambda e: (
                e.time is None,
                e.time or date.min,
                e.derived,
                e.quantity.unit,
                e.claim_ids,
            ),
        )
    )


def latest_estimate(series: Sequence[Estimate]) -> Estimate | None:
    dated = [e for e in series if e.time is not None and not e.derived]
    reported = [e for e in series if not e.derived]
    chosen = dated or reported
    return chosen[-1] if chosen else None


def conservative_figure(
    series: Sequence[Estimate],
    unit: tuple[str, str | None],
    grade_of: Callable[[str], Grade | None],
    rules: GradingRules,
) -> Figure | None:
    """The lowest lower bound among reported figures whose claims are well sourced."""
    candidates = []
    for estimate in series:
        lower = bounds(estimate.quantity)[0]
        if estimate.derived or (estimate.quantity.unit, estimate.quantity.per) != unit:
            continue
        grades = [g for g in (grade_of(i) for i in estimate.claim_ids) if g is not None]
        if lower is not None and any(_well_sourced(g, rules) for g in grades):
            candidates.append((lower, estimate, min(grades, key=lambda g: g.code)))
    if not candidates:
        return None
    lower, estimate, grade = min(candidates, key=lambda row: (row[0], row[1].claim_ids))
    reason = (
        f"lowest bound among {len(candidates)} well-sourced reported figure(s) (graded "
        f"{rules.well_sourced_reliability}{rules.well_sourced_credibility} or better): "
        f"{', '.join(estimate.source_names)}, graded {grade.code}"
    )
    return Figure(
        value=lower, unit=unit[0], per=unit[1], reason=reason, claim_ids=estimate.claim_ids
    )


def _well_sourced(grade: Grade, rules: GradingRules) -> bool:
    return (
        grade.reliability <= rules.well_sourced_reliability
        and grade.credibility <= rules.well_sourced_credibility
    )


def high_figure(series: Sequence[Estimate], unit: tuple[str, str | None]) -> Figure | None:
    """The highest bound any source gives, reported or derived, with how it was reached."""
    candidates = []
    for estimate in series:
        if (estimate.quantity.unit, estimate.quantity.per) != unit:
            continue
        lower, upper = bounds(estimate.quantity)
        top = upper if upper is not None else lower
        if top is not None:
            candidates.append((top, estimate))
    if not candidates:
        return None
    top, estimate = max(candidates, key=lambda row: (row[0], not row[1].derived, row[1].claim_ids))
    how = estimate.derivation if estimate.derived else "reported"
    hedge = ", hedged" if estimate.hedged else ""
    names = ", ".join(estimate.source_names)
    reason = f"highest bound of {len(candidates)} figure(s): {names} ({how}{hedge})"
    return Figure(
        value=top,
        unit=unit[0],
        per=unit[1],
        reason=reason,
        claim_ids=estimate.claim_ids,
        derived=estimate.derived,
    )


def _number(number: float | None) -> str:
    if number is None:
        return "?"
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"
