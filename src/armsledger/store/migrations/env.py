"""Alembic environment: runs inside the connection and transaction `open_store` hands over.

There is no alembic.ini at run time. `armsledger.store.migrate.migration_config` builds the
Config in code and puts the open connection in `config.attributes["connection"]`. To write a new
revision by hand, copy `versions/0001_core.py`; to autogenerate one, call
`alembic.command.revision(migration_config(url), message, autogenerate=True)` with the
connection attribute set to a database at head.
"""

from __future__ import annotations

from typing import Literal

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from armsledger.store.tables import Base

# SQLite's full-text index over quotes and its shadow tables are made by raw SQL in 0001_core;
# autogenerate must not offer to drop them.
UNMANAGED_TABLE_PREFIXES = ("evidence_spans_fts",)


def include_name(
    name: str | None,
    type_: Literal[
        "schema", "table", "column", "index", "unique_constraint", "foreign_key_constraint"
    ],
    parent_names: object,
) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_TABLE_PREFIXES))


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        include_name=include_name,
        # SQLite cannot ALTER most things: batch mode copies the table, so later revisions work.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if isinstance(connection, Connection):
        run_with(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url", ""), poolclass=pool.NullPool)
    with engine.begin() as own_connection:
        run_with(own_connection)


run_online()
