"""Read models shared by the report and the web pages: overview, flows, sources, estimates.

Each function takes a `Ledger` and returns plain rows, sorted, so that both outputs agree.
Where fusion has not run, rows are built from the claims alone and fused columns stay empty.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from armsledger.domain.core import Claim, Modality, Polarity, Quantity
from armsledger.domain.fusion import (
    Contradiction,
    Estimate,
    FlowKey,
    FlowSummary,
    SourceEntity,
)
from armsledger.domain.text import amount_text
from armsledger.report.ledger import Ledger
from armsledger.report.taxonomy import FlowKind, flow_kind


def flow_anchor(key: FlowKey) -> str:
    """An HTML id for a flow: readable, and unique even when names slug alike."""
    readable = re.sub(r"[^A-Za-z0-9_]+", "-", "-".join(key)).strip("-")
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:6]
    return f"flow-{readable}-{digest}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Overview:
    documents: int
    claims: int
    sources: int
    flows: int
    actors: int
    affirmed: int
    denied: int
    hedged: int
    origins: int | None  # None until fusion has run
    contradictions: int | None
    first_published: date | None
    last_published: date | None


def overview(ledger: Ledger) -> Overview:
    claims = ledger.claims
    published = sorted(d.meta.published for d in ledger.documents if d.meta.published)
    fusion = ledger.fusion
    return Overview(
        documents=len(ledger.documents),
        claims=len(claims),
        sources=len(source_rows(ledger)),
        flows=len({claim.flow_key for claim in claims}),
        actors=len(ledger.actors),
        affirmed=sum(claim.polarity is Polarity.AFFIRMED for claim in claims),
        denied=sum(claim.polarity is Polarity.DENIED for claim in claims),
        hedged=sum(claim.modality is Modality.HEDGED for claim in claims),
        origins=len(fusion.origins) if fusion else None,
        contradictions=len(fusion.contradictions) if fusion else None,
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class FlowRow:
    key: FlowKey
    anchor: str
    supplier: str
    supplier_name: str
    recipient: str
    recipient_name: str
    item: str
    kind: FlowKind
    claim_ids: tuple[str, ...]
    affirmed: int
    denied: int
    hedged: int
    documents: int
    sources: int
    latest: str  # the latest stated (or fused) figure, as text
    grade: str | None
    independent_origins: int | None


def flow_rows(ledger: Ledger) -> list[FlowRow]:
    """One row per (supplier, recipient, item), most claims first, then by key."""
    by_flow: dict[FlowKey, list[Claim]] = defaultdict(list)
    for claim in ledger.claims:
        by_flow[claim.flow_key].append(claim)
    summaries = _summaries(ledger)
    rows = [_flow_row(ledger, key, claims, summaries.get(key)) for key, claims in by_flow.items()]
    return sorted(rows, key=lambda row: (-len(row.claim_ids), row.key))


def _summaries(ledger: Ledger) -> dict[FlowKey, FlowSummary]:
    return {summary.flow: summary for summary in ledger.fusion.flows} if ledger.fusion else {}


def _flow_row(
    ledger: Ledger, key: FlowKey, claims: Sequence[Claim], summary: FlowSummary | None
) -> FlowRow:
    supplier, recipient, item = key
    return FlowRow(
        key=key,
        anchor=flow_anchor(key),
        supplier=supplier,
        supplier_name=ledger.actor_name(supplier),
        recipient=recipient,
        recipient_name=ledger.actor_name(recipient),
        item=item,
        kind=flow_kind(item),
        claim_ids=tuple(claim.id for claim in claims),
        affirmed=sum(claim.polarity is Polarity.AFFIRMED for claim in claims),
        denied=sum(claim.polarity is Polarity.DENIED for claim in claims),
        hedged=sum(claim.modality is Modality.HEDGED for claim in claims),
        documents=len({claim.doc_id for claim in claims}),
        sources=len({claim.source.name for claim in claims}),
        latest=_latest_text(ledger, claims, summary),
        grade=summary.grade.code if summary and summary.grade else None,
        independent_origins=summary.independent_origins if summary else None,
    )


def _latest_text(ledger: Ledger, claims: Sequence[Claim], summary: FlowSummary | None) -> str:
    if summary is not None and summary.latest is not None:
        return amount_text(summary.latest.quantity)
    dated = [
        (claim_date(ledger, claim) or date.min, claim.evidence.start, claim)
        for claim in claims
        if claim.quantity is not None and claim.polarity is Polarity.AFFIRMED
    ]
    if not dated:
        return ""
    return amount_text(max(dated, key=lambda entry: (entry[0], entry[1]))[2].quantity)


def claim_date(ledger: Ledger, claim: Claim) -> date | None:
    """When the claim says it happened, else when its document was published."""
    if claim.time is not None and claim.time.start is not None:
        return claim.time.start
    document = ledger.documents_by_id.get(claim.doc_id)
    return document.meta.published if document else None


@dataclass(frozen=True, slots=True, kw_only=True)
class DiagramEdge:
    """Everything of one kind going from one actor to another, for the flow diagram."""

    supplier: str
    supplier_name: str
    recipient: str
    recipient_name: str
    kind: FlowKind
    claims: int  # affirmed claims only
    items: tuple[str, ...]  # categories, most claims first


def _by_affirmed(row: FlowRow) -> tuple[int, str]:
    return (-row.affirmed, row.item)


def diagram_edges(rows: Iterable[FlowRow]) -> list[DiagramEdge]:
    grouped: dict[tuple[str, str, FlowKind], list[FlowRow]] = defaultdict(list)
    for row in rows:
        grouped[(row.supplier, row.recipient, row.kind)].append(row)
    edges = []
    for (supplier, recipient, kind), members in sorted(grouped.items()):
        # A denial says nothing was sent, so only affirmed claims draw an arrow.
        members = sorted((row for row in members if row.affirmed), key=_by_affirmed)
        if not members:
            continue
        edges.append(
            DiagramEdge(
                supplier=supplier,
                supplier_name=members[0].supplier_name,
                recipient=recipient,
                recipient_name=members[0].recipient_name,
                kind=kind,
                claims=sum(row.affirmed for row in members),
                items=tuple(row.item for row in members),
            )
        )
    return edges


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    """One figure of a flow's series, placed at its date."""

    flow: FlowKey
    when: date | None
    value: float
    low: float | None
    high: float | None
    unit: str
    label: str
    source: str
    claim_ids: tuple[str, ...]
    derived: bool
    hedged: bool
    derivation: str


