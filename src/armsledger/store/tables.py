"""The database schema as typed SQLAlchemy 2 declarative classes (see docs/schema.md).

These classes describe the tables; the migrations in `store/migrations/versions/` create them.
A test compares the two, so a column added here without a migration fails the suite. Writes use
Core statements on `Class.__table__` (bulk, idempotent INSERT ... ON CONFLICT); reads select
columns and turn them into domain types in `store/convert.py`, so no row object leaves the layer.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints let later migrations drop or alter them by name on every dialect.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Strings carry no length: PostgreSQL stores VARCHAR and TEXT alike, and a length limit would
# only turn a long document id or quoted name into a failed batch that SQLite would have taken.
# SQLite only makes INTEGER PRIMARY KEY an auto-incrementing rowid; PostgreSQL gets 64 bits.
BIG_ID = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite (which drops the zone) too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()}: pass an aware datetime")
        utc_value = value.astimezone(UTC)
        return utc_value.replace(tzinfo=None) if dialect.name == "sqlite" else utc_value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base; fusion tables (store/fusion.py) derive from it too."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RunRow(Base):
    """One invocation of a command. The only table that holds wall-clock time."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    command: Mapped[str] = mapped_column(String())
    started: Mapped[datetime] = mapped_column(UtcDateTime())
    finished: Mapped[datetime | None] = mapped_column(UtcDateTime())
    paths: Mapped[list[Any]] = mapped_column(JSON)
    lexicon_versions: Mapped[dict[str, Any]] = mapped_column(JSON)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON)


class SkippedInputRow(Base):
    """Input a run could not read, one row per problem and run."""

    __tablename__ = "skipped_inputs"

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)
    problem: Mapped[str] = mapped_column(Text)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String())
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String())
    published: Mapped[date | None] = mapped_column(index=True)
    language: Mapped[str | None] = mapped_column(String())
    origin: Mapped[str] = mapped_column(Text)
    source_format: Mapped[str] = mapped_column(String())
    # The run that stored this version of the text; unchanged documents keep their first run.
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))


class BoilerplateSpanRow(Base):
    """A stretch of a document extraction skips; `position` keeps the document's order."""

    __tablename__ = "boilerplate_spans"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)


class ActorRow(Base):
    """A supplier or recipient, keyed by its canonical id (ISO alpha-3 for a state)."""

    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    name: Mapped[str] = mapped_column(String())
    kind: Mapped[str] = mapped_column(String())
    state: Mapped[str | None] = mapped_column(String())


class ItemRow(Base):
    """A category with an optional designation; the words as written stay on the claim."""

    __tablename__ = "items"

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    category: Mapped[str] = mapped_column(String(), index=True)
    designation: Mapped[str | None] = mapped_column(String())


class SourceRow(Base):
    """Who makes claims, exactly as written; `id` is a hash of every field."""

    __tablename__ = "sources"

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(String())
    role: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(String())
    channel: Mapped[str | None] = mapped_column(String())
    outlet: Mapped[str | None] = mapped_column(String())


class EvidenceSpanRow(Base):
    """The quote behind one or more claims; id is "<document id>:<start>-<end>"."""

    __tablename__ = "evidence_spans"
    __table_args__ = (Index(None, "document_id", "start_char", "end_char"),)

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ClaimRow(Base):
    """One claim; `id` is `Claim.id`. A NULL quantity_unit means no quantity was stated."""

    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    supplier_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    recipient_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    item_term: Mapped[str] = mapped_column(Text)
    quantity_value: Mapped[float | None] = mapped_column(Double)
    quantity_low: Mapped[float | None] = mapped_column(Double)
    quantity_high: Mapped[float | None] = mapped_column(Double)
    quantity_unit: Mapped[str | None] = mapped_column(String())
    quantity_per: Mapped[str | None] = mapped_column(String())
    quantity_text: Mapped[str | None] = mapped_column(Text)
    polarity: Mapped[str] = mapped_column(String())
    modality: Mapped[str] = mapped_column(String())
    stage: Mapped[str] = mapped_column(String())
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    evidence_span_id: Mapped[str] = mapped_column(
        ForeignKey("evidence_spans.id", ondelete="CASCADE"), index=True
    )
    rule_id: Mapped[str] = mapped_column(String())
    # A NULL time_text means the claim has no time reference at all.
    time_text: Mapped[str | None] = mapped_column(Text)
    time_start: Mapped[date | None] = mapped_column()
    time_end: Mapped[date | None] = mapped_column()
    cues: Mapped[list[Any]] = mapped_column(JSON)
    lexicon_versions: Mapped[list[Any]] = mapped_column(JSON)
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), index=True
    )


metadata = Base.metadata
