"""The working objects of one extraction: resolved mentions inside a sentence, and frames.

These stay inside the extract layer; claims.py turns frames into domain Claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from armsledger.domain.core import Quantity, Source, Stage
from armsledger.extract.lookup import Hit
from armsledger.extract.quantities import Amount
from armsledger.lexicon import Trigger


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    """An actor mention resolved to its canonical id; `role` is how it was named."""

    start: int
    end: int
    actor_id: str
    role: str  # names, adjectives, capitals, organ, leader, nonstate, half, backref
    text: str
    possessive: bool = False  # "Russia's biggest supplier"

    @property
    def is_modifier(self) -> bool:
        """An adjective ("North Korean weapons") modifies a noun; it is not a subject."""
        return self.role == "adjectives"


@dataclass(slots=True, kw_only=True)
class ItemRef:
    start: int
    end: int
    category: str
    designation: str | None
    text: str
    amount: Amount | None = None  # the amount counting the item itself
    unit_amount: Amount | None = None  # "6,700 containers of/carrying <item>"
    origin: ActorRef | None = None  # "North Korean weapons", "Iran's drones"
    blocked: bool = False  # "weapons manufacturing": names the producer, not the goods


@dataclass(frozen=True, slots=True, kw_only=True)
class TriggerRef:
    start: int
    end: int
    trigger: Trigger
    text: str
    passive: bool = False

    @property
    def pattern(self) -> str:
        return self.trigger.pattern


@dataclass(slots=True, kw_only=True)
class Frame:
    """One transfer the grammar read: who, to whom, what, and the cues around it."""

    sentence: int
    trigger: TriggerRef | None
    suppliers: list[ActorRef]
    recipients: list[ActorRef]
    items: list[ItemRef]
    stage: Stage
    rule_id: str
    hedges: list[str] = field(default_factory=list)
    negated: str | None = None  # the negation or denial cue
    denier: list[ActorRef] = field(default_factory=list)
    money: Quantity | None = None
    item_suppliers: bool = False  # each item's origin is its supplier ("Iran's drones and ...")
    clause: tuple[int, int] = (0, 0)
    notes: list[str] = field(default_factory=list)
    domestic: bool = False  # a state and its own company: no claim, and no partner to lend
    unnamed_supplier: bool = False  # "bought from companies in Europe": none stands in for it
    bystanders: list[str] = field(default_factory=list)  # the seizer of the goods: no party


@dataclass(slots=True, kw_only=True)
class SentenceView:
    """Everything found in one sentence, in text order."""

    index: int
    start: int
    end: int
    paragraph: int
    actors: list[ActorRef] = field(default_factory=list)
    items: list[ItemRef] = field(default_factory=list)
    triggers: list[TriggerRef] = field(default_factory=list)
    cues: list[Hit] = field(default_factory=list)
    organs: list[Hit] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    markers: list[Hit] = field(default_factory=list)
    source: Source | None = None
    source_rule: str = ""
    frames: list[Frame] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
