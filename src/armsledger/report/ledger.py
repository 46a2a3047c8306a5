"""One consistent read of the ledger: documents, claims and, when fusion has run, its results.

The report and the web pages both start from a `Ledger`, so they show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from armsledger.domain.core import Actor, Claim, Document
from armsledger.domain.fusion import ClaimAssessment, FusionResult, Grade
from armsledger.errors import StoreError
from armsledger.store import ClaimFilter, Store
from armsledger.store.fusion import read_fusion


@dataclass(frozen=True, kw_only=True)
class Ledger:
    """Everything the report shows. Not slotted: the indexes below are cached on first use."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    fusion: FusionResult | None = None
    title: str = "armsledger report"
    notes: tuple[str, ...] = field(default=())

    @cached_property
    def documents_by_id(self) -> dict[str, Document]:
        return {document.id: document for document in self.documents}

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def actors(self) -> dict[str, Actor]:
        found: dict[str, Actor] = {}
        for claim in self.claims:
            found.setdefault(claim.supplier.id, claim.supplier)
            found.setdefault(claim.recipient.id, claim.recipient)
        return found

    @cached_property
    def assessments(self) -> dict[str, ClaimAssessment]:
        if self.fusion is None:
            return {}
        return {assessment.claim_id: assessment for assessment in self.fusion.assessments}

    def grade_of(self, claim_id: str) -> Grade | None:
        assessment = self.assessments.get(claim_id)
        return assessment.grade if assessment else None

    @cached_property
    def provenance_outlets(self) -> dict[str, str]:
        if self.fusion is None:
            return {}
        return {p.doc_id: p.outlet for p in self.fusion.provenance if p.outlet}

    def outlet_of(self, doc_id: str) -> str | None:
        """The outlet from the document's metadata, else the one fusion read off its text."""
        document = self.documents_by_id.get(doc_id)
        if document is not None and document.meta.outlet:
            return document.meta.outlet
        return self.provenance_outlets.get(doc_id)

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id


FUSION_MISSING_NOTE = (
    "Fusion results (merged sources, origins, grades, contradictions) are not in this ledger "
    "yet; those sections are empty and the estimate timelines show the stated figures only."
)


def read_ledger(store: Store, *, title: str = "armsledger report") -> Ledger:
    """Read the whole ledger once. Fusion is read when the store provides it."""
    fusion = load_fusion(store)
    notes = () if fusion is not None else (FUSION_MISSING_NOTE,)
    return Ledger(
        documents=tuple(store.documents()),
        claims=tuple(store.claims(ClaimFilter())),
        fusion=fusion,
        title=title,
        notes=notes,
    )


def load_fusion(store: Store) -> FusionResult | None:
    """The fused state kept next to the claims; None while fusion has not run on the ledger."""
    try:
        fused = read_fusion(store)
    except StoreError:
        # A ledger written before the fusion tables existed still gets its report: the
        # claims were read above, and the fused sections say they are empty.
        return None
    return fused if fused.flows or fused.assessments else None
