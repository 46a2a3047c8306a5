"""Writing a batch: documents, their claims and the entities claims point at, in one session.

Every row goes in with INSERT ... ON CONFLICT, never SELECT-then-INSERT, so two processes
writing the same document or actor at once cannot create duplicates or fail on each other's
rows. Rows are sorted by key before each statement: concurrent PostgreSQL writers then take row
locks in the same order and cannot deadlock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from armsledger.domain.core import Claim, Document, InputProblem
from armsledger.errors import StoreError
from armsledger.store.convert import (
    Values,
    actor_values,
    boilerplate_values,
    claim_values,
    document_values,
    evidence_values,
    item_values,
    source_values,
)
from armsledger.store.read import chunked
from armsledger.store.tables import (
    ActorRow,
    BoilerplateSpanRow,
    ClaimRow,
    DocumentRow,
    EvidenceSpanRow,
    ItemRow,
    RunRow,
    SkippedInputRow,
    SourceRow,
)

Insert = sqlite.Insert | postgresql.Insert


def insert_run(
    session: Session,
    *,
    command: str,
    paths: Sequence[str],
    lexicon_versions: dict[str, int],
    started: datetime | None,
) -> int:
    run = RunRow(
        command=command,
        started=started or datetime.now(UTC),
        finished=None,
        paths=list(paths),
        lexicon_versions=dict(lexicon_versions),
        counts={},
    )
    session.add(run)
    session.flush()
    return run.id


def finish_run(
    session: Session, run_id: int, *, counts: dict[str, int], finished: datetime | None
) -> bool:
    """Record the end of a run; False when there is no such run."""
    result = session.execute(
        update(RunRow)
        .where(RunRow.id == run_id)
        .values(finished=finished or datetime.now(UTC), counts=dict(counts))
    )
    return bool(getattr(result, "rowcount", 0))


def insert_skipped(session: Session, run_id: int, problems: Sequence[InputProblem]) -> None:
    rows = [
        {"run_id": run_id, "path": problem.path, "line": problem.line, "problem": problem.problem}
        for problem in problems
    ]
    if rows:
        session.execute(_table(SkippedInputRow).insert(), rows)


def stored_hashes(
    session: Session, doc_ids: Iterable[str], *, lock: bool = False
) -> dict[str, str]:
    """Content hash by document id, for the ids that are stored; `lock` holds the rows."""
    hashes: dict[str, str] = {}
    for chunk in chunked(sorted(set(doc_ids))):
        query = select(DocumentRow.id, DocumentRow.content_hash).where(DocumentRow.id.in_(chunk))
        if lock:
            query = query.order_by(DocumentRow.id).with_for_update()
        hashes.update(dict(session.execute(query).all()))
    return hashes


def write_batch(
    session: Session, run_id: int, documents: Sequence[Document], claims: Sequence[Claim]
) -> None:
    """Store documents and claims; see `Store.write_batch` for what changes and what does not."""
    batch = _unique_documents(documents)
    inserted = _insert_new_documents(session, run_id, batch)
    stored = stored_hashes(session, [doc.id for doc in batch], lock=True)
    changed = [
        doc for doc in batch if doc.id not in inserted and stored[doc.id] != doc.content_hash
    ]
    _replace_documents(session, run_id, changed)
    fresh = [doc for doc in batch if doc.id in inserted] + changed
    _insert_ignoring_duplicates(
        session, _table(BoilerplateSpanRow), [v for doc in fresh for v in boilerplate_values(doc)]
    )
    _insert_claims(session, run_id, claims)


def _unique_documents(documents: Sequence[Document]) -> list[Document]:
    by_id: dict[str, Document] = {}
    for document in documents:
        earlier = by_id.setdefault(document.id, document)
        if earlier.content_hash != document.content_hash:
            raise StoreError(
                f"{document.origin or document.id}: document id {document.id!r} appears twice "
                "in one batch with different text"
            )
    return sorted(by_id.values(), key=lambda document: document.id)


def _insert_new_documents(session: Session, run_id: int, batch: Sequence[Document]) -> set[str]:
    """Insert the documents not stored yet; returns the ids actually inserted."""
    if not batch:
        return set()
    table = _table(DocumentRow)
    statement = _insert(session, table).on_conflict_do_nothing(index_elements=["id"])
    rows = [document_values(document, run_id) for document in batch]
    result = session.execute(statement.returning(table.c.id), rows)
    return set(result.scalars())


def _replace_documents(session: Session, run_id: int, changed: Sequence[Document]) -> None:
    """New text under a known id: its old claims, quotes and boilerplate no longer apply."""
    for document in changed:
        session.execute(delete(ClaimRow).where(ClaimRow.document_id == document.id))
        session.execute(delete(EvidenceSpanRow).where(EvidenceSpanRow.document_id == document.id))
        session.execute(
            delete(BoilerplateSpanRow).where(BoilerplateSpanRow.document_id == document.id)
        )
        values = document_values(document, run_id)
        del values["id"]
        session.execute(update(DocumentRow).where(DocumentRow.id == document.id).values(values))


def _insert_claims(session: Session, run_id: int, claims: Sequence[Claim]) -> None:
    actors = [actor_values(actor) for c in claims for actor in (c.supplier, c.recipient)]
    _upsert_actors(session, actors)
    _insert_ignoring_duplicates(session, _table(ItemRow), [item_values(c.item) for c in claims])
    sources = [source_values(c.source) for c in claims]
    _insert_ignoring_duplicates(session, _table(SourceRow), sources)
    evidence = [evidence_values(c.evidence) for c in claims]
    _insert_ignoring_duplicates(session, _table(EvidenceSpanRow), evidence)
    rows = [claim_values(claim, run_id) for claim in claims]
    _insert_ignoring_duplicates(session, _table(ClaimRow), rows)


def _upsert_actors(session: Session, rows: Sequence[Values]) -> None:
    """Actors are lexicon entries: a renamed entry updates its row; an unchanged one is left be.

    Within a batch the last row for an id wins, as a later lexicon load would.
    """
    unique = _sorted_unique(rows, keep="last")
    if not unique:
        return
    table = _table(ActorRow)
    statement = _insert(session, table)
    fields = ("name", "kind", "state")
    changed = [table.c[field].is_distinct_from(statement.excluded[field]) for field in fields]
    statement = statement.on_conflict_do_update(
        index_elements=["id"],
        set_={field: statement.excluded[field] for field in fields},
        where=changed[0] | changed[1] | changed[2],
    )
    session.execute(statement, unique)


def _insert_ignoring_duplicates(session: Session, table: Table, rows: Sequence[Values]) -> None:
    """Insert rows whose primary key is new; the first row for a key wins."""
    unique = _sorted_unique(rows, keep="first", key_columns=_primary_key(table))
    if unique:
        session.execute(_insert(session, table).on_conflict_do_nothing(), unique)


def _sorted_unique(
    rows: Sequence[Values], *, keep: str, key_columns: tuple[str, ...] = ("id",)
) -> list[Values]:
    by_key: dict[tuple[Any, ...], Values] = {}
    for row in rows:
        key = tuple(row[column] for column in key_columns)
        if keep == "last" or key not in by_key:
            by_key[key] = row
    return [by_key[key] for key in sorted(by_key)]


def _primary_key(table: Table) -> tuple[str, ...]:
    return tuple(column.name for column in table.primary_key.columns)


def _table(row_class: type[Any]) -> Table:
    return cast(Table, row_class.__table__)


def _insert(session: Session, table: Table) -> Insert:
    """The dialect's own INSERT, the one that knows ON CONFLICT."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"{dialect}: unsupported database")
