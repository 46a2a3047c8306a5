"""Provenance of one document: its outlet, the channels it relays, the copies it matches.

Everything here is computed from the document alone plus the MinHash signatures of documents
already stored (a `SignatureIndex`), so adding a document never re-reads the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from datasketch import MinHash, MinHashLSH

from armsledger.domain.core import Claim, Document
from armsledger.domain.fusion import (
    DocumentLink,
    DocumentProvenance,
    LinkKind,
    OutletEvidence,
    RelayedSource,
)
from armsledger.fuse.names import canonical_outlet, looks_like_outlet, outlet_key
from armsledger.fuse.rules import Cue, ProvenanceRules

# datasketch 2 needs the hashing scheme to rebuild a MinHash from stored values; pinning it
# keeps stored signatures comparable across library upgrades.
MINHASH_SCHEME = "affine32"
MINHASH_SEED = 1
WORD = re.compile(r"\w+")


def text_signature(text: str, rules: ProvenanceRules) -> tuple[int, ...]:
    """MinHash over word shingles: two copies with a new headline still share most shingles."""
    words = [word.lower() for word in WORD.findall(text)]
    size = rules.shingle_words
    shingles = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
    minhash = MinHash(num_perm=rules.num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(shingles)])
    return tuple(int(value) for value in minhash.hashvalues)


def signature_similarity(first: Sequence[int], second: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash slots."""
    if not first or len(first) != len(second):
        return 0.0
    return sum(1 for a, b in zip(first, second, strict=True) if a == b) / len(first)


class SignatureIndex:
    """LSH over stored signatures, so a new document finds its near-copies in constant time.

    Not a domain value: it is the in-memory index the pipeline fills from the store.
    """

    def __init__(self, rules: ProvenanceRules) -> None:
        self._rules = rules
        self._lsh = MinHashLSH(threshold=rules.candidate_threshold, num_perm=rules.num_perm)
        self._signatures: dict[str, tuple[int, ...]] = {}
        self._outlets: dict[str, str | None] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, provenance: DocumentProvenance) -> None:
        if provenance.doc_id in self._signatures or not provenance.signature:
            return
        self._signatures[provenance.doc_id] = provenance.signature
        self._outlets[provenance.doc_id] = provenance.outlet
        self._lsh.insert(provenance.doc_id, self._minhash(provenance.signature))

    def similar(self, signature: tuple[int, ...]) -> list[tuple[str, float, str | None]]:
        """(doc id, similarity, outlet) of stored documents at or above the threshold."""
        if not signature or not self._signatures:
            return []
        found = []
        for doc_id in self._lsh.query(self._minhash(signature)):
            similarity = signature_similarity(signature, self._signatures[doc_id])
            if similarity >= self._rules.threshold:
                found.append((doc_id, similarity, self._outlets[doc_id]))
        return sorted(found, key=lambda row: (-row[1], row[0]))

    def _minhash(self, signature: tuple[int, ...]) -> MinHash:
        return MinHash(
            num_perm=self._rules.num_perm,
            seed=MINHASH_SEED,
            hashvalues=list(signature),
            scheme=MINHASH_SCHEME,
        )


def document_provenance(
    document: Document,
    claims: Iterable[Claim],
    index: SignatureIndex,
    rules: ProvenanceRules,
) -> DocumentProvenance:
    """The provenance of a new document, from its text, its claims and stored signatures."""
    matches = list(_cue_matches(document.text, rules))
    outlet, evidence, quote = _outlet(document, matches, rules)
    syndicated = _first_name(matches, "syndicated_from")
    signature = text_signature(document.text, rules)
    return DocumentProvenance(
        doc_id=document.id,
        outlet=outlet,
        outlet_evidence=evidence,
        outlet_quote=quote,
        published=document.meta.published,
        syndicated_from=syndicated,
        relayed=_relayed(matches, claims, rules),
        links=_links(signature, outlet, syndicated, index),
        signature=signature,
        rules_version=rules.version,
    )


