"""fuse_flows: from the claims of some flows (and their provenance) to fused summaries."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from armsledger.domain.core import Claim, Polarity
from armsledger.domain.fusion import (
    ClaimAssessment,
    Contradiction,
    DocumentProvenance,
    Estimate,
    FlowKey,
    FlowSummary,
    FusionResult,
    Grade,
    Origin,
)
from armsledger.fuse.contradictions import amount_contradictions, denial_contradictions
from armsledger.fuse.flows import claims_by_flow, covers, related_items
from armsledger.fuse.grading import GradingContext, grade_claims
from armsledger.fuse.independence import OriginAssignment, assign_origins
from armsledger.fuse.rules import (
    CONVERSIONS_PATH,
    GRADING_PATH,
    OUTLETS_PATH,
    ConversionRules,
    GradingRules,
    ProvenanceRules,
    load_conversion_rules,
    load_grading_rules,
    load_provenance_rules,
    rules_versions,
)
from armsledger.fuse.series import (
    conservative_figure,
    derived_estimates,
    high_figure,
    latest_estimate,
    primary_unit,
    reported_estimates,
    sort_series,
)
from armsledger.fuse.sources import SourceMerge, merge_sources


@dataclass(frozen=True, slots=True, kw_only=True)
class FusionRules:
    """The data fusion runs on: the three rule files and the item hierarchy of the lexicons."""

    provenance: ProvenanceRules
    conversions: ConversionRules
    grading: GradingRules
    item_parents: Mapping[str, str | None]

    @property
    def versions(self) -> tuple[tuple[str, int], ...]:
        return rules_versions(self.provenance, self.conversions, self.grading)


def load_fusion_rules(
    item_parents: Mapping[str, str | None],
    *,
    outlets: Path = OUTLETS_PATH,
    conversions: Path = CONVERSIONS_PATH,
    grading: Path = GRADING_PATH,
) -> FusionRules:
    return FusionRules(
        provenance=load_provenance_rules(outlets),
        conversions=load_conversion_rules(conversions),
        grading=load_grading_rules(grading),
        item_parents=item_parents,
    )


def context_flows(
    targets: Iterable[FlowKey], item_parents: Mapping[str, str | None]
) -> frozenset[FlowKey]:
    """The flows whose claims fuse_flows needs to summarise `targets` correctly: each target's
    wider items (their denials cover it) and narrower items (their claims corroborate it)."""
    keys: set[FlowKey] = set()
    for supplier, recipient, item in targets:
        keys.update((supplier, recipient, other) for other in related_items(item, item_parents))
    return frozenset(keys)


def fuse_flows(
    claims: Sequence[Claim],
    provenance_by_doc: Mapping[str, DocumentProvenance],
    rules: FusionRules,
    targets: Collection[FlowKey] | None = None,
) -> FusionResult:
    """Summarise the target flows (default: every flow of `claims`).

    `claims` must hold every claim of `context_flows(targets)`; nothing else is read, so a new
    document costs the flows it touches, not the size of the ledger.
    """
    targets = frozenset(targets) if targets is not None else frozenset(c.flow_key for c in claims)
    sources = merge_sources(claims, provenance_by_doc, rules.provenance)
    origins = assign_origins(claims, provenance_by_doc, sources, rules.provenance)
    grouped = claims_by_flow(claims)
    series = {
        flow: _series(flow, flow_claims, provenance_by_doc, origins, rules)
        for flow, flow_claims in grouped.items()
    }
    contradictions = denial_contradictions(claims, rules.item_parents)
    for flow_series in series.values():
        contradictions.extend(amount_contradictions(flow_series, rules.grading))
    context = GradingContext(
        claims=claims,
        origin_by_claim=origins.origin_by_claim,
        channel_by_claim=origins.channel_by_claim,
        entity_by_claim=sources.entity_by_claim,
        provenance_by_doc=provenance_by_doc,
        contradictions=contradictions,
        item_parents=rules.item_parents,
    )
    grades = grade_claims(context, rules.grading)
    summaries = [
        _summary(flow, grouped, series[flow], origins, contradictions, grades, rules)
        for flow in sorted(targets & grouped.keys())
    ]
    return _result(claims, targets, provenance_by_doc, sources, origins, summaries, grades, rules)


def _series(
    flow: FlowKey,
    flow_claims: Sequence[Claim],
    provenance_by_doc: Mapping[str, DocumentProvenance],
    origins: OriginAssignment,
    rules: FusionRules,
) -> tuple[Estimate, ...]:
    reported = reported_estimates(flow, flow_claims, provenance_by_doc, origins.origin_by_claim)
    derived = derived_estimates(reported, rules.conversions, rules.item_parents)
    return sort_series([*reported, *derived])


def _summary(
    flow: FlowKey,
    grouped: Mapping[FlowKey, Sequence[Claim]],
    series: Sequence[Estimate],
    origins: OriginAssignment,
    contradictions: Sequence[Contradiction],
    grades: Mapping[str, Grade],
    rules: FusionRules,
) -> FlowSummary:
    flow_claims = grouped[flow]
    affirmed = [c for c in flow_claims if c.polarity == Polarity.AFFIRMED]
    supporting = _supporting_claims(flow, grouped, rules.item_parents)
    origin_ids = sorted({origins.origin_by_claim[c.id] for c in supporting})
    unit = primary_unit(series)
    mine = [c for c in contradictions if flow in (c.flow, c.other_flow)]
    best = min((grades[c.id] for c in affirmed), key=_strength, default=None)
    return FlowSummary(
        flow=flow,
        claim_count=len(flow_claims),
        affirmed_count=len(affirmed),
        denied_count=len(flow_claims) - len(affirmed),
        series=tuple(series),
        latest=latest_estimate(series),
        conservative=conservative_figure(series, unit, grades.get, rules.grading) if unit else None,
        high=high_figure(series, unit) if unit else None,
        independent_origins=len(origin_ids),
        origin_ids=tuple(origin_ids),
        independence_reason=_independence_reason(flow, supporting, origins),
        contradictions=tuple(sorted(mine, key=lambda c: c.id)),
        grade=best,
    )


def _strength(grade: Grade) -> tuple[int, str]:
    return (grade.credibility, grade.reliability)


def _supporting_claims(
    flow: FlowKey,
    grouped: Mapping[FlowKey, Sequence[Claim]],
    item_parents: Mapping[str, str | None],
) -> list[Claim]:
    """Affirmations of the flow or of a narrower item: shells sent means weapons sent."""
    return [
        claim
        for other, flow_claims in grouped.items()
        if other[:2] == flow[:2] and covers(flow[2], other[2], item_parents)
        for claim in flow_claims
        if claim.polarity == Polarity.AFFIRMED
    ]


def _independence_reason(
    flow: FlowKey, supporting: Sequence[Claim], origins: OriginAssignment
) -> str:
    by_origin: dict[str, set[str]] = {}
    for claim in supporting:
        by_origin.setdefault(origins.origin_by_claim[claim.id], set()).add(claim.doc_id)
    labels = {origin.id: origin.label for origin in origins.origins}
    parts = [
        f"{labels[origin_id]} (doc{'s' if len(docs) > 1 else ''} {', '.join(sorted(docs))})"
        for origin_id, docs in sorted(by_origin.items(), key=lambda row: labels[row[0]])
    ]
    articles = len({claim.doc_id for claim in supporting})
    return (
        f"{len(by_origin)} independent origin(s) behind {articles} article(s) affirming "
        f"{flow[0]} → {flow[1]} {flow[2]} (or a narrower item): " + "; ".join(parts)
    )


def _result(
    claims: Sequence[Claim],
    targets: frozenset[FlowKey],
    provenance_by_doc: Mapping[str, DocumentProvenance],
    sources: SourceMerge,
    origins: OriginAssignment,
    summaries: Sequence[FlowSummary],
    grades: Mapping[str, Grade],
    rules: FusionRules,
) -> FusionResult:
    entity_names = {entity.id: entity.name for entity in sources.entities}
    assessments = tuple(
        ClaimAssessment(
            claim_id=claim.id,
            doc_id=claim.doc_id,
            flow=claim.flow_key,
            source_id=sources.entity_by_claim[claim.id],
            speaker=entity_names[sources.entity_by_claim[claim.id]],
            channel=origins.channel_by_claim.get(claim.id),
            outlet=_outlet(provenance_by_doc.get(claim.doc_id)),
            origin_id=origins.origin_by_claim[claim.id],
            grade=grades[claim.id],
        )
        for claim in sorted(claims, key=lambda c: (c.doc_id, c.evidence.start, c.id))
        if claim.flow_key in targets
    )
    doc_ids = {a.doc_id for a in assessments}
    contradictions = {c.id: c for s in summaries for c in s.contradictions}
    return FusionResult(
        provenance=tuple(provenance_by_doc[d] for d in sorted(doc_ids) if d in provenance_by_doc),
        sources=sources.entities,
        origins=_used(origins.origins, {a.origin_id for a in assessments}),
        assessments=assessments,
        flows=tuple(summaries),
        contradictions=tuple(contradictions[key] for key in sorted(contradictions)),
        rules_versions=rules.versions,
    )


def _outlet(provenance: DocumentProvenance | None) -> str | None:
    return provenance.outlet if provenance else None


def _used(origins: Sequence[Origin], used: set[str]) -> tuple[Origin, ...]:
    return tuple(origin for origin in origins if origin.id in used)
