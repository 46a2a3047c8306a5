"""JSONL export: read back with json, one record a line, in a fixed order."""

from __future__ import annotations

import io
import json
from typing import Any

from armsledger.domain.core import Claim, Document, SourceKind
from armsledger.domain.fusion import SourceEntity
from armsledger.export import FORMATS
from armsledger.export.bundle import LedgerBundle


def exported_records(ledger: LedgerBundle) -> list[dict[str, Any]]:
    out = io.StringIO()
    FORMATS["jsonl"].write(ledger, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_export_jsonl_orders_documents_sources_claims(ledger: LedgerBundle) -> None:
    kinds = [record["record"] for record in exported_records(ledger)]
    assert kinds == ["document"] * 2 + ["source"] * 4 + ["claim"] * 4


def test_export_jsonl_documents_carry_text_and_metadata(
    ledger: LedgerBundle, wire: Document
) -> None:
    documents = [r for r in exported_records(ledger) if r["record"] == "document"]
    assert [d["id"] for d in documents] == ["blog_02", "wire_01"]
    assert documents[1]["published"] == "2024-01-10"
    assert documents[1]["url"] == "https://news.example.org/shells"
    assert documents[1]["text"] == wire.text
    assert documents[0]["title"] is None


def test_export_jsonl_claims_in_reading_order_with_quotes_at_offsets(
    ledger: LedgerBundle, claims: dict[str, Claim], wire: Document, blog: Document
) -> None:
    records = [r for r in exported_records(ledger) if r["record"] == "claim"]
    expected_order = ["payment", "drones", "shipped", "denied"]  # blog_02 sorts before wire_01
    assert [r["id"] for r in records] == [claims[name].id for name in expected_order]
    texts = {"wire_01": wire.text, "blog_02": blog.text}
    for record in records:
        assert texts[record["doc"]][record["start"] : record["end"]] == record["quote"]


def test_export_jsonl_claim_fields(ledger: LedgerBundle, claims: dict[str, Claim]) -> None:
    by_id = {r["id"]: r for r in exported_records(ledger) if r["record"] == "claim"}
    shipped, denied = by_id[claims["shipped"].id], by_id[claims["denied"].id]
    assert (shipped["supplier"], shipped["recipient"]) == ("PRK", "RUS")
    assert shipped["quantity"] == {"value": 1000, "low": 1000, "high": 1000, "unit": "container"}
    assert shipped["grade"]["code"] == "B2"
    assert shipped["grade"]["stix_confidence"] == 70
    assert denied["polarity"] == "denied"
    assert denied["quantity"] is None
    # Credibility 6, "truth cannot be judged", has no STIX confidence value.
    assert denied["grade"]["stix_confidence"] is None
    payment = by_id[claims["payment"].id]
    assert payment["quantity"]["value"] == 20_000_000
    assert payment["quantity"]["unit"] == "usd"
    assert by_id[claims["drones"].id]["grade"] is None


def test_export_jsonl_sources_list_their_claims(
    ledger: LedgerBundle, claims: dict[str, Claim]
) -> None:
    records = exported_records(ledger)
    sources = {r["name"]: r for r in records if r["record"] == "source"}
    assert sorted(sources) == [
        "Example Blog", "Jane Doe", "foreign ministry in Pyongyang", "officials"
    ]  # fmt: skip
    assert sources["Jane Doe"]["claim_ids"] == [claims["shipped"].id]
    assert sources["Jane Doe"]["role"] == "intelligence chief"
    assert sources["officials"]["kind"] == "anonymous"
    shipped = next(r for r in records if r.get("id") == claims["shipped"].id)
    assert shipped["source_id"] == sources["Jane Doe"]["id"]


def test_export_jsonl_uses_merged_sources_when_given(
    ledger: LedgerBundle, claims: dict[str, Claim]
) -> None:
    merged = SourceEntity(
        id="src-doe",
        name="Jane Doe",
        kind=SourceKind.PERSON,
        variants=("Jane Doe", "Doe"),
        claim_ids=(claims["shipped"].id,),
        doc_ids=("wire_01",),
    )
    fused = LedgerBundle(documents=ledger.documents, claims=ledger.claims, sources=[merged])
    records = exported_records(fused)
    sources = [r for r in records if r["record"] == "source"]
    assert [(s["id"], s["variants"]) for s in sources] == [("src-doe", ["Jane Doe", "Doe"])]
    by_id = {r["id"]: r for r in records if r["record"] == "claim"}
    assert by_id[claims["shipped"].id]["source_id"] == "src-doe"
    assert by_id[claims["denied"].id]["source_id"] is None


def test_export_jsonl_empty_ledger_writes_nothing() -> None:
    assert exported_records(LedgerBundle(documents=[], claims=[])) == []
