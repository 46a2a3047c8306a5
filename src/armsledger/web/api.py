"""The JSON API under /api/: the same data as the pages, described by the OpenAPI schema."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from armsledger.report.context import claim_in_context
from armsledger.report.ledger import Ledger
from armsledger.report.views import flow_rows, overview, source_rows, timeline_points
from armsledger.web.dependencies import claim_query, current_ledger, find_claim, find_document
from armsledger.web.query import ClaimQuery, select_claims
from armsledger.web.schemas import (
    ClaimDetailOut,
    ClaimPageOut,
    DocumentDetailOut,
    DocumentOut,
    ErrorBody,
    FlowDetailOut,
    FlowOut,
    OverviewOut,
    SourceOut,
    claim_detail_out,
    claim_out,
    document_detail_out,
    document_out,
    flow_detail_out,
    flow_out,
    overview_out,
    source_out,
)

LedgerDep = Annotated[Ledger, Depends(current_ledger)]
ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "Invalid request"},
}

router = APIRouter(prefix="/api", tags=["ledger"], responses=ERRORS)


@router.get("/overview", summary="Counts of documents, claims, sources and flows")
def get_overview(ledger: LedgerDep) -> OverviewOut:
    return overview_out(overview(ledger), ledger.notes)


@router.get("/claims", summary="Claims, filtered, searched, sorted and paginated")
def list_claims(
    ledger: LedgerDep, query: Annotated[ClaimQuery, Depends(claim_query)]
) -> ClaimPageOut:
    page = select_claims(ledger, query)
    return ClaimPageOut(
        items=[claim_out(ledger, claim) for claim in page.claims],
        total=page.total,
        page=page.page,
        per_page=page.per_page,
        pages=page.pages,
    )


@router.get("/claims/{claim_id}", summary="One claim with its sentence in context")
def get_claim(ledger: LedgerDep, claim_id: str) -> ClaimDetailOut:
    claim = find_claim(ledger, claim_id)
    document = ledger.documents_by_id.get(claim.doc_id)
    context = claim_in_context(document, claim) if document else None
    return claim_detail_out(ledger, claim, context)


@router.get("/documents", summary="Every document, with its number of claims")
def list_documents(ledger: LedgerDep) -> list[DocumentOut]:
    counts = _claims_per_document(ledger)
    return [document_out(document, counts.get(document.id, 0)) for document in ledger.documents]


@router.get("/documents/{doc_id}", summary="One document's text and claims")
def get_document(ledger: LedgerDep, doc_id: str) -> DocumentDetailOut:
    document = find_document(ledger, doc_id)
    claim_ids = [claim.id for claim in ledger.claims if claim.doc_id == doc_id]
    return document_detail_out(document, claim_ids)


@router.get("/sources", summary="Sources with their claims, grades and origin networks")
def list_sources(ledger: LedgerDep) -> list[SourceOut]:
    return [source_out(row) for row in source_rows(ledger)]


@router.get("/flows", summary="Flows (supplier, recipient, item) with their claim counts")
def list_flows(ledger: LedgerDep) -> list[FlowOut]:
    return [flow_out(row) for row in flow_rows(ledger)]


@router.get("/flows/{supplier}/{recipient}/{item}", summary="One flow with its estimates")
def get_flow(ledger: LedgerDep, supplier: str, recipient: str, item: str) -> FlowDetailOut:
    key = (supplier, recipient, item)
    row = next((row for row in flow_rows(ledger) if row.key == key), None)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no flow {supplier} → {recipient}: {item}")
    return flow_detail_out(row, timeline_points(ledger).get(key, []))


def _claims_per_document(ledger: Ledger) -> dict[str, int]:
    counts: dict[str, int] = {}
    for claim in ledger.claims:
        counts[claim.doc_id] = counts.get(claim.doc_id, 0) + 1
    return counts
