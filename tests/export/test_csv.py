"""CSV export: each table read back with csv.DictReader."""

from __future__ import annotations

import csv
import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from armsledger.domain.core import Claim, Document
from armsledger.export import FORMATS
from armsledger.export.bundle import LedgerBundle
from armsledger.export.csv import CLAIM_COLUMNS, CsvTable, export_csv
from armsledger.store import open_store


def read_table(ledger: LedgerBundle, table: CsvTable) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    export_csv(ledger, out, table)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def test_export_csv_default_table_is_claims(ledger: LedgerBundle) -> None:
    out = io.StringIO(newline="")
    FORMATS["csv"].write(ledger, out)
    header = next(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert tuple(header) == CLAIM_COLUMNS


def test_export_csv_claims_rows(ledger: LedgerBundle, claims: dict[str, Claim]) -> None:
    rows = {row["id"]: row for row in read_table(ledger, CsvTable.CLAIMS)}
    assert len(rows) == 4
    shipped = rows[claims["shipped"].id]
    assert shipped["supplier_name"] == "North Korea"
    assert shipped["quantity_value"] == "1000"
    assert shipped["quantity_unit"] == "container"
    assert shipped["grade"] == "B2"
    assert shipped["stix_confidence"] == "70"
    assert shipped["time_start"] == "2023-08-01"
    assert shipped["source_name"] == "Jane Doe"
    payment = rows[claims["payment"].id]
    assert (payment["supplier"], payment["recipient"], payment["item"]) == ("RUS", "PRK", "money")
    assert payment["quantity_value"] == "20000000"
    assert payment["stix_confidence"] == "50"
    denied = rows[claims["denied"].id]
    assert denied["polarity"] == "denied"
    assert denied["quantity_value"] == ""
    assert denied["grade"] == "F6"
    assert denied["stix_confidence"] == ""


def test_export_csv_claims_quote_matches_offsets(
    ledger: LedgerBundle, wire: Document, blog: Document
) -> None:
    texts = {"wire_01": wire.text, "blog_02": blog.text}
    for row in read_table(ledger, CsvTable.CLAIMS):
        assert texts[row["doc"]][int(row["start"]) : int(row["end"])] == row["quote"]


def test_export_csv_documents_count_claims(ledger: LedgerBundle, wire: Document) -> None:
    rows = read_table(ledger, CsvTable.DOCUMENTS)
    assert [(r["id"], r["claim_count"]) for r in rows] == [("blog_02", "2"), ("wire_01", "2")]
    assert rows[1]["characters"] == str(len(wire.text))
    assert rows[1]["outlet"] == "Example Wire"


@pytest.mark.parametrize(
    ("name", "kind", "claim_count"),
    [
        ("Jane Doe", "person", "1"),
        ("foreign ministry in Pyongyang", "government", "1"),
        ("officials", "anonymous", "1"),
        ("Example Blog", "unattributed", "1"),
    ],
)
def test_export_csv_sources_rows(
    ledger: LedgerBundle, name: str, kind: str, claim_count: str
) -> None:
    rows = {row["name"]: row for row in read_table(ledger, CsvTable.SOURCES)}
    assert (rows[name]["kind"], rows[name]["claim_count"], rows[name]["doc_count"]) == (
        kind,
        claim_count,
        "1",
    )


def test_export_csv_source_ids_are_the_store_ids(ledger: LedgerBundle, tmp_path: Path) -> None:
    """Without fused sources, the ids must still find the rows of the `sources` table."""
    path = tmp_path / "ledger.db"
    with open_store(f"sqlite:///{path}") as store:
        run_id = store.start_run(command="test", paths=[], lexicon_versions={})
        store.write_batch(run_id, ledger.documents, ledger.claims)
        store.finish_run(run_id, counts={})
    with closing(sqlite3.connect(path)) as connection:
        stored = dict(connection.execute("SELECT id, name FROM sources").fetchall())
    exported = {row["id"]: row["name"] for row in read_table(ledger, CsvTable.SOURCES)}
    assert exported == stored
