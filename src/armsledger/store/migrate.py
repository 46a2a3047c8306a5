"""Alembic, driven from code: the packaged migrations bring any database to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from armsledger.store.engine import SQLITE_BEGIN

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# SQLite's full-text index over quotes and its shadow tables are made by raw SQL in 0001_core;
# autogenerate and schema comparisons leave them alone.
UNMANAGED_TABLE_PREFIXES = ("evidence_spans_fts",)
# Any constant will do: it only has to be the same for every armsledger process.
POSTGRES_MIGRATION_LOCK = 0x41524D53  # "ARMS"


def migration_config(connection: Connection | None = None) -> Config:
    """An Alembic Config that needs no alembic.ini; env.py runs on `connection`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's include_name hook: which database objects the models describe."""
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_TABLE_PREFIXES))


def head_revision() -> str | None:
    return ScriptDirectory.from_config(migration_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Apply every migration the database lacks, in one transaction, one process at a time.

    SQLite: BEGIN IMMEDIATE holds the write lock, so a second process waits and then finds the
    schema current. PostgreSQL: a transaction-scoped advisory lock does the same, since two
    processes could otherwise both see an empty database and both create the tables.
    A database already at head is only read, so opening it never waits for a busy writer.
    """
    if _is_at_head(engine):
        return
    with engine.connect() as connection:
        connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(
                    f"SELECT pg_advisory_xact_lock({POSTGRES_MIGRATION_LOCK})"
                )
            command.upgrade(migration_config(connection), "head")


def _is_at_head(engine: Engine) -> bool:
    head = head_revision()
    with engine.connect() as connection, connection.begin():
        return current_revision(connection) == head
