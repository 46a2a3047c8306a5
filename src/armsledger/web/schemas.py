"""The JSON API's response models (Pydantic stays inside the web layer) and their builders."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from armsledger.domain.core import Claim, Document, Quantity
from armsledger.report.context import ClaimContext
from armsledger.report.ledger import Ledger
from armsledger.report.views import FlowRow, Overview, SourceRow, TimelinePoint
from armsledger.web.urls import claim_url, document_url, flow_url


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status code, repeated for clients that lose it.")
    code: str = Field(description="A stable, machine-readable name: not_found, invalid_request...")
    message: str = Field(description="One line for a person.")


class ErrorBody(BaseModel):
    """Every error of the JSON API has this shape."""

    error: ErrorDetail


class QuantityOut(BaseModel):
    value: float | None
    low: float | None
    high: float | None
    unit: str
    per: str | None
    text: str


class ClaimOut(BaseModel):
    id: str
    url: str
    doc: str
    supplier: str
    supplier_name: str
    recipient: str
    recipient_name: str
    item: str
    designation: str | None
    quantity: QuantityOut | None
    polarity: str
    modality: str
    stage: str
    source: str
    source_kind: str
    grade: str | None
    quote: str
    start: int
    end: int
    time: str | None
    rule: str


class ContextOut(BaseModel):
    lead: str
    sentence_before: str
    evidence: str
    sentence_after: str
    tail: str


class ClaimDetailOut(ClaimOut):
    context: ContextOut | None
    document_url: str


class ClaimPageOut(BaseModel):
    items: list[ClaimOut]
    total: int
    page: int
    per_page: int
    pages: int


class DocumentOut(BaseModel):
    id: str
    url: str
    title: str | None
    outlet: str | None
    published: date | None
    source_url: str | None
    claims: int


class DocumentDetailOut(DocumentOut):
    text: str
    boilerplate: list[tuple[int, int]]
    claim_ids: list[str]


class SourceOut(BaseModel):
    id: str
    name: str
    kind: str
    role: str | None
    variants: list[str]
    claim_ids: list[str]
    doc_ids: list[str]
    grades: list[str]
    origins: list[str]


class FlowOut(BaseModel):
    supplier: str
    supplier_name: str
    recipient: str
    recipient_name: str
    item: str
    kind: str
    url: str
    claims: int
    affirmed: int
    denied: int
    hedged: int
    documents: int
    sources: int
    latest: str
    grade: str | None
    independent_origins: int | None


class EstimateOut(BaseModel):
    date: date | None
    value: float
    low: float | None
    high: float | None
    unit: str
    label: str
    source: str
    claim_ids: list[str]
    derived: bool
    hedged: bool
    derivation: str


class FlowDetailOut(FlowOut):
    estimates: list[EstimateOut]
    claim_ids: list[str]


class OverviewOut(BaseModel):
    documents: int
    claims: int
    sources: int
    flows: int
    actors: int
    affirmed: int
    denied: int
    hedged: int
    origins: int | None
    contradictions: int | None
    first_published: date | None
    last_published: date | None
    notes: list[str]


def quantity_out(quantity: Quantity | None) -> QuantityOut | None:
    if quantity is None:
        return None
    return QuantityOut(
        value=quantity.value,
        low=quantity.low,
        high=quantity.high,
        unit=quantity.unit,
        per=quantity.per,
        text=quantity.text,
    )


def claim_out(ledger: Ledger, claim: Claim) -> ClaimOut:
    return ClaimOut(**_claim_fields(ledger, claim))


def _claim_fields(ledger: Ledger, claim: Claim) -> dict[str, Any]:
    grade = ledger.grade_of(claim.id)
    return {
        "id": claim.id,
        "url": claim_url(claim.id),
        "doc": claim.doc_id,
        "supplier": claim.supplier.id,
        "supplier_name": claim.supplier.name,
        "recipient": claim.recipient.id,
        "recipient_name": claim.recipient.name,
        "item": claim.item.category,
        "designation": claim.item.designation,
        "quantity": quantity_out(claim.quantity),
        "polarity": claim.polarity.value,
        "modality": claim.modality.value,
        "stage": claim.stage.value,
        "source": claim.source.name,
        "source_kind": claim.source.kind.value,
        "grade": grade.code if grade else None,
        "quote": claim.evidence.text,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "time": claim.time.text if claim.time else None,
        "rule": claim.rule_id,
    }


def claim_detail_out(ledger: Ledger, claim: Claim, context: ClaimContext | None) -> ClaimDetailOut:
    context_out = None
    if context is not None:
        context_out = ContextOut(
            lead=context.lead,
            sentence_before=context.sentence_before,
            evidence=context.evidence,
            sentence_after=context.sentence_after,
            tail=context.tail,
        )
    return ClaimDetailOut(
        **_claim_fields(ledger, claim),
        context=context_out,
        document_url=document_url(claim.doc_id, claim.evidence.start, claim.evidence.end),
    )


def document_out(document: Document, claims: int) -> DocumentOut:
    return DocumentOut(**_document_fields(document, claims))


def _document_fields(document: Document, claims: int) -> dict[str, Any]:
    return {
        "id": document.id,
        "url": document_url(document.id),
        "title": document.meta.title,
        "outlet": document.meta.outlet,
        "published": document.meta.published,
        "source_url": document.meta.url,
        "claims": claims,
    }


def document_detail_out(document: Document, claim_ids: list[str]) -> DocumentDetailOut:
    return DocumentDetailOut(
        **_document_fields(document, len(claim_ids)),
        text=document.text,
        boilerplate=[(start, end) for start, end in document.boilerplate],
        claim_ids=claim_ids,
    )


def source_out(row: SourceRow) -> SourceOut:
    return SourceOut(
        id=row.id,
        name=row.name,
        kind=row.kind,
        role=row.role,
        variants=list(row.variants),
        claim_ids=list(row.claim_ids),
        doc_ids=list(row.doc_ids),
        grades=list(row.grades),
        origins=list(row.origins),
    )


def _flow_fields(row: FlowRow) -> dict[str, Any]:
    return {
        "supplier": row.supplier,
        "supplier_name": row.supplier_name,
        "recipient": row.recipient,
        "recipient_name": row.recipient_name,
        "item": row.item,
        "kind": row.kind.value,
        "url": flow_url(row.key),
        "claims": len(row.claim_ids),
        "affirmed": row.affirmed,
        "denied": row.denied,
        "hedged": row.hedged,
        "documents": row.documents,
        "sources": row.sources,
        "latest": row.latest,
        "grade": row.grade,
        "independent_origins": row.independent_origins,
    }


def flow_out(row: FlowRow) -> FlowOut:
    return FlowOut(**_flow_fields(row))


def estimate_out(point: TimelinePoint) -> EstimateOut:
    return EstimateOut(
        date=point.when,
        value=point.value,
        low=point.low,
        high=point.high,
        unit=point.unit,
        label=point.label,
        source=point.source,
        claim_ids=list(point.claim_ids),
        derived=point.derived,
        hedged=point.hedged,
        derivation=point.derivation,
    )


def flow_detail_out(row: FlowRow, points: list[TimelinePoint]) -> FlowDetailOut:
    return FlowDetailOut(
        **_flow_fields(row),
        estimates=[estimate_out(point) for point in points],
        claim_ids=list(row.claim_ids),
    )


def overview_out(summary: Overview, notes: tuple[str, ...]) -> OverviewOut:
    return OverviewOut(
        documents=summary.documents,
        claims=summary.claims,
        sources=summary.sources,
        flows=summary.flows,
        actors=summary.actors,
        affirmed=summary.affirmed,
        denied=summary.denied,
        hedged=summary.hedged,
        origins=summary.origins,
        contradictions=summary.contradictions,
        first_published=summary.first_published,
        last_published=summary.last_published,
        notes=list(notes),
    )
