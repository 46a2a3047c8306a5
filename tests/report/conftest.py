"""Report fixtures: a real SQLite ledger written by hand in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.sample_ledger import SampleLedger, write_sample_ledger


@pytest.fixture
def sample(tmp_path: Path) -> SampleLedger:
    return write_sample_ledger(tmp_path / "ledger.db")
