"""Independent origins: syndicated and relayed reports collapse, rival officials do not."""

from __future__ import annotations

from armsledger.domain.core import Source, SourceKind
from armsledger.domain.fusion import FusionResult, Origin
from armsledger.fuse.engine import FusionRules, fuse_flows
from armsledger.fuse.ledger import Ledger
from tests.fuse.story import (
    SHELLS,
    TEXTS,
    Said,
    claim_in,
    make_document,
    story_claims,
    story_result,
)


def origin_by_label(result: FusionResult, start: str) -> Origin:
    (origin,) = [o for o in result.origins if o.label.startswith(start)]
    return origin


def test_syndicated_and_relayed_documents_collapse_into_one_origin(
    fusion_rules: FusionRules,
) -> None:
    result = story_result(fusion_rules)
    wire = origin_by_label(result, "Harbor Wire")
    assert wire.doc_ids == ("copy", "relay", "wire")
    assert any("syndicated copy of doc wire" in reason for reason in wire.reasons)
    assert any("relayed through Harbor Wire" in reason for reason in wire.reasons)
    (summary,) = [s for s in result.flows if s.flow == SHELLS]
    # four articles affirm the shells, but they go back to two first tellers
    assert summary.independent_origins == 2
    assert "2 independent origin(s) behind 4 article(s)" in summary.independence_reason


def test_origin_of_each_claim_is_in_its_assessment(fusion_rules: FusionRules) -> None:
    result = story_result(fusion_rules)
    wire = origin_by_label(result, "Harbor Wire")
    by_doc = {a.doc_id: a.origin_id for a in result.assessments if a.doc_id != "official"}
    assert by_doc == {
        "wire": wire.id,
        "copy": wire.id,
        "relay": wire.id,
        "denial": by_doc["denial"],
    }
    assert by_doc["denial"] != wire.id


def test_official_and_rival_intelligence_are_two_origins(fusion_rules: FusionRules) -> None:
    quote = "Nordland has sent at least one million artillery shells to Selvia"
    sources = {
        "a": Source(name="Ilse Varga", kind=SourceKind.PERSON, state="ORT"),
        "b": Source(name="Kestrian intelligence", kind=SourceKind.GOVERNMENT, state="KES"),
        "c": Source(name="Ortland's defence ministry", kind=SourceKind.GOVERNMENT, state="ORT"),
    }
    claims = [
        claim_in(make_document(doc_id, TEXTS["official"]), Said(quote=quote, source=source))
        for doc_id, source in sources.items()
    ]
    (summary,) = fuse_flows(claims, {}, fusion_rules).flows
    # Varga and her ministry share one government's information; Kestria's is its own
    assert summary.independent_origins == 2


def test_near_duplicate_without_cue_joins_the_original_outlet(fusion_rules: FusionRules) -> None:
    """A copy that names nobody is still caught by its signature, and its voice merges."""
    ledger = Ledger(fusion_rules)
    original = make_document("wire")
    # no dateline, no "told Harbor Wire", no outlet: only the wording gives the copy away
    bare_text = (
        original.text.replace("PORT HAVEN (Harbor Wire) - ", "")
        .replace("two sources told Harbor Wire", "officials said")
        .replace("Harbor Wire could not", "We could not")
    )
    unattributed = Source(name="the outlet", kind=SourceKind.UNATTRIBUTED)
    quote = "Nordland has shipped 2,000 containers of artillery shells to Selvia"
    ledger.add_document(original, [claim_in(original, Said(quote=quote, source=unattributed))])
    copy = make_document("other", bare_text + "\nMore local colour here.\n")
    result = ledger.add_document(copy, [claim_in(copy, Said(quote=quote, source=unattributed))])
    (summary,) = result.flows
    assert summary.independent_origins == 1
    (origin,) = result.origins
    assert origin.doc_ids == ("other", "wire")
    assert any("near duplicate copy of doc wire" in reason for reason in origin.reasons)


def test_medium_named_as_source_joins_its_relay_network(fusion_rules: FusionRules) -> None:
    """ "Harbor Wire news agency reported" is the network "sources told Harbor Wire" is."""
    ledger = Ledger(fusion_rules)
    wire = make_document("wire")
    ledger.add_document(wire, story_claims("wire"))
    report = make_document("report", "The Harbor Wire news agency reported the shipments.")
    said = Said(
        quote="The Harbor Wire news agency reported the shipments",
        source=Source(name="the Harbor Wire news agency", kind=SourceKind.MEDIA),
    )
    result = ledger.add_document(report, [claim_in(report, said)])
    (summary,) = [s for s in result.flows if s.flow == SHELLS]
    assert summary.independent_origins == 1
    assert origin_by_label(result, "Harbor Wire").doc_ids == ("report", "wire")
