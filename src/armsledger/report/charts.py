"""Charts as inline SVG: Vega-Lite specs built with Altair and rendered by vl-convert.

SVG needs no script, so the report opens offline and the web pages keep a strict
Content-Security-Policy. Links are Vega-Lite `href` encodings, which the SVG renderer turns
into <a> elements, so a click on an edge or a point leads to the flow or the claim.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import altair as alt
import vl_convert

from armsledger.report.taxonomy import FlowKind
from armsledger.report.views import DiagramEdge, TimelinePoint

KIND_COLOURS = {FlowKind.ARMS: "#a4262c", FlowKind.OTHER: "#1f6f8b"}
KIND_LABELS = {FlowKind.ARMS: "arms", FlowKind.OTHER: "payment, goods, people"}
DIAGRAM_WIDTH, DIAGRAM_HEIGHT = 880, 540
NODE_RADIUS = 0.16  # in diagram units: edges stop at the node's rim
EDGE_GAP = 0.06  # how far apart parallel edges between the same two actors are drawn
# vl-convert resolves relative hrefs against Vega's default data base URL; links must stay
# relative so the report works offline and the web app stays on its own host.
VEGA_BASE_URL = re.compile(r'(xlink:href|href)="https://vega\.github\.io/vega-datasets/')

# Labels right of an edge are left-aligned and nudged right; left of it, the reverse.
LABEL_SIDES: tuple[tuple[str, Literal["left", "right"], int], ...] = (
    ("right", "left", 6),
    ("left", "right", -6),
)

EdgeLink = Callable[[DiagramEdge], str]
PointLink = Callable[[TimelinePoint], str]


@lru_cache(maxsize=256)
def _svg_from_spec(spec_json: str) -> str:
    """Rendering costs tens of milliseconds; the same spec always gives the same SVG."""
    svg = vl_convert.vegalite_to_svg(spec_json)
    return VEGA_BASE_URL.sub(r'\1="', str(svg))


def render_svg(chart: alt.TopLevelMixin) -> str:
    spec = chart.to_dict()
    return _svg_from_spec(json.dumps(spec, sort_keys=True))


@dataclass(frozen=True, slots=True, kw_only=True)
class _Node:
    id: str
    name: str
    x: float
    y: float


def _nodes(edges: Sequence[DiagramEdge]) -> dict[str, _Node]:
    """The busiest actor in the middle, the others on a circle around it in id order.

    Transfer networks are mostly stars (one supplier, many recipients, or the reverse): with the
    hub in the middle every hub edge is a spoke, and no line crosses another actor's circle.
    """
    names: dict[str, str] = {}
    weight: dict[str, int] = defaultdict(int)
    for edge in edges:
        names[edge.supplier] = edge.supplier_name
        names[edge.recipient] = edge.recipient_name
        weight[edge.supplier] += edge.claims
        weight[edge.recipient] += edge.claims
    if len(names) <= 2:
        rim = sorted(names)
        hub = None
    else:
        hub = min(names, key=lambda actor: (-weight[actor], actor))
        rim = sorted(actor for actor in names if actor != hub)
    nodes = {hub: _Node(id=hub, name=names[hub], x=0.0, y=0.0)} if hub else {}
    count = len(rim)
    for index, actor in enumerate(rim):
        angle = math.pi + 2 * math.pi * index / count
        nodes[actor] = _Node(id=actor, name=names[actor], x=math.cos(angle), y=-math.sin(angle))
    return nodes


def _edge_records(edges: Sequence[DiagramEdge], link: EdgeLink) -> list[dict[str, Any]]:
    nodes = _nodes(edges)
    lane: dict[tuple[str, str], int] = defaultdict(int)
    records = []
    for edge in edges:
        start, end = nodes[edge.supplier], nodes[edge.recipient]
        lane[(edge.supplier, edge.recipient)] += 1
        records.append(_edge_record(edge, start, end, lane[(edge.supplier, edge.recipient)], link))
    return records


def _edge_record(
    edge: DiagramEdge, start: _Node, end: _Node, lane: int, link: EdgeLink
) -> dict[str, Any]:
    dx, dy = end.x - start.x, end.y - start.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    # Offsetting to the left of the direction of travel puts A→B and B→A on opposite sides.
    ox, oy = -uy * EDGE_GAP * lane, ux * EDGE_GAP * lane
    x1, y1 = start.x + ux * NODE_RADIUS + ox, start.y + uy * NODE_RADIUS + oy
    x2, y2 = end.x - ux * NODE_RADIUS + ox, end.y - uy * NODE_RADIUS + oy
    shown = ", ".join(item.replace("_", " ") for item in edge.items[:2])
    more = f" +{len(edge.items) - 2}" if len(edge.items) > 2 else ""
    return {
        "x": x1,
        "y": y1,
        "x2": x2,
        "y2": y2,
        "ax": x1 + (x2 - x1) * 0.7,
        "ay": y1 + (y2 - y1) * 0.7,
        # Labels of parallel edges sit at different points along them so they never overlap.
        "lx": x1 + (x2 - x1) * (0.5 - 0.14 * (lane - 1)) + ox / lane * 1.4,
        "ly": y1 + (y2 - y1) * (0.5 - 0.14 * (lane - 1)) + oy / lane * 1.4,
        "side": "right" if ox > 1e-9 or (abs(ox) <= 1e-9 and oy > 0) else "left",
        "angle": math.degrees(math.atan2(ux, uy)) % 360,
        "claims": edge.claims,
        "kind": KIND_LABELS[edge.kind],
        "flow": f"{edge.supplier_name} → {edge.recipient_name}",
        "items": ", ".join(edge.items),
        "label": f"{shown}{more} ({edge.claims})",
        "href": link(edge),
    }


def flow_diagram_svg(edges: Sequence[DiagramEdge], link: EdgeLink) -> str:
    """Who sends what to whom: one arrow per direction and kind, width by number of claims."""
    if not edges:
        return ""
    records = _edge_records(edges, link)
    nodes = [{"x": n.x, "y": n.y, "name": n.name, "id": n.id} for n in _nodes(edges).values()]
    x = alt.X("x:Q", scale=alt.Scale(domain=[-1.6, 1.6]), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[-1.25, 1.25]), axis=None)
    colour = alt.Color(
        "kind:N",
        scale=alt.Scale(domain=list(KIND_LABELS.values()), range=list(KIND_COLOURS.values())),
        legend=alt.Legend(title="what flows", orient="bottom"),
    )
    tooltip = [alt.Tooltip("flow:N"), alt.Tooltip("items:N"), alt.Tooltip("claims:Q")]
    edge_data = alt.Chart(alt.InlineData(values=records))
    lines = edge_data.mark_rule(opacity=0.8).encode(
        x=x,
        y=y,
        x2="x2:Q",
        y2="y2:Q",
        color=colour,
        strokeWidth=alt.StrokeWidth(
            "claims:Q",
            scale=alt.Scale(range=[2, 16], zero=True),
            legend=alt.Legend(title="claims", format="d", tickMinStep=1),
        ),
        href="href:N",
        tooltip=tooltip,
    )
    heads = edge_data.mark_point(shape="triangle-up", filled=True, size=260, opacity=1).encode(
        x=alt.X("ax:Q", scale=alt.Scale(domain=[-1.6, 1.6]), axis=None),
        y=alt.Y("ay:Q", scale=alt.Scale(domain=[-1.25, 1.25]), axis=None),
        angle=alt.Angle("angle:Q", scale=None),
        color=colour,
        href="href:N",
        tooltip=tooltip,
    )
    labels = [
        edge_data.transform_filter(alt.datum.side == side)
        .mark_text(fontSize=11, color="#333", align=align, dx=dx)
        .encode(
            x=alt.X("lx:Q", scale=alt.Scale(domain=[-1.6, 1.6]), axis=None),
            y=alt.Y("ly:Q", scale=alt.Scale(domain=[-1.25, 1.25]), axis=None),
            text="label:N",
            href="href:N",
        )
        for side, align, dx in LABEL_SIDES
    ]
    node_data = alt.Chart(alt.InlineData(values=nodes))
    circles = node_data.mark_circle(size=3600, color="#f4f1ea", stroke="#333", strokeWidth=1.5)
    names = node_data.mark_text(fontSize=13, fontWeight="bold", color="#111").encode(
        x=x, y=y, text="name:N"
    )
    chart = alt.layer(lines, heads, circles.encode(x=x, y=y), names, *labels).properties(
        width=DIAGRAM_WIDTH, height=DIAGRAM_HEIGHT, title="Who sends what to whom"
    )
    return render_svg(chart.configure_view(stroke=None))


def _point_record(point: TimelinePoint, link: PointLink) -> dict[str, Any]:
    return {
        "when": point.when.isoformat() if point.when else None,
        "value": point.value,
        "low": point.low if point.low is not None else point.value,
        "high": point.high if point.high is not None else point.value,
        "label": point.label,
        "source": point.source,
        "figure": "derived" if point.derived else "stated",
        "hedged": "hedged" if point.hedged else "asserted",
        "derivation": point.derivation,
        "href": link(point),
    }


def timeline_svgs(points: Sequence[TimelinePoint], link: PointLink) -> list[tuple[str, str]]:
    """One chart per unit of the flow's dated figures: (unit, svg). Undated points are left
    to the table below the chart, since a point needs a place on the time axis."""
    by_unit: dict[str, list[TimelinePoint]] = defaultdict(list)
    for point in points:
        if point.when is not None:
            by_unit[point.unit].append(point)
    return [(unit, _timeline_svg(unit, dated, link)) for unit, dated in sorted(by_unit.items())]


def _timeline_svg(unit: str, points: Sequence[TimelinePoint], link: PointLink) -> str:
    data = alt.Chart(alt.InlineData(values=[_point_record(point, link) for point in points]))
    x = alt.X("when:T", title="date", axis=alt.Axis(format="%Y-%m-%d", labelAngle=-30))
    colour = alt.Color("source:N", legend=alt.Legend(title="source", orient="bottom", columns=2))
    bounds = data.mark_rule(strokeWidth=2, opacity=0.6).encode(
        x=x, y="low:Q", y2="high:Q", color=colour
    )
    marks = data.mark_point(size=140, filled=True, opacity=0.9).encode(
        x=x,
        y=alt.Y("value:Q", title=unit),
        color=colour,
        shape=alt.Shape(
            "figure:N",
            scale=alt.Scale(domain=["stated", "derived"], range=["circle", "diamond"]),
            legend=alt.Legend(title="figure"),
        ),
        href="href:N",
        tooltip=["label:N", "source:N", "figure:N", "hedged:N", "derivation:N", "when:T"],
    )
    chart = alt.layer(bounds, marks).properties(width=560, height=220)
    return render_svg(chart)
