"""`Store`: the one object other layers use to write and read the ledger."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from types import TracebackType
from typing import ClassVar, Self, TypeVar

from alembic.util.exc import CommandError
from sqlalchemy import Engine, MetaData, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from armsledger.domain.core import Claim, Document, InputProblem
from armsledger.errors import StoreError
from armsledger.store import read, write
from armsledger.store.engine import SQLITE_BEGIN, create_store_engine, describe_url, first_line
from armsledger.store.migrate import upgrade_to_head
from armsledger.store.read import ClaimFilter, RunRecord
from armsledger.store.tables import Base

Result = TypeVar("Result")


def open_store(url: str) -> Store:
    """Open the database at `url` (SQLAlchemy URL), creating or migrating its tables first."""
    engine = create_store_engine(url)
    try:
        upgrade_to_head(engine)
    except (SQLAlchemyError, CommandError, OSError) as error:
        engine.dispose()
        raise StoreError(
            f"{describe_url(url)}: cannot open the store: {first_line(error)}"
        ) from error
    return Store(url=url, engine=engine)


class Store:
    """The ledger in a database. Each method runs in its own transaction and session."""

    metadata: ClassVar[MetaData] = Base.metadata

    def __init__(self, *, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        # Writers take SQLite's write lock when they begin (see engine._begin_sqlite).
        self._write_engine = engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def start_run(
        self,
        *,
        command: str,
        paths: Sequence[str],
        lexicon_versions: Mapping[str, int],
        started: datetime | None = None,
    ) -> int:
        """Record the start of a run and return its id. `started` defaults to now (UTC)."""
        return self._write(
            "start a run",
            lambda session: write.insert_run(
                session,
                command=command,
                paths=paths,
                lexicon_versions=dict(lexicon_versions),
                started=started,
            ),
        )

    def finish_run(
        self, run_id: int, *, counts: Mapping[str, int], finished: datetime | None = None
    ) -> None:
        found = self._write(
            f"finish run {run_id}",
            lambda session: write.finish_run(
                session, run_id, counts=dict(counts), finished=finished
            ),
        )
        if not found:
            raise StoreError(f"{describe_url(self.url)}: no run {run_id} to finish")

    def known_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Stored content hash by document id, for those of `doc_ids` that are stored."""
        return self._read("read document hashes", lambda s: write.stored_hashes(s, doc_ids))

    def write_batch(
        self, run_id: int, documents: Sequence[Document], claims: Sequence[Claim]
    ) -> None:
        """Store a batch in ONE transaction: all of it, or on error none of it.

        A document already stored with the same hash is left as it is; with a different hash
        it is replaced and its old claims, quotes and boilerplate are deleted. Claims are
        keyed by `Claim.id` and inserted once; actors, items and sources are shared rows.
        Writing the same batch again changes nothing. Every claim's document must be in the
        batch or already stored.
        """
        self._write(
            f"write a batch of {len(documents)} documents and {len(claims)} claims",
            lambda session: write.write_batch(session, run_id, documents, claims),
        )

    def record_skipped(self, run_id: int, problems: Sequence[InputProblem]) -> None:
        self._write(
            "record skipped inputs", lambda session: write.insert_skipped(session, run_id, problems)
        )

    def claims(self, filters: ClaimFilter | None = None) -> list[Claim]:
        """Claims sorted by document, evidence start and end, then claim id."""
        wanted = filters or ClaimFilter()
        return self._read("read claims", lambda session: read.select_claims(session, wanted))

    def documents(self) -> list[Document]:
        """Every document, sorted by id."""
        return self._read("read documents", read.select_documents)

    def document(self, doc_id: str) -> Document | None:
        found = self._read("read a document", lambda s: read.select_documents(s, doc_id))
        return found[0] if found else None

    def runs(self) -> list[RunRecord]:
        """Every run, oldest first."""
        return self._read("read runs", read.select_runs)

    def counts(self) -> dict[str, int]:
        """Rows per table, by table name, for every table of the schema."""

        def count_rows(session: Session) -> dict[str, int]:
            tables = sorted(self.metadata.tables.values(), key=lambda table: table.name)
            return {
                table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
                for table in tables
            }

        return self._read("count rows", count_rows)

    def _write(self, action: str, work: Callable[[Session], Result]) -> Result:
        with self._session(action, self._write_engine) as session:
            return work(session)

    def _read(self, action: str, work: Callable[[Session], Result]) -> Result:
        with self._session(action, self.engine) as session:
            return work(session)

    @contextmanager
    def _session(self, action: str, engine: Engine) -> Iterator[Session]:
        """A session in one transaction; a database error becomes one StoreError line."""
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                yield session
        except SQLAlchemyError as error:
            where = describe_url(self.url)
            raise StoreError(f"{where}: could not {action}: {first_line(error)}") from error
