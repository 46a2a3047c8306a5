"""Engines set up the same way for every caller: SQLite pragmas, transaction modes, errors."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

from armsledger.errors import StoreError

# How long an SQLite writer waits for another writer's lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Execution option naming the SQLite BEGIN mode of a transaction (see `_begin_sqlite`).
SQLITE_BEGIN = "armsledger_sqlite_begin"
SUPPORTED_DIALECTS = ("sqlite", "postgresql")


def describe_url(url: str | URL) -> str:
    """The database as an error message names it: the file for SQLite, the URL sans password."""
    try:
        parsed = make_url(url)
    except Exception:  # an unparseable URL is shown as given; it holds no usable secret
        return str(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


def first_line(error: BaseException) -> str:
    """Drivers add DETAIL and SQL lines; the user gets the first one."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


def create_store_engine(url: str) -> Engine:
    """An Engine for `url`; raises StoreError for a URL or dialect the store cannot use."""
    try:
        parsed = make_url(url)
    except Exception as error:  # ArgumentError, ValueError: both mean "not a URL"
        raise StoreError(f"{url}: not a database URL ({first_line(error)})") from error
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED_DIALECTS:
        raise StoreError(f"{describe_url(parsed)}: unsupported database {backend!r}")
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except Exception as error:  # a missing driver module surfaces here
        raise StoreError(f"{describe_url(parsed)}: {first_line(error)}") from error


def _sqlite_engine(url: URL) -> Engine:
    in_memory = url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
    # One shared connection keeps an in-memory database alive across sessions.
    pool_options: dict[str, Any] = {"poolclass": StaticPool} if in_memory else {}
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        **pool_options,
    )

    def configure_connection(dbapi_connection: Any, _record: Any) -> None:
        _configure_sqlite(dbapi_connection, use_wal=not in_memory)

    event.listen(engine, "connect", configure_connection)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, *, use_wal: bool) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # The sqlite3 module's own transaction handling would BEGIN behind our back and never for
    # DDL; switching it off lets `_begin_sqlite` start every transaction explicitly.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if use_wal:
            # Readers (Datasette, reports) then never block the writer, nor it them.
            cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    """Start a transaction; writers ask for IMMEDIATE.

    A DEFERRED transaction that reads first and writes later fails at once with "database is
    locked" if another writer committed in between; the busy timeout cannot help it. Taking
    the write lock at BEGIN makes a second writer wait its turn instead.
    """
    mode = connection.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
    if mode not in ("DEFERRED", "IMMEDIATE"):
        raise ValueError(f"unknown SQLite BEGIN mode {mode!r}")
    connection.exec_driver_sql(f"BEGIN {mode}")
