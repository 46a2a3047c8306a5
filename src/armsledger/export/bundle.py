"""What every exporter reads, and the views of it that several formats share.

The CLI builds a `LedgerBundle` from the store; exporters are pure functions of it that write
text. Shared here: the order of rows (deterministic, so exports diff cleanly), the sources the
claims cite, and the Admiralty grade as a STIX confidence value.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from armsledger.domain.core import Claim, Document, Source, SourceKind
from armsledger.domain.fusion import Grade, SourceEntity

# STIX 2.1 (CS02) Appendix A "Confidence Scales", Admiralty Credibility scale, as implemented
# by `stix2.confidence.scales.admiralty_credibility_to_value`: 1 "Confirmed by other sources" →
# 90, 2 "Probably True" → 70, 3 "Possibly True" → 50, 4 "Doubtful" → 30, 5 "Improbable" → 10;
# 6 "Truth cannot be judged" has no value, so the property is left out.
ADMIRALTY_CREDIBILITY_TO_STIX = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}

# STIX needs a creation time on every object; with no run time and no dated document this fixed
# time keeps the export reproducible instead of stamping it with the wall clock.
UNDATED = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerBundle:
    """The stored ledger as exporters see it. `grades` maps claim id to grade; may be empty."""

    documents: Sequence[Document]
    claims: Sequence[Claim]
    grades: Mapping[str, Grade] = field(default_factory=dict)
    sources: Sequence[SourceEntity] = ()
    # When the ledger was last written (the latest run record), for formats that timestamp
    # their objects; None falls back to the latest publication date.
    as_of: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRecord:
    """A speaker as exports list it: a merged SourceEntity, or one Source as written."""

    id: str
    name: str
    kind: SourceKind
    role: str | None
    state: str | None
    variants: tuple[str, ...]
    claim_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]


def stix_confidence(grade: Grade | None) -> int | None:
    """The grade's credibility on STIX's 0-100 scale; None for no grade or credibility 6."""
    if grade is None:
        return None
    return ADMIRALTY_CREDIBILITY_TO_STIX.get(grade.credibility)


def sorted_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Reading order: document, then position; the id breaks ties between one span's claims."""
    return sorted(claims, key=lambda c: (c.doc_id, c.evidence.start, c.evidence.end, c.id))


def sorted_documents(documents: Sequence[Document]) -> list[Document]:
    return sorted(documents, key=lambda document: document.id)


def written_source_id(source: Source) -> str:
    """The store's recipe (a hash of every field), so an id here finds the row in the database."""
    fields = [source.name, source.kind.value, source.role, source.state, source.channel]
    fields.append(source.outlet)
    encoded = json.dumps(fields, ensure_ascii=False).encode("utf-8")
    return hashlib.sha1(encoded).hexdigest()[:24]


def source_records(bundle: LedgerBundle) -> list[SourceRecord]:
    """Merged sources when fusion supplied them, else one record per distinct source as written."""
    if bundle.sources:
        return sorted((_from_entity(entity) for entity in bundle.sources), key=lambda s: s.id)
    return _from_claims(bundle.claims)


def source_ids_by_claim(bundle: LedgerBundle) -> dict[str, str]:
    """Claim id → the id of the source record that lists it."""
    return {
        claim_id: record.id for record in source_records(bundle) for claim_id in record.claim_ids
    }


def as_of(bundle: LedgerBundle) -> datetime:
    """The export's timestamp: the run time if known, else the latest publication date."""
    if bundle.as_of is not None:
        return bundle.as_of.astimezone(UTC)
    published = [doc.meta.published for doc in bundle.documents if doc.meta.published]
    return midnight_utc(max(published)) if published else UNDATED


def midnight_utc(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _from_entity(entity: SourceEntity) -> SourceRecord:
    return SourceRecord(
        id=entity.id,
        name=entity.name,
        kind=entity.kind,
        role=entity.role,
        state=entity.state,
        variants=tuple(entity.variants),
        claim_ids=tuple(sorted(entity.claim_ids)),
        doc_ids=tuple(sorted(entity.doc_ids)),
    )


def _from_claims(claims: Sequence[Claim]) -> list[SourceRecord]:
    sources: dict[str, Source] = {}
    claim_ids: dict[str, list[str]] = {}
    doc_ids: dict[str, set[str]] = {}
    for claim in claims:
        key = written_source_id(claim.source)
        sources.setdefault(key, claim.source)
        claim_ids.setdefault(key, []).append(claim.id)
        doc_ids.setdefault(key, set()).add(claim.doc_id)
    return [
        SourceRecord(
            id=key,
            name=source.name,
            kind=source.kind,
            role=source.role,
            state=source.state,
            variants=(source.name,),
            claim_ids=tuple(sorted(claim_ids[key])),
            doc_ids=tuple(sorted(doc_ids[key])),
        )
        for key, source in sorted(sources.items())
    ]
