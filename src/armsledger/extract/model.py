"""The working objects of one extraction: resolved mentions inside a sentence, and frames.

These stay inside the extract layer; claims.py turns frames into domain Claims.

They are plain slotted classes with hand-written `__init__`s, not the frozen slotted dataclasses
STYLE.md asks for: mypyc compiles a hand-written `__init__` natively but keeps the interpreted one
that `dataclasses` generates (about 1.4 µs against 40 ns an instance), and building these types
cost about 8% of the compiled extraction time (docs/performance.md). They behave as the
dataclasses did: the same keyword-only constructors and defaults, equality on all fields, a hash
for the immutable ones (ActorRef, TriggerRef), which are immutable by convention: never assign
to their fields, build a new one.
"""

from __future__ import annotations

from armsledger.domain.core import Quantity, Source, Stage
from armsledger.extract.lookup import Hit
from armsledger.extract.quantities import Amount
from armsledger.lexicon import Trigger

# Field names in declaration order, for equality and repr (__slots__ are kept sorted).
_FRAME_FIELDS = (
    "sentence",
    "trigger",
    "suppliers",
    "recipients",
    "items",
    "stage",
    "rule_id",
    "hedges",
    "negated",
    "denier",
    "money",
    "item_suppliers",
    "clause",
    "notes",
    "domestic",
    "unnamed_supplier",
    "bystanders",
)
_VIEW_FIELDS = (
    "index",
    "start",
    "end",
    "paragraph",
    "actors",
    "items",
    "triggers",
    "cues",
    "organs",
    "amounts",
    "markers",
    "source",
    "source_rule",
    "frames",
    "notes",
)


class ActorRef:
    """An actor mention resolved to its canonical id; `role` is how it was named."""

    __slots__ = ("actor_id", "end", "possessive", "role", "start", "text")

    def __init__(
        self,
        *,
        start: int,
        end: int,
        actor_id: str,
        role: str,
        text: str,
        possessive: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.actor_id = actor_id
        self.role = role  # names, adjectives, capitals, organ, leader, nonstate, half, backref
        self.text = text
        self.possessive = possessive  # "Russia's biggest supplier"

    @property
    def is_modifier(self) -> bool:
        """An adjective ("North Korean weapons") modifies a noun; it is not a subject."""
        return self.role == "adjectives"

    def _key(self) -> tuple[int, int, str, str, str, bool]:
        return (self.start, self.end, self.actor_id, self.role, self.text, self.possessive)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ActorRef) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"ActorRef(start={self.start!r}, end={self.end!r}, actor_id={self.actor_id!r}, "
            f"role={self.role!r}, text={self.text!r}, possessive={self.possessive!r})"
        )


class ItemRef:
    __slots__ = (
        "amount",
        "blocked",
        "category",
        "designation",
        "end",
        "origin",
        "start",
        "text",
        "unit_amount",
    )

    def __init__(
        self,
        *,
        start: int,
        end: int,
        category: str,
        designation: str | None,
        text: str,
        amount: Amount | None = None,
        unit_amount: Amount | None = None,
        origin: ActorRef | None = None,
        blocked: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.category = category
        self.designation = designation
        self.text = text
        self.amount = amount  # the amount counting the item itself
        self.unit_amount = unit_amount  # "6,700 containers of/carrying <item>"
        self.origin = origin  # "North Korean weapons", "Iran's drones"
        self.blocked = blocked  # "weapons manufacturing": names the producer, not the goods

    def copy(self) -> ItemRef:
        """A shallow copy, to change fields on (what `dataclasses.replace` gave)."""
        return ItemRef(
            start=self.start,
            end=self.end,
            category=self.category,
            designation=self.designation,
            text=self.text,
            amount=self.amount,
            unit_amount=self.unit_amount,
            origin=self.origin,
            blocked=self.blocked,
        )

    def _key(
        self,
    ) -> tuple[int, int, str, str | None, str, Amount | None, Amount | None, ActorRef | None, bool]:
        return (
            self.start,
            self.end,
            self.category,
            self.designation,
            self.text,
            self.amount,
            self.unit_amount,
            self.origin,
            self.blocked,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ItemRef) and self._key() == other._key()

    def __repr__(self) -> str:
        return (
            f"ItemRef(start={self.start!r}, end={self.end!r}, category={self.category!r}, "
            f"designation={self.designation!r}, text={self.text!r}, amount={self.amount!r}, "
            f"unit_amount={self.unit_amount!r}, origin={self.origin!r}, "
            f"blocked={self.blocked!r})"
        )


class TriggerRef:
    __slots__ = ("end", "passive", "start", "text", "trigger")

    def __init__(
        self, *, start: int, end: int, trigger: Trigger, text: str, passive: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.trigger = trigger
        self.text = text
        self.passive = passive

    @property
    def pattern(self) -> str:
        return self.trigger.pattern

    def _key(self) -> tuple[int, int, Trigger, str, bool]:
        return (self.start, self.end, self.trigger, self.text, self.passive)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TriggerRef) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"TriggerRef(start={self.start!r}, end={self.end!r}, trigger={self.trigger!r}, "
            f"text={self.text!r}, passive={self.passive!r})"
        )


