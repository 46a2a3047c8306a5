"""Gapped coordination: a conjunct that repeats a transfer without its verb.

News lists tallies by leaving the verb and the item out of every conjunct but the first:
"Poland has handed over 14 Leopards, Spain 10 and Canada eight" (new subjects with counts),
"Turkey sold 24 drones to Poland and 12 to Romania" (new recipients with counts) and
"bought jets from Russia and drones from China" (each item with its own source), "bought 24 jets
in 2015 and 30 more in 2021" (a count of the same goods between the same parties). Each conjunct
is a transfer of its own, so it becomes a frame of its own, copied from the full one.
"""

from __future__ import annotations

import re

from armsledger.domain.core import Quantity
from armsledger.extract.model import ActorRef, Frame, ItemRef, SentenceView
from armsledger.extract.quantities import Amount

# Compiled at import: these run on hot paths, once per sentence or item.
# The last comma, "and" or "while" of a gap and everything after it.
_FROM_LAST_JOINER = re.compile(r"(?:,|\band\b|\bwhile\b)[^,]*$")

# Before a gapped subject: ", Spain 10", "and Canada eight", "while Spain 10".
_BEFORE_SUBJECT = re.compile(r"^\s*,?\s*(?:and|while|with|plus)?\s*(?:the\s+)?$", re.IGNORECASE)
# Before a gapped count with its own party: "and 12 to Romania", ", 12 to Romania".
_BEFORE_COUNT = re.compile(r"^\s*(?:,\s*)?(?:and|while|plus)?\s*$", re.IGNORECASE)
# Between a count or item and the party it goes with: "12 to Romania", "drones from China".
_BARE_NUMERAL = re.compile(r"\s+(\d{1,3}(?:,\d{3})+|\d+)(?=\s*(?:,|and\b|\.|;|$))")
# A count of the same goods for the same parties: "bought 24 jets in 2015 and 30 more in 2021".
_MORE = re.compile(r"\s+(?:more|others|additional|extra)\b")
_PARTY_MARKER = re.compile(r"^\s+(to|from)\s+(?:the\s+)?$", re.IGNORECASE)


def gapped_frames(view: SentenceView, frames: list[Frame], text: str) -> list[Frame]:
    """The frames of the sentence, each gapped conjunct after a frame added as its own."""
    result: list[Frame] = []
    for frame in frames:
        result.append(frame)
        if frame.trigger is None or not frame.items or frame.rule_id.startswith("counterflow"):
            continue
        result += _split_items(frame, view, text)
        result += _count_conjuncts(frame, view, text)
    return result


def _split_items(frame: Frame, view: SentenceView, text: str) -> list[Frame]:
    """ "bought Yak-130 jets from Russia and drones from China": a later item followed by its
    own "from"/"to" party moves to a frame with that party."""
    split: list[Frame] = []
    for item in frame.items[1:]:
        found = _party_after(item.end, view, text)
        if found is None:
            continue
        role, actor = found
        current = frame.suppliers if role == "from" else frame.recipients
        if not current or any(a.actor_id == actor.actor_id for a in current):
            continue
        frame.items = [i for i in frame.items if i is not item]
        split.append(_copy(frame, [item], role, actor))
    return split


def _count_conjuncts(frame: Frame, view: SentenceView, text: str) -> list[Frame]:
    """Bare counts after the frame's last item, each with a new subject before it ("Spain 10")
    or a new party after it ("12 to Romania")."""
    model = frame.items[-1]
    cursor = model.end
    found: list[Frame] = []
    for amount in _loose_counts(view, cursor, view.end, text):
        subject = _subject_before(amount, cursor, view, text)
        party = _party_after(amount.end, view, text)
        if subject is not None and _subject_side(frame) is not None:
            found.append(_copy(frame, [_elided(model, amount)], _subject_side(frame), subject))
            cursor = amount.end
        elif party is not None and _BEFORE_COUNT.match(_last_conjunct(cursor, amount.start, text)):
            found.append(_copy(frame, [_elided(model, amount)], party[0], party[1]))
            cursor = party[1].end
        elif _MORE.match(text, amount.end) and _BEFORE_COUNT.match(
            _last_conjunct(cursor, amount.start, text)
        ):
            found.append(_same_parties(frame, [_elided(model, amount)]))
            cursor = amount.end
    return found


