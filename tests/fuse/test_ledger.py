"""Incremental fusion: one more document updates what it touches, without re-reading others."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from armsledger.domain.fusion import ContradictionKind
from armsledger.fuse.engine import FusionRules, context_flows, fuse_flows
from armsledger.fuse.flows import touched_flows
from armsledger.fuse.ledger import Ledger
from tests.fuse.story import (
    ANONYMOUS,
    ITEM_PARENTS,
    NRD,
    ORDER,
    SHELLS,
    SLV,
    WEAPONS,
    Said,
    claim_in,
    make_document,
    read_document,
    story_claims,
)


def ledger_from_files(rules: FusionRules, files: dict[str, Path]) -> Ledger:
    ledger = Ledger(rules)
    for doc_id in ORDER:
        ledger.add_document(read_document(files[doc_id]), story_claims(doc_id))
    return ledger


def test_adding_a_document_updates_series_independence_contradictions_grades(
    fusion_rules: FusionRules, story_files: dict[str, Path]
) -> None:
    ledger = ledger_from_files(fusion_rules, story_files)
    before = ledger.summary(SHELLS)
    assert before is not None
    varga = story_claims("official")[0].id
    before_grade = ledger.assessment(varga)
    for doc_id in ORDER:
        story_files[doc_id].unlink()  # the earlier articles are gone: nothing can re-read them
    late = read_document(story_files["late"])
    result = ledger.add_document(late, story_claims("late"))
    after = ledger.summary(SHELLS)
    assert after is not None
    assert before.independent_origins == 2
    assert after.independent_origins == 3
    assert [e.quantity.value for e in after.series if not e.derived] == [
        2000,
        900_000,
        1_000_000,
        3_000_000,
        200_000,
    ]
    assert after.conservative is not None
    assert after.conservative.value == 200_000  # Kestria's officer grades B1: well sourced
    amounts = [c for c in after.contradictions if c.kind == ContradictionKind.AMOUNT]
    assert (
        len(amounts) == 4
    )  # 200,000 against 900,000, one million and three million; and the old one
    assert before_grade is not None
    assert before_grade.grade.credibility == 2
    after_grade = ledger.assessment(varga)
    assert after_grade is not None
    assert after_grade.grade.credibility == 1  # now confirmed by two other origins
    assert {summary.flow for summary in result.flows} == {SHELLS, WEAPONS}


def test_incremental_result_equals_fusing_everything_at_once(fusion_rules: FusionRules) -> None:
    ledger = Ledger(fusion_rules)
    all_claims = []
    for doc_id in (*ORDER, "late"):
        ledger.add_document(make_document(doc_id), story_claims(doc_id))
        all_claims.extend(story_claims(doc_id))
    provenance = {d: p for d in (*ORDER, "late") if (p := ledger.provenance(d)) is not None}
    at_once = fuse_flows(all_claims, provenance, fusion_rules)
    for summary in at_once.flows:
        assert ledger.summary(summary.flow) == summary
    for assessment in at_once.assessments:
        assert ledger.assessment(assessment.claim_id) == assessment


def test_touched_flows_follow_the_hierarchy_both_ways() -> None:
    (claim,) = story_claims("late")  # about artillery_ammunition
    touched = touched_flows([claim], ITEM_PARENTS)
    assert {flow[2] for flow in touched} == {"artillery_ammunition", "ammunition", "weapons"}
    # to summarise `weapons` the fuser needs every narrower item's claims too
    context = context_flows(touched, ITEM_PARENTS)
    assert {flow[2] for flow in context} == {
        "weapons",
        "ammunition",
        "artillery_ammunition",
        "rockets",
        "small_arms",
    }
    assert ("NRD", "SLV", "food") not in context


def test_unrelated_flow_is_not_recomputed(fusion_rules: FusionRules) -> None:
    ledger = Ledger(fusion_rules)
    for doc_id in ORDER:
        ledger.add_document(make_document(doc_id), story_claims(doc_id))
    grain = make_document("grain", "Selvia paid Nordland in grain, a trader said.")
    said = Said(quote="Selvia paid Nordland in grain", source=ANONYMOUS, item="food")
    payment = replace(claim_in(grain, said), supplier=SLV, recipient=NRD)
    ledger.add_document(grain, [payment])
    food_before = ledger.summary(("SLV", "NRD", "food"))
    result = ledger.add_document(make_document("late"), story_claims("late"))
    assert {summary.flow for summary in result.flows} == {SHELLS, WEAPONS}
    assert ledger.summary(("SLV", "NRD", "food")) is food_before  # untouched, same object
    assert "grain" not in {a.doc_id for a in result.assessments}
