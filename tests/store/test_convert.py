"""Row ids (store/convert.py): equal things share a row, different things never do."""

from __future__ import annotations

import dataclasses

import pytest

from armsledger.domain.core import Item, Source, SourceKind, Span
from armsledger.store.convert import evidence_span_id, item_id, source_id

SPOKESPERSON = Source(
    name="a spokesperson",
    kind=SourceKind.PERSON,
    role="spokesperson",
    state="VLD",
    channel="Telegram",
    outlet="The Daily Example",
)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (Item(category="missiles"), "missiles"),
        (Item(category="missiles", designation="KN-23", term="KN-23s"), "missiles:KN-23"),
        # An empty designation is not a missing one.
        (Item(category="missiles", designation=""), "missiles:"),
    ],
)
def test_item_id_is_category_and_designation(item: Item, expected: str) -> None:
    assert item_id(item) == expected


def test_source_id_same_for_equal_sources() -> None:
    assert source_id(SPOKESPERSON) == source_id(dataclasses.replace(SPOKESPERSON))


@pytest.mark.parametrize(
    "change",
    [
        {"name": "A spokesperson"},
        {"kind": SourceKind.ANONYMOUS},
        {"role": None},
        {"state": "NRL"},
        {"channel": None},
        {"outlet": "Other Daily"},
    ],
    ids=lambda change: next(iter(change)),
)
def test_source_id_differs_when_any_field_differs(change: dict[str, object]) -> None:
    assert source_id(dataclasses.replace(SPOKESPERSON, **change)) != source_id(SPOKESPERSON)  # type: ignore[arg-type]


def test_evidence_span_id_names_document_and_offsets() -> None:
    span = Span(doc_id="alpha-report", start=88, end=134, text="x" * 46)
    assert evidence_span_id(span) == "alpha-report:88-134"
