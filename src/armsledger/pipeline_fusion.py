"""The fusion step of a run: provenance of new documents, then the flows they touch, re-fused.

Kept apart from pipeline.py because it is the step that talks both to fuse (pure) and to the
store (state): it loads what fusion needs (the claims of the touched flows and of the flows
related to them through the item hierarchy, the provenance of their documents, the stored
MinHash signatures), calls fuse, and writes back what fuse returns. Nothing else is re-read, so
the cost of one more document stays flat as the ledger grows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from armsledger.domain import Claim, Document
from armsledger.domain.fusion import FlowKey
from armsledger.fuse import (
    FusionRules,
    SignatureIndex,
    context_flows,
    document_provenance,
    fuse_flows,
    touched_flows,
)
from armsledger.store import ClaimFilter, Store
from armsledger.store.fusion import (
    graded_rules_versions,
    read_provenance,
    write_fusion,
    write_provenance,
)


class FusionStep:
    """Holds the signature index of one run, so each new document is compared with all others."""

    def __init__(self, store: Store, rules: FusionRules) -> None:
        self.store = store
        self.rules = rules
        self.index = SignatureIndex(rules.provenance)
        for provenance in read_provenance(store).values():
            self.index.add(provenance)

    def add_documents(self, documents: Sequence[Document], claims: Sequence[Claim]) -> None:
        claims_by_doc: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            claims_by_doc[claim.doc_id].append(claim)
        provenance = []
        for document in documents:
            found = document_provenance(
                document, claims_by_doc[document.id], self.index, self.rules.provenance
            )
            self.index.add(found)
            provenance.append(found)
        write_provenance(self.store, provenance)
        self.refuse(touched_flows(claims, self.rules.item_parents))

    def refuse(self, targets: Collection[FlowKey]) -> None:
        if not targets:
            return
        context = context_flows(targets, self.rules.item_parents)
        claims = self.store.claims(ClaimFilter(flows=tuple(sorted(context))))
        provenance = read_provenance(self.store, {claim.doc_id for claim in claims})
        write_fusion(self.store, fuse_flows(claims, provenance, self.rules, targets))

    def regrade_if_rules_changed(self) -> bool:
        """Grades carry the grading.yaml version they were made with: recompute them all
        when a stored grade was made with another version."""
        stored = graded_rules_versions(self.store)
        if not stored or stored == {self.rules.grading.version}:
            return False
        self.refuse({claim.flow_key for claim in self.store.claims()})
        return True

    def fuse_unfused_documents(self) -> int:
        """Documents stored without provenance (a run stopped between the two transactions)
        are fused now, so a re-run completes what a crash left undone."""
        counts = self.store.counts()
        if counts.get("documents", 0) == counts.get("fusion_provenance", 0):
            return 0
        fused = set(read_provenance(self.store))
        missing = [doc for doc in self.store.documents() if doc.id not in fused]
        missing_ids = tuple(document.id for document in missing)
        self.add_documents(missing, self.store.claims(ClaimFilter(doc_ids=missing_ids)))
        return len(missing)
