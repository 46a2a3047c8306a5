"""Store fixtures: a real database per test (SQLite file, or a fresh PostgreSQL schema) and a
small ledger of documents and claims built by hand.

The articles are invented (Norland, Valdoria) so that no test depends on a seed article.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

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
    TimeRef,
)
from armsledger.store import Store, open_store
from tests.databases import DATABASES, database_url

ALPHA_SENTENCES = (
    "Officials in Valdoria said on Monday that Norland had delivered 40 howitzers in March.",
    "Norland denied sending any drones to Valdoria.",
    "Up to 3,000 shells a month may have reached Valdoria, Reuters reported.",
)
ALPHA_TEXT = " ".join(ALPHA_SENTENCES)
BRAVO_BODY = (
    "Acme Arms shipped 12 KN-23 missiles and 200 tonnes of fuel to Valdoria, "
    "according to a defence ministry spokesperson."
)
BRAVO_TEXT = f"BREAKING\n{BRAVO_BODY}\nSubscribe now."

NORLAND = Actor(id="NRL", name="Norland")
VALDORIA = Actor(id="VLD", name="Valdoria")
ACME = Actor(id="Acme Arms", name="Acme Arms", kind=ActorKind.COMPANY, state="NRL")
LEXICON_VERSIONS = (("actors", 2), ("items", 5))


@pytest.fixture(params=DATABASES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: an SQLite file in tmp_path, or a new schema on the test server."""
    yield from database_url(request.param, tmp_path)


@pytest.fixture(scope="module", params=DATABASES)
def read_only_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """A filled store shared by a module's tests that only read: one migration, not one each."""
    for url in database_url(request.param, tmp_path_factory.mktemp("ledger")):
        with open_store(url) as opened:
            yield fill(opened)


@pytest.fixture(scope="module", params=DATABASES)
def round_trip_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """An empty store that outlives one test, for property tests with many examples."""
    for url in database_url(request.param, tmp_path_factory.mktemp("ledger")):
        with open_store(url) as opened:
            yield opened


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def alpha() -> Document:
    return make_alpha()


@pytest.fixture
def bravo() -> Document:
    return make_bravo()


@pytest.fixture
def alpha_claims(alpha: Document) -> list[Claim]:
    return make_alpha_claims(alpha)


@pytest.fixture
def bravo_claims(bravo: Document) -> list[Claim]:
    return make_bravo_claims(bravo)


@pytest.fixture
def all_claims(alpha_claims: list[Claim], bravo_claims: list[Claim]) -> list[Claim]:
    return alpha_claims + bravo_claims


@pytest.fixture
def filled_store(store: Store) -> Store:
    return fill(store)


def fill(store: Store) -> Store:
    """Write both documents and all five claims in one batch of one run."""
    alpha, bravo = make_alpha(), make_bravo()
    claims = make_alpha_claims(alpha) + make_bravo_claims(bravo)
    run_id = store.start_run(command="analyze", paths=["articles"], lexicon_versions={"items": 5})
    # Reversed on purpose: the store must not depend on the order it is given.
    store.write_batch(run_id, [bravo, alpha], list(reversed(claims)))
    return store


def make_alpha() -> Document:
    return Document(
        id="alpha-report",
        text=ALPHA_TEXT,
        content_hash="hash-alpha-1",
        meta=DocumentMeta(
            url="https://news.example/alpha",
            title="Norland and Valdoria",
            outlet="The Daily Example",
            published=date(2024, 4, 2),
            language="en",
        ),
        origin="articles/alpha-report.txt",
        source_format="txt",
    )


def make_bravo() -> Document:
    end = len(BRAVO_TEXT)
    # Meta left at its defaults: every None must come back as None.
    return Document(
        id="bravo-brief",
        text=BRAVO_TEXT,
        content_hash="hash-bravo-1",
        boilerplate=((0, 8), (end - len("Subscribe now."), end)),
        origin="feed.jsonl:7",
        source_format="jsonl",
    )


