"""Reading the store back as domain types, in an order that is the same on every database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, String, and_, false, func, literal, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from armsledger.domain.core import Claim, Document
from armsledger.store.convert import claim_from_rows, document_from_row
from armsledger.store.tables import (
    ActorRow,
    BoilerplateSpanRow,
    ClaimRow,
    DocumentRow,
    EvidenceSpanRow,
    ItemRow,
    RunRow,
    SourceRow,
)

LIKE_ESCAPE = "\\"
# Bound parameters per IN list: far below SQLite's and PostgreSQL's limits.
IN_LIST_SIZE = 500
# Flows per query: each is one more OR term, and SQLite allows an expression 1,000 levels deep.
FLOW_LIST_SIZE = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimFilter:
    """Which claims to return. None means "any"; strings match case-insensitively.

    supplier/recipient match an actor's id or name; item matches a category or designation;
    source and text are substrings of the source's name and of the quote; doc is a document id.
    doc_ids, unlike the rest, lists exact document ids (the documents a run just stored);
    flows lists exact (supplier id, recipient id, item category) keys (what fusion re-reads).
    Letters outside ASCII fold as the database folds them (SQLite folds only ASCII).
    """

    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None
    source: str | None = None
    doc: str | None = None
    polarity: str | None = None
    stage: str | None = None
    text: str | None = None
    doc_ids: tuple[str, ...] | None = None
    flows: tuple[tuple[str, str, str], ...] | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class RunRecord:
    id: int
    command: str
    started: datetime
    finished: datetime | None
    paths: tuple[str, ...]
    lexicon_versions: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def select_claims(session: Session, filters: ClaimFilter) -> list[Claim]:
    if filters.doc_ids is not None and len(filters.doc_ids) > IN_LIST_SIZE:
        return _select_claims_in_chunks(session, filters)
    if filters.flows is not None and len(filters.flows) > FLOW_LIST_SIZE:
        return _select_flows_in_chunks(session, filters)
    supplier = aliased(ActorRow, name="supplier")
    recipient = aliased(ActorRow, name="recipient")
    query = (
        select(ClaimRow, supplier, recipient, ItemRow, SourceRow, EvidenceSpanRow)
        .join(supplier, ClaimRow.supplier_id == supplier.id)
        .join(recipient, ClaimRow.recipient_id == recipient.id)
        .join(ItemRow, ClaimRow.item_id == ItemRow.id)
        .join(SourceRow, ClaimRow.source_id == SourceRow.id)
        .join(EvidenceSpanRow, ClaimRow.evidence_span_id == EvidenceSpanRow.id)
    )
    conditions = [
        *_any_equal_conditions(filters.supplier, supplier.id, supplier.name),
        *_any_equal_conditions(filters.recipient, recipient.id, recipient.name),
        *_any_equal_conditions(filters.item, ItemRow.category, ItemRow.designation),
        *_equal_conditions(filters.doc, ClaimRow.document_id),
        *_equal_conditions(filters.polarity, ClaimRow.polarity),
        *_equal_conditions(filters.stage, ClaimRow.stage),
        *_contains_conditions(filters.source, SourceRow.name),
        *_contains_conditions(filters.text, EvidenceSpanRow.text),
    ]
    if filters.doc_ids is not None:
        conditions.append(ClaimRow.document_id.in_(filters.doc_ids))
    if filters.flows is not None:
        conditions.append(_flow_condition(filters.flows))
    query = query.where(*conditions).order_by(
        *_bytewise_order(
            session,
            ClaimRow.document_id,
            EvidenceSpanRow.start_char,
            EvidenceSpanRow.end_char,
            ClaimRow.id,
        )
    )
    query = query.offset(filters.offset).limit(filters.limit)
    return [claim_from_rows(*row) for row in session.execute(query)]


def _flow_condition(flows: Sequence[tuple[str, str, str]]) -> ColumnElement[bool]:
    return or_(
        false(),
        *(
            and_(
                ClaimRow.supplier_id == supplier,
                ClaimRow.recipient_id == recipient,
                ItemRow.category == item,
            )
            for supplier, recipient, item in flows
        ),
    )


def claim_order(claim: Claim) -> tuple[str, int, int, str]:
    """The order `select_claims` returns; Python compares str by code point, as the SQL does."""
    return (claim.doc_id, claim.evidence.start, claim.evidence.end, claim.id)


def chunked(values: Sequence[str]) -> Iterator[tuple[str, ...]]:
    for start in range(0, len(values), IN_LIST_SIZE):
        yield tuple(values[start : start + IN_LIST_SIZE])


def _select_claims_in_chunks(session: Session, filters: ClaimFilter) -> list[Claim]:
    """One query per IN list, merged in the same order, then paged."""
    found: list[Claim] = []
    for chunk in chunked(sorted(set(filters.doc_ids or ()))):
        unpaged = replace(filters, doc_ids=chunk, limit=None, offset=0)
        found.extend(select_claims(session, unpaged))
    return _page(found, filters)


def _select_flows_in_chunks(session: Session, filters: ClaimFilter) -> list[Claim]:
    """One query per slice of flows: SQLite parses "a OR b OR ..." as a tree one level deeper
    per term and refuses more than 1,000 levels, so a long list of flows is read in slices."""
    flows = sorted(set(filters.flows or ()))
    found: list[Claim] = []
    for start in range(0, len(flows), FLOW_LIST_SIZE):
        chunk = tuple(flows[start : start + FLOW_LIST_SIZE])
        found.extend(select_claims(session, replace(filters, flows=chunk, limit=None, offset=0)))
    return _page(found, filters)


def _page(found: list[Claim], filters: ClaimFilter) -> list[Claim]:
    """Claims read in slices, merged in the order one query would give, then paged."""
    found.sort(key=claim_order)
    stop = None if filters.limit is None else filters.offset + filters.limit
    return found[filters.offset : stop]


def select_documents(session: Session, doc_id: str | None = None) -> list[Document]:
    query = select(DocumentRow)
    spans = select(
        BoilerplateSpanRow.document_id, BoilerplateSpanRow.start_char, BoilerplateSpanRow.end_char
    ).order_by(BoilerplateSpanRow.document_id, BoilerplateSpanRow.position)
    if doc_id is not None:
        query = query.where(DocumentRow.id == doc_id)
        spans = spans.where(BoilerplateSpanRow.document_id == doc_id)
    query = query.order_by(*_bytewise_order(session, DocumentRow.id))
    boilerplate: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for document_id, start_char, end_char in session.execute(spans):
        boilerplate[document_id].append((start_char, end_char))
    rows = session.execute(query).scalars()
    return [document_from_row(row, boilerplate[row.id]) for row in rows]


def select_runs(session: Session) -> list[RunRecord]:
    rows = session.execute(select(RunRow).order_by(RunRow.id)).scalars()
    return [
        RunRecord(
            id=row.id,
            command=row.command,
            started=row.started,
            finished=row.finished,
            paths=tuple(str(path) for path in row.paths),
            lexicon_versions={str(k): int(v) for k, v in row.lexicon_versions.items()},
            counts={str(k): int(v) for k, v in row.counts.items()},
        )
        for row in rows
    ]


def _any_equal_conditions(
    wanted: str | None, *columns: QueryableAttribute[Any]
) -> list[ColumnElement[bool]]:
    if wanted is None:
        return []
    return [or_(*(func.lower(column) == func.lower(literal(wanted)) for column in columns))]


def _equal_conditions(
    wanted: str | None, column: QueryableAttribute[Any]
) -> list[ColumnElement[bool]]:
    if wanted is None:
        return []
    return [func.lower(column) == func.lower(literal(wanted))]


def _contains_conditions(
    wanted: str | None, column: QueryableAttribute[Any]
) -> list[ColumnElement[bool]]:
    if wanted is None:
        return []
    escaped = wanted.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", "\\%").replace("_", "\\_")
    pattern = func.lower(literal(f"%{escaped}%"))
    return [func.lower(column).like(pattern, escape=LIKE_ESCAPE)]


def _bytewise_order(
    session: Session, *columns: QueryableAttribute[Any]
) -> list[ColumnElement[Any] | QueryableAttribute[Any]]:
    """Order by code point on every database: PostgreSQL's default collation follows the
    locale ("a" < "B" < "b"), SQLite's compares bytes; COLLATE "C" makes PostgreSQL agree."""
    is_postgres = session.get_bind().dialect.name == "postgresql"
    return [
        column.collate("C") if is_postgres and isinstance(column.type, String) else column
        for column in columns
    ]
