"""Fusion on the seeds through the real pipeline: origins, series, contradictions, grades.

The facts checked here come out of the general mechanism (outlet cues, MinHash, the item
hierarchy, grading.yaml); nothing about these documents is written into code or data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from armsledger.domain import Polarity, SourceKind
from armsledger.domain.fusion import ContradictionKind, FusionResult
from armsledger.pipeline import analyze_paths
from armsledger.store import ClaimFilter, open_store
from armsledger.store.fusion import read_fusion

# The three seed articles whose unnamed sources all spoke to one outlet's informant network
# (read by hand: 000 quotes "a source claimed to the Daily NK", 002 "a Daily NK source",
# 004 "a source in North Korea told Daily NK").
RELAYING_DOCS = {"000_fb10a3be3517cc3e", "002_4bd057f744788a96", "004_9a49968a5f5a90e1"}
SHELLS = ("PRK", "RUS", "artillery_ammunition")


@pytest.fixture(scope="module")
def seeds_ledger(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('fusion') / 'ledger.db'}"
    with open_store(url) as store:
        analyze_paths(store, [str(seeds_dir)])
    return url


def fused(url: str) -> FusionResult:
    with open_store(url) as store:
        return read_fusion(store)


def test_fusion_relayed_anonymous_sources_form_one_origin(seeds_ledger: str) -> None:
    with open_store(seeds_ledger) as store:
        anonymous = [
            claim
            for claim in store.claims()
            if claim.doc_id in RELAYING_DOCS and claim.source.kind is SourceKind.ANONYMOUS
        ]
    origin_of = {a.claim_id: a.origin_id for a in fused(seeds_ledger).assessments}
    assert {claim.doc_id for claim in anonymous} == RELAYING_DOCS
    assert len({origin_of[claim.id] for claim in anonymous}) == 1


def test_fusion_shell_estimates_form_one_series_with_sources(seeds_ledger: str) -> None:
    summary = next(s for s in fused(seeds_ledger).flows if s.flow == SHELLS)
    reported = [e for e in summary.series if not e.derived and e.quantity.unit == "item"]
    figures = {e.quantity.value or e.quantity.low for e in reported}
    # Read by hand: 1.5 million (Ukraine's intelligence), three million (South Korea),
    # "more than a million" (the outlet relaying Tendar).
    assert {1_500_000, 3_000_000, 1_000_000} <= figures
    assert all(estimate.source_names for estimate in summary.series)
    assert summary.independent_origins >= 3


def test_fusion_denials_contradict_the_flows_they_deny(seeds_ledger: str) -> None:
    result = fused(seeds_ledger)
    denials = [
        c
        for s in result.flows
        for c in s.contradictions
        if c.kind is ContradictionKind.DENIAL and s.flow[:2] == ("PRK", "RUS")
    ]
    assert denials
    with open_store(seeds_ledger) as store:
        denied_ids = {
            c.id for c in store.claims(ClaimFilter(polarity=Polarity.DENIED.value, supplier="PRK"))
        }
    assert any(set(c.other_claim_ids) & denied_ids for c in denials)


def test_fusion_grades_every_claim_with_reasons(seeds_ledger: str) -> None:
    with open_store(seeds_ledger) as store:
        claim_ids = {claim.id for claim in store.claims()}
    assessments = {a.claim_id: a for a in fused(seeds_ledger).assessments}
    assert set(assessments) == claim_ids
    for assessment in assessments.values():
        assert assessment.grade.reliability in "ABCDEF"
        assert 1 <= assessment.grade.credibility <= 6
        assert assessment.grade.reasons


def test_fusion_later_document_updates_without_rereading_others(
    seeds_dir: Path, tmp_path: Path
) -> None:
    """The first four articles are analysed, then deleted from disk; the fifth, analysed alone,
    still joins the origin network and the series, so nothing else was re-read."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first, *rest = sorted(seeds_dir.glob("*.txt"))
    for path in rest:
        shutil.copy(path, inbox / path.name)
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with open_store(url) as store:
        analyze_paths(store, [str(inbox)])
        before = read_fusion(store)
    shutil.rmtree(inbox)
    late = tmp_path / "late"
    late.mkdir()
    shutil.copy(first, late / first.name)
    with open_store(url) as store:
        analyze_paths(store, [str(late)])
        after = read_fusion(store)
        new_ids = {claim.id for claim in store.claims(ClaimFilter(doc=first.stem))}
    assert new_ids
    assert new_ids <= {a.claim_id for a in after.assessments}
    summary_before = next(s for s in before.flows if s.flow == SHELLS)
    summary_after = next(s for s in after.flows if s.flow == SHELLS)
    assert summary_after.claim_count > summary_before.claim_count
    if first.stem in RELAYING_DOCS:
        networks = [o for o in after.origins if set(o.doc_ids) >= RELAYING_DOCS]
        assert networks, "the late document joins the relayed-source network"
