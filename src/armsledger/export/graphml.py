"""The network of actors and flows as GraphML, for Gephi, yEd, Cytoscape or networkx.

Actors are nodes keyed by their canonical id. Each flow (supplier, recipient, item category) is
one directed edge from supplier to recipient, keyed by the item category, so a multigraph keeps
two flows between the same pair apart. An edge counts its claims (affirmed, denied, hedged) and
documents, lists the amounts claimed, and gives the largest in its most common unit, so that a
tool can size edges without mixing containers with shells. GraphML has no null: an attribute
with no value is left out of that node or edge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

import networkx as nx

from armsledger.domain.core import Claim, Modality, Polarity, Quantity
from armsledger.domain.text import amount_text
from armsledger.export.bundle import LedgerBundle, sorted_claims, stix_confidence


def export_graphml(bundle: LedgerBundle, out: TextIO) -> None:
    for line in nx.generate_graphml(build_graph(bundle)):
        out.write(line)
        out.write("\n")


def build_graph(bundle: LedgerBundle) -> Any:
    """A networkx MultiDiGraph; typed Any because networkx ships no type information."""
    graph = nx.MultiDiGraph(name="armsledger flows")
    claims = sorted_claims(bundle.claims)
    for claim in claims:
        for actor in (claim.supplier, claim.recipient):
            attributes = {"label": actor.name, "kind": actor.kind.value, "state": actor.state}
            graph.add_node(actor.id, **_present(attributes))
    flows: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        flows.setdefault(claim.flow_key, []).append(claim)
    for (supplier, recipient, item), flow_claims in sorted(flows.items()):
        attributes = flow_attributes(item, flow_claims, bundle)
        graph.add_edge(supplier, recipient, key=item, **_present(attributes))
    return graph


def flow_attributes(item: str, claims: Sequence[Claim], bundle: LedgerBundle) -> dict[str, Any]:
    quantities = [claim.quantity for claim in claims if claim.quantity is not None]
    confidences = [
        stix_confidence(bundle.grades.get(claim.id))
        for claim in claims
        if claim.polarity is Polarity.AFFIRMED
    ]
    known = [value for value in confidences if value is not None]
    # A denied figure is not an amount anyone says moved, so it does not size the edge.
    unit, largest = _largest_amount(
        [c.quantity for c in claims if c.polarity is Polarity.AFFIRMED and c.quantity is not None]
    )
    return {
        "item": item,
        "claim_count": len(claims),
        "affirmed_count": sum(claim.polarity is Polarity.AFFIRMED for claim in claims),
        "denied_count": sum(claim.polarity is Polarity.DENIED for claim in claims),
        "hedged_count": sum(claim.modality is Modality.HEDGED for claim in claims),
        "doc_count": len({claim.doc_id for claim in claims}),
        "amounts": "; ".join(
            sorted({amount_text(q, plain=True, always_unit=True) for q in quantities})
        )
        or None,
        "max_amount": largest,
        "amount_unit": unit,
        "confidence": max(known) if known else None,
    }


def _largest_amount(quantities: Sequence[Quantity]) -> tuple[str | None, float | None]:
    """The most common unit (rates apart) and the largest figure claimed in it."""
    units = Counter(_unit(q) for q in quantities)
    if not units:
        return None, None
    unit = min(units, key=lambda name: (-units[name], name))
    figures = [
        figure
        for q in quantities
        if _unit(q) == unit
        for figure in (q.value, q.high, q.low)
        if figure is not None
    ]
    return unit, (max(figures) if figures else None)


def _unit(quantity: Quantity) -> str:
    return f"{quantity.unit}/{quantity.per}" if quantity.per else quantity.unit


def _plain_amount(quantity: Quantity) -> str:
    """Amounts read like 1500000 item, >=1000 container, <=4 item or ~6700 item/day."""
    return amount_text(quantity, plain=True, always_unit=True)


def _present(attributes: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in attributes.items() if value is not None}
