"""The main job on both databases: the same ledger, and a second run that changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armsledger.cli import app
from armsledger.store import open_store
from tests.databases import DATABASES, database_url


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_url(request.param, tmp_path)


def test_analyze_on_each_database_is_idempotent(seeds_dir: Path, db_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["analyze", str(seeds_dir), "--db", db_url, "--no-report"])
    assert first.exit_code == 0, first.stderr
    with open_store(db_url) as store:
        counts = store.counts()
        claims = store.claims()
    assert counts["documents"] == 5
    assert counts["claims"] == len(claims) > 0
    assert counts["fusion_assessments"] == counts["claims"]
    second = runner.invoke(app, ["analyze", str(seeds_dir), "--db", db_url, "--no-report"])
    assert second.exit_code == 0, second.stderr
    assert "unchanged: 5" in second.stdout
    with open_store(db_url) as store:
        assert store.counts() == counts
        assert store.claims() == claims
