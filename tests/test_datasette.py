"""The SQLite ledger browsed with Datasette as a library (no server, no network).

A ledger is written through the real store into a file in tmp_path, opened with the shipped
metadata.yml, and queried through Datasette's own client: titles and column descriptions
apply to real tables and columns, foreign keys show names, and quotes are full-text searchable.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml
from datasette.app import Datasette

from armsledger.domain.core import (
    Actor,
    ActorKind,
    Claim,
    Document,
    DocumentMeta,
    Item,
    Modality,
    Polarity,
    Quantity,
    Source,
    SourceKind,
    Span,
    Stage,
)
from armsledger.store import open_store

TEXT = (
    "Officials in Seoul said North Korea has sent 3,000 containers of shells to Russia. "
    "Moscow denied receiving any shells. Iran supplied drones to Russia, a think tank said."
)
PRK = Actor(id="PRK", name="North Korea", kind=ActorKind.STATE)
RUS = Actor(id="RUS", name="Russia", kind=ActorKind.STATE)
IRN = Actor(id="IRN", name="Iran", kind=ActorKind.STATE)
SHELLS = Item(category="artillery_ammunition", term="shells")


def quote_span(quote: str) -> Span:
    start = TEXT.index(quote)
    return Span(doc_id="seoul_01", start=start, end=start + len(quote), text=quote)


def claim(quote: str, flow: tuple[Actor, Actor, Item], source: Source, **changes: Any) -> Claim:
    supplier, recipient, item = flow
    fields: dict[str, Any] = {
        "doc_id": "seoul_01",
        "supplier": supplier,
        "recipient": recipient,
        "item": item,
        "quantity": None,
        "polarity": Polarity.AFFIRMED,
        "modality": Modality.ASSERTED,
        "stage": Stage.DELIVERED,
        "source": source,
        "evidence": quote_span(quote),
        "rule_id": "test.rule",
    }
    fields.update(changes)
    return Claim(**fields)


CLAIMS = [
    claim(
        "North Korea has sent 3,000 containers of shells to Russia",
        (PRK, RUS, SHELLS),
        Source(name="Officials in Seoul", kind=SourceKind.GOVERNMENT, state="KOR"),
        quantity=Quantity(value=3000, low=3000, high=3000, unit="container"),
    ),
    claim(
        "Moscow denied receiving any shells",
        (PRK, RUS, SHELLS),
        Source(name="Moscow", kind=SourceKind.GOVERNMENT, state="RUS"),
        polarity=Polarity.DENIED,
    ),
    claim(
        "Iran supplied drones to Russia",
        (IRN, RUS, Item(category="drones", term="drones")),
        Source(name="a think tank", kind=SourceKind.ORGANIZATION),
    ),
]


@pytest.fixture(scope="module")
def metadata() -> dict[str, Any]:
    text = resources.files("armsledger").joinpath("datasette/metadata.yml").read_text("utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Datasette names a database after its file: metadata.yml describes "armsledger".
    path = tmp_path_factory.mktemp("datasette") / "armsledger.db"
    document = Document(
        id="seoul_01",
        text=TEXT,
        content_hash="c" * 64,
        meta=DocumentMeta(title="Shells and drones", outlet="Example Times"),
    )
    with open_store(f"sqlite:///{path}") as store:
        run_id = store.start_run(command="test", paths=[], lexicon_versions={})
        store.write_batch(run_id, [document], CLAIMS)
        store.finish_run(run_id, counts={"claims": len(CLAIMS)})
    return path


@pytest.fixture(scope="module")
def datasette(database: Path, metadata: dict[str, Any]) -> Datasette:
    return Datasette([str(database)], metadata=metadata)


T = TypeVar("T")


def run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on a loop of its own thread: Playwright's sync API keeps an event loop
    running in the main thread for the whole session, and asyncio.run refuses to nest in it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def get_json(datasette: Datasette, path: str) -> Any:
    async def fetch() -> Any:
        response = await datasette.client.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code} {response.text}"
        return response.json()

    return run_apart(fetch())


def get_html(datasette: Datasette, path: str) -> str:
    async def fetch() -> str:
        response = await datasette.client.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        return str(response.text)

    return run_apart(fetch())


def has_fts5(database: Path) -> bool:
    with closing(sqlite3.connect(database)) as connection:
        row = connection.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()
    return bool(row[0])


def test_datasette_metadata_describes_real_tables_and_columns(
    database: Path, metadata: dict[str, Any]
) -> None:
    """A renamed column in the store must not leave a stale description behind."""
    tables = metadata["databases"]["armsledger"]["tables"]
    with closing(sqlite3.connect(database)) as connection:
        for table, table_metadata in tables.items():
            rows = connection.execute(f"PRAGMA table_info({table})").fetchall()
            assert rows, f"metadata.yml: table {table} is not in the database"
            columns = {row[1] for row in rows}
            described = set(table_metadata.get("columns", {}))
            assert described <= columns, f"metadata.yml: {table}: {described - columns}"
            assert table_metadata.get("title"), f"metadata.yml: {table} has no title"


def test_datasette_metadata_describes_every_claim_column(
    database: Path, metadata: dict[str, Any]
) -> None:
    described = set(metadata["databases"]["armsledger"]["tables"]["claims"]["columns"])
    with closing(sqlite3.connect(database)) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(claims)")}
    assert columns == described


def test_datasette_claims_page_shows_titles(datasette: Datasette) -> None:
    page = get_html(datasette, "/armsledger/claims")
    assert "Claims" in page
    assert "One statement in one document" in page


def test_datasette_declares_claim_foreign_keys(datasette: Datasette) -> None:
    tables = {table["name"]: table for table in get_json(datasette, "/armsledger.json")["tables"]}
    outgoing = {
        (key["column"], key["other_table"]) for key in tables["claims"]["foreign_keys"]["outgoing"]
    }
    assert {
        ("supplier_id", "actors"),
        ("recipient_id", "actors"),
        ("item_id", "items"),
        ("source_id", "sources"),
        ("document_id", "documents"),
        ("evidence_span_id", "evidence_spans"),
    } <= outgoing


def test_datasette_labels_foreign_keys_with_names(datasette: Datasette) -> None:
    rows = get_json(datasette, "/armsledger/claims.json?_shape=array&_labels=on&supplier_id=IRN")
    assert len(rows) == 1
    assert rows[0]["supplier_id"] == {"value": "IRN", "label": "Iran"}
    assert rows[0]["source_id"]["label"] == "a think tank"
    assert rows[0]["evidence_span_id"]["label"] == "Iran supplied drones to Russia"


@pytest.mark.parametrize(
    ("query", "expected_quotes"),
    [
        ("containers", ["North Korea has sent 3,000 containers of shells to Russia"]),
        ("denied", ["Moscow denied receiving any shells"]),
        ("drones OR containers", None),  # two matches, checked by count below
        ("tanks", []),
    ],
)
def test_datasette_search_quotes_query(
    database: Path, datasette: Datasette, query: str, expected_quotes: list[str] | None
) -> None:
    if not has_fts5(database):
        pytest.skip("this SQLite build has no FTS5, so the store made no quote index")
    rows = get_json(
        datasette, f"/armsledger/search_quotes.json?_shape=array&q={query.replace(' ', '+')}"
    )
    if expected_quotes is None:
        assert len(rows) == 2
    else:
        assert [row["quote"] for row in rows] == expected_quotes


def test_datasette_searches_the_quote_index_table(database: Path, datasette: Datasette) -> None:
    if not has_fts5(database):
        pytest.skip("this SQLite build has no FTS5, so the store made no quote index")
    rows = get_json(datasette, "/armsledger/evidence_spans_fts.json?_shape=array&_search=shells")
    span_ids = sorted(row["evidence_span_id"] for row in rows)
    shells = [c.evidence for c in CLAIMS if "shells" in c.evidence.text]
    assert span_ids == sorted(f"seoul_01:{span.start}-{span.end}" for span in shells)


def test_datasette_flows_query_counts_denials(datasette: Datasette) -> None:
    rows = get_json(datasette, "/armsledger/flows.json?_shape=array")
    shells = next(row for row in rows if row["item_id"] == "artillery_ammunition")
    assert (shells["supplier_id"], shells["recipient_id"]) == ("PRK", "RUS")
    assert (shells["claims"], shells["affirmed"], shells["denied"]) == (2, 1, 1)
    assert len(rows) == 2
