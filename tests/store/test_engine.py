"""Engines (store/engine.py): SQLite settings, URLs in messages, opening errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from armsledger.domain.core import Claim, Document
from armsledger.errors import StoreError
from armsledger.store import Store, open_store
from armsledger.store.engine import describe_url


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path / 'ledger.db'}")


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("foreign_keys", 1), ("journal_mode", "wal"), ("busy_timeout", 30000)],
)
def test_sqlite_connection_settings(sqlite_store: Store, pragma: str, expected: object) -> None:
    with sqlite_store.engine.connect() as connection:
        assert connection.execute(text(f"PRAGMA {pragma}")).scalar_one() == expected
    sqlite_store.close()


def test_sqlite_memory_database_keeps_tables_between_sessions() -> None:
    with open_store("sqlite://") as store:
        run_id = store.start_run(command="analyze", paths=[], lexicon_versions={})
        assert [run.id for run in store.runs()] == [run_id]


def test_sqlite_quote_search_follows_evidence_spans(
    sqlite_store: Store, alpha: Document, alpha_claims: list[Claim]
) -> None:
    search = text(
        "SELECT evidence_span_id FROM evidence_spans_fts WHERE evidence_spans_fts MATCH :q"
    )
    run_id = sqlite_store.start_run(command="analyze", paths=[], lexicon_versions={})
    sqlite_store.write_batch(run_id, [alpha], alpha_claims)
    start = alpha.text.index("Norland denied")
    end = start + len("Norland denied sending any drones to Valdoria.")
    with sqlite_store.engine.connect() as connection:
        found = connection.execute(search, {"q": "drones"}).scalars().all()
    assert found == [f"alpha-report:{start}-{end}"]

    replaced = Document(id=alpha.id, text="Nothing here.", content_hash="hash-alpha-2")
    sqlite_store.write_batch(run_id, [replaced], [])
    with sqlite_store.engine.connect() as connection:
        assert connection.execute(search, {"q": "drones"}).all() == []
    sqlite_store.close()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://ann:s3cret@db.example:5432/ledger", "ann:***@db.example"),
        ("sqlite:////data/ledger.db", "/data/ledger.db"),
        ("sqlite:///relative.db", "relative.db"),
    ],
)
def test_describe_url_names_database_without_password(url: str, shown: str) -> None:
    described = describe_url(url)
    assert shown in described
    assert "s3cret" not in described


@pytest.mark.parametrize(
    ("make_url", "message"),
    [
        (lambda tmp: "not a url", "not a database URL"),
        (lambda tmp: "mysql://user@localhost/ledger", "unsupported database 'mysql'"),
        (lambda tmp: f"sqlite:///{tmp / 'missing' / 'ledger.db'}", "cannot open the store"),
    ],
    ids=["garbage", "mysql", "missing-folder"],
)
def test_open_store_bad_url_raises_one_line(tmp_path: Path, make_url: object, message: str) -> None:
    assert callable(make_url)
    with pytest.raises(StoreError, match=message) as raised:
        open_store(make_url(tmp_path))
    assert "\n" not in str(raised.value)


def test_open_store_unreachable_postgres_names_server_not_password() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    url = "postgresql+psycopg://ann:s3cret@127.0.0.1:1/ledger?connect_timeout=2"
    with pytest.raises(StoreError, match="cannot open the store") as raised:
        open_store(url)
    assert "127.0.0.1" in str(raised.value)
    assert "s3cret" not in str(raised.value)
