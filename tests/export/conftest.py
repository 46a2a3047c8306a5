"""A small ledger built by hand: two documents, four claims (one denied, one payment in usd).

The article text is made up for these tests. Offsets are found in the text rather than typed,
so a quote always equals `text[start:end]`.
"""

from __future__ import annotations

from datetime import date

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
from armsledger.domain.fusion import Grade
from armsledger.export.bundle import LedgerBundle

WIRE_TEXT = (
    "Intelligence chief Jane Doe said North Korea has shipped 1,000 containers of shells to "
    "Russia since August. The foreign ministry in Pyongyang denied supplying shells to Russia."
)
BLOG_TEXT = (
    "Russia paid North Korea $20 million for the shells, officials said. "
    "Iran may have delivered drones to Russia."
)

PRK = Actor(id="PRK", name="North Korea", kind=ActorKind.STATE)
RUS = Actor(id="RUS", name="Russia", kind=ActorKind.STATE)
IRN = Actor(id="IRN", name="Iran", kind=ActorKind.STATE)

JANE_DOE = Source(name="Jane Doe", kind=SourceKind.PERSON, role="intelligence chief", state="UKR")
MINISTRY = Source(name="foreign ministry in Pyongyang", kind=SourceKind.GOVERNMENT, state="PRK")
OFFICIALS = Source(name="officials", kind=SourceKind.ANONYMOUS)
BLOG = Source(name="Example Blog", kind=SourceKind.UNATTRIBUTED, outlet="Example Blog")


def span_of(doc_id: str, text: str, quote: str) -> Span:
    start = text.index(quote)
    return Span(doc_id=doc_id, start=start, end=start + len(quote), text=quote)


def make_claim(
    document: Document,
    quote: str,
    flow: tuple[Actor, Actor, Item],
    quantity: Quantity | None,
    source: Source,
    polarity: Polarity = Polarity.AFFIRMED,
    modality: Modality = Modality.ASSERTED,
) -> Claim:
    supplier, recipient, item = flow
    return Claim(
        doc_id=document.id,
        supplier=supplier,
        recipient=recipient,
        item=item,
        quantity=quantity,
        polarity=polarity,
        modality=modality,
        stage=Stage.DELIVERED,
        source=source,
        evidence=span_of(document.id, document.text, quote),
        rule_id="test.rule",
        time=TimeRef(text="since August", start=date(2023, 8, 1)) if quantity else None,
    )


@pytest.fixture(scope="session")
def wire() -> Document:
    return Document(
        id="wire_01",
        text=WIRE_TEXT,
        content_hash="a" * 64,
        meta=DocumentMeta(
            url="https://news.example.org/shells",
            title="Shells for Russia",
            outlet="Example Wire",
            published=date(2024, 1, 10),
            language="en",
        ),
        origin="articles/wire_01.txt",
    )


@pytest.fixture(scope="session")
def blog() -> Document:
    meta = DocumentMeta(title=None, outlet="Example Blog", published=date(2024, 2, 5))
    return Document(id="blog_02", text=BLOG_TEXT, content_hash="b" * 64, meta=meta)


@pytest.fixture(scope="session")
def claims(wire: Document, blog: Document) -> dict[str, Claim]:
    """Named claims: shipped (graded B2), denied (F6), payment (C3), drones (hedged, ungraded)."""
    shells = Item(category="artillery_ammunition", term="shells")
    containers = Quantity(
        value=1000, low=1000, high=1000, unit="container", text="1,000 containers"
    )
    dollars = Quantity(value=20e6, low=20e6, high=20e6, unit="usd", text="$20 million")
    return {
        "shipped": make_claim(
            wire,
            "North Korea has shipped 1,000 containers of shells to Russia since August",
            (PRK, RUS, shells),
            containers,
            JANE_DOE,
        ),
        "denied": make_claim(
            wire,
            "denied supplying shells to Russia",
            (PRK, RUS, shells),
            None,
            MINISTRY,
            polarity=Polarity.DENIED,
        ),
        "payment": make_claim(
            blog,
            "Russia paid North Korea $20 million for the shells",
            (RUS, PRK, Item(category="money", term="$20 million")),
            dollars,
            OFFICIALS,
        ),
        "drones": make_claim(
            blog,
            "Iran may have delivered drones to Russia",
            (IRN, RUS, Item(category="drones", term="drones")),
            None,
            BLOG,
            modality=Modality.HEDGED,
        ),
    }


@pytest.fixture(scope="session")
def grades(claims: dict[str, Claim]) -> dict[str, Grade]:
    return {
        claims["shipped"].id: Grade(
            reliability="B", credibility=2, reasons=("named official",), rules_version=1
        ),
        claims["denied"].id: Grade(
            reliability="F", credibility=6, reasons=("party to the transfer",), rules_version=1
        ),
        claims["payment"].id: Grade(
            reliability="C", credibility=3, reasons=("unnamed officials",), rules_version=1
        ),
    }


@pytest.fixture(scope="session")
def ledger(
    wire: Document, blog: Document, claims: dict[str, Claim], grades: dict[str, Grade]
) -> LedgerBundle:
    # Given out of order on purpose: exports sort documents and claims themselves.
    return LedgerBundle(
        documents=[blog, wire], claims=list(reversed(claims.values())), grades=grades
    )