CueMatch = tuple[Cue, str, re.Match[str]]  # cue, canonical name, match


def _cue_matches(text: str, rules: ProvenanceRules) -> Iterable[CueMatch]:
    """Every cue match whose name passes: strong cues alone, weak ones if the name is a medium."""
    found: list[CueMatch] = []
    for cue in rules.cues:
        for match in cue.regex.finditer(text):
            name = canonical_outlet(match.group("name"), rules)
            if name:
                found.append((cue, name, match))
    strong_keys = {outlet_key(name) for cue, name, _ in found if cue.strong}
    for cue, name, match in sorted(found, key=lambda row: (row[2].start(), row[0].id)):
        if cue.strong or outlet_key(name) in strong_keys or looks_like_outlet(name, rules):
            yield cue, name, match


def _first_name(matches: Sequence[CueMatch], role: str) -> str | None:
    strong = [name for cue, name, _ in matches if cue.role == role and cue.strong]
    weak = [name for cue, name, _ in matches if cue.role == role and not cue.strong]
    names = strong or weak
    return names[0] if names else None


def _outlet(
    document: Document, matches: Sequence[CueMatch], rules: ProvenanceRules
) -> tuple[str | None, OutletEvidence, str]:
    if document.meta.outlet:
        return document.meta.outlet, OutletEvidence.METADATA, document.meta.outlet
    host = urlsplit(document.meta.url or "").hostname
    if host:
        return _outlet_from_host(host, rules), OutletEvidence.URL_HOST, host
    for want_strong in (True, False):
        for cue, name, match in matches:
            if cue.role == "own_outlet" and cue.strong == want_strong:
                return name, OutletEvidence.TEXT_CUE, match.group(0).strip(" .!?\n")
    return None, OutletEvidence.UNKNOWN, ""


def _outlet_from_host(host: str, rules: ProvenanceRules) -> str:
    bare = host.lower().removeprefix("www.")
    for outlet in rules.outlets:
        if any(bare == known or bare.endswith("." + known) for known in outlet.hosts):
            return outlet.name
    return bare


def _relayed(
    matches: Sequence[CueMatch], claims: Iterable[Claim], rules: ProvenanceRules
) -> tuple[RelayedSource, ...]:
    relayed = {
        (name, cue.id, match.start()): RelayedSource(
            name=name,
            cue_id=cue.id,
            evidence=match.group(0).strip(),
            start=match.start(),
            end=match.end(),
            relays_anonymous=cue.relays_anonymous,
        )
        for cue, name, match in matches
        if cue.role == "relay" or cue.relays_anonymous
    }
    for claim in claims:
        channel = canonical_outlet(claim.source.channel or "", rules)
        if channel:
            relayed.setdefault(
                (channel, "claim_channel", claim.evidence.start),
                RelayedSource(
                    name=channel,
                    cue_id="claim_channel",
                    evidence=claim.evidence.text,
                    start=claim.evidence.start,
                    end=claim.evidence.end,
                    relays_anonymous=claim.source.kind.value == "anonymous",
                ),
            )
    return tuple(relayed[key] for key in sorted(relayed, key=lambda k: (k[2], k[0], k[1])))


def _links(
    signature: tuple[int, ...],
    outlet: str | None,
    syndicated_from: str | None,
    index: SignatureIndex,
) -> tuple[DocumentLink, ...]:
    links = []
    for other_id, similarity, other_outlet in index.similar(signature):
        same_source = bool(
            syndicated_from
            and other_outlet
            and outlet_key(syndicated_from) == outlet_key(other_outlet)
        )
        kind = LinkKind.SYNDICATED if same_source else LinkKind.NEAR_DUPLICATE
        evidence = f"first appeared in {syndicated_from}" if same_source else ""
        links.append(
            DocumentLink(
                other_doc_id=other_id, kind=kind, similarity=round(similarity, 3), evidence=evidence
            )
        )
    return tuple(links)
