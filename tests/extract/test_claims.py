"""The Extractor's contract: claims with evidence offsets, rules, versions, boilerplate skipped."""

from __future__ import annotations

from datetime import date

from armsledger.domain.core import (
    ActorKind,
    Document,
    DocumentMeta,
    Modality,
    Polarity,
    SourceKind,
    Stage,
)
from armsledger.extract.claims import Extractor
from armsledger.lexicon import Lexicons

TEXT = (
    "Iran has delivered 300 Shahed drones to Russia since September, Ukrainian intelligence "
    "said. Tehran denied the claim.\n"
    "Read more: Belarus sends 50 T-72 tanks to Russia"
)


def _document(text: str = TEXT, boilerplate: tuple[tuple[int, int], ...] = ()) -> Document:
    return Document(
        id="doc",
        text=text,
        content_hash="x",
        boilerplate=boilerplate,
        meta=DocumentMeta(published=date(2024, 3, 15)),
    )


def test_claims_extract_reads_the_transfer(extractor: Extractor) -> None:
    claims = extractor.extract(_document(TEXT.split("\n")[0]))
    affirmed = [c for c in claims if c.polarity is Polarity.AFFIRMED]
    assert [(c.supplier.id, c.recipient.id, c.item.category) for c in affirmed] == [
        ("IRN", "RUS", "drones")
    ]
    claim = affirmed[0]
    assert claim.quantity is not None
    assert claim.quantity.value == 300
    assert claim.item.designation == "Shahed"
    assert claim.stage is Stage.DELIVERED
    assert claim.modality is Modality.ASSERTED
    assert claim.source.kind is SourceKind.GOVERNMENT
    assert claim.time is not None
    assert claim.time.start == date(2023, 9, 1)
    assert claim.rule_id == "direction.give.v1"


def test_claims_denial_refers_back_and_names_the_denier(extractor: Extractor) -> None:
    denied = [c for c in extractor.extract(_document()) if c.polarity is Polarity.DENIED]
    assert [(c.supplier.id, c.recipient.id, c.source.name) for c in denied] == [
        ("IRN", "RUS", "Tehran")
    ]
    assert denied[0].quantity is None


def test_claims_evidence_is_the_exact_text(extractor: Extractor, lexicons: Lexicons) -> None:
    document = _document()
    claims = extractor.extract(document)
    assert claims
    for claim in claims:
        assert document.text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
        assert claim.lexicon_versions == tuple(sorted(lexicons.versions.items()))
    assert [c.evidence.start for c in claims] == sorted(c.evidence.start for c in claims)


def test_claims_boilerplate_spans_are_skipped(extractor: Extractor) -> None:
    link_start = TEXT.index("Read more")
    with_links = {c.supplier.id for c in extractor.extract(_document())}
    without = extractor.extract(_document(boilerplate=((link_start, len(TEXT)),)))
    assert "BLR" in with_links
    assert "BLR" not in {c.supplier.id for c in without}


def test_claims_record_has_the_evaluation_fields(extractor: Extractor) -> None:
    record = extractor.extract(_document(TEXT.split("\n")[0]))[0].to_record()
    assert {
        "doc",
        "supplier",
        "recipient",
        "item",
        "polarity",
        "modality",
        "quantity",
        "source",
        "quote",
        "start",
        "end",
        "stage",
        "rule",
    } <= set(record)


def test_claims_bare_mention_folds_only_when_it_refers_back(extractor: Extractor) -> None:
    # "the drones" points back at the counted transfer; a new indefinite mention in another
    # sentence is a transfer of its own and keeps its claim without a number.
    back = "Iran has delivered 300 drones to Russia. Iran sent the drones to Russia by sea."
    new = "Iran has delivered 300 drones to Russia. Iran has also sent drones to Russia."
    for text, expected in ((back, [300.0]), (new, [300.0, None])):
        claims = extractor.extract(_document(text))
        values = [c.quantity.value if c.quantity else None for c in claims]
        assert values == expected, text


def test_claims_unlisted_parties_keep_their_kind(extractor: Extractor) -> None:
    # Neither name is in actors.yaml: the recogniser finds them by a legal form and by
    # "the ... gang"; the ledger must not store them as states.
    text = "Marlow Freight Ltd sold 300 rifles to the Los Lobos gang, prosecutors said."
    claims = extractor.extract(_document(text))
    parties = {(c.supplier.id, c.supplier.kind, c.recipient.id, c.recipient.kind) for c in claims}
    assert parties == {
        ("Marlow Freight Ltd", ActorKind.COMPANY, "Los Lobos", ActorKind.ARMED_GROUP)
    }
