"""The JSON API: the same data as the pages, an OpenAPI schema, and one error shape."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.report.sample_ledger import SCRIPT, SampleLedger

API_PATHS = (
    "/api/overview",
    "/api/claims",
    "/api/claims/{claim_id}",
    "/api/documents",
    "/api/documents/{doc_id}",
    "/api/sources",
    "/api/flows",
    "/api/flows/{supplier}/{recipient}/{item}",
)


def assert_error_shape(body: Any, status: int, code: str) -> None:
    """The one error shape every /api/ error has."""
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str)
    assert body["error"]["message"]


def test_openapi_schema_lists_every_endpoint_and_no_page(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == set(API_PATHS)
    assert "ErrorBody" in schema["components"]["schemas"]
    claims = schema["paths"]["/api/claims"]["get"]
    params = {param["name"] for param in claims["parameters"]}
    assert {"supplier", "recipient", "item", "source", "grade", "polarity", "stage", "q"} <= params
    assert {"sort", "page", "per_page"} <= params
    for path in API_PATHS:
        responses = schema["paths"][path]["get"]["responses"]
        assert responses["404"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ErrorBody"
        }


def test_api_overview_counts(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert (body["documents"], body["claims"], body["flows"], body["denied"]) == (3, 8, 7, 1)


def test_api_claims_filter_and_paginate(client: TestClient, sample: SampleLedger) -> None:
    body = client.get("/api/claims", params={"supplier": "PRK", "per_page": 3}).json()
    assert (body["total"], body["pages"], len(body["items"])) == (4, 2, 3)
    assert {item["supplier"] for item in body["items"]} == {"PRK"}
    searched = client.get("/api/claims", params={"q": "drones"}).json()
    assert [item["quote"] for item in searched["items"]] == [
        "Iran may have supplied Russia with drones"
    ]


def test_api_claim_detail_carries_its_context(client: TestClient, sample: SampleLedger) -> None:
    claim = sample.claim("North Korea had shipped")
    body = client.get(f"/api/claims/{claim.id}").json()
    assert body["quote"] == claim.evidence.text
    assert (body["start"], body["end"]) == (claim.evidence.start, claim.evidence.end)
    assert body["quantity"] == {
        "value": 6700.0, "low": None, "high": None, "unit": "container", "per": None,
        "text": "about 6,700",
    }  # fmt: skip
    assert body["context"]["evidence"] == claim.evidence.text
    assert body["context"]["sentence_before"] == "South Korea's defence minister Shin Won-sik said "


def test_api_document_text_is_returned_as_data(client: TestClient) -> None:
    body = client.get("/api/documents/paper-0220").json()
    assert SCRIPT in body["text"]  # JSON carries the text as it is; pages escape it
    assert len(body["claim_ids"]) == 3


def test_api_flows_and_sources(client: TestClient) -> None:
    flows = client.get("/api/flows").json()
    assert flows[0]["supplier"] == "PRK"
    assert flows[0]["item"] == "ammunition"
    detail = client.get("/api/flows/PRK/RUS/ammunition").json()
    assert [e["value"] for e in detail["estimates"]] == [1000.0, 6700.0]
    sources = {row["name"]: row for row in client.get("/api/sources").json()}
    assert len(sources["a Ukrainian intelligence official"]["claim_ids"]) == 3


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/api/claims/0000000000000000", 404, "not_found"),
        ("GET", "/api/documents/nope", 404, "not_found"),
        ("GET", "/api/flows/AAA/BBB/drones", 404, "not_found"),
        ("GET", "/api/nothing-here", 404, "not_found"),
        ("GET", "/api/claims?page=0", 422, "invalid_request"),
        ("GET", "/api/claims?per_page=100000", 422, "invalid_request"),
        ("GET", "/api/claims?polarity=maybe", 422, "invalid_request"),
        ("GET", "/api/claims?sort=colour", 422, "invalid_request"),
        ("POST", "/api/claims", 405, "method_not_allowed"),
        ("DELETE", "/api/documents/paper-0220", 405, "method_not_allowed"),
    ],
)
def test_api_errors_have_one_shape(
    client: TestClient, method: str, path: str, status: int, code: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert_error_shape(response.json(), status, code)


def test_api_validation_error_names_the_parameter(client: TestClient) -> None:
    message = client.get("/api/claims?page=0").json()["error"]["message"]
    assert message.startswith("query parameter 'page':")