class Frame:
    """One transfer the grammar read: who, to whom, what, and the cues around it."""

    __slots__ = (
        "bystanders",
        "clause",
        "denier",
        "domestic",
        "hedges",
        "item_suppliers",
        "items",
        "money",
        "negated",
        "notes",
        "recipients",
        "rule_id",
        "sentence",
        "stage",
        "suppliers",
        "trigger",
        "unnamed_supplier",
    )

    def __init__(
        self,
        *,
        sentence: int,
        trigger: TriggerRef | None,
        suppliers: list[ActorRef],
        recipients: list[ActorRef],
        items: list[ItemRef],
        stage: Stage,
        rule_id: str,
        hedges: list[str] | None = None,
        negated: str | None = None,
        denier: list[ActorRef] | None = None,
        money: Quantity | None = None,
        item_suppliers: bool = False,
        clause: tuple[int, int] = (0, 0),
        notes: list[str] | None = None,
        domestic: bool = False,
        unnamed_supplier: bool = False,
        bystanders: list[str] | None = None,
    ) -> None:
        self.sentence = sentence
        self.trigger = trigger
        self.suppliers = suppliers
        self.recipients = recipients
        self.items = items
        self.stage = stage
        self.rule_id = rule_id
        self.hedges: list[str] = [] if hedges is None else hedges
        self.negated = negated  # the negation or denial cue
        self.denier: list[ActorRef] = [] if denier is None else denier
        self.money = money
        # each item's origin is its supplier ("Iran's drones and ...")
        self.item_suppliers = item_suppliers
        self.clause = clause
        self.notes: list[str] = [] if notes is None else notes
        self.domestic = domestic  # a state and its own company: no claim, and no partner to lend
        # "bought from companies in Europe": none stands in for it
        self.unnamed_supplier = unnamed_supplier
        # the seizer of the goods: no party
        self.bystanders: list[str] = [] if bystanders is None else bystanders

    def copy(self) -> Frame:
        """A shallow copy, to change fields on (what `dataclasses.replace` gave)."""
        return Frame(
            sentence=self.sentence,
            trigger=self.trigger,
            suppliers=self.suppliers,
            recipients=self.recipients,
            items=self.items,
            stage=self.stage,
            rule_id=self.rule_id,
            hedges=self.hedges,
            negated=self.negated,
            denier=self.denier,
            money=self.money,
            item_suppliers=self.item_suppliers,
            clause=self.clause,
            notes=self.notes,
            domestic=self.domestic,
            unnamed_supplier=self.unnamed_supplier,
            bystanders=self.bystanders,
        )

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _FRAME_FIELDS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Frame) and self._key() == other._key()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FRAME_FIELDS)
        return f"Frame({fields})"


class SentenceView:
    """Everything found in one sentence, in text order."""

    __slots__ = (
        "actors",
        "amounts",
        "cues",
        "end",
        "frames",
        "index",
        "items",
        "markers",
        "notes",
        "organs",
        "paragraph",
        "source",
        "source_rule",
        "start",
        "triggers",
    )

    def __init__(self, *, index: int, start: int, end: int, paragraph: int) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.actors: list[ActorRef] = []
        self.items: list[ItemRef] = []
        self.triggers: list[TriggerRef] = []
        self.cues: list[Hit] = []
        self.organs: list[Hit] = []
        self.amounts: list[Amount] = []
        self.markers: list[Hit] = []
        self.source: Source | None = None
        self.source_rule = ""
        self.frames: list[Frame] = []
        self.notes: list[str] = []

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _VIEW_FIELDS)
        return f"SentenceView({fields})"
