"""The fuse layer's own fictional story, covered by several outlets.

Nordland (NRD) is said to ship artillery shells to Selvia (SLV):
- `wire`: the Harbor Wire agency's own story, from unnamed sources (2,000 containers);
- `copy`: the Valley Post republishes it ("This article first appeared in Harbor Wire");
- `relay`: the Coastal Times (found from its URL) relays Harbor Wire's sources (about 900,000);
- `official`: Ortland's defence minister Ilse Varga (at least a million; "could reach" three
  million), in the Capital Ledger (found from its "Read ... online" banner);
- `denial`: Nordland's foreign ministry denies supplying any *weapons*;
- `late`, added last: Kestria's intelligence says only 200,000, which conflicts.
Every text, name and figure here is invented for the tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from armsledger.domain.core import (
    Actor,
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
)
from armsledger.domain.fusion import FusionResult
from armsledger.fuse.engine import FusionRules
from armsledger.fuse.ledger import Ledger

ITEM_PARENTS: Mapping[str, str | None] = {
    "weapons": None,
    "ammunition": "weapons",
    "artillery_ammunition": "ammunition",
    "rockets": "weapons",
    "small_arms": "weapons",
    "food": None,
    "cargo": None,
}
NRD = Actor(id="NRD", name="Nordland")
SLV = Actor(id="SLV", name="Selvia")
SHELLS = ("NRD", "SLV", "artillery_ammunition")
WEAPONS = ("NRD", "SLV", "weapons")

WIRE_BODY = (
    "PORT HAVEN (Harbor Wire) - Nordland has shipped 2,000 containers of artillery shells to "
    "Selvia since January, two sources told Harbor Wire on Monday, speaking on condition of "
    "anonymity.\n\nThe shipments left the northern port of Kell on freight trains and were "
    "loaded onto ships bound for Selvia, one of the sources said. The sources said the cargo "
    "included heavy rounds and rockets, and that more deliveries were planned for the spring.\n\n"
    "Nordland's government did not respond to a request for comment. Harbor Wire could not "
    "independently verify the figures.\n"
)
TEXTS = {
    "wire": "Nordland ships shells to Selvia, sources say\n\n" + WIRE_BODY,
    "copy": "Selvia receives Nordland shells by the trainload\n\n"
    + WIRE_BODY
    + "\nThis article first appeared in Harbor Wire.\n",
    "relay": (
        "Selvia's artillery is firing Nordland shells, report says\n\n"
        "Nordland has delivered about 900,000 artillery shells to Selvia, according to the "
        "Harbor Wire news agency, which cited sources familiar with the shipments.\n\n"
        "A Harbor Wire source said the deliveries began in January.\n\n"
        "Selvia's army has been short of ammunition since the war began.\n"
    ),
    "official": (
        "Ortland minister says Nordland arms flow to Selvia is growing\n\n"
        "Nordland has sent at least one million artillery shells to Selvia, Ortland's Defence "
        "Minister Ilse Varga said on Thursday.\n\n"
        "Varga said the shipments could reach three million shells by the summer.\n\n"
        "  • Read The Capital Ledger online, advert free\n"
    ),
    "denial": (
        "Nordland's foreign ministry on Friday denied that the country had supplied any weapons "
        'to Selvia, calling the reports "fabrications".\n'
    ),
    "late": (
        "Colonel Tomas Reyes of Kestria's military intelligence said Nordland had sent only "
        "200,000 artillery shells to Selvia, far fewer than other estimates.\n"
    ),
}
METAS = {
    "wire": DocumentMeta(outlet="Harbor Wire", published=date(2031, 3, 10)),
    "copy": DocumentMeta(outlet="Valley Post", published=date(2031, 3, 11)),
    "relay": DocumentMeta(url="https://www.coastaltimes.example/a/1", published=date(2031, 3, 12)),
    "official": DocumentMeta(published=date(2031, 3, 15)),
    "denial": DocumentMeta(outlet="Nordland State Radio", published=date(2031, 3, 16)),
    "late": DocumentMeta(outlet="Kestrian Herald", published=date(2031, 4, 1)),
}
ORDER = ("wire", "copy", "relay", "official", "denial")


def make_document(doc_id: str, text: str | None = None) -> Document:
    body = TEXTS[doc_id] if text is None else text
    return Document(
        id=doc_id,
        text=body,
        content_hash=hashlib.sha1(body.encode("utf-8")).hexdigest(),
        meta=METAS.get(doc_id, DocumentMeta()),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Said:
    """What a hand-written claim says, apart from where it is."""

    quote: str
    source: Source
    item: str = "artillery_ammunition"
    quantity: Quantity | None = None
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED


def claim_in(document: Document, said: Said) -> Claim:
    start = document.text.index(said.quote)  # fails loudly if a fixture text drifts
    return Claim(
        doc_id=document.id,
        supplier=NRD,
        recipient=SLV,
        item=Item(category=said.item),
        quantity=said.quantity,
        polarity=said.polarity,
        modality=said.modality,
        stage=Stage.DELIVERED,
        source=said.source,
        evidence=Span(
            doc_id=document.id, start=start, end=start + len(said.quote), text=said.quote
        ),
        rule_id="hand",
    )


def amount(
    value: float, unit: str = "item", *, low: float | None = None, high: float | None = None
) -> Quantity:
    return Quantity(value=value, low=low, high=high, unit=unit)


ANONYMOUS = Source(name="two sources", kind=SourceKind.ANONYMOUS)
VARGA = Source(
    name="Defence Minister Ilse Varga",
    kind=SourceKind.PERSON,
    role="defence minister",
    state="ORT",
)
SAID: dict[str, list[Said]] = {
    "wire": [
        Said(
            quote="Nordland has shipped 2,000 containers of artillery shells to Selvia",
            source=ANONYMOUS,
            quantity=amount(2000, "container", low=2000, high=2000),
        )
    ],
    "relay": [
        Said(
            quote="Nordland has delivered about 900,000 artillery shells to Selvia",
            source=Source(
                name="sources familiar with the shipments",
                kind=SourceKind.ANONYMOUS,
                channel="Harbor Wire",
            ),
            quantity=amount(900_000),
        ),
        Said(
            quote="A Harbor Wire source said the deliveries began in January",
            source=Source(name="A Harbor Wire source", kind=SourceKind.ANONYMOUS),
        ),
    ],
    "official": [
        Said(
            quote="Nordland has sent at least one million artillery shells to Selvia",
            source=VARGA,
            quantity=amount(1_000_000, low=1_000_000),
        ),
        Said(
            quote="Varga said the shipments could reach three million shells",
            source=Source(name="Varga", kind=SourceKind.PERSON, state="ORT"),
            quantity=amount(3_000_000, low=3_000_000, high=3_000_000),
            modality=Modality.HEDGED,
        ),
    ],
    "denial": [
        Said(
            quote="denied that the country had supplied any weapons to Selvia",
            source=Source(
                name="Nordland's foreign ministry", kind=SourceKind.GOVERNMENT, state="NRD"
            ),
            item="weapons",
            polarity=Polarity.DENIED,
        )
    ],
    "late": [
        Said(
            quote="Nordland had sent only 200,000 artillery shells to Selvia",
            source=Source(
                name="Colonel Tomas Reyes",
                kind=SourceKind.PERSON,
                role="military intelligence",
                state="KES",
            ),
            quantity=amount(200_000, low=200_000, high=200_000),
        )
    ],
}
SAID["copy"] = SAID["wire"]  # the copy carries the same sentence and figure


def story_claims(doc_id: str, document: Document | None = None) -> list[Claim]:
    document = document or make_document(doc_id)
    return [claim_in(document, said) for said in SAID[doc_id]]


def read_document(path: Path) -> Document:
    return make_document(path.stem, path.read_text(encoding="utf-8"))


def story_ledger(rules: FusionRules, doc_ids: Sequence[str] = ORDER) -> Ledger:
    """A ledger fed the story's documents one by one, as the pipeline would."""
    ledger = Ledger(rules)
    for doc_id in doc_ids:
        ledger.add_document(make_document(doc_id), story_claims(doc_id))
    return ledger


def story_result(rules: FusionRules, doc_ids: Sequence[str] = ORDER) -> FusionResult:
    """Everything fused at once from the story's documents."""
    ledger = story_ledger(rules, doc_ids)
    return ledger.refuse_all()


def claim_of(doc_id: str, index: int = 0) -> Claim:
    return story_claims(doc_id)[index]
