"""Independent origins: corroboration counts first tellers, not articles.

Each claim gets an origin key from its source chain:
- a government, or a person speaking for a known state: `state:<state>` (an official and a
  rival's intelligence service are two origins; two officials of one government are one);
- another named person, organization or medium: `source:<entity id>`;
- an unnamed source: `outlet:<channel>`, the channel it spoke through (its own `channel`, else the
  nearest "told X" / "a X source" cue of its document, else the document's own voice) — so three
  outlets relaying one agency's informants are one origin;
- the outlet's own voice: `outlet:<outlet>`, or the original outlet of a syndicated copy.
Keys are then merged (union-find) when documents are near-duplicates or syndicated copies of one
another, with the reason written down.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from armsledger.domain.core import Claim, SourceKind
from armsledger.domain.fusion import DocumentProvenance, Origin, RelayedSource
from armsledger.fuse.names import canonical_outlet, outlet_key
from armsledger.fuse.rules import ProvenanceRules
from armsledger.fuse.sources import SourceMerge, voice_outlet


@dataclass(frozen=True, slots=True, kw_only=True)
class OriginAssignment:
    origins: tuple[Origin, ...]
    origin_by_claim: Mapping[str, str]
    channel_by_claim: Mapping[str, str | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class _KeyedClaim:
    claim: Claim
    key: str
    label: str
    channel: str | None
    reason: str


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def known(self, key: str) -> bool:
        return key in self.parent

    def union(self, first: str, second: str) -> None:
        roots = sorted((self.find(first), self.find(second)))
        self.parent[roots[1]] = roots[0]


def assign_origins(
    claims: Sequence[Claim],
    provenance_by_doc: Mapping[str, DocumentProvenance],
    sources: SourceMerge,
    rules: ProvenanceRules,
) -> OriginAssignment:
    keyed = [_keyed(claim, provenance_by_doc, sources, rules) for claim in claims]
    union = _UnionFind()
    for item in keyed:
        union.find(item.key)
    link_reasons = _link_documents(keyed, provenance_by_doc, union)
    relaying = _relaying_documents(provenance_by_doc, union)
    members: dict[str, list[_KeyedClaim]] = {}
    for item in keyed:
        members.setdefault(union.find(item.key), []).append(item)
    origins = [
        _origin(root, items, sources, link_reasons.get(root, []), relaying.get(root, []))
        for root, items in sorted(members.items())
    ]
    return OriginAssignment(
        origins=tuple(origins),
        origin_by_claim={item.claim.id: origin_id(union.find(item.key)) for item in keyed},
        channel_by_claim={item.claim.id: item.channel for item in keyed},
    )


def origin_id(root_key: str) -> str:
    return "origin-" + hashlib.sha1(root_key.encode("utf-8")).hexdigest()[:12]


def _keyed(
    claim: Claim,
    provenance_by_doc: Mapping[str, DocumentProvenance],
    sources: SourceMerge,
    rules: ProvenanceRules,
) -> _KeyedClaim:
    source = claim.source
    provenance = provenance_by_doc.get(claim.doc_id)
    stated = canonical_outlet(source.channel, rules) if source.channel else None
    channel = stated or _nearest_anonymous_channel(claim, provenance)
    if source.kind in (SourceKind.GOVERNMENT, SourceKind.PERSON) and source.state:
        return _KeyedClaim(
            claim=claim,
            key=f"state:{source.state}",
            label=f"the government and officials of {source.state}",
            channel=channel,
            reason=f"{source.name} speaks for {source.state}",
        )
    if source.kind in (SourceKind.ANONYMOUS, SourceKind.UNATTRIBUTED):
        return _outlet_keyed(claim, provenance, channel)
    if source.kind == SourceKind.MEDIA:
        # "Harbor Wire reported" is the same network as "sources told Harbor Wire"
        medium = canonical_outlet(source.name, rules)
        return _KeyedClaim(
            claim=claim,
            key=f"outlet:{outlet_key(medium)}",
            label=f"{medium} and the sources it relays",
            channel=channel,
            reason=f"doc {claim.doc_id}: {medium} reports it as a medium",
        )
    entity_id = sources.entity_by_claim.get(claim.id, source.name)
    return _KeyedClaim(
        claim=claim,
        key=f"source:{entity_id}",
        label=source.name,
        channel=channel,
        reason=f"{source.name} is a named {source.kind.value} of its own",
    )


def _outlet_keyed(
    claim: Claim, provenance: DocumentProvenance | None, channel: str | None
) -> _KeyedClaim:
    voice = voice_outlet(provenance, claim.doc_id)
    if claim.source.kind == SourceKind.ANONYMOUS and channel:
        reason = f"doc {claim.doc_id}: unnamed source relayed through {channel}"
        name = channel
    else:
        name = voice
        reason = f"doc {claim.doc_id}: {_voice_reason(provenance, voice, claim.source.kind)}"
    unknown_outlet = name == claim.doc_id
    return _KeyedClaim(
        claim=claim,
        key=f"outlet:{outlet_key(name)}",
        label=f"the unidentified outlet of doc {name}"
        if unknown_outlet
        else f"{name} and the sources it relays",
        channel=channel,
        reason=reason,
    )


def _voice_reason(provenance: DocumentProvenance | None, voice: str, kind: SourceKind) -> str:
    who = "unnamed source of" if kind == SourceKind.ANONYMOUS else "own reporting of"
    if provenance and provenance.syndicated_from:
        return f"{who} {voice}, whose article it republishes"
    return f"{who} {voice}"


def _nearest_anonymous_channel(claim: Claim, provenance: DocumentProvenance | None) -> str | None:
    """The channel named by the anonymous-source cue nearest the claim in its document."""
    if provenance is None or claim.source.kind != SourceKind.ANONYMOUS:
        return None
    cues = [relay for relay in provenance.relayed if relay.relays_anonymous]
    if not cues:
        return None

    def distance(relay: RelayedSource) -> int:
        return abs((relay.start or 0) - claim.evidence.start)

    return min(cues, key=lambda relay: (distance(relay), relay.name)).name


def _link_documents(
    keyed: Sequence[_KeyedClaim],
    provenance_by_doc: Mapping[str, DocumentProvenance],
    union: _UnionFind,
) -> dict[str, list[str]]:
    """Merge the voices of documents that copy one another; return reasons by root key."""
    reasons: list[tuple[str, str]] = []
    doc_ids = {item.claim.doc_id for item in keyed}
    for doc_id in sorted(doc_ids):
        provenance = provenance_by_doc.get(doc_id)
        if provenance is None:
            continue
        for link in provenance.links:
            other = provenance_by_doc.get(link.other_doc_id)
            if other is None:
                continue
            first = f"outlet:{outlet_key(voice_outlet(provenance, doc_id))}"
            second = f"outlet:{outlet_key(voice_outlet(other, other.doc_id))}"
            union.union(first, second)
            reasons.append(
                (
                    first,
                    f"doc {doc_id} is a {link.kind.value.replace('_', ' ')} copy of doc "
                    f"{link.other_doc_id} (similarity {link.similarity:.2f})",
                )
            )
    by_root: dict[str, list[str]] = {}
    for key, reason in reasons:
        by_root.setdefault(union.find(key), []).append(reason)
    return by_root


def _relaying_documents(
    provenance_by_doc: Mapping[str, DocumentProvenance], union: _UnionFind
) -> dict[str, list[tuple[str, str]]]:
    """Documents that relay an origin's channel belong to its network even when none of their
    own claims came from it (their claims may be in the outlet's voice): root → (doc, reason)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for doc_id, provenance in sorted(provenance_by_doc.items()):
        relays = [(r.name, f"'{r.evidence}'") for r in provenance.relayed if r.relays_anonymous]
        if provenance.syndicated_from:
            relays.append((provenance.syndicated_from, "republishes its article"))
        seen: set[tuple[str, str]] = set()
        for name, evidence in relays:
            key = f"outlet:{outlet_key(name)}"
            if union.known(key) and (key, evidence[:1]) not in seen:
                seen.add((key, evidence[:1]))
                reason = f"doc {doc_id} relays {name}: {evidence}"
                found.setdefault(union.find(key), []).append((doc_id, reason))
    return found


def _origin(
    root: str,
    items: Sequence[_KeyedClaim],
    sources: SourceMerge,
    link_reasons: Sequence[str],
    relaying: Sequence[tuple[str, str]],
) -> Origin:
    keys = sorted({item.key for item in items} | {root})
    labels = sorted({item.label for item in items if item.key == root} or {items[0].label})
    reasons = sorted({item.reason for item in items} | set(link_reasons) | {r for _, r in relaying})
    doc_ids = {item.claim.doc_id for item in items} | {doc_id for doc_id, _ in relaying}
    return Origin(
        id=origin_id(root),
        label=labels[0],
        keys=tuple(keys),
        source_ids=tuple(
            sorted({sources.entity_by_claim.get(i.claim.id, "") for i in items} - {""})
        ),
        channels=tuple(sorted({item.channel for item in items if item.channel})),
        doc_ids=tuple(sorted(doc_ids)),
        reasons=tuple(reasons),
    )
