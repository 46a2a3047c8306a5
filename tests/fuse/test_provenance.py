"""Provenance: outlets, relayed channels, syndicated copies and stored signatures."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from armsledger.domain.core import DocumentMeta, Source, SourceKind
from armsledger.domain.fusion import DocumentProvenance, LinkKind, OutletEvidence
from armsledger.fuse.engine import FusionRules
from armsledger.fuse.provenance import (
    SignatureIndex,
    document_provenance,
    signature_similarity,
    text_signature,
)
from tests.fuse.story import TEXTS, Said, claim_in, make_document, read_document, story_claims


def provenance_of(
    text: str, rules: FusionRules, meta: DocumentMeta | None = None
) -> DocumentProvenance:
    document = replace(make_document("probe", text), meta=meta or DocumentMeta())
    return document_provenance(document, [], SignatureIndex(rules.provenance), rules.provenance)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Story.\n  • Read The Morning Ledger online, advert free\n", "Morning Ledger"),
        ("Story. Reuters could not independently verify the claims.", "Reuters"),
        (
            "Story.\nThe Northern Courier works with a network of sources inside the country.",
            "Northern Courier",
        ),
        ("A story with no sign of where it ran.", None),
    ],
)
def test_outlet_found_from_text_cues(
    text: str, outlet: str | None, fusion_rules: FusionRules
) -> None:
    provenance = provenance_of(text, fusion_rules)
    assert provenance.outlet == outlet
    expected = OutletEvidence.TEXT_CUE if outlet else OutletEvidence.UNKNOWN
    assert provenance.outlet_evidence == expected


@pytest.mark.parametrize(
    ("meta", "outlet", "evidence"),
    [
        (
            DocumentMeta(outlet="Given Outlet", url="https://www.reuters.com/x"),
            "Given Outlet",
            OutletEvidence.METADATA,
        ),
        (DocumentMeta(url="https://www.reuters.com/world/x"), "Reuters", OutletEvidence.URL_HOST),
        (
            DocumentMeta(url="https://news.example.org/x"),
            "news.example.org",
            OutletEvidence.URL_HOST,
        ),
    ],
)
def test_outlet_metadata_and_host_come_before_text(
    meta: DocumentMeta, outlet: str, evidence: OutletEvidence, fusion_rules: FusionRules
) -> None:
    provenance = provenance_of("Read The Morning Ledger online", fusion_rules, meta)
    assert (provenance.outlet, provenance.outlet_evidence) == (outlet, evidence)


@pytest.mark.parametrize(
    ("text", "relayed", "anonymous"),
    [
        ("A source told the Evening Post that trains ran.", "Evening Post", True),
        ("The minister said, according to the Kavala news agency.", "Kavala", False),
        ("The figure came from a Harbor Wire source.", "Harbor Wire", True),
        ("Citing messages shared on Telegram channels, the account wrote.", "Telegram", False),
        ("He told the Financial Times the talks had failed.", "Financial Times", False),
        ("Yonhap News Agency reported the shipment.", "Yonhap", False),
    ],
)
def test_relayed_channel_found_from_text(
    text: str, relayed: str, anonymous: bool, fusion_rules: FusionRules
) -> None:
    provenance = provenance_of(text, fusion_rules)
    names = {(relay.name, relay.relays_anonymous) for relay in provenance.relayed}
    assert (relayed, anonymous) in names


@pytest.mark.parametrize(
    "text",
    [
        "He told Putin the deal was done.",  # a person, not a medium: weak cue, no outlet word
        "According to Ukraine, half of the shells failed.",
        "A Russian source said so.",
    ],
)
def test_relayed_ignores_names_that_are_not_media(text: str, fusion_rules: FusionRules) -> None:
    assert provenance_of(text, fusion_rules).relayed == ()


def test_relayed_offsets_point_at_the_cue(fusion_rules: FusionRules) -> None:
    text = "Intro. Two sources told Harbor Wire on Monday that ships left."
    relay = provenance_of(text, fusion_rules).relayed[0]
    assert relay.start is not None
    assert relay.end is not None
    assert text[relay.start : relay.end] == relay.evidence


def test_relayed_includes_claim_channels(fusion_rules: FusionRules) -> None:
    document = make_document("official")
    said = Said(
        quote="Varga said the shipments could reach three million shells",
        source=Source(name="Varga", kind=SourceKind.PERSON, channel="the Kavala news agency"),
    )
    provenance = document_provenance(
        document,
        [claim_in(document, said)],
        SignatureIndex(fusion_rules.provenance),
        fusion_rules.provenance,
    )
    assert [(r.name, r.cue_id) for r in provenance.relayed] == [("Kavala", "claim_channel")]


def test_syndicated_from_first_appeared_cue(fusion_rules: FusionRules) -> None:
    provenance = provenance_of(TEXTS["copy"], fusion_rules)
    assert provenance.syndicated_from == "Harbor Wire"


def test_syndicated_copy_linked_from_stored_signature_alone(
    fusion_rules: FusionRules, story_files: dict[str, Path]
) -> None:
    index = SignatureIndex(fusion_rules.provenance)
    wire = read_document(story_files["wire"])
    index.add(document_provenance(wire, [], index, fusion_rules.provenance))
    story_files["wire"].unlink()  # the original is gone: only its stored signature remains
    copy = read_document(story_files["copy"])
    provenance = document_provenance(copy, story_claims("copy"), index, fusion_rules.provenance)
    assert [(link.other_doc_id, link.kind) for link in provenance.links] == [
        ("wire", LinkKind.SYNDICATED)
    ]
    assert provenance.links[0].similarity > 0.6


def test_unrelated_documents_are_not_linked(fusion_rules: FusionRules) -> None:
    index = SignatureIndex(fusion_rules.provenance)
    for doc_id in ("wire", "official", "denial"):
        provenance = document_provenance(make_document(doc_id), [], index, fusion_rules.provenance)
        assert provenance.links == ()
        index.add(provenance)
    assert len(index) == 3


def test_signature_similarity_of_copy_is_high_and_of_others_low(
    fusion_rules: FusionRules,
) -> None:
    rules = fusion_rules.provenance
    wire, copy, official = (text_signature(TEXTS[d], rules) for d in ("wire", "copy", "official"))
    assert len(wire) == rules.num_perm
    assert signature_similarity(wire, copy) > 0.6
    assert signature_similarity(wire, official) < 0.2
    assert text_signature(TEXTS["wire"], rules) == wire  # deterministic, so it can be stored
