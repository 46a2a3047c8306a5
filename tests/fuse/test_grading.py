"""Admiralty grades: one for every claim, with reasons, recomputed when the rules change."""

from __future__ import annotations

from pathlib import Path

import pytest

from armsledger.errors import LexiconError
from armsledger.fuse.engine import FusionRules, load_fusion_rules
from armsledger.fuse.rules import GRADING_PATH, load_grading_rules
from tests.fuse.story import ITEM_PARENTS, ORDER, story_claims, story_result


def grades_by_claim(rules: FusionRules) -> dict[str, str]:
    return {a.claim_id: a.grade.code for a in story_result(rules).assessments}


def test_every_claim_has_a_grade_with_reasons(fusion_rules: FusionRules) -> None:
    result = story_result(fusion_rules)
    claim_ids = {claim.id for doc_id in ORDER for claim in story_claims(doc_id)}
    assert {a.claim_id for a in result.assessments} == claim_ids
    for assessment in result.assessments:
        assert assessment.grade.reliability in "ABCDEF"
        assert 1 <= assessment.grade.credibility <= 6
        assert assessment.grade.reasons
        assert assessment.grade.rules_version == fusion_rules.grading.version


@pytest.mark.parametrize(
    ("doc_id", "index", "code", "reason"),
    [
        # unnamed sources relayed by a named agency (D), one other origin agrees (2)
        ("wire", 0, "D2", "reliability D: an unnamed source, relayed through a named channel"),
        # a named official (B), better for a record of corroborated claims (A)
        ("official", 0, "A2", "reliability -1 (better): its record: 2 of its claims"),
        # the same source, hedged: one step less credible
        ("official", 1, "A3", "credibility +1 (worse): the claim is hedged"),
        # the accused denies: 3, contradicted with no support (+1), self-interest (+1)
        ("denial", 0, "B5", "credibility +1 (worse): a party accused of the transfer denies it"),
    ],
)
def test_grade_follows_rules(
    doc_id: str, index: int, code: str, reason: str, fusion_rules: FusionRules
) -> None:
    claim = story_claims(doc_id)[index]
    (assessment,) = [a for a in story_result(fusion_rules).assessments if a.claim_id == claim.id]
    assert assessment.grade.code == code
    assert any(line.startswith(reason) for line in assessment.grade.reasons), assessment.grade


def test_grade_notes_denial_by_the_accused(fusion_rules: FusionRules) -> None:
    claim = story_claims("wire")[0]
    (assessment,) = [a for a in story_result(fusion_rules).assessments if a.claim_id == claim.id]
    assert (
        "credibility note: the accused side denies this flow (Nordland's foreign ministry)"
        in assessment.grade.reasons
    )


def test_grades_change_when_a_rule_changes(tmp_path: Path, fusion_rules: FusionRules) -> None:
    text = GRADING_PATH.read_text(encoding="utf-8")
    changed = text.replace("version: 1\n", "version: 2\n", 1).replace(
        "      when: {source_kind: anonymous, relayed: true}\n      grade: D\n",
        "      when: {source_kind: anonymous, relayed: true}\n      grade: C\n",
    )
    assert changed.count("grade: C\n") > text.count("grade: C\n")  # the edit took
    path = tmp_path / "grading.yaml"
    path.write_text(changed, encoding="utf-8")
    modified = load_fusion_rules(ITEM_PARENTS, grading=path)
    wire_claim = story_claims("wire")[0].id
    before, after = grades_by_claim(fusion_rules), grades_by_claim(modified)
    assert (before[wire_claim], after[wire_claim]) == ("D2", "C2")
    versions = {a.grade.rules_version for a in story_result(modified).assessments}
    assert versions == {2}
    assert ("grading-rules", 2) in story_result(modified).rules_versions


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (("when: {source_kind: government}", "when: {speaker_mood: happy}"), "unknown fact"),
        (("      grade: B\n", "      grade: Q\n"), "is not one of"),
        (("kind: grading-rules", "kind: something-else"), "expected 'grading-rules'"),
    ],
)
def test_grading_rules_errors_name_file_and_rule(
    edit: tuple[str, str], problem: str, tmp_path: Path
) -> None:
    path = tmp_path / "broken_grading.yaml"
    path.write_text(GRADING_PATH.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"^broken_grading\.yaml: .*{problem}"):
        load_grading_rules(path)
