"""Core ledger: runs, documents, actors, items, sources, evidence spans, claims.

Revision ID: 0001_core
Revises:
Create Date: 2026-11-24

A migration is a frozen snapshot: it spells out its tables instead of importing tables.py, so
later edits to the models cannot change what this revision did. tests/store/test_migrate.py
checks that this revision and tables.py describe the same schema.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001_core"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# SQLite full-text index over quotes; FTS5 drops its shadow tables along with it.
FTS_TABLE = "evidence_spans_fts"


def upgrade() -> None:
    _create_runs()
    _create_documents()
    _create_entities()
    _create_claims()
    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_quote_search()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    for table in (
        "claims",
        "evidence_spans",
        "sources",
        "items",
        "actors",
        "boilerplate_spans",
        "documents",
        "skipped_inputs",
        "runs",
    ):
        op.drop_table(table)


def _create_runs() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("command", sa.String(), nullable=False),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paths", sa.JSON(), nullable=False),
        sa.Column("lexicon_versions", sa.JSON(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )
    op.create_table(
        "skipped_inputs",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_skipped_inputs_run_id_runs", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_skipped_inputs"),
    )
    op.create_index("ix_skipped_inputs_run_id", "skipped_inputs", ["run_id"])


def _create_documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("source_format", sa.String(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_documents_run_id_runs", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "boilerplate_spans",
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_boilerplate_spans_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "position", name="pk_boilerplate_spans"),
    )


def _create_entities() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("designation", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_items"),
    )
    op.create_index("ix_items_category", "items", ["category"])
    op.create_table(
        "sources",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("state", sa.String(), nullable=True),
        sa.Column("channel", sa.String(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
    )
    op.create_index("ix_sources_name", "sources", ["name"])
    op.create_table(
        "evidence_spans",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_evidence_spans_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_spans"),
    )
    op.create_index(
        "ix_evidence_spans_document_id_start_char_end_char",
        "evidence_spans",
        ["document_id", "start_char", "end_char"],
    )


def _create_claims() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("supplier_id", sa.String(), nullable=False),
        sa.Column("recipient_id", sa.String(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("item_term", sa.Text(), nullable=False),
        sa.Column("quantity_value", sa.Double(), nullable=True),
        sa.Column("quantity_low", sa.Double(), nullable=True),
        sa.Column("quantity_high", sa.Double(), nullable=True),
        sa.Column("quantity_unit", sa.String(), nullable=True),
        sa.Column("quantity_per", sa.String(), nullable=True),
        sa.Column("quantity_text", sa.Text(), nullable=True),
        sa.Column("polarity", sa.String(), nullable=False),
        sa.Column("modality", sa.String(), nullable=False),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("source_id", sa.String(), nullable=False),
        sa.Column("evidence_span_id", sa.String(), nullable=False),
        sa.Column("rule_id", sa.String(), nullable=False),
        sa.Column("time_text", sa.Text(), nullable=True),
        sa.Column("time_start", sa.Date(), nullable=True),
        sa.Column("time_end", sa.Date(), nullable=True),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("lexicon_versions", sa.JSON(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        *_claim_foreign_keys(),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
    )
    for column in (
        "document_id",
        "supplier_id",
        "recipient_id",
        "item_id",
        "source_id",
        "evidence_span_id",
        "run_id",
    ):
        op.create_index(f"ix_claims_{column}", "claims", [column])


def _claim_foreign_keys() -> list[sa.ForeignKeyConstraint]:
    # (column, referred table, on delete)
    references = [
        ("document_id", "documents", "CASCADE"),
        ("supplier_id", "actors", None),
        ("recipient_id", "actors", None),
        ("item_id", "items", None),
        ("source_id", "sources", None),
        ("evidence_span_id", "evidence_spans", "CASCADE"),
        ("run_id", "runs", "SET NULL"),
    ]
    return [
        sa.ForeignKeyConstraint(
            [column], [f"{table}.id"], name=f"fk_claims_{column}_{table}", ondelete=on_delete
        )
        for column, table, on_delete in references
    ]


def _create_sqlite_quote_search() -> None:
    """Full-text search over quotes for Datasette, where this SQLite build has FTS5.

    The index keeps its own copy of each quote, keyed by the evidence span id, instead of
    pointing at evidence_spans' rowid: that rowid is not an INTEGER PRIMARY KEY, and VACUUM may
    renumber it. Quotes are only inserted and deleted (never updated), so two triggers suffice.
    """
    has_fts5 = (
        op.get_bind().exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar()
    )
    if not has_fts5:
        return
    op.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, evidence_span_id UNINDEXED)")
    op.execute(
        f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON evidence_spans BEGIN "
        f"INSERT INTO {FTS_TABLE} (text, evidence_span_id) VALUES (new.text, new.id); END"
    )
    op.execute(
        f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON evidence_spans BEGIN "
        f"DELETE FROM {FTS_TABLE} WHERE evidence_span_id = old.id; END"
    )
