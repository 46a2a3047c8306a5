"""Sentence structure the transfer grammar needs: amounts attached to the items they count,
"X of Y" items merged, trigger words read as verbs or nouns, active or passive, and clauses.

Nothing here parses English in full; each step is one rule of news prose over the mentions the
lexicons found, checked on the few words between them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from armsledger.domain.core import ActorKind
from armsledger.extract.lookup import Hit, MarkerIndex
from armsledger.extract.model import ActorRef, ItemRef, SentenceView, TriggerRef
from armsledger.extract.quantities import Amount
from armsledger.lexicon import Lexicons, Trigger

# Compiled at import: these run on hot paths, once per sentence or item.
_TRAILING_WORD = re.compile(r"([\w’'-]+)\W*$")
# Successive words after an actor, read one by one for a group noun ("Chinese firms").
_SPACED_WORD = re.compile(r"\s+([\w-]+)")
# Two item mentions joined by nothing but spaces or hyphens are one item.
_HYPHEN_SPACE_GAP = re.compile(r"[\s-]*")
# The word after an item, checked against generic and blocking heads.
_FOLLOWING_WORD = re.compile(r"[\s-]+([\w-]+)")
# "Iranian-made", "Russian-built", "Russian-origin": the actor is where the goods come from.
_LEADING_MADE_SUFFIX = re.compile(
    r"^-(?:made|built|produced|designed|supplied|manufactured|origin|sourced|assembled)\s"
)
# Between an origin actor and its item: a possessive or suffix and up to three words.
# After the goods, a phrase of making that names where they come from: "rifles manufactured in
# Serbia", "boats built in Turkey", "drones, which were made in China,", "shells produced by".
_MADE_IN_AFTER = re.compile(
    r"(?:\s*,)?\s+(?:(?:which|that)\s+(?:were|was|are|is|had\s+been|have\s+been)\s+)?"
    r"(?:(?:originally|all|mostly|largely|partly)\s+)?(?:made|built|manufactured|produced|"
    r"assembled|designed)\s+(?:in|by)\s+(?:the\s+)?"
    r"|\s+from\s+(?:the\s+)?"  # "weapons from Libya have flowed to ...", "drones from Iran"
)
# "ammunition of Russian origin", "rifles of Chinese manufacture": the adjective after "of".
_OF_ORIGIN_BEFORE = re.compile(r"\s+of\s+(?:apparent\s+|likely\s+|probable\s+)?")
_ORIGIN_NOUN_AFTER = re.compile(r"\s+(?:origin|make|manufacture|design|production)\b")
# A cheap test of the whole sentence before the origin phrases are looked for item by item.
# The most frequent first ("from"): has_origin_word stops at the first found.
_ORIGIN_WORD_LIST = (
    "from", "made", "production", "built", "manufactured", "produced", "origin", "assembled",
    "designed", "make", "design", "manufacture",
)  # fmt: skip
_ORIGIN_WORD = re.compile(r"\b(?:" + "|".join(_ORIGIN_WORD_LIST) + r")\b")
_ORIGIN_GAP = re.compile(r"^(?:['’]s?)?(?:-\w+)?(?:\s+[\w-]+){0,3}\s+$")
# The "and" of a range: "between 4 million and 6 million".
_SPACED_AND = re.compile(r"\s+and\s+")
# A gap without punctuation, for a designation and the item word after it.
_WORDS_AND_SPACES_ONLY = re.compile(r"[\s\w-]*")
# "drone and missile attacks": a comma, "and" or "or" joining two items.
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")

# Words between a count and its item, designations with slashes included ("AN/TPQ-36").
_GAP_TO_ITEM = re.compile(r"^[\s-]*(?:[\w.,’'/-]+[\s-]+){0,4}$")
_UNIT_CONTENT = re.compile(
    r"^(?:\s+(?:a|per|each|every)\s+\w+)?\s+(?:of|carrying|carry|carries|carried|containing|"
    r"contain|contains|bring|brings|brought|transport|transports|transported|"
    r"loaded with|filled with|packed with|with|worth of|"
    r"full of|laden with)\s+(?:[\w’',.-]+\s+){0,4}$",
    re.IGNORECASE,
)
_OF_GAP = re.compile(r"^\s+of\s+(?:[\w’'.-]+\s+){0,2}$", re.IGNORECASE)
_MONEY_GAP = re.compile(
    r"^['’]?\s+(?:(?:in|of|worth of|in military|of military|in new|of new)\s+)?"
    r"(?:(?:these|those|the|such|American|US|Western|Western-brand(?:ed)?|[A-Z][a-z]+(?:an|ese|ish)|military|lethal|"
    r"advanced|new|sensitive)\s+){0,2}$"
)
_WORTH_GAP = re.compile(
    r"^\s+(?:worth|valued at|totalling|totaling|costing|at a cost of|for)\s+(?:about|around|"
    r"some|nearly|almost|up to|more than|over|an estimated|roughly)?\s*$",
    re.IGNORECASE,
)
_COUNT_AFTER = re.compile(
    r",\s*(?:(?:which|who)\s+(?:[\w’']+\s+){0,2}(?:put|puts|estimates?|estimated|numbers?|numbered|"
    r"totals?|totall?ed)\s+(?:at\s+)?|(?:numbering|totall?ing)|(?:estimated|put|reckoned)\s+at|"
    r"(?:thought|believed|said|estimated)\s+to\s+number)\s*$",
    re.IGNORECASE,
)
_TYPE_NUMBER = re.compile(r"\b([A-Z][A-Za-z]{0,11}-?\d+[A-Za-z0-9-]*)\s+(?:[a-z-]+\s+)?$")
# Words that count an item without being one: "two squadrons of the S-400".
_COUNTED_OF = re.compile(
    r"\s+(?:(?:more|further|additional|new)\s+)?(?:squadrons?|batteries|battery|systems?|units?|"
    r"sets?|batches|batch|pieces?|consignments?|shipments?|deliveries)?\s*of\s+"
    r"(?:the|these|those|its|their)?\s*",
    re.IGNORECASE,
)
_STOP_WORDS = frozenset(
    [
        "to",
        "from",
        "by",
        "for",
        "with",
        "in",
        "on",
        "at",
        "and",
        "or",
        "that",
        "which",
        "who",
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "than",
        "of",
        "per",
        "each",
        "every",
    ]
)
_PARTICIPLES = frozenset(
    [
        "sent",
        "sold",
        "given",
        "bought",
        "paid",
        "lent",
        "sought",
        "got",
        "gotten",
        "brought",
        "taken",
        "made",
        "handed",
        "shipped",
    ]
)
_ADVERB = re.compile(r"^\w+ly$")
_ADJECTIVE_LEADS = frozenset(
    ["the", "a", "an", "of", "these", "those", "its", "their", "his", "her", "our", "some", "many"]
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# "export controls", "the export version of", "arms sales ban": the transfer noun only
# qualifies another noun that is not a transfer.
_NOUN_MODIFIED = re.compile(
    r"\s+(?:controls?|licen[cs](?:es|ing)?|bans?|embargo(?:es)?|restrictions?|regimes?|rules|"
    r"laws?|versions?|variants?|models?|books?|markets?|credits?|earnings|revenues?|permits?|"
    r"polic(?:y|ies)|hubs?|routes?|potential|capacity|capabilit(?:y|ies)|industry|sector|lines|"
    r"records|data|figures|statistics|volumes?)\b",
    re.IGNORECASE,
)


# "gun" alone is a small arm, but after a type name it is that type's gun, of the type's kind.
_BARE_GUN = frozenset({"gun", "guns"})
# The word right before a noun, joined by a space or a hyphen ("think tank", "think-tank").
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)[\s-]+$")
_DIGIT = re.compile(r"\d")


class MarkerWords:
    """The last words of the marker phrases of a MarkerIndex table: a place whose last word before
    it is none of them ends no marker, so the index (a regex over the words before the place)
    need not be asked. `verbal` and `passive` are those of the roles read_triggers asks about."""

    __slots__ = ("any", "passive", "verbal")

    def __init__(self, table: dict[str, frozenset[str]]) -> None:
        any_words: set[str] = set()
        verbal: set[str] = set()
        passive: set[str] = set()
        for phrase, roles in table.items():
            last = phrase[phrase.rfind(" ") + 1 :]  # the table joins a phrase's words by spaces
            any_words.add(last)
            if "subject_words" in roles or "relatives" in roles:
                verbal.add(last)
            if "passive_aux" in roles:
                passive.add(last)
        self.any = frozenset(any_words)
        self.verbal = frozenset(verbal)
        self.passive = frozenset(passive)


def last_marker_word(markers: MarkerIndex, position: int) -> str:
    """The last of the words MarkerIndex.ending_at(position) reads (its `_WORDS_BEFORE` over the
    folded text from max(floor, position - 30) to position), or "" when there is none: a run of
    word characters, apostrophes and hyphens, or one of the marks ;:()–—& (the two classes do not
    overlap, so the last match is the last run or mark)."""
    folded = markers.folded
    low = max(markers.floor, position - 30)
    index = min(position, len(folded))
    while index > low:
        char = folded[index - 1]
        if _is_word_char(char) or char in _WORD_PUNCTUATION:
            first = index - 1
            while first > low and (
                _is_word_char(folded[first - 1]) or folded[first - 1] in _WORD_PUNCTUATION
            ):
                first -= 1
            return folded[first:index]
        if char in _MARKER_MARKS:
            return char
        index -= 1
    return ""


class Structure:
    """Structural reading of one sentence view, in place."""

    def __init__(self, lexicons: Lexicons, text: str) -> None:
        self.lexicons = lexicons
        self.text = text
        self.blocking = lexicons.blocking_heads
        self.generic_heads = frozenset(w.lower() for w in lexicons.grammar.words("generic_heads"))
        # The blocking modifiers the document holds, lower-cased (None until first asked).
        self._named_modifiers: tuple[str, ...] | None = None

    def prepare(self, view: SentenceView) -> None:
        self._join_ranges(view)
        self._drop_unit_nouns(view)
        self._drop_modified_nouns(view)
        self._merge_adjacent(view)
        self._name_designations(view)
        view.amounts = [a for a in view.amounts if not _in_item(a.start, view.items)]
        self._attach_amounts(view)
        self._merge_of_items(view)
        self._fold_unit_loads(view)
        self._block_producers(view)
        self._set_origins(view)

    def _join_ranges(self, view: SentenceView) -> None:
        """ "between 4 million and 6 million rounds", "between 80% and 90%": one range, stated
        by its first figure and bounded by both, counting what follows the second."""
        joined: list[Amount] = []
        for amount in view.amounts:
            first = joined[-1] if joined else None
            if (
                first is not None
                and first.quantity.value is not None
                and amount.quantity.value is not None
                and _SPACED_AND.fullmatch(self.text[first.end : amount.start])
                and _BETWEEN.search(self.text, max(0, first.start - 9), first.start)
            ):
                quantity = replace(
                    amount.quantity,
                    value=first.quantity.value,
                    low=first.quantity.value,
                    high=amount.quantity.value,
                    text=self.text[first.start : amount.end],
                )
                joined[-1] = Amount(
                    start=first.start,
                    end=amount.end,
                    quantity=quantity,
                    has_unit=amount.has_unit,
                    is_money=amount.is_money,
                )
                continue
            joined.append(amount)
        view.amounts = joined

    def _drop_unit_nouns(self, view: SentenceView) -> None:
        """ "1,000 containers": the container word is the unit of the amount, not an item."""
        # Also "2 billion roubles": the currency word is the amount's unit, not money as goods.
        units = [(a.start, a.end) for a in view.amounts if a.has_unit or a.is_money]
        if units:
            view.items = [item for item in view.items if not _within(item, units)]

    def _drop_modified_nouns(self, view: SentenceView) -> None:
        """ "a think tank", "a fish tank": the word before makes the noun something else."""
        if not self.lexicons.blocking_modifiers:
            return
        if not self._may_name_modifier(view):
            view.items = list(view.items)  # a new list, as the filter below makes
            return
        view.items = [item for item in view.items if not self._modified(view, item)]

    def _may_name_modifier(self, view: SentenceView) -> bool:
        """Whether the sentence, lower-cased, holds a blocking modifier: a word _modified finds
        lies in it (ASCII letters, lower-cased one for one), so without one no item is modified
        and the word before each need not be read (most documents name none)."""
        if self._named_modifiers is None:
            self._named_modifiers = _held(self.text.lower(), self.lexicons.blocking_modifiers)
        if not self._named_modifiers:
            return False
        return _held(self.text[view.start : view.end].lower(), self._named_modifiers) != ()

    def _modified(self, view: SentenceView, item: ItemRef) -> bool:
        word = word_before(self.text, max(view.start, item.start - 30), item.start)
        return word != "" and word.lower() in self.lexicons.blocking_modifiers

    def _name_designations(self, view: SentenceView) -> None:
        """ "Yak-130 jets", "Bulsae-4 missiles": a type number right before a generic item word
        is its designation, even when no lexicon lists it."""
        for item in view.items:
            if item.designation is not None:
                continue
            low = max(view.start, item.start - 30)
            # The pattern needs a digit: most windows have none, and then it need not run.
            found = (
                _TYPE_NUMBER.search(self.text, low, item.start)
                if _has_digit(self.text, low, item.start)
                else None
            )
            # "supply the M23 with weapons": a party's name is no type number.
            if found and not any(a.start <= found.start(1) < a.end for a in view.actors):
                item.designation = found.group(1)
                item.start, item.text = found.start(1), self.text[found.start(1) : item.end]

    def _merge_adjacent(self, view: SentenceView) -> None:
        """ "Leopard 2 tanks", "Kalashnikov rifles", "Shahed drone parts": a type name or a
        modifier noun and its head are one item, of the head's category."""
        merged: list[ItemRef] = []
        for item in view.items:
            previous = merged[-1] if merged else None
            if previous is not None and self._adjacent(previous, item):
                if previous.designation and item.text.lower() in _BARE_GUN:
                    item.category = previous.category  # "Koksan guns", "Gepard guns": the type's
                item.designation = item.designation or previous.designation
                item.start, item.text = previous.start, self.text[previous.start : item.end]
                merged[-1] = item
                continue
            merged.append(item)
        view.items = merged

    def _adjacent(self, first: ItemRef, second: ItemRef) -> bool:
        gap = self.text[first.end : second.start]
        if _HYPHEN_SPACE_GAP.fullmatch(gap) and first.end != second.start:
            return True
        words = gap.split()
        return (
            first.designation is not None
            and second.designation is None
            and len(words) <= 2
            and bool(_WORDS_AND_SPACES_ONLY.fullmatch(gap))
            and not any(w.lower() in _STOP_WORDS for w in words)
        )

    def _attach_amounts(self, view: SentenceView) -> None:
        for amount in view.amounts:
            if amount.is_money:
                self._attach_money(view, amount)
                continue
            target = self._next_item(view, amount.end, _UNIT_CONTENT if amount.has_unit else None)
            target = target or self._counted_after(view, amount)
            if target is None:
                continue
            if amount.has_unit and target.unit_amount is None:
                target.unit_amount = amount
            elif not amount.has_unit and target.amount is None:
                target.amount = amount

    def _counted_after(self, view: SentenceView, amount: Amount) -> ItemRef | None:
        """ "dispatched construction workers to Russian-held areas, which we put at around
        5,000", "troops, numbering about 3,000", "troops, estimated at 11,000": a count given
        after the goods (and the phrase of place that follows them), in a phrase of its own."""
        if amount.has_unit:
            return None
        # A match opens with the only comma it holds, so it can only start at the last comma.
        comma = self.text.rfind(",", view.start, amount.start)
        if comma < 0 or not _COUNT_AFTER.match(self.text, comma, amount.start):
            return None
        before = [i for i in view.items if i.end <= comma]
        if not before or before[-1].amount is not None or comma - before[-1].end > 40:
            return None
        return before[-1]

    def _attach_money(self, view: SentenceView, amount: Amount) -> None:
        """ "$500m of weapons", "500 million euros' worth of parts", "equipment worth €500m"."""
        for item in view.items:
            if item.start >= amount.end and _MONEY_GAP.match(self.text[amount.end : item.start]):
                if item.amount is None:
                    item.amount = amount
                return
        for item in reversed(view.items):
            gap = self.text[item.end : amount.start]
            if item.end <= amount.start and _WORTH_GAP.match(gap) and item.amount is None:
                item.amount = amount
                return

    def _next_item(
        self, view: SentenceView, position: int, pattern: re.Pattern[str] | None
    ) -> ItemRef | None:
        for item in view.items:
            if item.start < position:
                continue
            gap = self.text[position : item.start]
            if pattern is not None:
                return item if pattern.match(gap) else None
            words = gap.split()
            if _GAP_TO_ITEM.match(gap) and not any(w.lower() in _STOP_WORDS for w in words):
                return item
            if _COUNTED_OF.fullmatch(gap):
                return item  # "19 of the jets", "two squadrons of the S-400", "three batches of"
            return None
        return None

    def _merge_of_items(self, view: SentenceView) -> None:
        """ "1.5 million rounds of ammunition" is one item, counted by the first noun."""
        merged: list[ItemRef] = []
        for item in view.items:
            previous = merged[-1] if merged else None
            if previous and _OF_GAP.match(self.text[previous.end : item.start]):
                item.amount = item.amount or previous.amount
                item.unit_amount = item.unit_amount or previous.unit_amount
                item.start = previous.start
                item.text = self.text[previous.start : item.end]
                if self.lexicons.depth(previous.category) > self.lexicons.depth(item.category):
                    item.category = previous.category
                merged[-1] = item
                continue
            merged.append(item)
        view.items = merged

    def _fold_unit_loads(self, view: SentenceView) -> None:
        """ "4,000 containers of weapons and munitions": the containers are counted once, so
        the goods listed after the first are its load, not transfers of their own."""
        kept: list[ItemRef] = []
        load: ItemRef | None = None
        for item in view.items:
            if (
                load is not None
                and item.amount is None
                and item.unit_amount is None
                and _LIST_JOINER.fullmatch(self.text, load.end, item.start)
            ):
                load = load.copy()
                load.end = item.end
                continue
            kept.append(item)
            load = item if item.unit_amount is not None else None
        view.items = kept

    def _block_producers(self, view: SentenceView) -> None:
        for item in reversed(view.items):
            later = _first_from(view.items, item.end)
            # "drone and missile attacks": a modifier coordinated with a blocked one is one too.
            if later is not None and later.blocked:
                gap = self.text[item.end : later.start]
                if _LIST_JOINER.fullmatch(gap):
                    item.blocked = True
                    continue
            following = _FOLLOWING_WORD.match(self.text[item.end : item.end + 30])
            word = following.group(1).lower() if following else ""
            # "three NASAMS units": after a named type a generic head counts the goods.
            if item.designation is not None and word in self.generic_heads:
                continue
            if word in self.blocking:
                item.blocked = True

    def _set_origins(self, view: SentenceView) -> None:
        """ "North Korean shells", "Iran's drones", "Iranian-made drones": where they come from."""
        for item in view.items:
            inner = _adjective_inside(view.actors, item)
            if inner is not None:
                # "2 million rounds of North Korean artillery ammunition": one goods phrase.
                item.origin = inner
                continue
            actor = _last_before(view.actors, item.start)
            if actor is None:
                continue
            gap = self.text[actor.end : item.start]
            if self._origin_gap(actor, gap):
                item.origin = self._first_coordinated(
                    [a for a in view.actors if a.end <= item.start]
                )
        self._set_origins_after(view)

    def _origin_gap(self, actor: ActorRef, gap: str) -> bool:
        """Whether the actor, `gap` before the goods, says where they come from."""
        modifier = (
            actor.is_modifier
            or actor.possessive
            or _LEADING_MADE_SUFFIX.match(gap) is not None
            or self._maker(actor, gap)
        )
        if not modifier or not _ORIGIN_GAP.match(gap + " "):
            return False
        return not any(w.lower() in _STOP_WORDS for w in gap.split())

    def _first_coordinated(self, before: list[ActorRef]) -> ActorRef:
        """ "Iranian and North Korean drones": the origin is the first of the adjectives, from
        which the grammar reads the whole coordination."""
        index = len(before) - 1
        while (
            index > 0
            and before[index].is_modifier
            and before[index - 1].is_modifier
            and _LIST_JOINER.fullmatch(self.text[before[index - 1].end : before[index].start])
        ):
            index -= 1
        return before[index]

    def _maker(self, actor: ActorRef, gap: str) -> bool:
        """ "12 Otokar Cobra II vehicles", "Airbus helicopters": a company named right before
        the goods is their maker."""
        if gap.strip() or actor.role != "nonstate":
            return False
        found = self.lexicons.actors.get(actor.actor_id)
        return found is not None and found.kind is ActorKind.COMPANY

    def _set_origins_after(self, view: SentenceView) -> None:
        """ "rifles and machine guns manufactured in Serbia", "ammunition of Russian origin":
        an origin phrase after the goods names where they, and the goods listed with them, come
        from. Like an adjective of origin, it never displaces a named supplier (roles.py)."""
        items = view.items
        if not items or not has_origin_word(self.text, items[0].end, view.end):
            return
        for index, item in enumerate(items):
            actor = self._origin_after(view, item)
            if actor is None:
                continue
            item.origin = item.origin or actor
            for back in range(index - 1, -1, -1):
                earlier, later = items[back], items[back + 1]
                if earlier.origin is not None or not _LIST_JOINER.fullmatch(
                    self.text[earlier.end : later.start]
                ):
                    break
                earlier.origin = actor

    def _origin_after(self, view: SentenceView, item: ItemRef) -> ActorRef | None:
        following = [a for a in view.actors if item.end <= a.start <= item.end + 45]
        if not following:
            return None
        actor = following[0]
        gap = self.text[item.end : actor.start]
        if _MADE_IN_AFTER.fullmatch(gap):
            return actor
        if (
            actor.is_modifier
            and _OF_ORIGIN_BEFORE.fullmatch(gap)
            and _ORIGIN_NOUN_AFTER.match(self.text, actor.end)
        ):
            return actor
        return None


