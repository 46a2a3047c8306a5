"""Claims: ids from the content, and the record of the evaluation format."""

from __future__ import annotations

import pytest

from armsledger.domain import (
    Actor,
    Claim,
    Item,
    Modality,
    Polarity,
    Quantity,
    Source,
    SourceKind,
    Span,
    Stage,
)

QUOTE = "Norland sent 1,000 containers of shells to Valdoria"


def make_claim(quantity: Quantity | None, designation: str | None = None) -> Claim:
    return Claim(
        doc_id="doc-1",
        supplier=Actor(id="NRL", name="Norland"),
        recipient=Actor(id="VLD", name="Valdoria"),
        item=Item(category="artillery_ammunition", designation=designation, term="shells"),
        quantity=quantity,
        polarity=Polarity.AFFIRMED,
        modality=Modality.ASSERTED,
        stage=Stage.DELIVERED,
        source=Source(name="the ministry", kind=SourceKind.GOVERNMENT, state="NRL"),
        evidence=Span(doc_id="doc-1", start=10, end=10 + len(QUOTE), text=QUOTE),
        rule_id="direction.give.v1",
    )


def test_claim_id_is_the_same_for_int_and_float_amounts() -> None:
    as_int = make_claim(Quantity(value=1000, low=1000, high=None, unit="container"))
    as_float = make_claim(Quantity(value=1000.0, low=1000.0, high=None, unit="container"))
    assert as_int.id == as_float.id


@pytest.mark.parametrize(
    "other",
    [
        make_claim(None),
        make_claim(Quantity(value=2000, low=2000, high=None, unit="container")),
        make_claim(Quantity(value=1000, low=1000, high=None, unit="container"), "M107"),
    ],
)
def test_claim_id_changes_with_amount_and_designation(other: Claim) -> None:
    claim = make_claim(Quantity(value=1000, low=1000, high=None, unit="container"))
    assert claim.id != other.id


def test_claim_record_follows_the_evaluation_format() -> None:
    record = make_claim(Quantity(value=1000.0, low=1000.0, high=None, unit="container")).to_record()
    assert record["supplier"] == "NRL"
    assert record["recipient"] == "VLD"
    assert record["item"] == "artillery_ammunition"
    assert record["quantity"] == {"value": 1000, "low": 1000, "high": None, "unit": "container"}
    assert record["source"] == {"name": "the ministry", "kind": "government", "state": "NRL"}
    assert (record["quote"], record["start"], record["end"]) == (QUOTE, 10, 10 + len(QUOTE))
    assert record["stage"] == "delivered"
