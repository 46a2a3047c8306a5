"""Fused state: provenance with signatures, sources, origins, flows, estimates, contradictions,
grades.

Revision ID: 0002_fusion
Revises: 0001_core
Create Date: 2026-11-24

A frozen snapshot like 0001_core: the tables are spelled out here, not imported from
store/fusion.py. They are derived and carry no foreign keys (see store/fusion.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_fusion"
down_revision: str | None = "0001_core"
branch_labels: str | None = None
depends_on: str | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
FLOW_INDEXED = ("fusion_estimates", "fusion_contradictions", "fusion_assessments")


def upgrade() -> None:
    _create_provenance()
    _create_sources_and_origins()
    _create_flows()
    _create_estimates()
    _create_contradictions()
    _create_assessments()
    for table in FLOW_INDEXED:
        op.create_index(
            f"ix_{table}_supplier_recipient_item", table, ["supplier", "recipient", "item"]
        )


def downgrade() -> None:
    for table in (
        "fusion_assessments",
        "fusion_contradictions",
        "fusion_estimates",
        "fusion_flows",
        "fusion_origins",
        "fusion_sources",
        "fusion_provenance",
    ):
        op.drop_table(table)


def _create_provenance() -> None:
    op.create_table(
        "fusion_provenance",
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("outlet_evidence", sa.String(), nullable=False),
        sa.Column("outlet_quote", sa.Text(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("syndicated_from", sa.String(), nullable=True),
        sa.Column("relayed", sa.JSON(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("signature", sa.JSON(), nullable=False),
        sa.Column("rules_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_fusion_provenance"),
    )


def _create_sources_and_origins() -> None:
    op.create_table(
        "fusion_sources",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("state", sa.String(), nullable=True),
        sa.Column("variants", sa.JSON(), nullable=False),
        sa.Column("claim_ids", sa.JSON(), nullable=False),
        sa.Column("doc_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fusion_sources"),
    )
    op.create_table(
        "fusion_origins",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("keys", sa.JSON(), nullable=False),
        sa.Column("source_ids", sa.JSON(), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("doc_ids", sa.JSON(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fusion_origins"),
    )


def _create_flows() -> None:
    op.create_table(
        "fusion_flows",
        sa.Column("supplier", sa.String(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("item", sa.String(), nullable=False),
        sa.Column("claim_count", sa.Integer(), nullable=False),
        sa.Column("independent_origins", sa.Integer(), nullable=False),
        sa.Column("grade_code", sa.String(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("supplier", "recipient", "item", name="pk_fusion_flows"),
    )


def _create_estimates() -> None:
    op.create_table(
        "fusion_estimates",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("supplier", sa.String(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("item", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("low", sa.Double(), nullable=True),
        sa.Column("high", sa.Double(), nullable=True),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("per", sa.String(), nullable=True),
        sa.Column("quantity_text", sa.Text(), nullable=False),
        sa.Column("time", sa.Date(), nullable=True),
        sa.Column("claim_ids", sa.JSON(), nullable=False),
        sa.Column("origin_id", sa.String(), nullable=False),
        sa.Column("source_names", sa.JSON(), nullable=False),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("derived", sa.Boolean(), nullable=False),
        sa.Column("derivation", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fusion_estimates"),
    )


def _create_contradictions() -> None:
    op.create_table(
        "fusion_contradictions",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("supplier", sa.String(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("item", sa.String(), nullable=False),
        sa.Column("other_flow", sa.JSON(), nullable=False),
        sa.Column("claim_ids", sa.JSON(), nullable=False),
        sa.Column("other_claim_ids", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("other_sources", sa.JSON(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fusion_contradictions"),
    )


def _create_assessments() -> None:
    op.create_table(
        "fusion_assessments",
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("supplier", sa.String(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("item", sa.String(), nullable=False),
        sa.Column("source_id", sa.String(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("origin_id", sa.String(), nullable=False),
        sa.Column("reliability", sa.String(), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("rules_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("claim_id", name="pk_fusion_assessments"),
    )
    for column in ("doc_id", "source_id", "origin_id"):
        op.create_index(f"ix_fusion_assessments_{column}", "fusion_assessments", [column])