def read_triggers(
    view: SentenceView,
    hits: list[Hit],
    text: str,
    markers: MarkerIndex,
    heads: frozenset[str] = frozenset(),
    standing: frozenset[str] = frozenset(),
    words: MarkerWords | None = None,
) -> list[TriggerRef]:
    """One reading per trigger word: verb or noun, active or passive; `heads` are generic
    head nouns ("systems"), `standing` group nouns that make an adjective a party ("firms");
    `words`, the last words of the markers' table, spares look-ups that cannot find one."""
    if words is None:
        words = MarkerWords(markers.table)
    groups: dict[tuple[int, int], list[Trigger]] = {}
    for hit in hits:
        if isinstance(hit.payload, Trigger):
            groups.setdefault((hit.start, hit.end), []).append(hit.payload)
    readings: list[TriggerRef] = []
    for (start, end), triggers in sorted(groups.items()):
        if text[end : end + 1] == "-" or text[start - 1 : start] == "-":
            continue  # "hand-wringing", "arms-supply": part of a compound, not the verb
        # The word before the trigger, which every test below looks at: read once.
        previous = _previous_word(text, start, view.start)
        verbal = (
            _verbal_context(view, start, text, markers, previous, words.verbal)
            or _after_standing_party(view, start, text, standing)
            or _gerund(text, start, end, previous[0])
        )
        verbs = [t for t in triggers if not t.pattern.startswith(("noun", "agent"))]
        nouns = [t for t in triggers if t.pattern.startswith(("noun", "agent"))]
        form = text[start:end].lower()
        # "-ed" forms are verbs; "shipping", "smuggling" are nouns as often as verbs.
        ambiguous = (
            verbs and verbs[0].ambiguous and (verbs[0].always_ambiguous or not form.endswith("ed"))
        )
        if verbs and (verbal or not nouns) and (verbal or not ambiguous):
            chosen = verbs[0]
        elif nouns:
            chosen = nouns[0]
        else:
            continue
        if chosen in nouns and _NOUN_MODIFIED.match(text, end):
            continue
        if chosen in verbs and _adjectival(text, start, end, previous[0]):
            continue
        passive = chosen in verbs and _is_passive(
            view, (start, end), text, markers, heads, previous, words.passive
        )
        readings.append(
            TriggerRef(start=start, end=end, trigger=chosen, text=text[start:end], passive=passive)
        )
    return readings


