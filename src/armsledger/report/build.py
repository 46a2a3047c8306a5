"""Builds the one-file HTML report: everything inline, nothing fetched, opens offline."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from armsledger.domain.core import Claim
from armsledger.domain.fusion import FlowKey
from armsledger.errors import ArmsledgerError
from armsledger.report.charts import flow_diagram_svg, timeline_svgs
from armsledger.report.context import ClaimContext, claim_in_context
from armsledger.report.ledger import Ledger, read_ledger
from armsledger.report.pdf import print_pdf
from armsledger.report.render import template_environment, trusted_svg
from armsledger.report.views import (
    DiagramEdge,
    FlowRow,
    TimelinePoint,
    claim_anchor,
    contradictions,
    diagram_edges,
    flow_anchor,
    flow_label,
    flow_rows,
    overview,
    source_rows,
    timeline_points,
)
from armsledger.store import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class FlowTimeline:
    row: FlowRow
    charts: tuple[tuple[str, str], ...]  # (unit, svg)
    points: tuple[TimelinePoint, ...]


def _context_id(claim_id: str) -> str:
    return f"ctx-{claim_id}"


def _report_timelines(ledger: Ledger, rows: list[FlowRow]) -> list[FlowTimeline]:
    points = timeline_points(ledger)

    def link(point: TimelinePoint) -> str:
        return f"#{_context_id(point.claim_ids[0])}" if point.claim_ids else ""

    by_key: dict[FlowKey, FlowRow] = {row.key: row for row in rows}
    return [
        FlowTimeline(
            row=by_key[key],
            charts=tuple((unit, svg) for unit, svg in timeline_svgs(flow_points, link)),
            points=tuple(flow_points),
        )
        for key, flow_points in points.items()
        if key in by_key
    ]


def _contexts(ledger: Ledger) -> dict[str, ClaimContext]:
    contexts: dict[str, ClaimContext] = {}
    for claim in ledger.claims:
        document = ledger.documents_by_id.get(claim.doc_id)
        if document is not None:
            contexts[claim.id] = claim_in_context(document, claim)
    return contexts


def render_report(ledger: Ledger) -> str:
    """The report as one HTML string: CSS and SVG inline, no script, no external resource."""
    rows = flow_rows(ledger)

    def edge_link(edge: DiagramEdge) -> str:
        return f"#{flow_anchor((edge.supplier, edge.recipient, edge.items[0]))}"

    diagram = flow_diagram_svg(diagram_edges(rows), edge_link)
    template = template_environment("armsledger.report").get_template("report.html.j2")
    return template.render(
        ledger=ledger,
        overview=overview(ledger),
        diagram=trusted_svg(diagram) if diagram else "",
        flows=rows,
        timelines=_report_timelines(ledger, rows),
        contradictions=contradictions(ledger),
        sources=source_rows(ledger),
        origins=ledger.fusion.origins if ledger.fusion else (),
        claims=ledger.claims,
        contexts=_contexts(ledger),
        context_id=_context_id,
        claim_anchor=claim_anchor,
        flow_label=lambda key: flow_label(ledger, key),
        grade_of=ledger.grade_of,
        trusted_svg=trusted_svg,
        claims_of_document=_claims_by_document(ledger.claims),
    )


def _claims_by_document(claims: tuple[Claim, ...]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.doc_id] = counts.get(claim.doc_id, 0) + 1
    return counts


def write_report(store: Store, out: Path, *, pdf: Path | None = None) -> Path:
    """Write the report of the whole ledger to `out` (and print it to `pdf`); returns `out`."""
    html = render_report(read_ledger(store))
    _write_atomically(out, html)
    if pdf is not None:
        print_pdf(out, pdf)
    return out


def _write_atomically(path: Path, content: str) -> None:
    """A reader never sees half a report: write beside it, then rename over it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except OSError as error:
        raise ArmsledgerError(f"{path}: cannot write the report ({error.strerror})") from error
