"""Which item categories are arms: the descendants of `weapons` in lexicons/items.yaml.

The flow diagram draws arms one way and what is given for them (money, fuel, food, technology,
workers) the other, so it needs to know which categories are arms. The taxonomy says so through
its `parent` links; this reads only those links and leaves the terms to the extractor.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from armsledger.errors import LexiconError

ITEMS_PATH = Path(__file__).resolve().parent.parent / "lexicons" / "items.yaml"
ARMS_ROOT = "weapons"


class FlowKind(StrEnum):
    ARMS = "arms"
    OTHER = "other"  # payment in money or kind, labour, technology, unstated cargo


@cache
def category_parents(path: Path = ITEMS_PATH) -> dict[str, str | None]:
    """Parent by category id, read once per path."""
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{path.name}: cannot read the item taxonomy ({error})") from error
    entries = loaded.get("entries") if isinstance(loaded, dict) else None
    if not isinstance(entries, list):
        raise LexiconError(f"{path.name}: no list of entries")
    parents: dict[str, str | None] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise LexiconError(f"{path.name}: entry {number} has no id")
        parent = entry.get("parent")
        parents[entry["id"]] = parent if isinstance(parent, str) else None
    return parents


def flow_kind(category: str, parents: dict[str, str | None] | None = None) -> FlowKind:
    """ARMS when `category` is `weapons` or descends from it; a loop in the links stops."""
    known = category_parents() if parents is None else parents
    seen: set[str] = set()
    current: str | None = category
    while current is not None and current not in seen:
        if current == ARMS_ROOT:
            return FlowKind.ARMS
        seen.add(current)
        current = known.get(current)
    return FlowKind.OTHER
