"""The whole ledger as JSON Lines: documents, then sources, then claims, one object a line.

Each line has a `record` field ("document", "source" or "claim") so one stream holds all three
and `jq 'select(.record == "claim")'` picks one kind. A claim line is the evaluation format of
shared/eval/README.md (`Claim.to_record`) plus its id, its source's id and its grade, so the
claims can be scored as they are.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from armsledger.domain.core import Claim, Document
from armsledger.domain.fusion import Grade
from armsledger.export.bundle import (
    LedgerBundle,
    SourceRecord,
    sorted_claims,
    sorted_documents,
    source_ids_by_claim,
    source_records,
    stix_confidence,
)


def export_jsonl(bundle: LedgerBundle, out: TextIO) -> None:
    for document in sorted_documents(bundle.documents):
        _write_line(out, document_record(document))
    for source in source_records(bundle):
        _write_line(out, source_record(source))
    source_ids = source_ids_by_claim(bundle)
    for claim in sorted_claims(bundle.claims):
        grade = bundle.grades.get(claim.id)
        _write_line(out, claim_record(claim, grade, source_ids.get(claim.id)))


def document_record(document: Document) -> dict[str, Any]:
    meta = document.meta
    return {
        "record": "document",
        "id": document.id,
        "title": meta.title,
        "url": meta.url,
        "outlet": meta.outlet,
        "published": meta.published.isoformat() if meta.published else None,
        "language": meta.language,
        "origin": document.origin,
        "source_format": document.source_format,
        "content_hash": document.content_hash,
        "boilerplate": [list(span) for span in document.boilerplate],
        # The text travels with the quotes so that every offset can be checked against it.
        "text": document.text,
    }


def source_record(source: SourceRecord) -> dict[str, Any]:
    return {
        "record": "source",
        "id": source.id,
        "name": source.name,
        "kind": source.kind.value,
        "role": source.role,
        "state": source.state,
        "variants": list(source.variants),
        "claim_ids": list(source.claim_ids),
        "doc_ids": list(source.doc_ids),
    }


def claim_record(claim: Claim, grade: Grade | None, source_id: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {"record": "claim", "id": claim.id}
    record.update(claim.to_record())
    record["source_id"] = source_id
    record["grade"] = grade_record(grade)
    return record


def grade_record(grade: Grade | None) -> dict[str, Any] | None:
    if grade is None:
        return None
    return {
        "code": grade.code,
        "reliability": grade.reliability,
        "credibility": grade.credibility,
        "stix_confidence": stix_confidence(grade),
        "reasons": list(grade.reasons),
        "rules_version": grade.rules_version,
    }


def _write_line(out: TextIO, record: dict[str, Any]) -> None:
    out.write(json.dumps(record, ensure_ascii=False, sort_keys=False))
    out.write("\n")