def timeline_points(ledger: Ledger) -> dict[FlowKey, list[TimelinePoint]]:
    """Each flow's figures: the fused series when fusion has run, else the stated amounts."""
    fused = _summaries(ledger)
    points = [_estimate_point(e) for summary in fused.values() for e in summary.series]
    # Flows fusion has not summarised yet still show the amounts their claims state.
    points += [
        _claim_point(ledger, claim)
        for claim in ledger.claims
        if claim.flow_key not in fused and _plotted(claim)
    ]
    series: dict[FlowKey, list[TimelinePoint]] = defaultdict(list)
    for point in points:
        if point is not None:
            series[point.flow].append(point)
    for flow_points in series.values():
        flow_points.sort(key=lambda p: (p.when is None, p.when or date.min, p.unit, p.value))
    return dict(sorted(series.items()))


def _plotted(claim: Claim) -> bool:
    return claim.quantity is not None and claim.polarity is Polarity.AFFIRMED


def _figure(quantity: Quantity) -> float | None:
    """The number to plot: the stated value, else the bound the wording gives."""
    for number in (quantity.value, quantity.low, quantity.high):
        if number is not None:
            return number
    return None


def _claim_point(ledger: Ledger, claim: Claim) -> TimelinePoint | None:
    quantity = claim.quantity
    figure = _figure(quantity) if quantity else None
    if quantity is None or figure is None:
        return None
    return TimelinePoint(
        flow=claim.flow_key,
        when=claim_date(ledger, claim),
        value=figure,
        low=quantity.low,
        high=quantity.high,
        unit=quantity.unit + (f"/{quantity.per}" if quantity.per else ""),
        label=amount_text(quantity),
        source=claim.source.name,
        claim_ids=(claim.id,),
        derived=False,
        hedged=claim.modality is Modality.HEDGED,
        derivation="",
    )


