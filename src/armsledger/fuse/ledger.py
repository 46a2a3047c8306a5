"""An in-memory ledger that fuses document by document: what the pipeline does with the store.

It keeps claims by flow, provenance (with MinHash signatures) by document and the current
summaries; it never keeps document text, so adding a document cannot re-read the others. Used
by the tests, the benchmark and a store-less run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from armsledger.domain.core import Claim, Document
from armsledger.domain.fusion import (
    ClaimAssessment,
    DocumentProvenance,
    FlowKey,
    FlowSummary,
    FusionResult,
)
from armsledger.fuse.engine import FusionRules, context_flows, fuse_flows
from armsledger.fuse.flows import touched_flows
from armsledger.fuse.provenance import SignatureIndex, document_provenance


class Ledger:
    def __init__(self, rules: FusionRules) -> None:
        self.rules = rules
        self._index = SignatureIndex(rules.provenance)
        self._claims_by_flow: dict[FlowKey, list[Claim]] = {}
        self._provenance: dict[str, DocumentProvenance] = {}
        self._summaries: dict[FlowKey, FlowSummary] = {}
        self._assessments: dict[str, ClaimAssessment] = {}

    @property
    def signature_index(self) -> SignatureIndex:
        return self._index

    @property
    def document_count(self) -> int:
        return len(self._provenance)

    def add_document(self, document: Document, claims: Sequence[Claim]) -> FusionResult:
        """Record a document and its claims; refuse only the flows they touch."""
        provenance = document_provenance(document, claims, self._index, self.rules.provenance)
        self.add_provenance(provenance)
        for claim in claims:
            self._claims_by_flow.setdefault(claim.flow_key, []).append(claim)
        return self.refuse(touched_flows(claims, self.rules.item_parents))

    def load(self, provenance: DocumentProvenance, claims: Sequence[Claim]) -> None:
        """Take a stored document's provenance and claims without fusing (as from the store);
        call `refuse_all` or `refuse` afterwards for the summaries."""
        self.add_provenance(provenance)
        for claim in claims:
            self._claims_by_flow.setdefault(claim.flow_key, []).append(claim)

    def add_provenance(self, provenance: DocumentProvenance) -> None:
        self._provenance[provenance.doc_id] = provenance
        self._index.add(provenance)

    def refuse(self, targets: Iterable[FlowKey]) -> FusionResult:
        targets = frozenset(targets)
        context = context_flows(targets, self.rules.item_parents)
        claims = [claim for flow in sorted(context) for claim in self._claims_by_flow.get(flow, [])]
        result = fuse_flows(claims, self._provenance_for(claims), self.rules, targets)
        self._summaries.update({summary.flow: summary for summary in result.flows})
        self._assessments.update({a.claim_id: a for a in result.assessments})
        return result

    def refuse_all(self) -> FusionResult:
        """Recompute every flow, e.g. after grading.yaml changed version."""
        return self.refuse(self._claims_by_flow)

    def summary(self, flow: FlowKey) -> FlowSummary | None:
        return self._summaries.get(flow)

    def assessment(self, claim_id: str) -> ClaimAssessment | None:
        return self._assessments.get(claim_id)

    def provenance(self, doc_id: str) -> DocumentProvenance | None:
        return self._provenance.get(doc_id)

    def _provenance_for(self, claims: Sequence[Claim]) -> dict[str, DocumentProvenance]:
        """Provenance of the claims' documents and of the documents they copy."""
        doc_ids = {claim.doc_id for claim in claims}
        for doc_id in list(doc_ids):
            provenance = self._provenance.get(doc_id)
            if provenance:
                doc_ids.update(link.other_doc_id for link in provenance.links)
        return {d: self._provenance[d] for d in sorted(doc_ids) if d in self._provenance}
