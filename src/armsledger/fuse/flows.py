"""Flow keys and the item hierarchy that relates them.

A claim about `weapons` and one about `artillery_ammunition` between the same supplier and
recipient are related: a denial of the wider category denies the narrower one, and a new claim on
either side touches both flows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from armsledger.domain.core import Claim
from armsledger.domain.fusion import FlowKey


def ancestors(item: str, item_parents: Mapping[str, str | None]) -> tuple[str, ...]:
    """The wider categories of an item, nearest first; a cycle in the data stops the walk."""
    found: list[str] = []
    parent = item_parents.get(item)
    while parent and parent not in found and parent != item:
        found.append(parent)
        parent = item_parents.get(parent)
    return tuple(found)


def covers(wider: str, narrower: str, item_parents: Mapping[str, str | None]) -> bool:
    """True when `wider` is `narrower` or one of its ancestors."""
    return wider == narrower or wider in ancestors(narrower, item_parents)


def related_items(item: str, item_parents: Mapping[str, str | None]) -> frozenset[str]:
    """The item, its ancestors and its descendants: the flows a claim about it can touch."""
    descendants = {child for child in item_parents if item in ancestors(child, item_parents)}
    return frozenset({item, *ancestors(item, item_parents), *descendants})


def touched_flows(
    claims: Iterable[Claim], item_parents: Mapping[str, str | None]
) -> frozenset[FlowKey]:
    """Every flow whose summary a set of new claims can change (with the hierarchy)."""
    keys: set[FlowKey] = set()
    for claim in claims:
        supplier, recipient, item = claim.flow_key
        keys.update((supplier, recipient, other) for other in related_items(item, item_parents))
    return frozenset(keys)


def claims_by_flow(claims: Sequence[Claim]) -> dict[FlowKey, list[Claim]]:
    grouped: defaultdict[FlowKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[claim.flow_key].append(claim)
    return dict(grouped)
