"""FollowTheMoney export: every line loads as an entity proxy and passes its schema's checks."""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any

import pytest
from followthemoney import model

from armsledger.domain.core import Claim
from armsledger.export import FORMATS
from armsledger.export.bundle import LedgerBundle
from armsledger.export.ftm import entity_id


def exported_entities(ledger: LedgerBundle) -> list[Any]:
    out = io.StringIO()
    FORMATS["ftm"].write(ledger, out)
    proxies = []
    for line in out.getvalue().splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        proxy.schema.validate(data)  # raises InvalidData on a missing or malformed property
        proxies.append(proxy)
    return proxies


def by_id(ledger: LedgerBundle) -> dict[str, Any]:
    return {proxy.id: proxy for proxy in exported_entities(ledger)}


def test_export_ftm_schemata(ledger: LedgerBundle) -> None:
    counts = Counter(proxy.schema.name for proxy in exported_entities(ledger))
    # 3 states; 2 articles; named speakers Jane Doe (Person) and the ministry (PublicBody),
    # each quoted in one article; claims: 1 affirmed payment, 3 other links (one denied).
    assert counts == {
        "PublicBody": 4,
        "Article": 2,
        "Person": 1,
        "Documentation": 2,
        "Payment": 1,
        "UnknownLink": 3,
    }


def test_export_ftm_payment_from_payer_to_beneficiary(
    ledger: LedgerBundle, claims: dict[str, Claim]
) -> None:
    payment = by_id(ledger)[entity_id("claim", claims["payment"].id)]
    assert payment.schema.name == "Payment"
    assert payment.get("payer") == [entity_id("actor", "RUS")]
    assert payment.get("beneficiary") == [entity_id("actor", "PRK")]
    assert float(payment.first("amount")) == 20_000_000
    assert payment.get("currency") == ["USD"]
    assert float(payment.first("amountUsd")) == 20_000_000
    assert payment.get("proof") == [entity_id("document", "blog_02")]


@pytest.mark.parametrize(
    ("name", "subject", "object_", "status"),
    [
        ("shipped", "PRK", "RUS", "affirmed, asserted, delivered"),
        ("denied", "PRK", "RUS", "denied, asserted, delivered"),
        ("drones", "IRN", "RUS", "affirmed, hedged, delivered"),
    ],
)
def test_export_ftm_transfer_links_keep_direction_and_status(
    ledger: LedgerBundle,
    claims: dict[str, Claim],
    name: str,
    subject: str,
    object_: str,
    status: str,
) -> None:
    link = by_id(ledger)[entity_id("claim", claims[name].id)]
    assert link.schema.name == "UnknownLink"
    assert link.get("subject") == [entity_id("actor", subject)]
    assert link.get("object") == [entity_id("actor", object_)]
    assert link.get("status") == [status]
    assert link.get("description") == [claims[name].evidence.text]
    assert link.get("recordId") == [claims[name].id]


def test_export_ftm_states_carry_country(ledger: LedgerBundle) -> None:
    entities = by_id(ledger)
    countries = {code: entities[entity_id("actor", code)].get("country") for code in ("PRK", "RUS")}
    assert countries == {"PRK": ["kp"], "RUS": ["ru"]}


def test_export_ftm_article_metadata(ledger: LedgerBundle) -> None:
    article = by_id(ledger)[entity_id("document", "wire_01")]
    assert article.get("title") == ["Shells for Russia"]
    assert article.get("publishedAt") == ["2024-01-10"]
    assert article.get("fileName") == ["wire_01.txt"]
    assert article.get("publisher") == ["Example Wire"]


def test_export_ftm_speaker_documented_in_article(ledger: LedgerBundle) -> None:
    entities = exported_entities(ledger)
    doe = next(proxy for proxy in entities if proxy.get("name") == ["Jane Doe"])
    links = [
        proxy for proxy in entities
        if proxy.schema.name == "Documentation" and proxy.get("entity") == [doe.id]
    ]  # fmt: skip
    assert [link.get("document") for link in links] == [[entity_id("document", "wire_01")]]
