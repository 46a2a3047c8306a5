"""The ledger as CSV, one table per call: claims (the default), sources or documents.

CSV holds one table, so a spreadsheet user asks for each in turn (`--table`). Claims are flat:
one column per field, the amount as value, bounds and unit, the grade as its code and its STIX
confidence, and the quote with its offsets. Documents list their metadata and claim count but
not the text, which belongs in the JSONL export.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TextIO

from armsledger.domain.core import Claim, Document, Quantity
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

Cell = str | int | float | None


class CsvTable(StrEnum):
    CLAIMS = "claims"
    SOURCES = "sources"
    DOCUMENTS = "documents"


CLAIM_COLUMNS = (
    "id", "doc", "supplier", "supplier_name", "recipient", "recipient_name",
    "item", "designation", "item_term",
    "quantity_value", "quantity_low", "quantity_high", "quantity_unit", "quantity_per",
    "quantity_text", "polarity", "modality", "stage",
    "source_id", "source_name", "source_kind", "source_role", "source_state", "source_channel",
    "time_text", "time_start", "time_end",
    "start", "end", "quote", "rule", "grade", "stix_confidence", "grade_reasons",
)  # fmt: skip

SOURCE_COLUMNS = (
    "id", "name", "kind", "role", "state", "variants", "claim_count", "doc_count",
)  # fmt: skip

DOCUMENT_COLUMNS = (
    "id", "title", "url", "outlet", "published", "language", "origin", "source_format",
    "content_hash", "characters", "claim_count",
)  # fmt: skip


def export_csv(bundle: LedgerBundle, out: TextIO, table: CsvTable = CsvTable.CLAIMS) -> None:
    if table is CsvTable.SOURCES:
        _write(out, SOURCE_COLUMNS, (source_row(source) for source in source_records(bundle)))
    elif table is CsvTable.DOCUMENTS:
        counts = Counter(claim.doc_id for claim in bundle.claims)
        rows = (document_row(doc, counts[doc.id]) for doc in sorted_documents(bundle.documents))
        _write(out, DOCUMENT_COLUMNS, rows)
    else:
        source_ids = source_ids_by_claim(bundle)
        rows = (
            claim_row(claim, bundle.grades.get(claim.id), source_ids.get(claim.id))
            for claim in sorted_claims(bundle.claims)
        )
        _write(out, CLAIM_COLUMNS, rows)


def claim_row(claim: Claim, grade: Grade | None, source_id: str | None) -> list[Cell]:
    source, time = claim.source, claim.time
    return [
        claim.id, claim.doc_id,
        claim.supplier.id, claim.supplier.name, claim.recipient.id, claim.recipient.name,
        claim.item.category, claim.item.designation, claim.item.term,
        *_quantity_cells(claim.quantity),
        claim.polarity.value, claim.modality.value, claim.stage.value,
        source_id, source.name, source.kind.value, source.role, source.state, source.channel,
        time.text if time else None,
        time.start.isoformat() if time and time.start else None,
        time.end.isoformat() if time and time.end else None,
        claim.evidence.start, claim.evidence.end, claim.evidence.text, claim.rule_id,
        grade.code if grade else None, stix_confidence(grade),
        "; ".join(grade.reasons) if grade else None,
    ]  # fmt: skip


def source_row(source: SourceRecord) -> list[Cell]:
    return [
        source.id, source.name, source.kind.value, source.role, source.state,
        "; ".join(source.variants), len(source.claim_ids), len(source.doc_ids),
    ]  # fmt: skip


def document_row(document: Document, claim_count: int) -> list[Cell]:
    meta = document.meta
    return [
        document.id, meta.title, meta.url, meta.outlet,
        meta.published.isoformat() if meta.published else None, meta.language,
        document.origin, document.source_format, document.content_hash,
        len(document.text), claim_count,
    ]  # fmt: skip


def _quantity_cells(quantity: Quantity | None) -> list[Cell]:
    if quantity is None:
        return [None] * 6
    return [
        _plain(quantity.value), _plain(quantity.low), _plain(quantity.high),
        quantity.unit, quantity.per, quantity.text,
    ]  # fmt: skip


def _plain(number: float | None) -> Cell:
    """1500000.0 is written 1500000, as the text has it."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def _write(out: TextIO, columns: Sequence[str], rows: Iterable[list[Cell]]) -> None:
    # Excel reads "\r\n" and quoted newlines correctly; None becomes an empty cell.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
