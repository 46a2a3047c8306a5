"""Gapped conjuncts: a count or an item repeated without its verb is a transfer of its own."""

from __future__ import annotations

import pytest

from armsledger.domain.core import Document, DocumentMeta
from armsledger.extract.claims import Extractor


def _flows(extractor: Extractor, text: str) -> set[tuple[str, str, str, float | None]]:
    document = Document(id="doc", text=text, content_hash="x", meta=DocumentMeta())
    return {
        (
            claim.supplier.id,
            claim.recipient.id,
            claim.item.category,
            claim.quantity.value if claim.quantity else None,
        )
        for claim in extractor.extract(document)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland has handed over 14 Leopard 2A4s to Ukraine, Spain 10 and Canada eight.",
            {
                ("POL", "UKR", "armored_vehicles", 14.0),
                ("ESP", "UKR", "armored_vehicles", 10.0),
                ("CAN", "UKR", "armored_vehicles", 8.0),
            },
        ),
        (
            "Turkey sold 24 TB2 drones to Poland and 12 to Romania.",
            {("TUR", "POL", "drones", 24.0), ("TUR", "ROU", "drones", 12.0)},
        ),
        (
            "Myanmar has bought Yak-130 jets from Russia and drones from China.",
            {("RUS", "MMR", "aircraft", None), ("CHN", "MMR", "drones", None)},
        ),
    ],
    ids=["new-subjects-with-counts", "new-recipient-with-count", "item-with-own-source"],
)
def test_gapping_conjunct_becomes_its_own_claim(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, float | None]]
) -> None:
    assert _flows(extractor, text) == expected


def test_gapping_leaves_an_ordinary_list_alone(extractor: Extractor) -> None:
    # Two items to one recipient share the one transfer: no conjunct, no split.
    text = "Iran sent 300 drones and 20 missiles to Russia."
    assert _flows(extractor, text) == {
        ("IRN", "RUS", "drones", 300.0),
        ("IRN", "RUS", "missiles", 20.0),
    }
