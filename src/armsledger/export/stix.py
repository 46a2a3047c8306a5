"""The ledger as a STIX 2.1 bundle, built and checked by the `stix2` library.

Mapping:
- each actor is an `identity` (a state or state organ an organization in the national-government
  sector, an armed group a group); a state is `located-at` a `location` with its ISO 3166-1
  alpha-2 country code, and an organ, group or company at the location of its state;
- each flow (supplier, recipient, item category) is one `relationship` "supplies" from supplier
  to recipient, labelled with the item, whatever the claims about it say: a denied flow still
  needs an object for its denials to be about;
- each claim is a `note` about its flow: the quote is the content, the speaker the author, its
  polarity, modality and stage are labels, and its document offsets are an external reference;
- each graded claim has an `opinion` of armsledger on the note, and the grade's credibility
  becomes `confidence` on the note and the best affirmed one on the relationship;
- each document is a `report` of the notes, relationships, identities and opinions it gives rise
  to.
Ids are UUIDv5 of the content, so a re-export gives the same ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TextIO

import pycountry
import stix2

from armsledger.domain.core import Actor, ActorKind, Claim, Document, Modality, Polarity
from armsledger.domain.fusion import Grade
from armsledger.export.bundle import (
    LedgerBundle,
    as_of,
    midnight_utc,
    sorted_claims,
    sorted_documents,
    stix_confidence,
)

# A fixed namespace: the same ledger content always maps to the same STIX ids.
NAMESPACE = uuid.UUID("6f1c5a3e-2b7d-5e0a-9c4f-8d2e1b3a7c60")
RELATIONSHIP_TYPE = "supplies"

# Admiralty credibility 1 "confirmed by other sources" … 5 "improbable" as the STIX opinion
# vocabulary; 6 "truth cannot be judged" is neither agreement nor disagreement.
OPINION_BY_CREDIBILITY = {
    1: "strongly-agree",
    2: "agree",
    3: "neutral",
    4: "disagree",
    5: "strongly-disagree",
    6: "neutral",
}


def stix_id(kind: str, *parts: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join((kind, *parts)))}"


def export_stix(bundle: LedgerBundle, out: TextIO) -> None:
    out.write(build_bundle(bundle).serialize(pretty=True))
    out.write("\n")


def build_bundle(bundle: LedgerBundle) -> stix2.Bundle:
    stamp = as_of(bundle)
    producer = _producer(stamp)
    common: dict[str, Any] = {"created": stamp, "modified": stamp, "created_by_ref": producer.id}
    claims = sorted_claims(bundle.claims)
    objects: list[Any] = [producer]
    objects += _actor_objects(claims, common)
    objects += [_relationship(flow, bundle, common) for flow in _flows(claims).items()]
    for claim in claims:
        grade = bundle.grades.get(claim.id)
        objects.append(_note(claim, grade, common))
        if grade is not None:
            objects.append(_opinion(claim, grade, common))
    objects += [_report(doc, claims, bundle, producer.id, common) for doc in _docs(bundle)]
    bundle_id = stix_id("bundle", *(claim.id for claim in claims))
    return stix2.Bundle(objects=objects, id=bundle_id, allow_custom=False)


def _producer(stamp: datetime) -> stix2.Identity:
    return stix2.Identity(
        id=stix_id("identity", "producer", "armsledger"),
        name="armsledger",
        identity_class="system",
        description="Claims extracted from news reports about arms transfers.",
        created=stamp,
        modified=stamp,
    )


def _actors(claims: Sequence[Claim]) -> list[Actor]:
    actors = {actor.id: actor for claim in claims for actor in (claim.supplier, claim.recipient)}
    return [actors[key] for key in sorted(actors)]


def _actor_objects(claims: Sequence[Claim], common: dict[str, Any]) -> list[Any]:
    objects: list[Any] = []
    locations: dict[str, stix2.Location] = {}
    for actor in _actors(claims):
        identity = _identity(actor, common)
        objects.append(identity)
        state = actor.id if actor.kind is ActorKind.STATE else actor.state
        location = _location(state, actor, common, locations)
        if location is not None:
            objects.append(_located_at(identity.id, location.id, common))
    return [*objects, *(locations[key] for key in sorted(locations))]


def _identity(actor: Actor, common: dict[str, Any]) -> stix2.Identity:
    government = actor.kind in {ActorKind.STATE, ActorKind.STATE_ORGAN}
    return stix2.Identity(
        id=actor_ref(actor.id),
        name=actor.name,
        identity_class="group" if actor.kind is ActorKind.ARMED_GROUP else "organization",
        sectors=["government-national"] if government else None,
        roles=[actor.kind.value],
        **common,
    )


def actor_ref(actor_id: str) -> str:
    return stix_id("identity", "actor", actor_id)


def _location(
    state: str | None,
    actor: Actor,
    common: dict[str, Any],
    locations: dict[str, stix2.Location],
) -> stix2.Location | None:
    """The state's location, made once; None when the state has no ISO 3166 code."""
    country = pycountry.countries.get(alpha_3=state) if state else None
    if state is None or country is None:
        return None
    if state not in locations:
        name = actor.name if actor.id == state else country.name
        locations[state] = stix2.Location(
            id=stix_id("location", state), name=name, country=country.alpha_2, **common
        )
    return locations[state]


