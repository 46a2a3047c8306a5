"""Charts are SVG with working relative links and escaped text, and nothing fetched."""

from __future__ import annotations

import re
from datetime import date

from armsledger.report.charts import flow_diagram_svg, timeline_svgs
from armsledger.report.taxonomy import FlowKind
from armsledger.report.views import DiagramEdge, TimelinePoint

SCRIPT = "<script>alert(1)</script>"


def edge(supplier: str, recipient: str, kind: FlowKind, name: str = "") -> DiagramEdge:
    return DiagramEdge(
        supplier=supplier,
        supplier_name=name or supplier,
        recipient=recipient,
        recipient_name=recipient,
        kind=kind,
        claims=2,
        items=("drones",),
    )


def point(day: int, source: str, *, derived: bool = False) -> TimelinePoint:
    return TimelinePoint(
        flow=("IRN", "RUS", "drones"),
        when=date(2024, 1, day),
        value=100.0 * day,
        low=None,
        high=None,
        unit="item",
        label=str(100 * day),
        source=source,
        claim_ids=(f"claim{day}",),
        derived=derived,
        hedged=False,
        derivation="",
    )


def hrefs(svg: str) -> set[str]:
    return set(re.findall(r'href="([^"]*)"', svg))


def test_flow_diagram_links_each_edge_relatively() -> None:
    edges = [edge("IRN", "RUS", FlowKind.ARMS), edge("RUS", "IRN", FlowKind.OTHER)]
    svg = flow_diagram_svg(edges, lambda e: f"/flows?supplier={e.supplier}")
    assert svg.startswith("<svg")
    assert hrefs(svg) == {"/flows?supplier=IRN", "/flows?supplier=RUS"}


def test_flow_diagram_escapes_names() -> None:
    svg = flow_diagram_svg([edge("XXX", "RUS", FlowKind.ARMS, name=SCRIPT)], lambda e: "#x")
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg


def test_flow_diagram_of_nothing_is_empty() -> None:
    assert flow_diagram_svg([], lambda e: "#x") == ""


def test_timeline_svgs_link_points_and_escape_sources() -> None:
    points = [point(1, "A"), point(2, SCRIPT, derived=True)]
    charts = timeline_svgs(points, lambda p: f"#ctx-{p.claim_ids[0]}")
    assert [unit for unit, _ in charts] == ["item"]
    svg = charts[0][1]
    assert hrefs(svg) == {"#ctx-claim1", "#ctx-claim2"}
    assert "<script" not in svg
    assert not re.search(r'(src|href)="https?://', svg)


def test_timeline_svgs_without_dates_draw_nothing() -> None:
    dateless = [
        TimelinePoint(
            flow=("IRN", "RUS", "drones"),
            when=None,
            value=5.0,
            low=None,
            high=None,
            unit="item",
            label="5",
            source="A",
            claim_ids=("c",),
            derived=False,
            hedged=False,
            derivation="",
        )
    ]
    assert timeline_svgs(dateless, lambda p: "#x") == []
