"""The ledger commands on a ledger the real pipeline built from the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armsledger.cli import app
from armsledger.cli.outputs import ExportFormat
from armsledger.export import FORMATS


@pytest.fixture(scope="module")
def seeds_db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("commands") / "ledger.db"
    result = CliRunner().invoke(app, ["analyze", str(seeds_dir), "--db", str(db), "--no-report"])
    assert result.exit_code == 0, result.stderr
    return db


def invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_export_formats_match_the_exporters() -> None:
    assert {member.value for member in ExportFormat} == set(FORMATS)


def test_brief_json_lists_flows_with_grades(seeds_db: Path) -> None:
    rows = json.loads(
        invoke("brief", "--supplier", "PRK", "--format", "json", "--db", str(seeds_db))
    )
    assert rows
    assert {row["supplier"] for row in rows} == {"PRK"}
    assert all(row["grade"]["code"] for row in rows)
    shells = next(
        row for row in rows if (row["recipient"], row["item"]) == ("RUS", "artillery_ammunition")
    )
    assert shells["independent_origins"] >= 2
    assert shells["series"]


def test_brief_table_names_the_flows(seeds_db: Path) -> None:
    out = invoke("brief", "--recipient", "PRK", "--db", str(seeds_db))
    assert "RUS → PRK" in out


def test_sources_json_merges_speakers(seeds_db: Path) -> None:
    rows = json.loads(invoke("sources", "--format", "json", "--db", str(seeds_db)))
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    assert all(row["claims"] for row in rows)


def test_export_stix_to_a_file_parses(seeds_db: Path, tmp_path: Path) -> None:
    import stix2

    out = tmp_path / "ledger.json"
    CliRunner().invoke(
        app, ["export", "--format", "stix", "--output", str(out), "--db", str(seeds_db)]
    )
    bundle = stix2.parse(out.read_text(encoding="utf-8"), allow_custom=False)
    kinds = {obj.type for obj in bundle.objects}
    assert {"report", "identity", "relationship", "note"} <= kinds


def test_export_csv_documents_table(seeds_db: Path) -> None:
    out = invoke("export", "--format", "csv", "--table", "documents", "--db", str(seeds_db))
    assert len(out.strip().splitlines()) == 1 + 5


def test_report_writes_a_self_contained_page(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    CliRunner().invoke(app, ["report", "--out", str(out), "--db", str(seeds_db)])
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html
    assert 'src="http' not in html
    assert 'href="http' not in html.replace('href="http://www.w3.org', "")


def test_explain_shows_rules_per_sentence(seeds_dir: Path) -> None:
    path = sorted(seeds_dir.glob("*.txt"))[3]
    out = invoke("explain", str(path))
    assert "rule=" in out