def span_of(document: Document, quote: str) -> Span:
    start = document.text.index(quote)
    return Span(doc_id=document.id, start=start, end=start + len(quote), text=quote)


def make_alpha_claims(alpha: Document) -> list[Claim]:
    """Three claims, one per sentence, in text order: labels (rule ids) a, b, c."""
    first, second, third = ALPHA_SENTENCES
    officials = Source(name="Officials in Valdoria", kind=SourceKind.GOVERNMENT, state="VLD")
    delivered = Claim(
        doc_id=alpha.id,
        supplier=NORLAND,
        recipient=VALDORIA,
        item=Item(category="artillery_systems", term="howitzers"),
        quantity=Quantity(value=40.0, low=None, high=None, text="40"),
        polarity=Polarity.AFFIRMED,
        modality=Modality.ASSERTED,
        stage=Stage.DELIVERED,
        source=officials,
        evidence=span_of(alpha, first),
        rule_id="a",
        time=TimeRef(text="in March", start=date(2024, 3, 1), end=date(2024, 3, 31)),
        lexicon_versions=LEXICON_VERSIONS,
    )
    denied = Claim(
        doc_id=alpha.id,
        supplier=NORLAND,
        recipient=VALDORIA,
        item=Item(category="drones", term="drones"),
        quantity=None,
        polarity=Polarity.DENIED,
        modality=Modality.ASSERTED,
        stage=Stage.UNKNOWN,
        source=Source(name="Norland", kind=SourceKind.GOVERNMENT, state="NRL"),
        evidence=span_of(alpha, second),
        rule_id="b",
        cues=("denied",),
        lexicon_versions=LEXICON_VERSIONS,
    )
    hedged = Claim(
        doc_id=alpha.id,
        supplier=NORLAND,
        recipient=VALDORIA,
        item=Item(category="artillery_ammunition", term="shells"),
        quantity=Quantity(value=3000.0, low=None, high=3000.0, per="month", text="Up to 3,000"),
        polarity=Polarity.AFFIRMED,
        modality=Modality.HEDGED,
        stage=Stage.DELIVERED,
        source=Source(
            name="Reuters", kind=SourceKind.MEDIA, channel="Reuters", outlet="The Daily Example"
        ),
        evidence=span_of(alpha, third),
        rule_id="c",
        time=TimeRef(text="a month"),
        cues=("may", "up to"),
    )
    return [delivered, denied, hedged]


def make_bravo_claims(bravo: Document) -> list[Claim]:
    """Two claims from one sentence, so they share one evidence span: labels d and e."""
    spokesperson = Source(
        name="a defence ministry spokesperson",
        kind=SourceKind.PERSON,
        role="spokesperson",
        state="VLD",
    )
    evidence = span_of(bravo, BRAVO_BODY)
    missiles = Claim(
        doc_id=bravo.id,
        supplier=ACME,
        recipient=VALDORIA,
        item=Item(category="missiles", designation="KN-23", term="KN-23 missiles"),
        quantity=Quantity(value=12.0, low=12.0, high=12.0, text="12"),
        polarity=Polarity.AFFIRMED,
        modality=Modality.ASSERTED,
        stage=Stage.DELIVERED,
        source=spokesperson,
        evidence=evidence,
        rule_id="d",
        lexicon_versions=LEXICON_VERSIONS,
    )
    fuel = Claim(
        doc_id=bravo.id,
        supplier=ACME,
        recipient=VALDORIA,
        item=Item(category="fuel", term="fuel"),
        quantity=Quantity(value=200.0, low=None, high=None, unit="tonne", text="200 tonnes"),
        polarity=Polarity.AFFIRMED,
        modality=Modality.ASSERTED,
        stage=Stage.AGREED,
        source=spokesperson,
        evidence=evidence,
        rule_id="e",
        lexicon_versions=LEXICON_VERSIONS,
    )
    return [missiles, fuel]
