"""The phenomenon suite: every case of tests/phenomena/*.yaml, grouped by phenomenon."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.extract.phenomena import (
    Case,
    assign,
    distinct_expected,
    document_of,
    fold_key,
    load_cases,
)

from armsledger.domain.core import Claim
from armsledger.extract.claims import Extractor

CASES = load_cases()
GAPS_PATH = Path(__file__).resolve().parent / "phenomena_known_gaps.txt"
KNOWN_GAPS = frozenset(
    line.strip()
    for line in GAPS_PATH.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(reason="known gap, listed in phenomena_known_gaps.txt", strict=True)]
    return pytest.param(
        case, id=f"{case.phenomenon}:{case.id}", marks=marks if case.id in KNOWN_GAPS else []
    )


def _describe(claims: list[Claim]) -> str:
    return "\n".join(f"  {c.to_record()}" for c in claims) or "  (none)"


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_phenomenon_case_extracts_expected_claims(extractor: Extractor, case: Case) -> None:
    claims = extractor.extract(document_of(case))
    missing = assign(case.expect, claims)
    assert not missing, (
        f"{case.phenomenon}/{case.id}: expected {[case.expect[i] for i in missing]} "
        f"not produced from {case.text!r}; produced:\n{_describe(list(claims))}"
    )
    if case.exact:
        folded = {fold_key(claim) for claim in claims}
        assert len(folded) == distinct_expected(case.expect), (
            f"{case.phenomenon}/{case.id}: {len(folded)} distinct claims, expected "
            f"{distinct_expected(case.expect)} from {case.text!r}; "
            f"produced:\n{_describe(list(claims))}"
        )


def test_phenomenon_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_phenomenon_suite_is_large_enough() -> None:
    assert len(CASES) >= 200, f"only {len(CASES)} phenomenon cases"


def test_phenomenon_known_gaps_name_existing_cases() -> None:
    assert {case.id for case in CASES} >= KNOWN_GAPS, sorted(KNOWN_GAPS - {c.id for c in CASES})
