"""Fused views across documents: provenance, merged sources, origins, series and grades.

These are what `armsledger.fuse` returns and what the store keeps next to the claims. Like the
core types they are frozen, typed and standard library only; ids come from the content so a
recomputation gives the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from armsledger.domain.core import Quantity, SourceKind, Stage

FlowKey = tuple[str, str, str]  # (supplier id, recipient id, item category)


class OutletEvidence(StrEnum):
    """How a document's outlet was found, strongest first."""

    METADATA = "metadata"
    URL_HOST = "url_host"
    TEXT_CUE = "text_cue"
    UNKNOWN = "unknown"


class LinkKind(StrEnum):
    SYNDICATED = "syndicated"  # the text says it first appeared elsewhere
    NEAR_DUPLICATE = "near_duplicate"  # MinHash similarity above the threshold


class ContradictionKind(StrEnum):
    DENIAL = "denial"
    AMOUNT = "amount"


@dataclass(frozen=True, slots=True, kw_only=True)
class RelayedSource:
    """A channel a document relays ("told Daily NK", "according to the Yonhap news agency")."""

    name: str  # canonical spelling, e.g. "Yonhap"
    cue_id: str  # the rule in outlets.yaml that found it, or "claim_channel"
    evidence: str  # the words that matched
    start: int | None = None  # offsets of the evidence in the document text, when from text
    end: int | None = None
    relays_anonymous: bool = False  # the cue says unnamed sources speak through this channel


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentLink:
    """A document this one copies or nearly duplicates, found from stored signatures."""

    other_doc_id: str
    kind: LinkKind
    similarity: float  # estimated Jaccard similarity of word shingles, 0..1
    evidence: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentProvenance:
    doc_id: str
    outlet: str | None
    outlet_evidence: OutletEvidence
    outlet_quote: str = ""  # the metadata field, host or text that named the outlet
    published: date | None = None
    syndicated_from: str | None = None  # outlet named by "first appeared in X"
    relayed: tuple[RelayedSource, ...] = ()
    links: tuple[DocumentLink, ...] = ()
    signature: tuple[int, ...] = ()  # MinHash hash values, kept so later documents compare
    rules_version: int = 0  # version of outlets.yaml that found the cues


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceEntity:
    """One speaker merged across documents under its name variants."""

    id: str
    name: str  # canonical: the fullest variant seen
    kind: SourceKind
    role: str | None = None
    state: str | None = None
    variants: tuple[str, ...] = ()
    claim_ids: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Origin:
    """An independent origin network: everything in it goes back to one first teller."""

    id: str
    label: str
    keys: tuple[str, ...]  # the origin keys merged into it, e.g. "outlet:daily nk"
    source_ids: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()  # why these were merged, in words


@dataclass(frozen=True, slots=True, kw_only=True)
class Grade:
    """Admiralty (NATO) rating of one claim: source reliability A–F, credibility 1–6."""

    reliability: str
    credibility: int
    reasons: tuple[str, ...]
    rules_version: int

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimAssessment:
    """One claim's source chain (speaker → channel → outlet), origin and grade."""

    claim_id: str
    doc_id: str
    flow: FlowKey
    source_id: str
    speaker: str
    channel: str | None
    outlet: str | None
    origin_id: str
    grade: Grade


@dataclass(frozen=True, slots=True, kw_only=True)
class Estimate:
    """One point of a flow's series. Derived points come from conversions.yaml, not a source."""

    flow: FlowKey
    quantity: Quantity
    time: date | None
    claim_ids: tuple[str, ...]
    origin_id: str
    source_names: tuple[str, ...]
    stage: Stage
    hedged: bool = False
    derived: bool = False
    derivation: str = ""  # the conversion and its assumption, in words


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A headline number of a flow (conservative or high) with the reason it was chosen."""

    value: float
    unit: str
    per: str | None
    reason: str
    claim_ids: tuple[str, ...] = ()
    derived: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Contradiction:
    kind: ContradictionKind
    flow: FlowKey  # the flow of the first side (the affirmation, or the lower figure)
    other_flow: FlowKey  # the second side's flow: differs when the hierarchy relates them
    claim_ids: tuple[str, ...]  # first side
    other_claim_ids: tuple[str, ...]
    sources: tuple[str, ...]
    other_sources: tuple[str, ...]
    explanation: str

    @property
    def id(self) -> str:
        sides = sorted([",".join(self.claim_ids), ",".join(self.other_claim_ids)])
        return f"{self.kind.value}:{'|'.join(sides)}"


@dataclass(frozen=True, slots=True, kw_only=True)
class FlowSummary:
    flow: FlowKey
    claim_count: int
    affirmed_count: int
    denied_count: int
    series: tuple[Estimate, ...]  # sorted by time, undated last
    latest: Estimate | None
    conservative: Figure | None
    high: Figure | None
    independent_origins: int
    origin_ids: tuple[str, ...]
    independence_reason: str
    contradictions: tuple[Contradiction, ...]
    grade: Grade | None  # the best-supported affirmed claim's grade


@dataclass(frozen=True, slots=True, kw_only=True)
class FusionResult:
    """Everything fused from the claims of the flows a run touched."""

    provenance: tuple[DocumentProvenance, ...]
    sources: tuple[SourceEntity, ...]
    origins: tuple[Origin, ...]
    assessments: tuple[ClaimAssessment, ...]
    flows: tuple[FlowSummary, ...]
    contradictions: tuple[Contradiction, ...]
    rules_versions: tuple[tuple[str, int], ...]  # (file kind, version) of the rules used
