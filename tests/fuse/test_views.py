"""Rows for `armsledger brief` and `armsledger sources`: plain JSON-ready dicts."""

from __future__ import annotations

import json

import pytest

from armsledger.fuse.engine import FusionRules
from armsledger.fuse.views import BriefFilters, brief_rows, source_rows
from tests.fuse.story import story_result


def test_brief_rows_carry_the_brief(fusion_rules: FusionRules) -> None:
    rows = brief_rows(story_result(fusion_rules), BriefFilters(item="artillery_ammunition"))
    assert len(rows) == 1
    row = rows[0]
    assert (row["supplier"], row["recipient"], row["item"]) == (
        "NRD",
        "SLV",
        "artillery_ammunition",
    )
    assert row["range"] == {"low": 1_000_000, "high": 3_000_000, "unit": "item"}
    assert row["latest"]["value"] == 3_000_000
    assert row["conservative"]["value"] == 1_000_000
    assert row["independent_origins"] == 2
    assert sorted(row["origins"]) == [
        "Harbor Wire and the sources it relays",
        "the government and officials of ORT",
    ]
    assert {c["kind"] for c in row["contradictions"]} == {"amount", "denial"}
    assert row["grade"]["code"] == "A2"
    assert [s["derived"] for s in row["series"]].count(True) == 1
    json.dumps(rows)  # JSON-ready: no dataclasses, dates or enums left


@pytest.mark.parametrize(
    ("filters", "items"),
    [
        (BriefFilters(), ["artillery_ammunition", "weapons"]),
        (BriefFilters(supplier="nrd"), ["artillery_ammunition", "weapons"]),
        (BriefFilters(recipient="NRD"), []),
        (BriefFilters(item="weapons"), ["weapons"]),
    ],
)
def test_brief_rows_filter(
    filters: BriefFilters, items: list[str], fusion_rules: FusionRules
) -> None:
    rows = brief_rows(story_result(fusion_rules), filters)
    assert [row["item"] for row in rows] == items


def test_source_rows_list_claims_origins_and_grades(fusion_rules: FusionRules) -> None:
    rows = source_rows(story_result(fusion_rules))
    (varga,) = [row for row in rows if row["name"] == "Defence Minister Ilse Varga"]
    assert varga["variants"] == ["Defence Minister Ilse Varga", "Varga"]
    assert varga["origins"] == ["the government and officials of ORT"]
    assert [claim["grade"]["code"] for claim in varga["claims"]] == ["A2", "A3"]
    assert {claim["outlet"] for claim in varga["claims"]} == {"Capital Ledger"}
    anonymous = [row for row in rows if row["kind"] == "anonymous"]
    assert {claim["channel"] for row in anonymous for claim in row["claims"]} == {"Harbor Wire"}
    json.dumps(rows)