def _estimate_point(estimate: Estimate) -> TimelinePoint | None:
    quantity = estimate.quantity
    figure = _figure(quantity)
    if figure is None:
        return None
    return TimelinePoint(
        flow=estimate.flow,
        when=estimate.time,
        value=figure,
        low=quantity.low,
        high=quantity.high,
        unit=quantity.unit + (f"/{quantity.per}" if quantity.per else ""),
        label=amount_text(quantity),
        source=", ".join(estimate.source_names) or "unattributed",
        claim_ids=estimate.claim_ids,
        derived=estimate.derived,
        hedged=estimate.hedged,
        derivation=estimate.derivation,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRow:
    id: str
    name: str
    kind: str
    role: str | None
    variants: tuple[str, ...]
    claim_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    grades: tuple[str, ...]  # distinct grade codes of its claims, best first
    origins: tuple[str, ...]  # labels of the origin networks its claims go back to


def source_id_for(name: str, kind: str) -> str:
    """An id for a source seen only in claims: the same name and kind give the same id."""
    return hashlib.sha1(f"{kind}\x1f{name}".encode()).hexdigest()[:12]


def source_rows(ledger: Ledger) -> list[SourceRow]:
    """Speakers with their claims: merged entities after fusion, exact names before it."""
    if ledger.fusion is not None:
        rows = [_entity_row(ledger, entity) for entity in ledger.fusion.sources]
    else:
        rows = _rows_from_claims(ledger)
    return sorted(rows, key=lambda row: (-len(row.claim_ids), row.name.casefold(), row.id))


def _entity_row(ledger: Ledger, entity: SourceEntity) -> SourceRow:
    origins = ledger.fusion.origins if ledger.fusion else ()
    origin_labels = {origin.id: origin.label for origin in origins}
    assessed = [ledger.assessments[c] for c in entity.claim_ids if c in ledger.assessments]
    return SourceRow(
        id=entity.id,
        name=entity.name,
        kind=entity.kind.value,
        role=entity.role,
        variants=entity.variants,
        claim_ids=entity.claim_ids,
        doc_ids=entity.doc_ids,
        grades=tuple(sorted({a.grade.code for a in assessed})),
        origins=tuple(sorted({origin_labels.get(a.origin_id, a.origin_id) for a in assessed})),
    )


def _rows_from_claims(ledger: Ledger) -> list[SourceRow]:
    grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in ledger.claims:
        grouped[(claim.source.name, claim.source.kind.value)].append(claim)
    return [
        SourceRow(
            id=source_id_for(name, kind),
            name=name,
            kind=kind,
            role=next((c.source.role for c in claims if c.source.role), None),
            variants=(name,),
            claim_ids=tuple(claim.id for claim in claims),
            doc_ids=tuple(sorted({claim.doc_id for claim in claims})),
            grades=(),
            origins=(),
        )
        for (name, kind), claims in grouped.items()
    ]


def contradictions(ledger: Ledger) -> list[Contradiction]:
    if ledger.fusion is None:
        return []
    return sorted(ledger.fusion.contradictions, key=lambda item: (item.flow, item.id))


def flow_label(ledger: Ledger, key: FlowKey) -> str:
    supplier, recipient, item = key
    return f"{ledger.actor_name(supplier)} → {ledger.actor_name(recipient)}: {item}"
