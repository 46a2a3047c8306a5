"""Alembic environment: runs inside the connection and transaction `open_store` hands over.

There is no alembic.ini at run time. `armsledger.store.migrate.migration_config` builds the
Config in code and puts the open connection in `config.attributes["connection"]`. To write a new
revision, copy `versions/0001_core.py` (down_revision "0001_core"), or autogenerate a draft with
`alembic.command.revision(migration_config(connection), message, autogenerate=True)` on a
connection to a database at head; modules that declare tables (store/fusion.py) must be imported
first, so that `Base.metadata` holds their tables.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from armsledger.store.migrate import include_name
from armsledger.store.tables import Base


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
    engine = create_engine(
        context.config.get_main_option("sqlalchemy.url", ""), poolclass=pool.NullPool
    )
    with engine.begin() as own_connection:
        run_with(own_connection)


run_online()
