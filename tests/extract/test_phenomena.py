"""The phenomenon suite: every case of tests/phenomena/*.yaml, grouped by phenomenon."""

from __future__ import annotations

import pytest
from tests.extract.phenomena import (
    Case,
    assign,
    distinct_expected,
    document_of,
    fold_key,
    load_cases,
)

from armsledger.extract.claims import Extractor

CASES = load_cases()


def _describe(claims: list[object]) -> str:
    return "\n".join(f"  {c.to_record()}" for c in claims) or "  (none)"


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.phenomenon}:{c.id}")
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
            f"{distinct_expected(case.expect)} from {case.text!r}; produced:\n{_describe(list(claims))}"
        )


def test_phenomenon_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_phenomenon_suite_is_large_enough() -> None:
    assert len(CASES) >= 200, f"only {len(CASES)} phenomenon cases"
