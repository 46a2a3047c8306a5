"""A small ledger written by hand through `Store.write_batch`, shared by the report, web and
browser tests. The articles are made up for the tests; one carries a <script> to prove that
article text is always escaped. Offsets are computed from the text, never typed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from armsledger.domain.core import (
    Actor,
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
from armsledger.domain.fusion import (
    ClaimAssessment,
    Contradiction,
    ContradictionKind,
    Estimate,
    FlowSummary,
    FusionResult,
    Grade,
    Origin,
    SourceEntity,
)
from armsledger.store import Store, open_store

PRK = Actor(id="PRK", name="North Korea")
RUS = Actor(id="RUS", name="Russia")
IRN = Actor(id="IRN", name="Iran")
SCRIPT = "<script>alert('owned')</script>"

WIRE_TEXT = (
    "KYIV, Jan 10 — North Korea has sent more than 1,000 containers of munitions to Russia, "
    "a Ukrainian intelligence official said on Wednesday. The official said the shipments began "
    "in August.\n\nMoscow has paid with food and fuel, according to the same official.\n\n"
    "The Kremlin denied that any weapons had been received from Pyongyang."
)
PAPER_TEXT = (
    "South Korea's defence minister Shin Won-sik said North Korea had shipped about 6,700 "
    "containers to Russia, which could hold up to three million artillery shells. "
    f"A reader comment read {SCRIPT} and was removed.\n\n"
    "Iran may have supplied Russia with drones, officials said."
)
BRIEF_TEXT = (
    "Russia has delivered air defence systems to North Korea, a Seoul lawmaker said, "
    "citing the intelligence service."
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SampleLedger:
    db_url: str
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]

    def claim(self, quote_start: str) -> Claim:
        """The first claim whose evidence starts with `quote_start`."""
        return next(c for c in self.claims if c.evidence.text.startswith(quote_start))


def document(doc_id: str, text: str, published: date, outlet: str, title: str) -> Document:
    meta = DocumentMeta(title=title, outlet=outlet, published=published, url=None)
    return Document(id=doc_id, text=text, content_hash=f"hash-{doc_id}", meta=meta)


def span(doc: Document, quote: str) -> Span:
    start = doc.text.index(quote)
    return Span(doc_id=doc.id, start=start, end=start + len(quote), text=quote)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimSpec:
    quote: str
    supplier: Actor
    recipient: Actor
    item: str
    source: Source
    quantity: Quantity | None = None
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED
    stage: Stage = Stage.DELIVERED
    designation: str | None = None
    when: date | None = None


def claim(doc: Document, spec: ClaimSpec) -> Claim:
    return Claim(
        doc_id=doc.id,
        supplier=spec.supplier,
        recipient=spec.recipient,
        item=Item(category=spec.item, designation=spec.designation, term=spec.item),
        quantity=spec.quantity,
        polarity=spec.polarity,
        modality=spec.modality,
        stage=spec.stage,
        source=spec.source,
        evidence=span(doc, spec.quote),
        rule_id="test.hand_made",
        time=TimeRef(text="since August", start=spec.when) if spec.when else None,
    )


def sample_documents() -> tuple[Document, Document, Document]:
    return (
        document("wire-0110", WIRE_TEXT, date(2024, 1, 10), "Example Wire", "Shells by sea"),
        document("paper-0220", PAPER_TEXT, date(2024, 2, 20), "Example Daily", "Containers"),
        document("brief-0305", BRIEF_TEXT, date(2024, 3, 5), "Example Brief", "Air defence"),
    )


def sample_claims(docs: tuple[Document, Document, Document]) -> list[Claim]:
    wire, paper, brief = docs
    official = Source(name="a Ukrainian intelligence official", kind=SourceKind.ANONYMOUS)
    kremlin = Source(name="The Kremlin", kind=SourceKind.GOVERNMENT, state="RUS")
    shin = Source(name="Shin Won-sik", kind=SourceKind.PERSON, role="defence minister")
    officials = Source(name="officials", kind=SourceKind.ANONYMOUS)
    lawmaker = Source(name="a Seoul lawmaker", kind=SourceKind.ANONYMOUS)
    containers = Quantity(
        value=1000.0, low=1000.0, high=None, unit="container", text="more than 1,000"
    )
    about = Quantity(value=6700.0, low=None, high=None, unit="container", text="about 6,700")
    # Floats, as the extractor makes them: Claim.id formats the numbers, and the store reads
    # them back as floats, so an int here would give a claim an id it loses once stored.
    shells = Quantity(value=3e6, low=None, high=3e6, unit="item", text="up to three million")
    first = "North Korea has sent more than 1,000 containers of munitions to Russia"
    paid = "Moscow has paid with food and fuel"
    specs = [
        (
            wire,
            ClaimSpec(
                quote=first,
                supplier=PRK,
                recipient=RUS,
                item="ammunition",
                source=official,
                quantity=containers,
                when=date(2023, 8, 1),
            ),
        ),
        (wire, ClaimSpec(quote=paid, supplier=RUS, recipient=PRK, item="food", source=official)),
        (wire, ClaimSpec(quote=paid, supplier=RUS, recipient=PRK, item="fuel", source=official)),
        (
            wire,
            ClaimSpec(
                quote="The Kremlin denied that any weapons had been received from Pyongyang",
                supplier=PRK,
                recipient=RUS,
                item="weapons",
                source=kremlin,
                polarity=Polarity.DENIED,
            ),
        ),
        (
            paper,
            ClaimSpec(
                quote="North Korea had shipped about 6,700 containers to Russia",
                supplier=PRK,
                recipient=RUS,
                item="ammunition",
                source=shin,
                quantity=about,
            ),
        ),
        (
            paper,
            ClaimSpec(
                quote="which could hold up to three million artillery shells",
                supplier=PRK,
                recipient=RUS,
                item="artillery_ammunition",
                source=shin,
                quantity=shells,
                modality=Modality.HEDGED,
            ),
        ),
        (
            paper,
            ClaimSpec(
                quote="Iran may have supplied Russia with drones",
                supplier=IRN,
                recipient=RUS,
                item="drones",
                source=officials,
                modality=Modality.HEDGED,
            ),
        ),
        (
            brief,
            ClaimSpec(
                quote="Russia has delivered air defence systems to North Korea",
                supplier=RUS,
                recipient=PRK,
                item="air_defense",
                source=lawmaker,
            ),
        ),
    ]
    return [claim(doc, spec) for doc, spec in specs]


def write_sample_ledger(db_path: Path) -> SampleLedger:
    """Write the sample documents and claims into a new SQLite ledger at `db_path`."""
    docs = sample_documents()
    claims = sample_claims(docs)
    url = f"sqlite:///{db_path}"
    with open_store(url) as store:
        write_into(store, docs, claims)
    return SampleLedger(db_url=url, documents=docs, claims=tuple(claims))


def write_into(store: Store, docs: tuple[Document, ...], claims: list[Claim]) -> None:
    run_id = store.start_run(command="test", paths=["hand-made"], lexicon_versions={})
    store.write_batch(run_id, docs, claims)
    store.finish_run(run_id, counts={"claims": len(claims)})


def flow_summary(claim: Claim, derived: Estimate, contradiction: Contradiction) -> FlowSummary:
    stated = Estimate(
        flow=claim.flow_key,
        quantity=claim.quantity or Quantity(value=None, low=None, high=None),
        time=date(2023, 8, 1),
        claim_ids=(claim.id,),
        origin_id="origin-kyiv",
        source_names=(claim.source.name,),
        stage=claim.stage,
    )
    return FlowSummary(
        flow=claim.flow_key,
        claim_count=2,
        affirmed_count=2,
        denied_count=0,
        series=(stated, derived),
        latest=derived,
        conservative=None,
        high=None,
        independent_origins=2,
        origin_ids=("origin-kyiv", "origin-seoul"),
        independence_reason="two origin networks",
        contradictions=(contradiction,),
        grade=Grade(reliability="B", credibility=2, reasons=("two origins",), rules_version=1),
    )


def sample_fusion(sample: SampleLedger) -> FusionResult:
    """A fusion result by hand: one denial contradiction, grades, two origins, one estimate."""
    affirmed = sample.claim("North Korea has sent")
    denied = sample.claim("The Kremlin denied")
    derived = Estimate(
        flow=affirmed.flow_key,
        quantity=Quantity(value=250_000.0, low=None, high=None, unit="item"),
        time=date(2023, 9, 1),
        claim_ids=(affirmed.id,),
        origin_id="origin-kyiv",
        source_names=("a Ukrainian intelligence official",),
        stage=Stage.DELIVERED,
        derived=True,
        derivation="1,000 containers at 250 shells each (conversions.yaml v1)",
    )
    contradiction = Contradiction(
        kind=ContradictionKind.DENIAL,
        flow=affirmed.flow_key,
        other_flow=denied.flow_key,
        claim_ids=(affirmed.id,),
        other_claim_ids=(denied.id,),
        sources=("a Ukrainian intelligence official",),
        other_sources=("The Kremlin",),
        explanation="Kyiv says munitions were sent; the Kremlin denies receiving weapons.",
    )
    grade = Grade(reliability="B", credibility=3, reasons=("official",), rules_version=1)
    assessments = tuple(
        ClaimAssessment(
            claim_id=c.id,
            doc_id=c.doc_id,
            flow=c.flow_key,
            source_id=f"src-{c.source.name}",
            speaker=c.source.name,
            channel=None,
            outlet=None,
            origin_id="origin-kyiv" if c.doc_id == "wire-0110" else "origin-seoul",
            grade=grade,
        )
        for c in sample.claims
    )
    sources = tuple(
        SourceEntity(
            id=f"src-{name}",
            name=name,
            kind=next(c.source.kind for c in sample.claims if c.source.name == name),
            claim_ids=tuple(c.id for c in sample.claims if c.source.name == name),
            doc_ids=tuple(sorted({c.doc_id for c in sample.claims if c.source.name == name})),
        )
        for name in sorted({c.source.name for c in sample.claims})
    )
    origins = (
        Origin(
            id="origin-kyiv",
            label="Kyiv intelligence",
            keys=("person:kyiv",),
            doc_ids=("wire-0110",),
        ),
        Origin(
            id="origin-seoul",
            label="Seoul officials",
            keys=("person:seoul",),
            doc_ids=("paper-0220", "brief-0305"),
        ),
    )
    return FusionResult(
        provenance=(),
        sources=sources,
        origins=origins,
        assessments=assessments,
        flows=(flow_summary(affirmed, derived, contradiction),),
        contradictions=(contradiction,),
        rules_versions=(("grading", 1),),
    )
