"""JSON-ready rows for `armsledger brief` and `armsledger sources` (the CLI prints them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from armsledger.domain.fusion import (
    Contradiction,
    Estimate,
    Figure,
    FlowSummary,
    FusionResult,
    Grade,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefFilters:
    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None


def brief_rows(result: FusionResult, filters: BriefFilters | None = None) -> list[dict[str, Any]]:
    """One row per flow: range, latest, conservative and high figures, origins, conflicts, grade."""
    filters = filters or BriefFilters()
    return [_flow_row(summary, result) for summary in result.flows if _wanted(summary, filters)]


def _wanted(summary: FlowSummary, filters: BriefFilters) -> bool:
    supplier, recipient, item = summary.flow
    return all(
        wanted is None or wanted.casefold() == actual.casefold()
        for wanted, actual in (
            (filters.supplier, supplier),
            (filters.recipient, recipient),
            (filters.item, item),
        )
    )


def _flow_row(summary: FlowSummary, result: FusionResult) -> dict[str, Any]:
    supplier, recipient, item = summary.flow
    labels = {origin.id: origin.label for origin in result.origins}
    return {
        "supplier": supplier,
        "recipient": recipient,
        "item": item,
        "claims": summary.claim_count,
        "affirmed": summary.affirmed_count,
        "denied": summary.denied_count,
        "range": _range(summary),
        "series": [estimate_record(estimate) for estimate in summary.series],
        "latest": estimate_record(summary.latest) if summary.latest else None,
        "conservative": figure_record(summary.conservative),
        "high": figure_record(summary.high),
        "independent_origins": summary.independent_origins,
        "origins": [labels.get(origin_id, origin_id) for origin_id in summary.origin_ids],
        "independence": summary.independence_reason,
        "contradictions": [contradiction_record(c) for c in summary.contradictions],
        "grade": grade_record(summary.grade),
    }


def _range(summary: FlowSummary) -> dict[str, Any] | None:
    low, high = summary.conservative, summary.high
    shown = low or high
    if shown is None:
        return None
    unit = shown.unit
    return {
        "low": _plain_number(low.value) if low else None,
        "high": _plain_number(high.value) if high else None,
        "unit": unit,
    }


def estimate_record(estimate: Estimate) -> dict[str, Any]:
    quantity = estimate.quantity
    return {
        "value": _plain_number(quantity.value),
        "low": _plain_number(quantity.low),
        "high": _plain_number(quantity.high),
        "unit": quantity.unit,
        "per": quantity.per,
        "time": estimate.time.isoformat() if estimate.time else None,
        "stage": estimate.stage.value,
        "sources": list(estimate.source_names),
        "origin": estimate.origin_id,
        "claims": list(estimate.claim_ids),
        "hedged": estimate.hedged,
        "derived": estimate.derived,
        "derivation": estimate.derivation or None,
    }


def figure_record(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {
        "value": _plain_number(figure.value),
        "unit": figure.unit,
        "per": figure.per,
        "derived": figure.derived,
        "reason": figure.reason,
        "claims": list(figure.claim_ids),
    }


def contradiction_record(contradiction: Contradiction) -> dict[str, Any]:
    return {
        "kind": contradiction.kind.value,
        "flow": list(contradiction.flow),
        "other_flow": list(contradiction.other_flow),
        "claims": list(contradiction.claim_ids),
        "other_claims": list(contradiction.other_claim_ids),
        "sources": list(contradiction.sources),
        "other_sources": list(contradiction.other_sources),
        "explanation": contradiction.explanation,
    }


def grade_record(grade: Grade | None) -> dict[str, Any] | None:
    if grade is None:
        return None
    return {
        "code": grade.code,
        "reliability": grade.reliability,
        "credibility": grade.credibility,
        "reasons": list(grade.reasons),
        "rules_version": grade.rules_version,
    }


def _plain_number(number: float | None) -> float | int | None:
    """1500000.0 prints as 1500000, as the claim records do."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def source_rows(result: FusionResult) -> list[dict[str, Any]]:
    """One row per merged source: its names, claims with grades, origins and documents."""
    by_source: Mapping[str, list[dict[str, Any]]] = defaultdict(list)
    origins_of: Mapping[str, set[str]] = defaultdict(set)
    labels = {origin.id: origin.label for origin in result.origins}
    for assessment in result.assessments:
        by_source[assessment.source_id].append(
            {
                "claim": assessment.claim_id,
                "doc": assessment.doc_id,
                "flow": list(assessment.flow),
                "channel": assessment.channel,
                "outlet": assessment.outlet,
                "grade": grade_record(assessment.grade),
            }
        )
        origins_of[assessment.source_id].add(labels.get(assessment.origin_id, assessment.origin_id))
    return [
        {
            "id": entity.id,
            "name": entity.name,
            "kind": entity.kind.value,
            "role": entity.role,
            "state": entity.state,
            "variants": list(entity.variants),
            "docs": list(entity.doc_ids),
            "origins": sorted(origins_of[entity.id]),
            "claims": by_source[entity.id],
        }
        for entity in result.sources
        if entity.id in by_source
    ]
