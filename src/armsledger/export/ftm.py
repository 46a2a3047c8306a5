"""The ledger as FollowTheMoney entities (JSON Lines), for Aleph, OpenSanctions tools and `ftm`.

Which schema carries a transfer: FtM has no schema for a transfer of goods, so each claim
becomes the closest edge that neither loses the direction nor says more than the text does.
- An affirmed claim about money (item category `money`) is a `Payment`: a directed edge from
  payer (the supplier) to beneficiary (the recipient) with an amount and a currency, which is
  exactly what the claim states.
- Every other claim is an `UnknownLink` ("Other link"), subject = supplier, object = recipient:
  it keeps the order in its two properties, and carries a role ("supplies drones"), a status
  (affirmed or denied, asserted or hedged, and the stage), dates, the quote and the article as
  proof. `EconomicActivity` has sender and receiver but is a customs declaration, which would
  present a reported claim as a filed customs record; `Event` keeps no direction (only
  `involved`); `Documentation` links a document to one entity, not two parties. A denied payment
  is an `UnknownLink` too, since a `Payment` would assert that the money moved.
Actors are `PublicBody` (states and state organs), `Company` or `Organization`; documents are
`Article`s; named speakers are `Person`, `PublicBody` or `Organization`, tied to the articles that
quote them by `Documentation` edges. Ids are hashes of the ledger's own ids, so they are stable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, TextIO

import pycountry
from followthemoney import model

from armsledger.domain.core import Actor, ActorKind, Claim, Document, Polarity, SourceKind
from armsledger.domain.fusion import Grade
from armsledger.export.bundle import LedgerBundle, sorted_claims, sorted_documents

ID_PREFIX = "armsledger"
MONEY_CATEGORY = "money"
ACTOR_SCHEMA = {
    ActorKind.STATE: "PublicBody",
    ActorKind.STATE_ORGAN: "PublicBody",
    ActorKind.COMPANY: "Company",
    ActorKind.ARMED_GROUP: "Organization",
    ActorKind.ORGANIZATION: "Organization",
}
# Anonymous and unattributed speakers are no one in particular: they get no entity.
SPEAKER_SCHEMA = {
    SourceKind.PERSON: "Person",
    SourceKind.GOVERNMENT: "PublicBody",
    SourceKind.ORGANIZATION: "Organization",
    SourceKind.MEDIA: "Organization",
}

Proxy = Any  # followthemoney.EntityProxy; the library ships no type information


def export_ftm(bundle: LedgerBundle, out: TextIO) -> None:
    for entity in entities(bundle):
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")


def entities(bundle: LedgerBundle) -> Iterator[Proxy]:
    claims = sorted_claims(bundle.claims)
    actors = {actor.id: actor for claim in claims for actor in (claim.supplier, claim.recipient)}
    for actor_id in sorted(actors):
        yield actor_entity(actors[actor_id])
    for document in sorted_documents(bundle.documents):
        yield article_entity(document)
    yield from _speaker_entities(claims)
    for claim in claims:
        yield claim_entity(claim, bundle.grades.get(claim.id))


def entity_id(*parts: str) -> str:
    """A SHA-1 of the ledger's own ids, as FtM's `make_id` would make from the same parts."""
    joined = "\x1f".join((ID_PREFIX, *parts))
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def actor_entity(actor: Actor) -> Proxy:
    proxy = model.make_entity(ACTOR_SCHEMA[actor.kind])
    proxy.id = entity_id("actor", actor.id)
    proxy.add("name", actor.name)
    proxy.add("description", f"armsledger actor {actor.id} ({actor.kind.value})")
    state = actor.id if actor.kind is ActorKind.STATE else actor.state
    # FtM cleans ISO alpha-3 to its own alpha-2 codes; a non-country id is dropped quietly.
    proxy.add("country", state, quiet=True)
    return proxy


def article_entity(document: Document) -> Proxy:
    meta = document.meta
    proxy = model.make_entity("Article")
    proxy.id = entity_id("document", document.id)
    proxy.add("fileName", PurePath(document.origin).name or f"{document.id}.txt")
    proxy.add("title", meta.title or document.id)
    proxy.add("publishedAt", meta.published.isoformat() if meta.published else None)
    proxy.add("sourceUrl", meta.url, quiet=True)
    proxy.add("publisher", meta.outlet)
    proxy.add("language", meta.language, quiet=True)
    # No contentHash: FtM's checksum type is a SHA-1 of the file, and ours hashes the text.
    proxy.add("bodyText", document.text)
    return proxy


def _speaker_entities(claims: list[Claim]) -> Iterator[Proxy]:
    speakers: dict[str, Proxy] = {}
    quoted_in: set[tuple[str, str]] = set()
    for claim in claims:
        schema = SPEAKER_SCHEMA.get(claim.source.kind)
        if schema is None:
            continue
        speaker_id = entity_id("source", claim.source.kind.value, claim.source.name)
        if speaker_id not in speakers:
            speaker = model.make_entity(schema)
            speaker.id = speaker_id
            speaker.add("name", claim.source.name)
            speaker.add("country", claim.source.state, quiet=True)
            speakers[speaker_id] = speaker
        quoted_in.add((claim.doc_id, speaker_id))
    yield from (speakers[key] for key in sorted(speakers))
    for doc_id, speaker_id in sorted(quoted_in):
        link = model.make_entity("Documentation")
        link.id = entity_id("quoted", doc_id, speaker_id)
        link.add("document", entity_id("document", doc_id))
        link.add("entity", speaker_id)
        link.add("role", "quoted source")
        yield link


def claim_entity(claim: Claim, grade: Grade | None) -> Proxy:
    is_payment = claim.item.category == MONEY_CATEGORY and claim.polarity is Polarity.AFFIRMED
    proxy = _payment(claim) if is_payment else _link(claim)
    proxy.id = entity_id("claim", claim.id)
    proxy.add("description", claim.evidence.text)
    proxy.add("summary", _summary(claim, grade))
    proxy.add("proof", entity_id("document", claim.doc_id))
    proxy.add("recordId", claim.id)
    if claim.time is not None and claim.time.start is not None:
        proxy.add("date", claim.time.start.isoformat())
    return proxy


def _payment(claim: Claim) -> Proxy:
    proxy = model.make_entity("Payment")
    proxy.add("payer", entity_id("actor", claim.supplier.id))
    proxy.add("beneficiary", entity_id("actor", claim.recipient.id))
    quantity = claim.quantity
    if quantity is None:
        return proxy
    amount = next((n for n in (quantity.value, quantity.low, quantity.high) if n is not None), None)
    # Units of money are ISO 4217 codes in lower case ("usd"); "item" or "tonne" are not money.
    if amount is not None and pycountry.currencies.get(alpha_3=quantity.unit.upper()):
        proxy.add("amount", amount)
        proxy.add("currency", quantity.unit.upper())
        if quantity.unit == "usd":
            proxy.add("amountUsd", amount)
    return proxy


def _link(claim: Claim) -> Proxy:
    proxy = model.make_entity("UnknownLink")
    proxy.add("subject", entity_id("actor", claim.supplier.id))
    proxy.add("object", entity_id("actor", claim.recipient.id))
    proxy.add("role", f"supplies {claim.item.category}")
    proxy.add("status", f"{claim.polarity.value}, {claim.modality.value}, {claim.stage.value}")
    return proxy


def _summary(claim: Claim, grade: Grade | None) -> str:
    said = "denies" if claim.polarity is Polarity.DENIED else "says"
    amount = f" ({claim.quantity.text})" if claim.quantity and claim.quantity.text else ""
    graded = f"; grade {grade.code}" if grade else ""
    return (
        f"{claim.source.name} ({claim.source.kind.value}) {said} {claim.supplier.name} → "
        f"{claim.recipient.name}: {claim.item.category}{amount}, {claim.modality.value}{graded}"
    )
