"""The domain types every layer speaks: plain, frozen (to the type checker), typed, standard
library only.

Offsets count characters in `Document.text` exactly as it was read (for HTML, the stored
extracted text), so `document.text[span.start:span.end] == span.text` always holds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

_Value = TypeVar("_Value")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True, kw_only_default=True)
    def value_class(cls: type[_Value]) -> type[_Value]:
        """A frozen, keyword-only dataclass to the type checker."""

else:

    def value_class(cls):
        """The values the extractor builds by the thousand (claims, spans, quantities, sources):
        frozen and keyword-only to the type checker, which rejects any assignment to a field,
        but built without the frozen dataclass's per-field object.__setattr__ at run time (its
        __init__ costs three times a plain one: about 3.5% of an extraction). Equality and
        the hash are those of a frozen dataclass."""
        return dataclass(slots=True, kw_only=True, unsafe_hash=True)(cls)


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    DENIED = "denied"


class Modality(StrEnum):
    ASSERTED = "asserted"
    HEDGED = "hedged"


class Stage(StrEnum):
    """The stage of a transfer, as arms-trade registers separate them."""

    PLANNED = "planned"  # requested, considered, planned, offered
    AGREED = "agreed"  # ordered, approved, pledged, signed
    DELIVERED = "delivered"  # sent, supplied, received, shipped
    UNKNOWN = "unknown"


class SourceKind(StrEnum):
    PERSON = "person"
    GOVERNMENT = "government"
    ORGANIZATION = "organization"
    MEDIA = "media"
    ANONYMOUS = "anonymous"
    UNATTRIBUTED = "unattributed"


class ActorKind(StrEnum):
    STATE = "state"
    STATE_ORGAN = "state_organ"
    ARMED_GROUP = "armed_group"
    COMPANY = "company"
    ORGANIZATION = "organization"


class MentionKind(StrEnum):
    ACTOR = "actor"
    ITEM = "item"
    QUANTITY = "quantity"
    SPEAKER = "speaker"
    HEDGE = "hedge"
    DENIAL = "denial"
    TIME = "time"
    TRIGGER = "trigger"


@value_class
class Span:
    """A stretch of a document's text. Invariant: text == document.text[start:end]."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentMeta:
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One article as read. `boilerplate` holds (start, end) spans excluded from extraction."""

    id: str
    text: str
    content_hash: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    boilerplate: tuple[tuple[int, int], ...] = ()
    origin: str = ""  # the path (and line, for JSONL) it was read from
    source_format: str = "txt"  # txt, md, html, jsonl


@dataclass(frozen=True, slots=True, kw_only=True)
class InputProblem:
    """Input that could not be read: one line for the user, the run goes on."""

    path: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A span the rules recognised, with the lexicon entry and the rule that matched."""

    span: Span
    kind: MentionKind
    entry_id: str
    rule_id: str


@value_class
class Actor:
    """Canonical id: ISO 3166-1 alpha-3 for a state, a canonical name otherwise."""

    id: str
    name: str
    kind: ActorKind = ActorKind.STATE
    state: str | None = None  # the state an organ, group or company belongs to


@value_class
class Item:
    category: str  # a category of the evaluation taxonomy, e.g. "artillery_ammunition"
    designation: str | None = None  # "KN-23", "Shahed-136"
    term: str = ""  # the words as written


@value_class
class Quantity:
    value: float | None  # as stated in the text
    low: float | None  # bound implied by "at least", "more than"
    high: float | None  # bound implied by "up to", "as many as"
    unit: str = "item"  # "item", "container", "train", "usd" ...
    per: str | None = None  # rate period: "day", "week", "month", "year"
    text: str = ""


@value_class
class Source:
    """Who makes a claim, as written, with what the text says about them."""

    name: str
    kind: SourceKind
    role: str | None = None
    state: str | None = None
    channel: str | None = None  # "Interfax-Ukraine", "Yonhap", "Telegram"
    outlet: str | None = None  # the publication the document comes from


@value_class
class TimeRef:
    text: str
    start: date | None = None  # normalised against the document date where known
    end: date | None = None


@value_class
class Claim:
    """One statement in one document that something went from a supplier to a recipient."""

    doc_id: str
    supplier: Actor
    recipient: Actor
    item: Item
    quantity: Quantity | None
    polarity: Polarity
    modality: Modality
    stage: Stage
    source: Source
    evidence: Span
    rule_id: str
    time: TimeRef | None = None
    cues: tuple[str, ...] = ()  # hedge and denial words that set modality and polarity
    lexicon_versions: tuple[tuple[str, int], ...] = ()

    @property
    def id(self) -> str:
        """Stable id from the content: document, offsets and the claim's key."""
        parts = [
            self.doc_id,
            str(self.evidence.start),
            str(self.evidence.end),
            self.supplier.id,
            self.recipient.id,
            self.item.category,
            self.item.designation or "",
            self.polarity.value,
            _quantity_key(self.quantity),
        ]
        return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]

    @property
    def flow_key(self) -> tuple[str, str, str]:
        return (self.supplier.id, self.recipient.id, self.item.category)

    def to_record(self) -> dict[str, Any]:
        """The claim in the evaluation format of shared/eval/README.md, plus extra fields."""
        record: dict[str, Any] = {
            "doc": self.doc_id,
            "supplier": self.supplier.id,
            "recipient": self.recipient.id,
            "item": self.item.category,
            "polarity": self.polarity.value,
            "modality": self.modality.value,
            "quantity": _quantity_record(self.quantity),
            "source": _source_record(self.source),
            "quote": self.evidence.text,
            "start": self.evidence.start,
            "end": self.evidence.end,
            "stage": self.stage.value,
            "designation": self.item.designation,
            "time": _time_record(self.time),
            "rule": self.rule_id,
        }
        return record


def _quantity_key(quantity: Quantity | None) -> str:
    if quantity is None:
        return "-"
    # 1000 and 1000.0 are one amount: the id must not change when a claim is stored and read.
    numbers = [_plain_number(n) for n in (quantity.value, quantity.low, quantity.high)]
    return "/".join([*map(str, numbers), quantity.unit, str(quantity.per)])


def _quantity_record(quantity: Quantity | None) -> dict[str, Any] | None:
    if quantity is None:
        return None
    record: dict[str, Any] = {
        "value": _plain_number(quantity.value),
        "low": _plain_number(quantity.low),
        "high": _plain_number(quantity.high),
        "unit": quantity.unit,
    }
    if quantity.per:
        record["per"] = quantity.per
    return record


def _plain_number(number: float | None) -> float | int | None:
    """1500000.0 prints as 1500000 so that records read like the text."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def _source_record(source: Source) -> dict[str, Any]:
    record: dict[str, Any] = {"name": source.name, "kind": source.kind.value}
    for key in ("role", "state", "channel"):
        value = getattr(source, key)
        if value:
            record[key] = value
    return record


def _time_record(time: TimeRef | None) -> dict[str, Any] | None:
    if time is None:
        return None
    return {
        "text": time.text,
        "start": time.start.isoformat() if time.start else None,
        "end": time.end.isoformat() if time.end else None,
    }
