"""The report: one self-contained file with every section, each claim linked to its sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

from armsledger.report import write_report
from armsledger.report.build import render_report
from armsledger.report.ledger import Ledger, read_ledger
from armsledger.report.pdf import find_chromium
from armsledger.store import open_store
from armsledger.store.fusion import write_fusion
from tests.report.sample_ledger import SCRIPT, SampleLedger, sample_fusion

SECTIONS = ("overview", "documents", "flows", "timelines", "contradictions", "sources", "claims")


@pytest.fixture
def report_html(sample: SampleLedger, tmp_path: Path) -> str:
    out = tmp_path / "out" / "report.html"
    with open_store(sample.db_url) as store:
        assert write_report(store, out) == out
    return out.read_text(encoding="utf-8")


def test_report_is_self_contained(report_html: str) -> None:
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', report_html)
    assert "<script" not in report_html.replace(str(escape(SCRIPT)), "")
    assert "<link" not in report_html
    assert "<style>" in report_html


@pytest.mark.parametrize("section", SECTIONS)
def test_report_has_section(report_html: str, section: str) -> None:
    assert f'id="{section}"' in report_html


def test_report_draws_the_flow_diagram(report_html: str) -> None:
    diagram = report_html[report_html.index('id="flows"') :]
    assert "<svg" in diagram
    assert "North Korea" in diagram


def test_report_links_every_claim_row_to_its_sentence(
    report_html: str, sample: SampleLedger
) -> None:
    for claim in sample.claims:
        assert f'<tr id="claim-{claim.id}">' in report_html
        assert f'href="#ctx-{claim.id}"' in report_html
        block = report_html[report_html.index(f'id="ctx-{claim.id}"') :]
        block = block[: block.index("</p>")]
        document = next(d for d in sample.documents if d.id == claim.doc_id)
        evidence = document.text[claim.evidence.start : claim.evidence.end]
        assert f"<mark>{escape(evidence)!s}</mark>" in block


def test_report_escapes_article_text(report_html: str) -> None:
    assert SCRIPT not in report_html
    assert str(escape(SCRIPT)) in report_html


def test_report_says_fusion_is_missing_and_shows_it_when_present(
    report_html: str, sample: SampleLedger
) -> None:
    assert "has not run on this ledger" in report_html
    with open_store(sample.db_url) as store:
        ledger = read_ledger(store)
    fused = render_report(
        Ledger(documents=ledger.documents, claims=ledger.claims, fusion=sample_fusion(sample))
    )
    assert "the Kremlin denies receiving weapons" in fused
    assert "Kyiv intelligence" in fused
    assert '<td class="grade">B3</td>' in fused
    # The fused series replaces the stated figures of its flow; the derived point says how.
    assert "derived: 1,000 containers at 250 shells each" in fused
    assert '<td class="grade">B2</td>' in fused  # the flow's grade


def test_report_reads_the_fusion_the_store_keeps(sample: SampleLedger, tmp_path: Path) -> None:
    with open_store(sample.db_url) as store:
        write_fusion(store, sample_fusion(sample))
        text = write_report(store, tmp_path / "fused.html").read_text(encoding="utf-8")
    assert "has not run on this ledger" not in text
    assert "the Kremlin denies receiving weapons" in text


def test_report_of_an_empty_ledger_renders_empty_states(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'empty.db'}") as store:
        out = write_report(store, tmp_path / "empty.html")
    text = out.read_text(encoding="utf-8")
    assert "No claims in the ledger." in text
    assert "<svg" not in text


@pytest.mark.skipif(find_chromium() is None, reason="no Chromium: sudo apt-get install chromium")
def test_report_prints_to_pdf(sample: SampleLedger, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    with open_store(sample.db_url) as store:
        write_report(store, tmp_path / "report.html", pdf=pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