def _located_at(identity_id: str, location_id: str, common: dict[str, Any]) -> Any:
    return stix2.Relationship(
        id=stix_id("relationship", "located-at", identity_id, location_id),
        relationship_type="located-at",
        source_ref=identity_id,
        target_ref=location_id,
        **common,
    )


def _flows(claims: Sequence[Claim]) -> dict[tuple[str, str, str], list[Claim]]:
    flows: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        flows.setdefault(claim.flow_key, []).append(claim)
    return dict(sorted(flows.items()))


def flow_ref(flow: tuple[str, str, str]) -> str:
    return stix_id("relationship", RELATIONSHIP_TYPE, *flow)


def _relationship(
    flow: tuple[tuple[str, str, str], list[Claim]], bundle: LedgerBundle, common: dict[str, Any]
) -> Any:
    key, claims = flow
    supplier, recipient, item = key
    denied = sum(claim.polarity is Polarity.DENIED for claim in claims)
    affirmed_confidences = [
        stix_confidence(bundle.grades.get(claim.id))
        for claim in claims
        if claim.polarity is Polarity.AFFIRMED
    ]
    confidences = [value for value in affirmed_confidences if value is not None]
    return stix2.Relationship(
        id=flow_ref(key),
        relationship_type=RELATIONSHIP_TYPE,
        source_ref=actor_ref(supplier),
        target_ref=actor_ref(recipient),
        description=(
            f"{item} from {supplier} to {recipient}: {len(claims)} claim(s) "
            f"({len(claims) - denied} affirmed, {denied} denied)"
        ),
        labels=[item],
        confidence=max(confidences) if confidences else None,
        **common,
    )


def note_ref(claim: Claim) -> str:
    return stix_id("note", claim.id)


def _note(claim: Claim, grade: Grade | None, common: dict[str, Any]) -> Any:
    span = claim.evidence
    return stix2.Note(
        id=note_ref(claim),
        abstract=_abstract(claim),
        content=span.text,
        authors=[claim.source.name],
        object_refs=[flow_ref(claim.flow_key)],
        labels=[claim.polarity.value, claim.modality.value, claim.stage.value],
        confidence=stix_confidence(grade),
        external_references=[
            {
                "source_name": "armsledger",
                "external_id": claim.id,
                "description": f"document {claim.doc_id}, characters {span.start}-{span.end}",
            }
        ],
        **common,
    )


def _abstract(claim: Claim) -> str:
    amount = claim.quantity.text if claim.quantity and claim.quantity.text else ""
    said = "denies" if claim.polarity is Polarity.DENIED else "says"
    hedge = " (hedged)" if claim.modality is Modality.HEDGED else ""
    what = f"{claim.item.category}{f' ({amount})' if amount else ''}"
    return (
        f"{claim.source.name} ({claim.source.kind.value}) {said}{hedge}: "
        f"{what} from {claim.supplier.id} to {claim.recipient.id}"
    )


def _opinion(claim: Claim, grade: Grade, common: dict[str, Any]) -> Any:
    reasons = "; ".join(grade.reasons)
    return stix2.Opinion(
        id=stix_id("opinion", claim.id, grade.code),
        opinion=OPINION_BY_CREDIBILITY[grade.credibility],
        explanation=f"Admiralty grade {grade.code}" + (f": {reasons}" if reasons else ""),
        authors=["armsledger"],
        object_refs=[note_ref(claim)],
        **common,
    )


def _docs(bundle: LedgerBundle) -> list[Document]:
    return sorted_documents(bundle.documents)


def _report(
    document: Document,
    claims: Sequence[Claim],
    bundle: LedgerBundle,
    producer_id: str,
    common: dict[str, Any],
) -> Any:
    own = [claim for claim in claims if claim.doc_id == document.id]
    # A report must refer to something: a document without claims refers to its producer.
    refs = _report_refs(own, bundle) or [producer_id]
    meta = document.meta
    published = midnight_utc(meta.published) if meta.published else common["created"]
    reference: dict[str, str] = {"source_name": meta.outlet or "armsledger"}
    reference["external_id"] = document.id
    if meta.url:
        reference["url"] = meta.url
    return stix2.Report(
        id=stix_id("report", document.id),
        name=meta.title or document.id,
        published=published,
        object_refs=refs,
        external_references=[reference],
        lang=meta.language,
        **common,
    )


def _report_refs(claims: Iterable[Claim], bundle: LedgerBundle) -> list[str]:
    refs: list[str] = []
    for claim in claims:
        refs += [actor_ref(claim.supplier.id), actor_ref(claim.recipient.id)]
        refs += [flow_ref(claim.flow_key), note_ref(claim)]
        grade = bundle.grades.get(claim.id)
        if grade is not None:
            refs.append(stix_id("opinion", claim.id, grade.code))
    return list(dict.fromkeys(refs))
