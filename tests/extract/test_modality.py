"""Hedges and denials around a transfer: what puts a claim in doubt or denies it, and what not."""

from __future__ import annotations

import pytest

from armsledger.domain.core import Document, Modality, Polarity
from armsledger.extract.claims import Extractor


def _claims(extractor: Extractor, text: str) -> list[tuple[str, str, str, Polarity, Modality]]:
    claims = extractor.extract(Document(id="t", text=text, content_hash="t"))
    return [
        (c.supplier.id, c.recipient.id, c.item.category, c.polarity, c.modality) for c in claims
    ]


@pytest.mark.parametrize(
    ("text", "polarity", "modality"),
    [
        # A negated denial affirms.
        ("Spain did not deny that it had sent rifles to Morocco.", "affirmed", "asserted"),
        # A figure put on a deal is not doubt about the transfer ...
        (
            "Peru bought six jets from South Korea in a deal estimated at $300 million.",
            "affirmed",
            "asserted",
        ),
        # ... but hearsay in the passive is.
        ("Minsk is reported to have supplied tanks to Russia.", "affirmed", "hedged"),
        ("Minsk is said to be sending rifles to Russia.", "affirmed", "hedged"),
    ],
)
def test_modality_cues_and_their_scope(
    extractor: Extractor, text: str, polarity: str, modality: str
) -> None:
    found = _claims(extractor, text)
    assert found, f"no claim from {text!r}"
    assert {(p.value, m.value) for *_, p, m in found} == {(polarity, modality)}


@pytest.mark.parametrize(
    "text",
    [
        "Hungary has not authorised any export of rifles to Serbia.",
        "Belgium never approved the sale of pistols to Chad.",
        "Ukraine is not known to have sold drones to Sudan.",
    ],
    ids=["not-authorised", "never-approved", "not-known-to-have"],
)
def test_modality_negation_reaches_over_permission_words(extractor: Extractor, text: str) -> None:
    found = _claims(extractor, text)
    assert found, f"no claim from {text!r}"
    assert {p.value for *_, p, _m in found} == {"denied"}
