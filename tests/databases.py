"""Real databases for tests: an SQLite file, or a throwaway schema on the PostgreSQL test server
(`ARMSLEDGER_TEST_POSTGRES_URL`, started by scripts/start_test_postgres.sh)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

POSTGRES_URL_VARIABLE = "ARMSLEDGER_TEST_POSTGRES_URL"
DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def database_url(kind: str, directory: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{directory / 'ledger.db'}"
        return
    base_url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not base_url:
        pytest.skip(
            f"{POSTGRES_URL_VARIABLE} is not set; start a server with "
            "scripts/start_test_postgres.sh and export the URL it prints"
        )
    yield from postgres_schema_url(base_url)


def postgres_schema_url(base_url: str) -> Iterator[str]:
    """A throwaway schema, first on the search path, dropped with everything in it afterwards."""
    schema = f"armsledger_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, poolclass=NullPool)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
