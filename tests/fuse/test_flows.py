"""The item hierarchy relating flows."""

from __future__ import annotations

import pytest

from armsledger.fuse.flows import ancestors, covers, related_items
from tests.fuse.story import ITEM_PARENTS


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("artillery_ammunition", ("ammunition", "weapons")),
        ("weapons", ()),
        ("food", ()),
        ("unknown_item", ()),
    ],
)
def test_ancestors_nearest_first(item: str, expected: tuple[str, ...]) -> None:
    assert ancestors(item, ITEM_PARENTS) == expected


@pytest.mark.parametrize(
    ("wider", "narrower", "expected"),
    [
        ("weapons", "artillery_ammunition", True),
        ("artillery_ammunition", "artillery_ammunition", True),
        ("artillery_ammunition", "weapons", False),
        ("weapons", "food", False),
    ],
)
def test_covers(wider: str, narrower: str, expected: bool) -> None:
    assert covers(wider, narrower, ITEM_PARENTS) is expected


def test_related_items_of_middle_category() -> None:
    assert related_items("ammunition", ITEM_PARENTS) == {
        "ammunition",
        "weapons",
        "artillery_ammunition",
    }


def test_ancestors_stop_on_a_cycle() -> None:
    assert ancestors("a", {"a": "b", "b": "a"}) == ("b",)
