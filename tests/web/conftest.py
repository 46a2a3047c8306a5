"""Web fixtures: the app on a real SQLite ledger in tmp_path, through FastAPI's test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from armsledger.web.app import create_app
from tests.report.sample_ledger import SampleLedger, write_sample_ledger


@pytest.fixture
def sample(tmp_path: Path) -> SampleLedger:
    return write_sample_ledger(tmp_path / "ledger.db")


@pytest.fixture
def client(sample: SampleLedger) -> Iterator[TestClient]:
    with TestClient(create_app(sample.db_url)) as test_client:
        yield test_client
