"""The seed articles: documents that relay one origin come out as one origin network.

The claims come from the gold file (the extractor is tested elsewhere); which documents share
an origin comes from the gold's own `meta.origin` annotations, so no seed fact is written here.
Provenance is read from the seed texts by the general cues alone.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from armsledger.domain.core import (
    Actor,
    Claim,
    Document,
    Item,
    Modality,
    Polarity,
    Quantity,
    Source,
    SourceKind,
    Span,
    Stage,
)
from armsledger.domain.fusion import FusionResult
from armsledger.fuse.engine import load_fusion_rules
from armsledger.fuse.ledger import Ledger
from armsledger.fuse.names import name_key
from armsledger.lexicon import load_lexicons


def gold_claim(doc: Document, entry: dict[str, Any]) -> Claim:
    quote = entry["evidence"].split(" / ")[0]
    start = max(doc.text.find(quote), 0)
    source = entry["sources"][0]
    quantity = entry["quantity"]
    modality = entry["modality"] if isinstance(entry["modality"], str) else entry["modality"][0]
    return Claim(
        doc_id=doc.id,
        supplier=Actor(id=entry["supplier"], name=entry["supplier"]),
        recipient=Actor(id=entry["recipient"], name=entry["recipient"]),
        item=Item(category=entry["item"][0]),
        quantity=Quantity(value=quantity["value"], low=None, high=None, unit=quantity["unit"][0])
        if quantity
        else None,
        polarity=Polarity(entry["polarity"]),
        modality=Modality(modality),
        stage=Stage.UNKNOWN,
        source=Source(
            name=(source.get("names") or [source["kind"]])[0], kind=SourceKind(source["kind"])
        ),
        evidence=Span(doc_id=doc.id, start=start, end=start + len(quote), text=quote),
        rule_id="gold",
    )


@pytest.fixture(scope="module")
def seeds_fused(seeds_dir: Path, seeds_gold: Path) -> tuple[FusionResult, list[dict[str, Any]]]:
    rules = load_fusion_rules(load_lexicons().item_parents)
    ledger = Ledger(rules)
    golds = [json.loads(line) for line in seeds_gold.read_text(encoding="utf-8").splitlines()]
    for gold in golds:
        text = (seeds_dir / f"{gold['doc']}.txt").read_text(encoding="utf-8")
        doc = Document(
            id=gold["doc"], text=text, content_hash=hashlib.sha1(text.encode()).hexdigest()
        )
        ledger.add_document(doc, [gold_claim(doc, entry) for entry in gold["claims"]])
    return ledger.refuse_all(), golds


def test_seed_documents_relaying_one_origin_form_one_network(
    seeds_fused: tuple[FusionResult, list[dict[str, Any]]],
) -> None:
    result, golds = seeds_fused
    docs_by_origin: dict[str, set[str]] = {}
    for gold in golds:
        for name in gold["meta"].get("origin") or []:
            docs_by_origin.setdefault(name, set()).add(gold["doc"])
    shared = {name: docs for name, docs in docs_by_origin.items() if len(docs) > 1}
    assert shared, "the gold annotates at least one origin shared by several documents"
    for name, docs in shared.items():
        networks = [o for o in result.origins if docs <= set(o.doc_ids)]
        assert networks, f"no origin network holds {sorted(docs)} (annotated {name})"


def test_seed_relayed_outlets_match_gold_origins(
    seeds_fused: tuple[FusionResult, list[dict[str, Any]]],
) -> None:
    result, golds = seeds_fused
    provenance = {p.doc_id: p for p in result.provenance}
    for gold in golds:
        found = {relay.name for relay in provenance[gold["doc"]].relayed}
        found |= {
            provenance[gold["doc"]].outlet or "",
            provenance[gold["doc"]].syndicated_from or "",
        }
        for name in gold["meta"].get("origin") or []:
            assert name in found, f"{gold['doc']}: {name} not found in {sorted(found)}"


def test_seed_outlets_found_from_the_text(
    seeds_fused: tuple[FusionResult, list[dict[str, Any]]],
) -> None:
    result, golds = seeds_fused
    provenance = {p.doc_id: p for p in result.provenance}
    for gold in golds:
        expected = gold["meta"].get("outlet")
        if expected:
            found = provenance[gold["doc"]].outlet or ""
            assert name_key(found) == name_key(expected), gold["doc"]


def test_seed_every_claim_graded_with_reasons(
    seeds_fused: tuple[FusionResult, list[dict[str, Any]]],
) -> None:
    result, golds = seeds_fused
    graded_docs = {a.doc_id for a in result.assessments}
    assert graded_docs == {gold["doc"] for gold in golds}
    assert all(a.grade.reasons for a in result.assessments)
