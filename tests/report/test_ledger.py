"""The report's ledger: where a document's outlet comes from."""

from __future__ import annotations

import pytest

from armsledger.domain import Document, DocumentMeta
from armsledger.domain.fusion import DocumentProvenance, FusionResult, OutletEvidence
from armsledger.report.ledger import Ledger


def fusion_naming(outlet: str) -> FusionResult:
    provenance = DocumentProvenance(
        doc_id="d", outlet=outlet, outlet_evidence=OutletEvidence.TEXT_CUE
    )
    return FusionResult(
        provenance=(provenance,),
        sources=(),
        origins=(),
        assessments=(),
        flows=(),
        contradictions=(),
        rules_versions=(),
    )


@pytest.mark.parametrize(
    ("metadata_outlet", "fusion", "expected"),
    [
        ("The Metadata Times", fusion_naming("Text Cue Daily"), "The Metadata Times"),
        (None, fusion_naming("Text Cue Daily"), "Text Cue Daily"),
        (None, None, None),
    ],
)
def test_ledger_outlet_prefers_metadata_then_fusion(
    metadata_outlet: str | None, fusion: FusionResult | None, expected: str | None
) -> None:
    document = Document(
        id="d", text="Body.", content_hash="h", meta=DocumentMeta(outlet=metadata_outlet)
    )
    ledger = Ledger(documents=(document,), claims=(), fusion=fusion)
    assert ledger.outlet_of("d") == expected
