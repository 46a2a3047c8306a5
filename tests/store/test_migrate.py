"""Migrations (store/migrate.py, store/migrations/): the schema they create, as inspected."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from armsledger.store import Store, open_store
from armsledger.store.migrate import head_revision, include_name, migration_config
from armsledger.store.tables import Base

CORE_TABLES = {
    "actors",
    "boilerplate_spans",
    "claims",
    "documents",
    "evidence_spans",
    "items",
    "runs",
    "skipped_inputs",
    "sources",
}

# (constrained column, referred table, ON DELETE): written out from docs/schema.md.
FOREIGN_KEYS: dict[str, set[tuple[str, str, str | None]]] = {
    "claims": {
        ("document_id", "documents", "CASCADE"),
        ("supplier_id", "actors", None),
        ("recipient_id", "actors", None),
        ("item_id", "items", None),
        ("source_id", "sources", None),
        ("evidence_span_id", "evidence_spans", "CASCADE"),
        ("run_id", "runs", "SET NULL"),
    },
    "evidence_spans": {("document_id", "documents", "CASCADE")},
    "boilerplate_spans": {("document_id", "documents", "CASCADE")},
    "documents": {("run_id", "runs", "SET NULL")},
    "skipped_inputs": {("run_id", "runs", "CASCADE")},
    "actors": set(),
    "items": set(),
    "sources": set(),
    "runs": set(),
}


def managed_tables(store: Store) -> set[str]:
    names = inspect(store.engine).get_table_names()
    return {name for name in names if include_name(name, "table", {})}


FUSION_TABLES = {
    f"fusion_{name}"
    for name in (
        "assessments",
        "contradictions",
        "estimates",
        "flows",
        "origins",
        "provenance",
        "sources",
    )
}


def test_open_store_creates_core_and_fusion_tables(store: Store) -> None:
    assert managed_tables(store) == CORE_TABLES | FUSION_TABLES | {"alembic_version"}


def test_open_store_records_head_revision(store: Store) -> None:
    assert head_revision() == "0002_fusion"
    with store.engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert [row[0] for row in versions] == ["0002_fusion"]


@pytest.mark.parametrize("table", sorted(FOREIGN_KEYS))
def test_migration_declares_foreign_keys(store: Store, table: str) -> None:
    declared = {
        (
            tuple(key["constrained_columns"]),
            key["referred_table"],
            (key.get("options") or {}).get("ondelete"),
        )
        for key in inspect(store.engine).get_foreign_keys(table)
    }
    expected = {
        ((column,), referred, on_delete) for column, referred, on_delete in FOREIGN_KEYS[table]
    }
    assert declared == expected


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("claims", "supplier_id"),
        ("claims", "recipient_id"),
        ("claims", "item_id"),
        ("claims", "document_id"),
        ("claims", "source_id"),
        ("items", "category"),
        ("evidence_spans", "document_id"),
        ("skipped_inputs", "run_id"),
    ],
)
def test_migration_indexes_filtered_columns(store: Store, table: str, column: str) -> None:
    leading_columns = {
        index["column_names"][0] for index in inspect(store.engine).get_indexes(table)
    }
    assert column in leading_columns


def test_migration_matches_declared_tables(store: Store) -> None:
    """tables.py and the migrations must describe the same schema, column for column."""
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": include_name, "compare_type": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_open_store_again_leaves_schema_as_it_is(store_url: str) -> None:
    with open_store(store_url) as first:
        run_id = first.start_run(command="analyze", paths=[], lexicon_versions={})
    with open_store(store_url) as second:
        assert [run.id for run in second.runs()] == [run_id]
        with second.engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM alembic_version")).scalar_one()
        assert count == 1


def test_migration_downgrade_removes_every_table(store: Store) -> None:
    with store.engine.begin() as connection:
        command.downgrade(migration_config(connection), "base")
    assert managed_tables(store) == {"alembic_version"}
    # Nothing of SQLite's quote search may stay behind either.
    assert inspect(store.engine).get_table_names() == ["alembic_version"]
