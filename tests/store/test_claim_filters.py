"""ClaimFilter (store/read.py): which claims `Store.claims` returns, and in what order.

Claims are named by their rule id in conftest: a, b, c in document alpha-report (text order),
d and e sharing one sentence in bravo-brief.
"""

from __future__ import annotations

import pytest

from armsledger.domain.core import Claim
from armsledger.store import ClaimFilter, Store


def labels(claims: list[Claim]) -> set[str]:
    return {claim.rule_id for claim in claims}


@pytest.mark.parametrize(
    ("claim_filter", "expected"),
    [
        (ClaimFilter(), {"a", "b", "c", "d", "e"}),
        (ClaimFilter(supplier="nrl"), {"a", "b", "c"}),
        (ClaimFilter(supplier="NORLAND"), {"a", "b", "c"}),
        (ClaimFilter(supplier="acme arms"), {"d", "e"}),
        (ClaimFilter(supplier="Norl"), set()),  # names match whole, not in part
        (ClaimFilter(recipient="Valdoria"), {"a", "b", "c", "d", "e"}),
        (ClaimFilter(recipient="NRL"), set()),
        (ClaimFilter(item="MISSILES"), {"d"}),
        (ClaimFilter(item="kn-23"), {"d"}),
        (ClaimFilter(item="fuel"), {"e"}),
        (ClaimFilter(source="reuters"), {"c"}),
        (ClaimFilter(source="Ministry Spokes"), {"d", "e"}),
        (ClaimFilter(source="in valdoria"), {"a"}),
        (ClaimFilter(doc="Bravo-Brief"), {"d", "e"}),
        (ClaimFilter(doc="bravo"), set()),
        (ClaimFilter(polarity="DENIED"), {"b"}),
        (ClaimFilter(stage="delivered"), {"a", "c", "d"}),
        (ClaimFilter(stage="agreed"), {"e"}),
        (ClaimFilter(text="3,000 SHELLS"), {"c"}),
        (ClaimFilter(text="tonnes of fuel"), {"d", "e"}),
        # LIKE wildcards in the query are plain characters: no quote holds "_" or "%".
        (ClaimFilter(text="_"), set()),
        (ClaimFilter(text="%"), set()),
        (ClaimFilter(supplier="NRL", polarity="affirmed"), {"a", "c"}),
        (ClaimFilter(supplier="NRL", item="drones", stage="unknown"), {"b"}),
        (ClaimFilter(doc_ids=("alpha-report",)), {"a", "b", "c"}),
        (ClaimFilter(doc_ids=("bravo-brief", "missing")), {"d", "e"}),
        (ClaimFilter(doc_ids=()), set()),
    ],
)
def test_claim_filter_selects_matching_claims(
    read_only_store: Store, claim_filter: ClaimFilter, expected: set[str]
) -> None:
    assert labels(read_only_store.claims(claim_filter)) == expected


def test_claim_filter_none_means_every_claim(read_only_store: Store) -> None:
    assert read_only_store.claims(None) == read_only_store.claims(ClaimFilter())


def test_claims_sorted_by_document_then_offsets_then_id(
    read_only_store: Store, bravo_claims: list[Claim]
) -> None:
    # d and e share their evidence span, so their claim ids decide their order.
    bravo_order = [claim.rule_id for claim in sorted(bravo_claims, key=lambda c: c.id)]
    assert [claim.rule_id for claim in read_only_store.claims()] == ["a", "b", "c", *bravo_order]


@pytest.mark.parametrize(
    ("limit", "offset", "expected"),
    [
        (2, 0, ["a", "b"]),
        (2, 1, ["b", "c"]),
        (None, 2, ["c", "d|e", "d|e"]),
        (10, 5, []),
    ],
)
def test_claim_filter_pages_in_sorted_order(
    read_only_store: Store, limit: int | None, offset: int, expected: list[str]
) -> None:
    page = read_only_store.claims(ClaimFilter(limit=limit, offset=offset))
    shown = [claim.rule_id if claim.rule_id in "abc" else "d|e" for claim in page]
    assert shown == expected


def test_claim_filter_many_doc_ids_keeps_order_and_paging(
    read_only_store: Store, bravo_claims: list[Claim]
) -> None:
    # More ids than one IN list holds, and "b-0000" ... sort between the two stored ids, so
    # alpha-report and bravo-brief land in different chunks that the store must merge in order.
    doc_ids = ("bravo-brief", *(f"b-{number:04}" for number in range(1000)), "alpha-report")
    first_bravo = min(bravo_claims, key=lambda claim: claim.id).rule_id
    wanted = ClaimFilter(doc_ids=doc_ids, offset=1, limit=3)
    assert [claim.rule_id for claim in read_only_store.claims(wanted)] == ["b", "c", first_bravo]


def test_claim_filter_many_flows_reads_in_slices(read_only_store: Store) -> None:
    # 1,500 flows make an OR chain deeper than SQLite's 1,000-level limit in one query; the two
    # stored flows sort to opposite ends of the list, so they land in different slices.
    absent = [(f"X{number:04}", "VLD", "drones") for number in range(1500)]
    flows = (("Acme Arms", "VLD", "fuel"), *absent, ("NRL", "VLD", "drones"))
    assert labels(read_only_store.claims(ClaimFilter(flows=flows))) == {"b", "e"}
    paged = read_only_store.claims(ClaimFilter(flows=flows, offset=1, limit=1))
    assert [claim.rule_id for claim in paged] == ["e"]
