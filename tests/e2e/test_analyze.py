"""`armsledger analyze` on the seed articles and on malformed inputs the tests make."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armsledger.cli import app
from tests.e2e.dump import database_dump


def run_cli(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def stored_rows(db: Path, table: str) -> list[tuple[object, ...]]:
    return database_dump(db)[table]


def test_analyze_seeds_stores_five_documents(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    code, out, err = run_cli(runner, "analyze", str(seeds_dir), "--db", str(db))
    assert code == 0, err
    assert len(stored_rows(db, "documents")) == 5
    assert "Documents read: 5" in out
    # Arms go one way and payment the other: both directions appear among the transfers.
    assert "PRK → RUS" in out
    assert "RUS → PRK" in out


def test_analyze_twice_leaves_database_unchanged(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    assert run_cli(runner, "analyze", str(seeds_dir), "--db", str(db))[0] == 0
    first = database_dump(db)
    code, out, _ = run_cli(runner, "analyze", str(seeds_dir), "--db", str(db))
    assert code == 0
    assert "unchanged: 5" in out
    assert database_dump(db) == first


def test_analyze_yields_no_claim_from_boilerplate(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    run_cli(runner, "analyze", str(seeds_dir), "--db", str(db))
    code, out, _ = run_cli(runner, "claims", "--format", "jsonl", "--db", str(db))
    assert code == 0
    claims = [json.loads(line) for line in out.splitlines()]
    assert claims
    from armsledger.pipeline import read_documents

    documents, _ = read_documents([str(seeds_dir)])
    boilerplate = {document.id: document.boilerplate for document in documents}
    assert any(boilerplate.values()), "the seeds carry boilerplate that must be marked"
    for claim in claims:
        for start, end in boilerplate[claim["doc"]]:
            assert claim["end"] <= start or claim["start"] >= end, claim["quote"]


def write_malformed_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Iran has shipped hundreds of Shahed drones to Russia, officials said.\n", encoding="utf-8"
    )
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes(
        "Le ministère a livré des obus à l'Ukraine. Germany delivered Leopard 2 tanks to "
        "Ukraine, the ministry said.\n".encode("latin-1")
    )
    (folder / "page.html").write_text(
        "<html><head><title>Tanks for Kyiv</title></head><body><nav>Home | World</nav>"
        "<article><h1>Tanks for Kyiv</h1><p>Poland has sent 200 T-72 tanks to Ukraine, "
        "the Polish defence ministry said on Friday, in one of the largest transfers of the war "
        "so far.</p><p>Warsaw did not say when the tanks crossed the border, but officials "
        "said the deliveries had been completed.</p></article><footer>Cookies</footer>"
        "</body></html>",
        encoding="utf-8",
    )
    lines = [
        json.dumps(
            {
                "id": "feed-1",
                "text": "The United States approved the sale of 40 "
                "F-16 fighter jets to Turkey for $23 billion, the State Department said.",
            }
        ),
        '{"id": "feed-2", "text": "broken',
        json.dumps(
            {
                "id": "feed-3",
                "text": "Belarus sent ammunition to Russia by rail, "
                "according to Ukrainian intelligence.",
            }
        ),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_analyze_malformed_folder_skips_bad_inputs_and_stores_the_rest(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    write_malformed_folder(folder)
    db = tmp_path / "ledger.db"
    code, out, err = run_cli(runner, "analyze", str(folder), "--db", str(db))
    assert code == 1, "the exit status says that something was skipped"
    messages = [line for line in err.splitlines() if line.startswith("armsledger: skipped")]
    assert len(messages) == 3, err
    assert any("binary.txt" in line for line in messages)
    assert any("empty.txt" in line for line in messages)
    assert any("feed.jsonl:2" in line for line in messages)
    stored_ids = sorted(str(row[0]) for row in stored_rows(db, "documents"))
    assert stored_ids == ["feed-1", "feed-3", "good", "latin1", "page"]
    assert "skipped: 3" in out


def test_analyze_runs_as_a_real_subprocess(seeds_dir: Path, tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "armsledger",
            "analyze",
            str(seeds_dir),
            "--db",
            str(tmp_path / "l.db"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Documents read: 5" in completed.stdout


@pytest.mark.parametrize("output_format", ["table", "jsonl", "csv"])
def test_claims_command_filters_by_supplier(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path, output_format: str
) -> None:
    db = tmp_path / "ledger.db"
    run_cli(runner, "analyze", str(seeds_dir), "--db", str(db))
    code, out, _ = run_cli(
        runner, "claims", "--supplier", "RUS", "--format", output_format, "--db", str(db)
    )
    assert code == 0
    assert "RUS" in out
    if output_format == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        assert records
        assert {record["supplier"] for record in records} == {"RUS"}
