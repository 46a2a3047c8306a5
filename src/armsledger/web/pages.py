"""Server-rendered pages. Every page links to the claims, documents, flows and sources it shows."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from armsledger.domain.core import Polarity, Stage
from armsledger.report.charts import flow_diagram_svg, timeline_svgs
from armsledger.report.context import claim_in_context, document_segments
from armsledger.report.ledger import Ledger
from armsledger.report.render import trusted_svg
from armsledger.report.views import (
    DiagramEdge,
    FlowRow,
    TimelinePoint,
    contradictions,
    diagram_edges,
    flow_label,
    flow_rows,
    overview,
    source_rows,
    timeline_points,
)
from armsledger.web.dependencies import claim_query, current_ledger, find_claim, find_document
from armsledger.web.query import ClaimQuery, SortKey, select_claims
from armsledger.web.urls import claim_url, flows_url

LedgerDep = Annotated[Ledger, Depends(current_ledger)]
OVERVIEW_FLOWS = 10

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, ledger: Ledger, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    grade_of = ledger.grade_of
    return templates.TemplateResponse(
        request, name, {"ledger": ledger, "grade_of": grade_of, **context}
    )


def _edge_link(edge: DiagramEdge) -> str:
    return flows_url(edge.supplier, edge.recipient)


def _diagram(rows: list[FlowRow]) -> object:
    svg = flow_diagram_svg(diagram_edges(rows), _edge_link)
    return trusted_svg(svg) if svg else ""


@router.get("/")
def overview_page(request: Request, ledger: LedgerDep) -> HTMLResponse:
    rows = flow_rows(ledger)
    return render(
        request,
        "overview.html.j2",
        ledger,
        overview=overview(ledger),
        diagram=_diagram(rows),
        flows=rows[:OVERVIEW_FLOWS],
        more_flows=max(0, len(rows) - OVERVIEW_FLOWS),
        contradictions=contradictions(ledger),
        flow_label=lambda key: flow_label(ledger, key),
    )


@router.get("/claims")
def claims_page(
    request: Request, ledger: LedgerDep, query: Annotated[ClaimQuery, Depends(claim_query)]
) -> HTMLResponse:
    categories = sorted({claim.item.category for claim in ledger.claims})
    actors = sorted(ledger.actors.values(), key=lambda actor: actor.name.casefold())
    return render(
        request,
        "claims.html.j2",
        ledger,
        query=query,
        page=select_claims(ledger, query),
        actors=actors,
        categories=categories,
        polarities=list(Polarity),
        stages=list(Stage),
        sort_keys=list(SortKey),
    )


@router.get("/claims/{claim_id}")
def claim_page(request: Request, ledger: LedgerDep, claim_id: str) -> HTMLResponse:
    claim = find_claim(ledger, claim_id)
    document = ledger.documents_by_id.get(claim.doc_id)
    same_document = [c for c in ledger.claims if c.doc_id == claim.doc_id]
    return render(
        request,
        "claim.html.j2",
        ledger,
        claim=claim,
        document=document,
        context=claim_in_context(document, claim) if document else None,
        segments=document_segments(document, same_document) if document else [],
        same_sentence=[
            c for c in same_document if c.evidence == claim.evidence and c.id != claim.id
        ],
    )


@router.get("/documents")
def documents_page(request: Request, ledger: LedgerDep) -> HTMLResponse:
    counts: dict[str, int] = {}
    for claim in ledger.claims:
        counts[claim.doc_id] = counts.get(claim.doc_id, 0) + 1
    return render(request, "documents.html.j2", ledger, counts=counts)


@router.get("/documents/{doc_id}")
def document_page(request: Request, ledger: LedgerDep, doc_id: str) -> HTMLResponse:
    document = find_document(ledger, doc_id)
    claims = [claim for claim in ledger.claims if claim.doc_id == doc_id]
    return render(
        request,
        "document.html.j2",
        ledger,
        document=document,
        claims=claims,
        segments=document_segments(document, claims),
    )


@router.get("/sources")
def sources_page(request: Request, ledger: LedgerDep) -> HTMLResponse:
    origins = ledger.fusion.origins if ledger.fusion else ()
    return render(request, "sources.html.j2", ledger, sources=source_rows(ledger), origins=origins)


@router.get("/flows")
def flows_page(
    request: Request,
    ledger: LedgerDep,
    supplier: str | None = None,
    recipient: str | None = None,
) -> HTMLResponse:
    rows = flow_rows(ledger)
    shown = [
        row
        for row in rows
        if _is_actor(supplier, row.supplier, row.supplier_name)
        and _is_actor(recipient, row.recipient, row.recipient_name)
    ]
    return render(
        request,
        "flows.html.j2",
        ledger,
        diagram=_diagram(rows),
        flows=shown,
        supplier=supplier or "",
        recipient=recipient or "",
    )


def _is_actor(wanted: str | None, actor_id: str, name: str) -> bool:
    """No filter matches every actor; otherwise the id or the name, ignoring case."""
    return not wanted or wanted.casefold() in {actor_id.casefold(), name.casefold()}


def _point_link(point: TimelinePoint) -> str:
    return claim_url(point.claim_ids[0]) if point.claim_ids else ""


@router.get("/flows/{supplier}/{recipient}/{item}")
def flow_page(
    request: Request, ledger: LedgerDep, supplier: str, recipient: str, item: str
) -> HTMLResponse:
    key = (supplier, recipient, item)
    row = next((row for row in flow_rows(ledger) if row.key == key), None)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no flow {supplier} → {recipient}: {item}")
    points = timeline_points(ledger).get(key, [])
    return render(
        request,
        "flow.html.j2",
        ledger,
        row=row,
        charts=[(unit, trusted_svg(svg)) for unit, svg in timeline_svgs(points, _point_link)],
        points=points,
        claims=[ledger.claims_by_id[claim_id] for claim_id in row.claim_ids],
        contradictions=[c for c in contradictions(ledger) if key in (c.flow, c.other_flow)],
        flow_label=lambda k: flow_label(ledger, k),
    )
