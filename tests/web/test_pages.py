"""The pages: every one answers, links onwards, filters, searches, paginates and escapes."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from tests.report.sample_ledger import SCRIPT, SampleLedger


def page_paths(sample: SampleLedger) -> list[str]:
    first = sample.claims[0]
    return [
        "/",
        "/claims",
        f"/claims/{first.id}",
        "/documents",
        f"/documents/{first.doc_id}",
        "/sources",
        "/flows",
        "/flows/PRK/RUS/ammunition",
    ]


def claim_ids_on(page: str) -> list[str]:
    return re.findall(r'href="/claims/([0-9a-f]{16})"', page)


def test_every_page_answers_with_html_and_strict_headers(
    client: TestClient, sample: SampleLedger
) -> None:
    for path in page_paths(sample):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "script-src" not in policy  # falls back to 'none': no script at all
        assert "<script" not in response.text.replace(str(escape(SCRIPT)), "")
        assert not re.search(r"\son[a-z]+\s*=", response.text), f"{path}: inline handler"


def test_every_page_links_to_what_it_mentions(client: TestClient, sample: SampleLedger) -> None:
    claim = sample.claim("North Korea had shipped")
    overview = client.get("/").text
    assert 'href="/flows/PRK/RUS/ammunition"' in overview
    assert 'href="/flows?supplier=PRK&amp;recipient=RUS"' in overview  # from the diagram
    detail = client.get(f"/claims/{claim.id}").text
    assert (
        f'href="/documents/{claim.doc_id}#span-{claim.evidence.start}-{claim.evidence.end}"'
        in detail
    )
    assert 'href="/flows/PRK/RUS/ammunition"' in detail
    assert 'href="/claims?source=Shin+Won-sik"' in detail
    document = client.get(f"/documents/{claim.doc_id}").text
    assert f'id="span-{claim.evidence.start}-{claim.evidence.end}"' in document
    assert claim.id in claim_ids_on(document)
    sources = client.get("/sources").text
    assert f'href="/documents/{claim.doc_id}"' in sources


def test_claim_page_highlights_the_evidence_in_its_sentence(
    client: TestClient, sample: SampleLedger
) -> None:
    claim = sample.claim("which could hold")
    page = client.get(f"/claims/{claim.id}").text
    document = next(d for d in sample.documents if d.id == claim.doc_id)
    evidence = document.text[claim.evidence.start : claim.evidence.end]
    assert f'<mark id="evidence">{escape(evidence)}</mark>' in page
    sentence_start = 'to Russia, <mark id="evidence">'
    assert '<span class="sentence">South Korea' in page
    assert sentence_start in page


@pytest.mark.parametrize(
    ("query", "expected_quotes"),
    [
        ("supplier=IRN", ["Iran may have supplied Russia with drones"]),
        ("supplier=iran", ["Iran may have supplied Russia with drones"]),
        (
            "recipient=PRK&item=air_defense",
            ["Russia has delivered air defence systems to North Korea"],
        ),
        (
            "polarity=denied",
            ["The Kremlin denied that any weapons had been received from Pyongyang"],
        ),
        ("stage=planned", []),
        (
            "source=Shin",
            [
                "North Korea had shipped about 6,700 containers to Russia",
                "which could hold up to three million artillery shells",
            ],
        ),
        ("q=artillery+shells", ["which could hold up to three million artillery shells"]),
        (
            "q=SHELLS+million&supplier=PRK",
            ["which could hold up to three million artillery shells"],
        ),
        ("q=shells+tanks", []),
        ("polarity=&stage=&supplier=&q=drones", ["Iran may have supplied Russia with drones"]),
    ],
)
def test_claims_page_filters_and_searches(
    client: TestClient, sample: SampleLedger, query: str, expected_quotes: list[str]
) -> None:
    page = client.get(f"/claims?{query}").text
    shown = claim_ids_on(page)
    expected = {c.id for c in sample.claims if c.evidence.text in expected_quotes}
    assert set(shown) == expected
    count = "1 claim," if len(expected) == 1 else f"{len(expected)} claims"
    assert count in page


def test_claims_page_filters_by_item_within_a_shared_quote(
    client: TestClient, sample: SampleLedger
) -> None:
    # "paid with food and fuel" makes two claims from one quote; the item filter keeps one.
    food = [c.id for c in sample.claims if c.item.category == "food"]
    assert claim_ids_on(client.get("/claims?item=food").text) == food
    assert len(food) == 1


def test_claims_page_sorts_by_amount_both_ways(client: TestClient, sample: SampleLedger) -> None:
    amounts = {c.id: c.quantity.value for c in sample.claims if c.quantity and c.quantity.value}
    ascending = [i for i in claim_ids_on(client.get("/claims?sort=amount").text) if i in amounts]
    descending = [i for i in claim_ids_on(client.get("/claims?sort=-amount").text) if i in amounts]
    assert [amounts[i] for i in ascending] == [1000, 6700, 3_000_000]
    assert descending == ascending[::-1]


def test_claims_page_paginates_and_keeps_filters(client: TestClient, sample: SampleLedger) -> None:
    seen: list[str] = []
    for page_number in (1, 2):
        page = client.get(f"/claims?supplier=PRK&per_page=2&page={page_number}").text
        seen += claim_ids_on(page)
        assert f"4 claims, page {page_number} of 2" in page
    prk = [c.id for c in sample.claims if c.supplier.id == "PRK"]
    assert sorted(seen) == sorted(prk)
    assert len(seen) == len(set(seen)) == 4
    assert claim_ids_on(client.get("/claims?supplier=PRK&per_page=2&page=3").text) == []
    first = client.get("/claims?supplier=PRK&per_page=2").text
    assert 'href="/claims?supplier=PRK&amp;sort=document&amp;page=2&amp;per_page=2"' in first


def test_pages_escape_article_text(client: TestClient, sample: SampleLedger) -> None:
    page = client.get("/documents/paper-0220").text
    assert SCRIPT not in page
    assert str(escape(SCRIPT)) in page


def test_missing_things_are_html_404s(client: TestClient) -> None:
    for path in ("/claims/0000000000000000", "/documents/nope", "/flows/AAA/BBB/drones"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")
        assert 'id="error-message"' in response.text


def test_pages_are_read_only(client: TestClient) -> None:
    assert client.post("/claims").status_code == 405
    assert client.delete("/documents/paper-0220").status_code == 405
