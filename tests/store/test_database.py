"""Store: round trips, idempotent writes, replaced documents, failed batches, runs."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from armsledger.domain.core import Claim, Document, DocumentMeta, InputProblem, Quantity, Span
from armsledger.errors import StoreError
from armsledger.store import ClaimFilter, RunRecord, Store, open_store

STARTED = datetime(2024, 5, 1, 9, 30, 15, 123456, tzinfo=UTC)


def table_rows(store: Store, *, skip: tuple[str, ...] = ("runs",)) -> dict[str, list[Any]]:
    """Every row of every table, sorted: what "nothing changed" is checked against."""
    rows: dict[str, list[Any]] = {}
    with store.engine.connect() as connection:
        for table in store.metadata.sorted_tables:
            if table.name not in skip:
                found = connection.execute(select(table)).all()
                rows[table.name] = sorted(found, key=repr)
    return rows


def sort_key(claim: Claim) -> tuple[str, int, int, str]:
    return (claim.doc_id, claim.evidence.start, claim.evidence.end, claim.id)


def test_store_claims_load_back_equal(filled_store: Store, all_claims: list[Claim]) -> None:
    loaded = filled_store.claims()
    assert loaded == sorted(all_claims, key=sort_key)
    by_rule = {claim.rule_id: claim for claim in loaded}
    # Equality alone would let an int pass for a float or a str for an enum member.
    assert by_rule["a"].time is not None
    assert by_rule["a"].time.start == datetime(2024, 3, 1).date()
    assert by_rule["b"].quantity is None
    assert by_rule["b"].time is None
    assert type(by_rule["b"].polarity).__name__ == "Polarity"
    assert by_rule["c"].cues == ("may", "up to")
    assert by_rule["d"].lexicon_versions == (("actors", 2), ("items", 5))


def test_store_documents_load_back_equal(
    filled_store: Store, alpha: Document, bravo: Document
) -> None:
    assert filled_store.documents() == [alpha, bravo]
    assert filled_store.document("bravo-brief") == bravo
    assert filled_store.document("missing") is None


# Fusion tables stay empty until fusion runs (the pipeline's step, not write_batch).
FUSION_TABLES = (
    "assessments",
    "contradictions",
    "estimates",
    "flows",
    "origins",
    "provenance",
    "sources",
)


def test_store_write_batch_counts_rows(filled_store: Store) -> None:
    # Counted by hand from conftest: 3 actors (NRL, VLD, Acme Arms), 5 items (d's designation
    # makes "missiles:KN-23"), 4 sources (d and e share one), 4 quotes (d and e share one).
    assert filled_store.counts() == {
        "actors": 3,
        "boilerplate_spans": 2,
        "claims": 5,
        "documents": 2,
        "evidence_spans": 4,
        "items": 5,
        "runs": 1,
        "skipped_inputs": 0,
        "sources": 4,
        **{f"fusion_{name}": 0 for name in FUSION_TABLES},
    }


def test_store_write_batch_twice_changes_nothing(
    filled_store: Store, alpha: Document, bravo: Document, all_claims: list[Claim]
) -> None:
    before = table_rows(filled_store)
    run_id = filled_store.start_run(command="analyze", paths=["again"], lexicon_versions={})
    filled_store.write_batch(run_id, [alpha, bravo], all_claims)
    filled_store.write_batch(run_id, [alpha], all_claims[:3])
    assert table_rows(filled_store) == before
    assert filled_store.counts()["runs"] == 2


def test_store_changed_document_replaces_its_claims(
    filled_store: Store, alpha: Document, bravo_claims: list[Claim], all_claims: list[Claim]
) -> None:
    new_text = "Norland sent 7 tanks to Valdoria."
    changed = dataclasses.replace(alpha, text=new_text, content_hash="hash-alpha-2")
    tanks = dataclasses.replace(
        all_claims[0],
        quantity=None,
        evidence=dataclasses.replace(all_claims[0].evidence, start=0, end=len(new_text)),
        rule_id="f",
    )
    tanks = dataclasses.replace(tanks, evidence=dataclasses.replace(tanks.evidence, text=new_text))
    run_id = filled_store.start_run(command="analyze", paths=["v2"], lexicon_versions={})
    filled_store.write_batch(run_id, [changed], [tanks])

    assert filled_store.document(alpha.id) == changed
    assert filled_store.claims() == [tanks, *sorted(bravo_claims, key=sort_key)]
    assert filled_store.counts()["evidence_spans"] == 2
    with filled_store.engine.connect() as connection:
        stored_run = connection.execute(
            text("SELECT run_id FROM documents WHERE id = :id"), {"id": alpha.id}
        ).scalar_one()
    assert stored_run == run_id


def test_store_failed_batch_leaves_earlier_batches_intact(
    store: Store, alpha: Document, bravo: Document, alpha_claims: list[Claim]
) -> None:
    run_id = store.start_run(command="analyze", paths=[], lexicon_versions={})
    store.write_batch(run_id, [alpha], alpha_claims)
    before = table_rows(store)
    orphan = dataclasses.replace(alpha_claims[0], doc_id="never-stored", rule_id="orphan")
    with pytest.raises(StoreError, match="could not write a batch") as raised:
        # bravo is valid and comes first: it must be rolled back with the bad claim.
        store.write_batch(run_id, [bravo], [orphan])
    assert "\n" not in str(raised.value)
    assert table_rows(store) == before
    assert store.document(bravo.id) is None


def test_store_write_batch_rejects_one_id_with_two_texts(store: Store, alpha: Document) -> None:
    other = dataclasses.replace(alpha, text="Other.", content_hash="hash-other")
    run_id = store.start_run(command="analyze", paths=[], lexicon_versions={})
    with pytest.raises(StoreError, match="appears twice"):
        store.write_batch(run_id, [alpha, other], [])
    assert store.documents() == []


def test_store_renamed_actor_updates_its_row(
    filled_store: Store, alpha: Document, alpha_claims: list[Claim]
) -> None:
    renamed = dataclasses.replace(alpha_claims[0].supplier, name="Republic of Norland", state=None)
    claim = dataclasses.replace(alpha_claims[0], supplier=renamed)
    run_id = filled_store.start_run(command="analyze", paths=[], lexicon_versions={})
    filled_store.write_batch(run_id, [alpha], [claim])
    suppliers = {c.rule_id: c.supplier for c in filled_store.claims()}
    assert suppliers["a"] == renamed
    assert suppliers["b"] == renamed  # actors are shared: every claim sees the new name


def test_store_known_hashes_lists_stored_documents_only(filled_store: Store) -> None:
    assert filled_store.known_hashes(["bravo-brief", "missing", "alpha-report"]) == {
        "alpha-report": "hash-alpha-1",
        "bravo-brief": "hash-bravo-1",
    }
    assert filled_store.known_hashes([]) == {}


def test_store_runs_record_start_finish_and_counts(store: Store) -> None:
    first = store.start_run(
        command="analyze",
        paths=["b.txt", "a.txt"],
        lexicon_versions={"items": 5, "actors": 2},
        started=STARTED,
    )
    # A non-UTC time must come back as the same instant, in UTC.
    finished = datetime(2024, 5, 1, 11, 31, tzinfo=timezone(timedelta(hours=2)))
    store.finish_run(first, counts={"read": 3, "stored": 2, "skipped": 1}, finished=finished)
    second = store.start_run(command="extract", paths=[], lexicon_versions={})
    assert second > first
    runs = store.runs()
    assert runs[0] == RunRecord(
        id=first,
        command="analyze",
        started=STARTED,
        finished=datetime(2024, 5, 1, 9, 31, tzinfo=UTC),
        paths=("b.txt", "a.txt"),
        lexicon_versions={"items": 5, "actors": 2},
        counts={"read": 3, "stored": 2, "skipped": 1},
    )
    assert runs[1].finished is None
    assert runs[1].started.tzinfo == UTC


def test_store_finish_run_unknown_id_raises(store: Store) -> None:
    with pytest.raises(StoreError, match="no run 999"):
        store.finish_run(999, counts={})


def test_store_record_skipped_keeps_each_problem(store: Store) -> None:
    run_id = store.start_run(command="analyze", paths=[], lexicon_versions={})
    problems = [
        InputProblem(path="feed.jsonl", problem="not valid JSON, line skipped", line=7),
        InputProblem(path="broken.html", problem="no text found"),
    ]
    store.record_skipped(run_id, problems)
    store.record_skipped(run_id, [])
    with store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT run_id, path, line, problem FROM skipped_inputs ORDER BY id")
        ).all()
    assert [tuple(row) for row in rows] == [
        (run_id, "feed.jsonl", 7, "not valid JSON, line skipped"),
        (run_id, "broken.html", None, "no text found"),
    ]


def test_store_concurrent_writers_store_one_copy(
    store_url: str, alpha: Document, bravo: Document, all_claims: list[Claim]
) -> None:
    """Two processes' worth of writers (own engines) write the same batch at the same time."""
    stores = [open_store(store_url) for _ in range(2)]
    errors: list[BaseException] = []

    def write(store: Store) -> None:
        try:
            run_id = store.start_run(command="analyze", paths=[], lexicon_versions={})
            store.write_batch(run_id, [alpha, bravo], all_claims)
        except BaseException as error:  # handed to the main thread, which fails the test
            errors.append(error)

    threads = [threading.Thread(target=write, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = stores[0].counts()
    for store in stores:
        store.close()
    assert errors == []
    assert (counts["documents"], counts["claims"], counts["actors"], counts["runs"]) == (2, 5, 3, 2)


def test_store_works_as_context_manager(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.url == store_url
        assert store.runs() == []


# Any text but NUL, which PostgreSQL cannot store in a text column.
ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)


# alpha_claims is only read, so sharing it between examples is safe.
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=ANY_TEXT,
    name=ANY_TEXT,
    value=st.none() | st.floats(allow_nan=False),
    published=st.none() | st.dates(),
)
def test_store_round_trips_arbitrary_values(
    round_trip_store: Store,
    alpha_claims: list[Claim],
    text: str,
    name: str,
    value: float | None,
    published: date | None,
) -> None:
    # One document per example: an id seen before with the same hash is left as stored.
    example = repr((text, name, value, published))
    doc_id = f"doc {hashlib.sha1(example.encode()).hexdigest()}"
    document = Document(
        id=doc_id,
        text=text,
        content_hash=example,
        meta=DocumentMeta(title=name, published=published),
    )
    template = alpha_claims[0]
    claim = dataclasses.replace(
        template,
        doc_id=doc_id,
        supplier=dataclasses.replace(template.supplier, id=f"S {name!r}", name=name),
        source=dataclasses.replace(template.source, name=name, role=text or None),
        quantity=Quantity(value=value, low=value, high=None, text=text),
        evidence=Span(doc_id=doc_id, start=0, end=len(text), text=text),
        cues=(text, name),
    )
    run_id = round_trip_store.start_run(command="test", paths=[text], lexicon_versions={name: 1})
    round_trip_store.write_batch(run_id, [document], [claim])
    assert round_trip_store.document(doc_id) == document
    assert round_trip_store.claims(ClaimFilter(doc_ids=(doc_id,))) == [claim]
    assert round_trip_store.runs()[-1].paths == (text,)