def _loose_counts(view: SentenceView, start: int, end: int, text: str) -> list[Amount]:
    loose: list[Amount] = []
    for a in view.amounts:
        if (
            start <= a.start < max(end, start)
            and not a.is_money
            and not a.has_unit
            and a.quantity.value is not None
            and not _attached(a, view.items)
        ):
            loose.append(a)
    loose += _numerals_after_actors(view, start, end, text)
    loose.sort(key=_start_of)
    return loose


def _attached(amount: Amount, items: list[ItemRef]) -> bool:
    for item in items:  # noqa: SIM110 (compiled: a loop, no generator)
        if item.amount is amount or item.unit_amount is amount:
            return True
    return False


def _start_of(amount: Amount) -> int:
    return amount.start


def _numerals_after_actors(view: SentenceView, start: int, end: int, text: str) -> list[Amount]:
    """ "Spain 10": a figure right after a name can read as part of the name ("Leopard 2"), so
    the amount reader may leave it; after a party in a gapped list it is a count."""
    found: list[Amount] = []
    for actor in view.actors:
        if not start <= actor.start < end:
            continue
        numeral = _BARE_NUMERAL.match(text, actor.end)
        if numeral is None or _taken(numeral.start(1), view.amounts):
            continue
        value = float(numeral.group(1).replace(",", ""))
        quantity = Quantity(value=value, low=value, high=value, text=numeral.group(1))
        found.append(
            Amount(
                start=numeral.start(1),
                end=numeral.end(1),
                quantity=quantity,
                has_unit=False,
                is_money=False,
            )
        )
    return found


def _taken(position: int, amounts: list[Amount]) -> bool:
    for amount in amounts:  # noqa: SIM110 (compiled: a loop, no generator)
        if amount.start <= position < amount.end:
            return True
    return False


def _subject_before(amount: Amount, cursor: int, view: SentenceView, text: str) -> ActorRef | None:
    for actor in view.actors:
        if (
            cursor <= actor.start
            and actor.end <= amount.start
            and not actor.possessive
            and text[actor.end : amount.start].strip() == ""
            and _BEFORE_SUBJECT.match(_last_conjunct(cursor, actor.start, text))
        ):
            return actor
    return None


def _last_conjunct(start: int, end: int, text: str) -> str:
    """The words between two points from the last comma or conjunction on: what joins the
    conjunct, earlier conjuncts ("to Poland", "Spain 10") left out."""
    gap = text[start:end]
    last = _FROM_LAST_JOINER.search(gap)
    return gap[last.start() :] if last else gap


def _party_after(position: int, view: SentenceView, text: str) -> tuple[str, ActorRef] | None:
    for actor in view.actors:
        if actor.start >= position:
            marker = _PARTY_MARKER.match(text[position : actor.start])
            if marker and not actor.possessive:
                return marker.group(1).lower(), actor
            return None
    return None


def _subject_side(frame: Frame) -> str | None:
    """Which side the subject of the frame's verb holds: the one named before the verb."""
    assert frame.trigger is not None
    if frame.trigger.passive or frame.trigger.pattern not in ("give", "get"):
        return None
    if frame.suppliers and frame.suppliers[0].end <= frame.trigger.start:
        return "from"
    if frame.recipients and frame.recipients[0].end <= frame.trigger.start:
        return "to"
    return None


def _elided(model: ItemRef, amount: Amount) -> ItemRef:
    return ItemRef(
        start=amount.start,
        end=amount.end,
        category=model.category,
        designation=model.designation,
        text=model.text,
        amount=amount,
    )


def _copy(frame: Frame, items: list[ItemRef], side: str | None, actor: ActorRef) -> Frame:
    copied = _same_parties(frame, items)
    if side == "from":
        copied.suppliers = [actor]
    else:
        copied.recipients = [actor]
    return copied


def _same_parties(frame: Frame, items: list[ItemRef]) -> Frame:
    copied = frame.copy()
    copied.items = items
    copied.rule_id = frame.rule_id.replace(".v1", "+gapped.v1")
    copied.hedges, copied.notes = list(frame.hedges), list(frame.notes)
    return copied
