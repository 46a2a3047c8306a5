"""Domain objects to row values and back: the only place that knows both shapes.

Each `*_values` function returns the column values of one row as a dict, ready for a bulk
INSERT; each `*_from_rows` function rebuilds the domain object exactly, so that a stored claim
loads back equal to the one that was written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from armsledger.domain.core import (
    Actor,
    ActorKind,
    Claim,
    Document,
    DocumentMeta,
    Item,
    Modality,
    Polarity,
    Quantity,
    Source,
    SourceKind,
    Span,
    Stage,
    TimeRef,
)
from armsledger.store.tables import (
    ActorRow,
    ClaimRow,
    DocumentRow,
    EvidenceSpanRow,
    ItemRow,
    SourceRow,
)

Values = dict[str, Any]


def item_id(item: Item) -> str:
    """ "missiles" or "missiles:KN-23": readable, and the same for the same pair everywhere."""
    return item.category if item.designation is None else f"{item.category}:{item.designation}"


def source_id(source: Source) -> str:
    """A hash of every field, so equal sources share a row without a lookup, even concurrently."""
    fields = [
        source.name,
        source.kind.value,
        source.role,
        source.state,
        source.channel,
        source.outlet,
    ]
    encoded = json.dumps(fields, ensure_ascii=False).encode("utf-8")
    return hashlib.sha1(encoded).hexdigest()[:24]


def evidence_span_id(span: Span) -> str:
    return f"{span.doc_id}:{span.start}-{span.end}"


def document_values(document: Document, run_id: int) -> Values:
    meta = document.meta
    return {
        "id": document.id,
        "text": document.text,
        "content_hash": document.content_hash,
        "url": meta.url,
        "title": meta.title,
        "outlet": meta.outlet,
        "published": meta.published,
        "language": meta.language,
        "origin": document.origin,
        "source_format": document.source_format,
        "run_id": run_id,
    }


def boilerplate_values(document: Document) -> list[Values]:
    return [
        {"document_id": document.id, "position": position, "start_char": start, "end_char": end}
        for position, (start, end) in enumerate(document.boilerplate)
    ]


def actor_values(actor: Actor) -> Values:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind.value, "state": actor.state}


def item_values(item: Item) -> Values:
    return {"id": item_id(item), "category": item.category, "designation": item.designation}


def source_values(source: Source) -> Values:
    return {
        "id": source_id(source),
        "name": source.name,
        "kind": source.kind.value,
        "role": source.role,
        "state": source.state,
        "channel": source.channel,
        "outlet": source.outlet,
    }


def evidence_values(span: Span) -> Values:
    return {
        "id": evidence_span_id(span),
        "document_id": span.doc_id,
        "start_char": span.start,
        "end_char": span.end,
        "text": span.text,
    }


def claim_values(claim: Claim, run_id: int) -> Values:
    return {
        "id": claim.id,
        "document_id": claim.doc_id,
        "supplier_id": claim.supplier.id,
        "recipient_id": claim.recipient.id,
        "item_id": item_id(claim.item),
        "item_term": claim.item.term,
        **_quantity_values(claim.quantity),
        "polarity": claim.polarity.value,
        "modality": claim.modality.value,
        "stage": claim.stage.value,
        "source_id": source_id(claim.source),
        "evidence_span_id": evidence_span_id(claim.evidence),
        "rule_id": claim.rule_id,
        **_time_values(claim.time),
        "cues": list(claim.cues),
        "lexicon_versions": [[name, version] for name, version in claim.lexicon_versions],
        "run_id": run_id,
    }


def _quantity_values(quantity: Quantity | None) -> Values:
    if quantity is None:
        fields = ("value", "low", "high", "unit", "per", "text")
        return {f"quantity_{field}": None for field in fields}
    return {
        "quantity_value": quantity.value,
        "quantity_low": quantity.low,
        "quantity_high": quantity.high,
        "quantity_unit": quantity.unit,
        "quantity_per": quantity.per,
        "quantity_text": quantity.text,
    }


def _time_values(time: TimeRef | None) -> Values:
    if time is None:
        return {"time_text": None, "time_start": None, "time_end": None}
    return {"time_text": time.text, "time_start": time.start, "time_end": time.end}


def document_from_row(row: DocumentRow, boilerplate: Sequence[tuple[int, int]]) -> Document:
    meta = DocumentMeta(
        url=row.url,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        language=row.language,
    )
    return Document(
        id=row.id,
        text=row.text,
        content_hash=row.content_hash,
        meta=meta,
        boilerplate=tuple(boilerplate),
        origin=row.origin,
        source_format=row.source_format,
    )


def actor_from_row(row: ActorRow) -> Actor:
    return Actor(id=row.id, name=row.name, kind=ActorKind(row.kind), state=row.state)


def source_from_row(row: SourceRow) -> Source:
    return Source(
        name=row.name,
        kind=SourceKind(row.kind),
        role=row.role,
        state=row.state,
        channel=row.channel,
        outlet=row.outlet,
    )


def claim_from_rows(
    claim: ClaimRow,
    supplier: ActorRow,
    recipient: ActorRow,
    item: ItemRow,
    source: SourceRow,
    evidence: EvidenceSpanRow,
) -> Claim:
    return Claim(
        doc_id=claim.document_id,
        supplier=actor_from_row(supplier),
        recipient=actor_from_row(recipient),
        item=Item(category=item.category, designation=item.designation, term=claim.item_term),
        quantity=_quantity_from_row(claim),
        polarity=Polarity(claim.polarity),
        modality=Modality(claim.modality),
        stage=Stage(claim.stage),
        source=source_from_row(source),
        evidence=Span(
            doc_id=evidence.document_id,
            start=evidence.start_char,
            end=evidence.end_char,
            text=evidence.text,
        ),
        rule_id=claim.rule_id,
        time=_time_from_row(claim),
        cues=tuple(str(cue) for cue in claim.cues),
        lexicon_versions=tuple(
            (str(name), int(version)) for name, version in claim.lexicon_versions
        ),
    )


def _quantity_from_row(claim: ClaimRow) -> Quantity | None:
    # Quantity.unit is never None, so a NULL unit is how a missing quantity is stored.
    if claim.quantity_unit is None:
        return None
    return Quantity(
        value=claim.quantity_value,
        low=claim.quantity_low,
        high=claim.quantity_high,
        unit=claim.quantity_unit,
        per=claim.quantity_per,
        text=claim.quantity_text or "",
    )


def _time_from_row(claim: ClaimRow) -> TimeRef | None:
    if claim.time_text is None:
        return None
    return TimeRef(text=claim.time_text, start=claim.time_start, end=claim.time_end)
