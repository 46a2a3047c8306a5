"""Every page in a real Chromium: it renders without CSP errors, filters and search work, and
a click leads from a chart or a table to a claim and to its highlighted sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from armsledger.report import write_report
from armsledger.store import open_store
from tests.browser.conftest import SCREENSHOT_DIR, save_screenshots


def api(server_url: str, path: str, **params: Any) -> Any:
    return httpx.get(f"{server_url}/api{path}", params=params, timeout=30).json()


def page_urls(server_url: str) -> dict[str, str]:
    claim = api(server_url, "/claims", per_page=1)["items"][0]
    flow = api(server_url, "/flows")[0]
    return {
        "overview": "/",
        "claims": "/claims",
        "claim": claim["url"],
        "documents": "/documents",
        "document": f"/documents/{claim['doc']}",
        "sources": "/sources",
        "flows": "/flows",
        "flow": flow["url"],
    }


PAGES = ("overview", "claims", "claim", "documents", "document", "sources", "flows", "flow")


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_without_errors_and_is_screenshot(
    browser: Any, server_url: str, name: str
) -> None:
    url = server_url + page_urls(server_url)[name]
    errors = save_screenshots(browser, url, name)
    assert errors == []
    for viewport in ("desktop", "phone"):
        assert (SCREENSHOT_DIR / f"{name}-{viewport}.png").stat().st_size > 0


def test_report_renders_offline_and_is_screenshot(
    browser: Any, ledger_url: str, tmp_path: Path
) -> None:
    with open_store(ledger_url) as store:
        report = write_report(store, tmp_path / "report.html")
    errors = save_screenshots(browser, report.resolve().as_uri(), "report")
    assert errors == []


def test_claims_filter_by_supplier(page: Any, server_url: str) -> None:
    flow = api(server_url, "/flows")[0]
    page.goto(f"{server_url}/claims")
    page.select_option("#f-supplier", flow["supplier"])
    page.click("#f-submit")
    page.wait_for_url(f"**supplier={flow['supplier']}**")
    expected = api(server_url, "/claims", supplier=flow["supplier"])["total"]
    assert page.text_content("#claim-count").startswith(f"{expected} claim")
    suppliers = page.locator("table.claims tbody tr td:nth-child(2)").all_text_contents()
    assert suppliers
    assert all(s.startswith(flow["supplier_name"] + " →") for s in suppliers)


def test_claims_search_over_quotes(page: Any, server_url: str) -> None:
    claim = api(server_url, "/claims", per_page=1)["items"][0]
    word = max(claim["quote"].split(), key=len).strip(".,;:'\"“”")
    page.goto(f"{server_url}/claims")
    page.fill("#f-q", word)
    page.click("#f-submit")
    page.wait_for_url("**q=**")
    quotes = page.locator("a.claim-link").all_text_contents()
    assert claim["quote"] in quotes
    assert all(word.casefold() in quote.casefold() for quote in quotes)


def test_click_from_table_to_claim_to_highlighted_sentence(page: Any, server_url: str) -> None:
    page.goto(f"{server_url}/claims")
    first = page.locator("a.claim-link").first
    quote = first.text_content()
    first.click()
    page.wait_for_url("**/claims/*")
    assert page.locator("mark#evidence").text_content() == quote
    assert page.locator("#claim-context .sentence").is_visible()
    page.click("#to-document")
    page.wait_for_url("**/documents/**#span-*")
    anchor = page.url.split("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1
    assert quote in page.locator("a.evidence").all_text_contents()


def test_click_from_chart_to_flows_and_to_a_claim(page: Any, server_url: str) -> None:
    page.goto(server_url + "/")
    # A horizontal line has a zero-height box that Playwright calls invisible: take a visible link.
    page.locator("#flow-diagram svg a >> visible=true").first.click()
    page.wait_for_url("**/flows?supplier=*")
    dated = [f for f in api(server_url, "/flows") if _has_dated_estimate(server_url, f)]
    assert dated, "no flow has a dated figure to plot"
    page.goto(server_url + dated[0]["url"])
    page.locator(".chart.timeline svg a").first.click()
    page.wait_for_url("**/claims/*")
    assert page.locator("mark#evidence").is_visible()


def _has_dated_estimate(server_url: str, flow: dict[str, Any]) -> bool:
    detail = api(server_url, flow["url"].removeprefix("/api"))
    return any(estimate["date"] for estimate in detail.get("estimates", []))