def _has_digit(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a character the regex `\\d` matches (a decimal digit)."""
    # One regex scan in C: cheaper, compiled, than a str object and a method call per character.
    return _DIGIT.search(text, start, end) is not None


def has_origin_word(text: str, start: int, end: int) -> bool:
    """Whether _ORIGIN_WORD.search(text, start, end) finds a match: a word of the list with a
    word boundary before it (the character before may lie outside the window) and after it
    (the window's end counts as one), found by str.find instead of the alternation tried at
    every position."""
    for word in _ORIGIN_WORD_LIST:
        at = text.find(word, start, end)
        while at >= 0:
            after = at + len(word)
            if (at == 0 or not _is_word_char(text[at - 1])) and (
                after == end or after >= len(text) or not _is_word_char(text[after])
            ):
                return True
            at = text.find(word, at + 1, end)
    return False


def _first_from(items: list[ItemRef], position: int) -> ItemRef | None:
    """The first item of the list (list order) that starts at or after `position`."""
    for item in items:
        if item.start >= position:
            return item
    return None


def _in_item(position: int, items: list[ItemRef]) -> bool:
    for item in items:  # noqa: SIM110 (compiled: a loop, no generator)
        if item.start <= position < item.end:
            return True
    return False


def _within(item: ItemRef, spans: list[tuple[int, int]]) -> bool:
    for start, end in spans:  # noqa: SIM110 (compiled: a loop, no generator)
        if start <= item.start and item.end <= end:
            return True
    return False


def _last_before(actors: list[ActorRef], position: int) -> ActorRef | None:
    """The last actor of the list (list order) that ends by `position`."""
    found: ActorRef | None = None
    for actor in actors:
        if actor.end <= position:
            found = actor
    return found


def _held(text: str, words: frozenset[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The words that occur in `text`, in sorted order."""
    held: list[str] = []
    for word in sorted(words):
        if word in text:
            held.append(word)
    return tuple(held)


def _word_before_start(text: str, low: int, end: int) -> int:
    """Where a match of _WORD_BEFORE searched in text[low:end] must start, or -1 when there is
    none. Letters and the spaces or hyphens after them do not overlap, so a match is the run of
    ASCII letters ending where the spaces and hyphens that close the window begin, from its
    first letter (no word boundary inside the run); matching there equals the search."""
    last = end
    while last > low and (text[last - 1].isspace() or text[last - 1] == "-"):
        last -= 1
    first = last
    while first > low and _is_ascii_letter(text[first - 1]):
        first -= 1
    return first if first < last < end else -1


def word_before(text: str, low: int, end: int) -> str:
    """_WORD_BEFORE.search(text, low, end).group(1), or "" when it finds none, without the
    regex: the match can only start where _word_before_start says, and does when a word
    boundary stands there (its letters then run to the spaces or hyphens)."""
    start = _word_before_start(text, low, end)
    if start < 0 or (start > 0 and _is_word_char(text[start - 1])):
        return ""
    last = start
    while _is_ascii_letter(text[last]):  # stops at the first space or hyphen, before `end`
        last += 1
    return text[start:last]


def _is_ascii_letter(char: str) -> bool:
    return "a" <= char <= "z" or "A" <= char <= "Z"


def _adjectival(text: str, start: int, end: int, word: str) -> bool:
    """ "the teardown of recovered Russian weapons", "the donated tanks": an -ed form after a
    determiner or preposition (`word`, the word before) modifies the noun after it; it reports
    no act."""
    if not text[start:end].lower().endswith("ed"):
        return False
    return word.lower() in _ADJECTIVE_LEADS


def _previous_word(text: str, start: int, floor: int) -> tuple[str, int]:
    """The last word in the 40 characters before `start`, as `_TRAILING_WORD` finds it.

    Asked for every trigger and candidate, so it scans back over characters instead of running
    the end-anchored regex, which retries at every position of the window."""
    low = max(floor, start - 40)
    last = start
    while last > low and not _is_word_char(text[last - 1]):
        last -= 1
    if last == low:  # no word character: only the regex knows the odd cases ("'-")
        found = _TRAILING_WORD.search(text[low:start])
        return (found.group(1), low + found.start(1)) if found else ("", start)
    end = last
    while end < start and text[end] in _WORD_PUNCTUATION:
        end += 1
    first = last - 1
    while first > low and (_is_word_char(text[first - 1]) or text[first - 1] in _WORD_PUNCTUATION):
        first -= 1
    return text[first:end], first


# The gaps of a reduced relative: none, or one head noun after the item's name.
_BLANK = re.compile(r"^\s*$")
_BY = re.compile(r"\s+by\s+(?:the\s+)?", re.IGNORECASE)
_ONE_WORD = re.compile(r"^\s+[\w-]+\s+$")
# Inside a word for `_TRAILING_WORD` but not regex word characters.
_WORD_PUNCTUATION = "’'-"
# The one-character words of MarkerIndex (lookup._WORDS_BEFORE).
_MARKER_MARKS = ";:()–—&"


def _is_word_char(char: str) -> bool:
    """What the regex `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


def standing_end(actor: ActorRef, text: str, standing: frozenset[str]) -> int | None:
    """ "Chinese firms", "Russian arms suppliers": where the group noun after a nationality
    adjective ends, the phrase then naming a party of that state; None when no group noun."""
    if not actor.is_modifier:
        return None
    end = None
    for word in _SPACED_WORD.finditer(text[actor.end : actor.end + 40]):
        if word.start() != (end - actor.end if end else 0) or word.group(1).lower() not in standing:
            break
        end = actor.end + word.end()
    return end


def _after_standing_party(
    view: SentenceView, start: int, text: str, standing: frozenset[str]
) -> bool:
    """ "Chinese firms supply engines": the word before the trigger closes a standing party."""
    # Where the words before the trigger end: text[view.start:start].rstrip(), without the copy.
    stop = start
    while stop > view.start and text[stop - 1].isspace():
        stop -= 1
    for actor in view.actors:
        if not actor.is_modifier or actor.end >= start:
            continue  # standing_end is None for a non-modifier; its search is the costly part
        if standing_end(actor, text, standing) == stop:
            return True
    return False


def _adjective_inside(actors: list[ActorRef], item: ItemRef) -> ActorRef | None:
    for actor in actors:
        if actor.is_modifier and item.start < actor.start and actor.end <= item.end:
            return actor
    return None


def _gerund(text: str, start: int, end: int, word: str) -> bool:
    """ "sanctioned for exporting engines", "accused of shipping arms": an -ing form after
    "for", "of" or "with" (`word`, the word before) is a verb with its own object."""
    return text[start:end].lower().endswith("ing") and word.lower() in ("for", "of", "with")


def _verbal_context(
    view: SentenceView,
    start: int,
    text: str,
    markers: MarkerIndex,
    previous: tuple[str, int],
    verbal: frozenset[str],
) -> bool:
    word, position = previous
    while _ADVERB.match(word) and word.lower() not in ("only",):
        word, position = _previous_word(text, position, view.start)
    for actor in view.actors:
        if (
            position <= actor.end <= start  # first: the slice below is the costly part
            and text[actor.end : start].strip() in ("", word)
        ):
            return not actor.is_modifier and not actor.possessive
    lowered = word.lower()
    if lowered in ("to", "that", "which", "who", "and", "also", "will", "would"):
        return True
    # Only a marker whose last word ends here can be found (the look-up runs a regex).
    return last_marker_word(markers, position + len(word)) in verbal and bool(
        markers.ending_at(position + len(word)) & {"subject_words", "relatives"}
    )


def _by_agent(view: SentenceView, text: str, end: int) -> bool:
    """A participle right before "by" and a named party is passive whatever comes before it:
    "150,000 rockets, most of them supplied by Iran", "drones, supplied by the UAE" (never
    "by rail" or "by sea": the means of an active verb names no party)."""
    if text.find("by", end, end + 4) < 0 and text.find("By", end, end + 4) < 0:
        return False  # a prefilter for speed only
    by = _BY.match(text, end)
    if by is None:
        return False
    for actor in view.actors:  # noqa: SIM110 (compiled: a loop, no generator)
        if actor.start == by.end():
            return True
    return False


def _is_passive(
    view: SentenceView,
    span: tuple[int, int],
    text: str,
    markers: MarkerIndex,
    heads: frozenset[str],
    previous: tuple[str, int],
    auxiliaries: frozenset[str],
) -> bool:
    start, end = span
    form = text[start:end].lower().split()[0]
    if not (form.endswith("ed") or form in _PARTICIPLES) or form.startswith(("arriv", "reach")):
        return False
    if _by_agent(view, text, end):
        return True
    word, position = previous
    while _ADVERB.match(word) or word.lower() in ("also", "being", "then", "now", "not"):
        if word.lower() == "being":
            return True
        word, position = _previous_word(text, position, view.start)
    ends = position + len(word)
    if last_marker_word(markers, ends) in auxiliaries and "passive_aux" in markers.ending_at(ends):
        return True
    # A participle right after its noun is a reduced relative: "containers sent to Russia",
    # also after a generic head that follows the item's name ("Patriot systems sent to").
    gap = _BLANK
    if word.lower() in heads:
        word, position = _previous_word(text, position, view.start)
        gap = _ONE_WORD
    return (
        any(item.end == position + len(word) for item in view.items)
        and bool(gap.match(text[position + len(word) : start]))
        and not any(a.end == position + len(word) for a in view.actors)
    )
