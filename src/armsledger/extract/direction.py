"""Direction: who gives what to whom, read from the trigger and the words around it.

Each trigger owns the items that follow it up to the next trigger or counter-flow marker; its
supplier and recipient come from the subject, prepositions ("to", "from", "by", "bound for"),
double objects ("sent Russia shells"), possessives and adjectives ("Russia's biggest supplier",
"North Korean exports"). Counter-flow markers ("in exchange for", "in return for") send the items
they own the other way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from armsledger.domain.core import Stage
from armsledger.extract.lookup import Hit
from armsledger.extract.model import ActorRef, Frame, ItemRef, SentenceView, TriggerRef
from armsledger.lexicon import Cue, Lexicons

_DETERMINER_TAIL = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|these|those|both|all)\s+)*$", re.IGNORECASE
)
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+|&\s*)(?:the\s+)?$")
_DOUBLE_OBJECT_GAP = re.compile(r"^\s+(?:(?:the|also|even|reportedly|secretly|directly)\s+)?$")
Owner = TriggerRef | Hit


class DirectionGrammar:
    def __init__(self, lexicons: Lexicons, text: str) -> None:
        self.lexicons = lexicons
        self.text = text

    def frames(self, view: SentenceView, markers: dict[int, set[str]]) -> list[Frame]:
        self.markers = markers
        frames: list[Frame] = []
        for clause in self._clauses(view):
            frames += self._clause_frames(view, clause)
        return frames

    def _clauses(self, view: SentenceView) -> list[tuple[int, int]]:
        breaks = sorted(
            m.start for m in view.markers if m.kind == "marker:clause_breaks"
        )
        bounds = [view.start, *breaks, view.end]
        return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]

    def _clause_frames(self, view: SentenceView, clause: tuple[int, int]) -> list[Frame]:
        start, end = clause
        triggers = [t for t in view.triggers if start <= t.start < end]
        if not triggers:
            return []
        owned = self._ownership(view, clause, triggers)
        frames: list[Frame] = []
        for trigger in triggers:
            items = owned.get(id(trigger), [])
            if not items:
                continue
            frame = self._frame(view, clause, trigger, items)
            frames.append(frame)
            counter = self._counter_items(view, clause, trigger, triggers, owned)
            if counter:
                frames.append(self._reverse(frame, counter))
        return frames

    def _ownership(
        self, view: SentenceView, clause: tuple[int, int], triggers: list[TriggerRef]
    ) -> dict[int, list[ItemRef]]:
        """Each item belongs to the trigger or marker before it; a noun trigger right after an
        item owns it ("arms sales"), and items before the first trigger belong to it."""
        start, end = clause
        owners: list[Owner] = [*triggers]
        owners += [m for m in view.markers if start <= m.start < end and m.kind in (
            "marker:counterflow_markers", "marker:restore_markers")]
        owners.sort(key=lambda owner: owner.start)
        owned: dict[int, list[ItemRef]] = {}
        main = triggers[0]
        for item in view.items:
            if not (start <= item.start < end) or item.blocked:
                continue
            owner = self._owner_of(item, owners, main)
            if isinstance(owner, Hit) and owner.kind == "marker:restore_markers":
                owner = main
            owned.setdefault(id(owner), []).append(item)
        return owned

    def _owner_of(self, item: ItemRef, owners: Sequence[Owner], main: TriggerRef) -> Owner:
        for owner in owners:
            if isinstance(owner, TriggerRef) and owner.start >= item.end:
                gap = self.text[item.end : owner.start]
                if owner.pattern.startswith(("noun", "agent")) and re.fullmatch(r"[\s-]*", gap):
                    return owner
        before = [owner for owner in owners if owner.end <= item.start]
        if not before:
            return owners[0] if isinstance(owners[0], Hit) else main
        return before[-1]

    def _counter_items(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef,
        triggers: list[TriggerRef], owned: dict[int, list[ItemRef]],
    ) -> list[ItemRef]:
        """Items of the counter-flow markers that answer this trigger: those after it, or those
        before the first trigger when the sentence opens with "In return for X, ..."."""
        following = [t for t in triggers if t.start > trigger.start]
        limit = following[0].start if following else clause[1]
        items: list[ItemRef] = []
        for marker in view.markers:
            if marker.kind != "marker:counterflow_markers" or not clause[0] <= marker.start < clause[1]:
                continue
            opening = trigger is triggers[0] and marker.start < trigger.start
            if opening or trigger.start < marker.start < limit:
                items += owned.get(id(marker), [])
        return items

    def _frame(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef, items: list[ItemRef]
    ) -> Frame:
        suppliers, recipients = self._roles(view, clause, trigger, items)
        voice = "_passive" if trigger.passive else ""
        return Frame(
            sentence=view.index, trigger=trigger, suppliers=suppliers, recipients=recipients,
            items=items, stage=self._stage(view, clause, trigger),
            rule_id=f"direction.{trigger.pattern}{voice}.v1",
            hedges=self._hedges(view, clause, trigger), negated=self._negation(view, trigger),
            clause=clause,
        )

    def _reverse(self, frame: Frame, items: list[ItemRef]) -> Frame:
        return Frame(
            sentence=frame.sentence, trigger=frame.trigger, suppliers=list(frame.recipients),
            recipients=list(frame.suppliers), items=items, stage=frame.stage,
            rule_id="counterflow.reverse.v1", hedges=list(frame.hedges), negated=frame.negated,
            clause=frame.clause,
        )

    # --- roles -------------------------------------------------------------------------------

    def _roles(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef, items: list[ItemRef]
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        pattern = trigger.pattern
        origin = next((item.origin for item in items if item.origin), None)
        after_to = self._after(view, trigger.end, clause[1], {"recipient_markers"})
        after_from = self._after(view, trigger.end, clause[1], {"supplier_markers"})
        after_by = self._after(view, trigger.end, clause[1], {"agent_markers"})
        subject = self._subject(view, clause, trigger)
        if pattern == "give":
            return self._give(view, clause, trigger, subject, after_to, after_from, after_by, origin)
        if pattern == "get":
            if trigger.passive:
                return _first(after_from, _opt(origin)), after_by
            return _first(after_from, _opt(origin)), subject
        if pattern == "carry":
            return _first(after_from, _opt(origin)), after_to or self._for(view, trigger, clause)
        return self._nominal(view, clause, trigger, subject, after_to, after_from, after_by, origin)

    def _give(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef,
        subject: list[ActorRef], after_to: list[ActorRef], after_from: list[ActorRef],
        after_by: list[ActorRef], origin: ActorRef | None,
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        if trigger.passive:
            suppliers = _first(after_by, after_from, _opt(origin))
            return suppliers, _first(after_to, subject, self._for(view, trigger, clause))
        recipients = _first(after_to, self._double_object(view, trigger, clause),
                            self._for(view, trigger, clause))
        return _first(subject, after_from, _opt(origin)), recipients

    def _nominal(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef,
        subject: list[ActorRef], after_to: list[ActorRef], after_from: list[ActorRef],
        after_by: list[ActorRef], origin: ActorRef | None,
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        pattern = trigger.pattern
        before = self._modifier_before(view, clause, trigger)
        if pattern == "noun_give":
            recipients = _first(after_to, self._for(view, trigger, clause))
            suppliers = _first(before, after_from, after_by, _opt(origin))
            if not suppliers and recipients and subject and subject[0].actor_id != recipients[0].actor_id:
                suppliers = subject
            return suppliers, recipients
        if pattern == "noun_get":
            return _first(after_from, _opt(origin)), _first(before, subject)
        if pattern == "agent_give":
            return _first(subject, self._after_copula(view, trigger, clause)), _first(
                before, after_to, self._for(view, trigger, clause))
        members = self._after_copula(view, trigger, clause)
        return _first(before, after_from, _opt(origin)), _first(members, subject)

    def _preceded_by(self, position: int, floor: int) -> set[str]:
        head = self.text[max(floor, position - 40) : position]
        trimmed = _DETERMINER_TAIL.sub("", head).rstrip()
        end = max(floor, position - 40) + len(trimmed)
        return self.markers.get(end, set())

    def _coordinated(self, view: SentenceView, first: ActorRef, limit: int) -> list[ActorRef]:
        chain = [first]
        for actor in view.actors:
            if actor.start <= chain[-1].start or actor.start >= limit:
                continue
            if not _COORDINATION.match(self.text[chain[-1].end : actor.start]):
                break
            chain.append(actor)
        return chain

    def _subject(self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef) -> list[ActorRef]:
        floor = clause[0]
        for cue in view.cues:
            if cue.kind == "speech" and floor <= cue.end <= trigger.start:
                floor = cue.end
        for marker in view.markers:
            if marker.kind == "marker:relatives" and marker.text.lower() == "that" and floor <= marker.start < trigger.start:
                floor = marker.end
        for actor in view.actors:
            if not floor <= actor.start < trigger.start or actor.is_modifier or actor.role == "pair":
                continue
            if actor.possessive and actor.role != "organ":
                continue
            if self._in_phrase(view, actor):
                continue
            return self._coordinated(view, actor, trigger.start)
        return []

    def _in_phrase(self, view: SentenceView, actor: ActorRef) -> bool:
        """An actor after a preposition, or coordinated with one that is ("between Pyongyang
        and Moscow"), is not a subject."""
        blocked = {"prepositions", "recipient_markers", "supplier_markers", "agent_markers",
                   "weak_recipient_markers", "counterflow_markers"}
        head = actor
        for earlier in reversed([a for a in view.actors if a.end <= actor.start]):
            if not _COORDINATION.match(self.text[earlier.end : head.start]):
                break
            head = earlier
        return bool(self._preceded_by(head.start, view.start) & blocked)

    def _after(self, view: SentenceView, start: int, end: int, roles: set[str]) -> list[ActorRef]:
        for actor in view.actors:
            if start <= actor.start < end and not actor.is_modifier or (
                start <= actor.start < end and actor.is_modifier and self._bare_adjective(actor)
            ):
                if self._preceded_by(actor.start, start) & roles:
                    return self._coordinated(view, actor, end)
        return []

    def _bare_adjective(self, actor: ActorRef) -> bool:
        """"to Russian forces" still names Russia as the receiver."""
        return bool(re.match(r"\s+(?:forces|troops|army|military|units|soldiers|side)\b",
                             self.text[actor.end : actor.end + 12]))

    def _for(self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]) -> list[ActorRef]:
        return self._after(view, trigger.end, clause[1], {"weak_recipient_markers"})

    def _double_object(self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]) -> list[ActorRef]:
        for actor in view.actors:
            if trigger.end <= actor.start < clause[1]:
                gap = self.text[trigger.end : actor.start]
                if _DOUBLE_OBJECT_GAP.match(gap) and not actor.is_modifier and not actor.possessive:
                    return self._coordinated(view, actor, clause[1])
                return []
        return []

    def _modifier_before(self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef) -> list[ActorRef]:
        """"North Korean exports", "Russia's biggest supplier", "Iran's drone deliveries"."""
        before = [a for a in view.actors if clause[0] <= a.end <= trigger.start]
        if not before:
            return []
        actor = before[-1]
        gap = self.text[actor.end : trigger.start]
        modifiers = {w.lower() for w in self.lexicons.grammar.words("agent_modifiers")}
        words = re.findall(r"[\w-]+", re.sub(r"^['’]s?", "", gap))
        item_words = {w.lower() for item in view.items for w in re.findall(r"[\w-]+", item.text)}
        if len(words) > 4 or any(w.lower() not in modifiers | item_words for w in words):
            return []
        if not (actor.is_modifier or actor.possessive or not words):
            return []
        return [actor]

    def _after_copula(self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]) -> list[ActorRef]:
        copulas = [m for m in view.markers if m.kind == "marker:copulas" and trigger.end <= m.start < clause[1]]
        if not copulas:
            return []
        for actor in view.actors:
            if copulas[0].end <= actor.start < clause[1] and not actor.is_modifier:
                return self._coordinated(view, actor, clause[1])
        return []

    # --- stage, hedges, negation --------------------------------------------------------------

    def _stage(self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef) -> Stage:
        for cue in reversed(view.cues):
            if cue.kind == "stage" and clause[0] <= cue.start and cue.end <= trigger.start:
                if trigger.start - cue.end <= 40 and isinstance(cue.payload, Cue):
                    return Stage(cue.payload.kind)
        return trigger.trigger.stage

    def _hedges(self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef) -> list[str]:
        found: list[str] = []
        for cue in view.cues:
            if cue.kind != "hedge" or not isinstance(cue.payload, Cue):
                continue
            in_clause = clause[0] <= cue.start < clause[1]
            if cue.end <= trigger.start or (cue.payload.kind == "near" and in_clause):
                found.append(cue.text)
        return found

    def _negation(self, view: SentenceView, trigger: TriggerRef) -> str | None:
        for cue in view.cues:
            if cue.kind != "denial" or not isinstance(cue.payload, Cue):
                continue
            gap = trigger.start - cue.end
            if cue.payload.kind == "negation" and 0 <= gap <= 14:
                return cue.text
            if cue.payload.kind == "denial" and 0 <= gap <= 30:
                return cue.text
        return None


def _first(*candidates: list[ActorRef]) -> list[ActorRef]:
    for candidate in candidates:
        if candidate:
            return candidate
    return []


def _opt(actor: ActorRef | None) -> list[ActorRef]:
    return [actor] if actor is not None else []
