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

from armsledger.domain.core import Quantity
from armsledger.extract.clauses import clauses
from armsledger.extract.gapping import gapped_frames
from armsledger.extract.lookup import Hit, MarkerIndex, may_contain
from armsledger.extract.modality import ModalityReader
from armsledger.extract.model import ActorRef, Frame, ItemRef, SentenceView, TriggerRef
from armsledger.extract.quantities import Amount
from armsledger.extract.roles import (
    SEIZING,
    RoleWords,
    first_found,
    first_opening,
    may_open,
    optional,
)
from armsledger.extract.structure import MarkerWords
from armsledger.lexicon import Lexicons

# Compiled at import: these run on hot paths, once per sentence or item.
# A clause opening with "if"/"unless" reports no transfer.
_CONDITIONAL_OPENER = re.compile(r"(?:if|unless)\b")
_WHITESPACE_RUN = re.compile(r"\s+")
# An item directly before a noun trigger: nothing but spaces or hyphens between.
_HYPHEN_SPACE_GAP = re.compile(r"[\s-]*")

_FLOOR_WORD_LIST = (
    "said", "says", "told", "claimed", "reported", "added", "explained", "whether", "that",
    "wrote", "stated", "announced",
)  # fmt: skip
_FLOOR_MARKS = ':“"'
# What _floor looks for (last_floor_end finds its last match without running it).
_FLOOR_WORDS = re.compile(r"\b(?:" + "|".join(_FLOOR_WORD_LIST) + r")\b" + r"|[:“\"]")
_NOBODY = Hit(start=-1, end=-1, kind="nobody", payload="", text="")
_FOR = re.compile(r"\bfor\b", re.IGNORECASE)
_WITH_IN = re.compile(r"\b(?:with|in)\b", re.IGNORECASE)
# "supplied 69% of Azerbaijan's arms imports": the noun names the share's whole, not a transfer.
_SHARE_OF = re.compile(
    r"\s+(?:(?:about|some|around|nearly|almost|roughly|over|more than|less than)\s+)?[\d.,]+\s*"
    r"(?:%|percent|per cent)\s+of\s+(?:['’]s?\s*)?(?:[\w-]+\s+){0,3}",
    re.IGNORECASE,
)
# "received (at least 10) shipments of": an amount may stand between the verb and the noun.
_ABSORBING_GAP = re.compile(
    r"^\s+(?:(?:the|a|an|its|their|his|her|first|new|latest|second|third|further|more|regular|"
    r"large|several|two|three|four|five|six|seven|eight|nine|ten|dozen|these|those|at\s+least|"
    r"more\s+than|over|about|around|some|nearly|almost|up\s+to|as\s+many\s+as|dozens\s+of|"
    r"hundreds\s+of|\d[\d,.]*)\s+){0,4}$",
    re.IGNORECASE,
)
Owner = TriggerRef | Hit
# "rockets for Ukraine's launchers", "fighters for the Navy's carriers", "technology for the
# production of missiles": after goods, what they serve or help to make is not goods.
_PURPOSE = re.compile(
    r"\bfor\s+(?:(?:the\s+)?[\w-]+['’]s?|its|their|his|her|our)\s+(?:[\w-]+\s+)?$"
    r"|\bfor\s+(?:the\s+)?(?:[\w-]+\s+)?(?:production|manufactur(?:e|ing)|assembly|maintenance|"
    r"repair|servicing|development)\s+of\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# After an elided count: the end of the phrase, or a noun that counts without naming the goods
# ("three squadrons", "two more batteries"); only such a noun reaches back across sentences.
_ELIDED_FOLLOW = re.compile(
    r"(?:\s+(?:more\s+)?((?:squadrons?|batter(?:y|ies)|batch(?:es)?|regiments?|units?|sets?|"
    r"systems?)))?(?=[.,;)]|\s+(?:and|so far|to date|since|in|by|this|last)\b|\s*$)",
    re.IGNORECASE,
)
_GOODS_OBJECT = re.compile(
    r"\s+(?:\w+\s+)?((?:(?:at\s+least\s+|perhaps\s+)?(?:some|all|most|many|part|half|several|"
    r"dozens|hundreds)\s+of\s+)?(?:them|both(?:\s+(?:systems|types|weapons))?|(?:these|those|the)\s+"
    r"(?:systems|weapons|items|goods|arms)))\s+(?:to|into)\b",
    re.IGNORECASE,
)
# Between a count standing as subject and its verb: auxiliaries and adverbs only.
_COUNT_SUBJECT_GAP = re.compile(
    r"(?:\s+(?:have|has|had|were|was|are|is|been|being|also|already|now|finally|more|\w+ly))*"
    r"\s+",
    re.IGNORECASE,
)
_VAGUE_COUNT = re.compile(
    r"\s+((?:an?\s+(?:unspecified|undisclosed|unknown|small|limited)\s+number|several|a\s+few|"
    r"some|any|dozens|hundreds)(?:\s+(?:of\s+them|more))?)(?=[.,;)]|\s+(?:and|so far|to date|"
    r"since|after|before|this|last|in)\b|\s*$)",
    re.IGNORECASE,
)


def _conditional_opener(head: str) -> bool:
    """_CONDITIONAL_OPENER.match(head), run only where `head` opens with "if" or "unless"
    (both literals of the pattern's only place): two string tests instead of a regex call."""
    if not (head.startswith("if") or head.startswith("unless")):
        return False
    return _CONDITIONAL_OPENER.match(head) is not None


def _absorbs(gap: str) -> bool:
    return bool(_ABSORBING_GAP.match(gap) or _SHARE_OF.fullmatch(gap))


def _counted_like(model: ItemRef, start: int, end: int, amount: Amount | None) -> ItemRef:
    return ItemRef(
        start=start,
        end=end,
        category=model.category,
        designation=model.designation,
        text=model.text,
        amount=amount,
    )


_OBJECT_RELATIVE = re.compile(
    r"\s*(?:that|which)\s+(?:the\s+)?\s*(?:(?:has|have|had|is|are|was|were|will|would|also|"
    r"already|now|been|being|reportedly|allegedly|\w+ly|it|they|said|says)\s+){0,4}",
    re.IGNORECASE,
)
_POINTING = re.compile(r"\b(?:these|those|such|the same)\s+$", re.IGNORECASE)
# A total that rises or reaches a level ("exports reached EUR 1.5 billion", "sales rose 20%").
_TREND = re.compile(
    r"\s+(?:\w+ly\s+)?(?:reached|reach|reaches|totall?ed|totals|rose|rise|rises|fell|falls|grew|"
    r"grow|grows|doubled|tripled|amounted|hit|climbed|dropped|declined|increased|decreased|"
    r"surged|jumped|soared|slumped|stood)\b",
    re.IGNORECASE,
)
# "the supply of 105mm rounds remains a headache": a remark on a flow named before, no transfer.
_STATE_OF_FLOW = re.compile(
    r"\s+of\s+(?:[\w-]+\s+){1,4}(?:remains?|remained|is|was|has\s+been|have\s+been)\b",
    re.IGNORECASE,
)
_INFINITIVE_TO = re.compile(r"\bto\s+$", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
_PUNCTUATION_AFTER = re.compile(r"\s*[;,.)]")
_LEVEL = re.compile(
    r"\s+(?:(?:a|an|about|around|some|nearly|almost|over|more than|record|new|all-time)\s+)*"
    r"(?:[$€£¥₽]|EUR\b|USD\b|\d|record\b|high\b|peak\b)",
    re.IGNORECASE,
)
# "from companies in Europe", "from both East and West": a source that is no known party.
_FROM_NOUN = re.compile(
    r"\bfrom\s+((?:(?:the|a|an|both|some|several|various|unnamed|private|foreign|other|"
    r"unknown|third)\s+)*(?:[a-z][\w-]*|East|West)\b)",
)
# Words before a transfer word that report no transfer: a refusal, a halt, a pause, a
# cancellation, a ban, a warning, an open question, opposition, limits on trade or the absence
# of evidence ("refused to send", "froze sales of", "paused a shipment of", "cancelled its order
# for", "put on hold the export of", "warned China against sending", "no evidence that China
# has supplied", "whether Iran had sent", "oppose any arms deliveries", "eased restrictions on
# arms sales"). What was halted is no delivery; see docs/lexicons.md for the convention.
# "who asked not to be named", "declined to be identified": an unnamed source, not a refusal.
_UNNAMED = r"\s+to\s+be\s+(?:named|identified|quoted)|\s+be\s+(?:named|identified|quoted)"
_NOT_ASSERTED = re.compile(
    r"(?:\bagainst\s+$|\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)(?!" + _UNNAMED + r")|"
    r"reluctan(?:t|ce)|"
    r"fr(?:oze|eeze|eezes|ozen)|halt(?:s|ed)?|suspend(?:s|ed)?|ban(?:s|ned)?|block(?:s|ed)?|"
    r"paus(?:e|es|ed)|cancell?(?:s|ed)?|revok(?:e|es|ed)|scrapp(?:ed|ing)|(?:put|puts|placed)\s+on\s+"
    r"hold|call(?:s|ed)?\s+off|withh(?:old|olds|eld)|veto(?:es|ed)?|turn(?:s|ed)?\s+down|"
    r"bar(?:s|red)|prohibit(?:s|ed)?|stop(?:s|ped)?|prevent(?:s|ed)?|no\s+(?:evidence|sign|"
    r"indication|proof)|whether|not\s+to(?!" + _UNNAMED + r")|oppos(?:e|es|ed|ing)|opposition\s+to|"
    r"(?:say|know|disclose|reveal|confirm|tell|determine|establish|unclear|clear)\s+"
    r"(?:where|how|when|whom)|"
    r"(?:restrictions?|curbs?|limits?|embargo(?:es)?|moratorium)\s+on)\b(?:[^.;:]*?\s)?)"
    r"(?:[\w-]+\s+){0,6}$",
    re.IGNORECASE,
)
# A literal that every alternative of _NOT_ASSERTED contains, lower-cased, after a word boundary
# or a space: a window with none of them so placed cannot match, and finding them is far cheaper
# than the pattern, which is tried at every position of its window (a prefilter for speed only;
# see roles.may_open).
NOT_ASSERTED_WORDS = (
    "against", "refus", "declin", "reluctan", "froze", "freez", "halt", "suspend", "ban",
    "block", "paus", "cancel", "revok", "scrapp", "hold", "call", "withh", "veto", "turn",
    "bar", "prohibit", "stop", "prevent", "evidence", "sign", "indication", "proof",
    "whether", "not", "oppos", "where", "how", "when", "whom", "restriction", "curb", "limit",
    "embargo", "moratorium",
)  # fmt: skip
# What every match of _NOT_ASSERTED opens with, lower-cased, after a word boundary ("not",
# "now" and "north" open with "no"): it cannot match from an earlier place.
NOT_ASSERTED_STARTS = (
    "against", "refus", "declin", "reluctan", "froz", "freez", "halt", "suspend", "ban", "block",
    "paus", "cancel", "revok", "scrapp", "put", "placed", "call", "withh", "veto", "turn", "bar",
    "prohibit", "stop", "prevent", "no", "whether", "oppos", "say", "know", "disclose", "reveal",
    "confirm", "tell", "determine", "establish", "unclear", "clear", "restriction", "curb",
    "limit", "embargo", "moratorium",
)  # fmt: skip
# A halt that wraps the transfer noun: "put deliveries of X to Y on hold".
_PUT_ON_HOLD = re.compile(
    r"\b(?:put|puts|putting|placed|places|kept|keeps)\s+(?:[\w-]+\s+){1,10}?on\s+(?:hold|ice)\b",
    re.IGNORECASE,
)
# Literals that every match of _PUT_ON_HOLD contains, one of each tuple, lower-cased.
PUT_WORDS = ("put", "place", "kept", "keep")
HOLD_WORDS = ("hold", "ice")
# Words before an item that make it the target or the user of the goods, not the goods.
_TARGET = re.compile(
    r"\b(?:against|intercept(?:s|ed|ing)?|to\s+(?:counter|down|destroy|defeat)|"
    r"(?:ending|ended|ends|end|wound|winding)\s+up\s+in|(?:turned|turning|turn)\s+up\s+in|"
    r"(?:guidance\s+|control\s+)?(?:systems?|components?|parts|engines?|electronics)\s+of|"
    r"used\s+(?:in|on|by|to\s+\w+|against|for)|enough[\s,]+(?:[\w,-]+\s+){0,5}?for|"
    r"(?:protect|defend|shield)\w*\s+"
    r"(?:[\w-]+\s+){0,3}from)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A literal that every alternative of _TARGET contains, lower-cased, after a word boundary or a
# space (as NOT_ASSERTED_WORDS; "defend" has its own: its "end" opens no word).
TARGET_WORDS = (
    "against", "intercept", "counter", "down", "destroy", "defeat", "end", "defend", "wound",
    "winding", "turn", "system", "component", "parts", "engine", "electronics", "used", "enough",
    "protect", "shield",
)  # fmt: skip
# A literal that every match of _PURPOSE contains, lower-cased (as NOT_ASSERTED_WORDS).
FOR_WORDS = ("for",)
# People after "from" are whom the goods come from: "bought rifles from corrupt soldiers".
_FROM_PEOPLE = re.compile(r"\b(?:from|by)\s+(?:the\s+|a\s+|some\s+)?(?:[\w-]+\s+){0,2}$")
_FOR_AFTER_GOODS = re.compile(
    r"\s+for\s+(?:(?:the|its|their|his|her|our|same|these|those|a|an)\s+)*"
    r"(?:[\w-]+(?:['’]s?)?\s+)?",
    re.IGNORECASE,
)
_AND_OR = re.compile(r"\s*,?\s*(?:and|or)\s*", re.IGNORECASE)
# A non-restrictive relative clause: from ", which"/", who" to the next comma or the end.
_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;:]*")
# Goods that come along with others ("together with munitions made by Roketsan") are no list.
_ACCOMPANYING = re.compile(r"\b(?:with|alongside|besides)\b", re.IGNORECASE)
_LISTED = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*", re.IGNORECASE)
# Units that measure a share or a weight of something else, not a load of goods.
_NOT_CARGO_UNITS = frozenset({"percent"})
# What a payment can consist of: "paid a visit" or "paid tribute" moves nothing.
_PAYMENT_CATEGORIES = frozenset(
    {"money", "fuel", "food", "raw_materials", "cargo", "components", "technology"}
)
# "from ports in Vietnam", "to Amdjarass airport in eastern Chad": the place stands for its state.


def _implicit_arms(trigger: TriggerRef) -> list[ItemRef]:
    """ "Iran is arming the Houthis", "denies arming the M23": the verb names weapons."""
    if trigger.trigger.id != "arm":
        return []
    return [
        ItemRef(
            start=trigger.start,
            end=trigger.end,
            category="weapons",
            designation=None,
            text=trigger.text,
        )
    ]


def _seller_to(
    parties: list[ActorRef], earlier: list[Frame], goods: list[ItemRef]
) -> list[ActorRef]:
    """Who last sold or sent goods to these parties: whom they pay ("Chad bought Turkish
    drones. N'Djamena paid for the aircraft in cash"). Goods paid for that are named by type
    ("paid for the Wing Loong drones") must be the goods of that sale."""
    ids = {p.actor_id for p in parties}
    types = {item.designation for item in goods if item.designation}
    for frame in reversed(earlier):
        if frame.negated is not None or not ids & {r.actor_id for r in frame.recipients}:
            continue
        if types and not types & {item.designation for item in frame.items}:
            continue
        return [s for s in frame.suppliers if s.actor_id not in ids]
    return []


def _supplied_by(parties: list[ActorRef], earlier: list[Frame]) -> list[ActorRef]:
    """The recipient of the latest transfer these parties supplied."""
    ids = {p.actor_id for p in parties}
    for frame in reversed(earlier):
        if ids & {s.actor_id for s in frame.suppliers}:
            return list(frame.recipients)
    return []


# How many of the document's latest transfers a payment may look back over for its payee.
_PAYEE_REACH = 6


class DirectionGrammar(ModalityReader):
    def __init__(
        self,
        lexicons: Lexicons,
        text: str,
        words: RoleWords | None = None,
        lowered: str | None = "",
    ) -> None:
        super().__init__(lexicons, text, words, lowered)
        # Per sentence (set by frames): whether it asks a question, and the spans of its actors
        # and items, last first, which _without_actors cuts out of gaps (None until it first
        # asks: few sentences need them, and the grammar moves no actor or item).
        self.question = False
        self.spans: list[tuple[int, int]] | None = None
        # The latest transfers of the document with both ends named, newest last.
        self.recent_frames: list[Frame] = []

    def frames(
        self, view: SentenceView, markers: MarkerIndex, words: MarkerWords | None = None
    ) -> list[Frame]:
        self.markers = markers
        self.marker_words = words if words is not None else MarkerWords(markers.table)
        self._preceded_cache = {}
        self._readings = {}
        self.question = self.text[view.start : view.end].rstrip(' ”"’').endswith("?")
        self.spans = None
        frames: list[Frame] = []
        for clause in clauses(view, self.text):
            frames += self._clause_frames(view, clause, frames)
        frames = gapped_frames(view, frames, self.text)
        if frames and frames[-1].items:
            self.recent_items = list(frames[-1].items)
        complete = [f for f in frames if f.suppliers and f.recipients]
        self.recent_frames = (self.recent_frames + complete)[-_PAYEE_REACH:]
        self.mentioned_items = []
        return frames

    def _clause_frames(
        self, view: SentenceView, clause: tuple[int, int], earlier: list[Frame]
    ) -> list[Frame]:
        # The owning triggers first (no side effects): a clause without any makes no frame, so
        # whether it is unreal need not be asked (a quarter of the clauses).
        triggers = self._owning_triggers(view, clause)
        if not triggers or self._unreal(view, clause):
            return []
        owned = self._ownership(view, clause, triggers)
        frames: list[Frame] = []
        for trigger in triggers:
            if trigger.pattern in ("pay", "trade"):
                frames += self._exchange_frames(view, clause, trigger, earlier + frames)
                continue
            paid = self._sum_for_goods(view, trigger, clause, owned)
            if paid:
                frames += self._paid_frames(view, clause, trigger, paid)
                continue
            items = (
                owned.get(id(trigger), [])
                or self._money_items(view, trigger, clause)
                or self._unit_items(view, trigger, clause)
            )
            items = items or self._elided_items(view, trigger, clause, earlier + frames)
            items = items or _implicit_arms(trigger)
            if not items:
                continue
            items = [self._referent(item) for item in items]
            if self._part_of_them(clause, trigger):
                items = [_uncounted(item) for item in items]
            frame = self._frame(view, clause, trigger, items)
            if self._statistic(frame, clause):
                continue
            frames += self._parts(view, clause, frame, earlier + frames)
            counter = self._counter_items(view, clause, trigger, triggers, owned)
            if counter:
                frames.append(self._reverse(frame, counter))
        self._value_of_deal(view, clause, frames)
        return frames

    def _part_of_them(self, clause: tuple[int, int], trigger: TriggerRef) -> bool:
        """_PART_OF_THEM before the trigger; only where its window holds "of" (one in eight)."""
        low = max(clause[0], trigger.start - 40)
        return may_contain(self.lowered, OF_WORDS, low, trigger.start) and bool(
            _PART_OF_THEM.search(self.text, low, trigger.start)
        )

    def _value_of_deal(
        self, view: SentenceView, clause: tuple[int, int], frames: list[Frame]
    ) -> None:
        """A loose amount of money is the value of the clause's first transfer."""
        if not frames:
            return
        money = self._loose_money(view, clause)
        head = frames[0].trigger
        if head is not None and self._content_host(view, clause, head) is not None:
            money = None  # the value of a package is neither a count nor the price of one item
        if money is not None:
            # The value of the deal: the quantity of its goods when they are not counted.
            first = frames[0].items[0]
            if first.amount is None and first.unit_amount is None:
                first.amount = next(a for a in view.amounts if a.quantity is money)
            else:
                frames[0].money = money

    def _seizers(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> list[str]:
        """ "Pakistan seized a truck carrying rifles for the Taliban", "the EU sanctioned an
        airline over missile transfers to Russia": who seizes the goods or acts against their
        flow stands outside it, and no rule may make it a party."""
        if trigger.pattern == "carry" and self._seized(view, trigger):
            return [a.actor_id for a in self._subject(view, clause, trigger)]
        if trigger.pattern.startswith("noun") and self._reason_before(clause[0], trigger):
            subject = self._subject(view, clause, trigger)
            if subject and self._against(subject[-1], trigger):
                return [a.actor_id for a in subject]
        return self._passive_seizers(view, trigger)

    def _passive_seizers(self, view: SentenceView, trigger: TriggerRef) -> list[str]:
        """ "Rifles bound for the Houthis were seized by the US Navy": the agent of a seizure
        elsewhere in the sentence is no party to the flow either."""
        return [
            actor.actor_id
            for seizure in view.triggers
            if seizure is not trigger and seizure.passive and seizure.trigger.id in SEIZING
            for actor in self._after(view, seizure.end, view.end, {"agent_markers"})
        ]

    def _exchange_frames(
        self,
        view: SentenceView,
        clause: tuple[int, int],
        trigger: TriggerRef,
        earlier: list[Frame],
    ) -> list[Frame]:
        """ "X paid (Y) [$2bn] for A with/in B", "X traded A for B": what X hands over goes to
        the other side, what comes "for" it comes back; the other side is the indirect object
        or where the goods come from ("paid for Russian jets")."""
        own = self._subject(view, clause, trigger)
        other = self._double_object(view, trigger, clause)
        after = [i for i in view.items if trigger.end <= i.start < clause[1] and not i.blocked]
        cut = _FOR.search(self.text, trigger.end, clause[1])
        back_from = cut.end() if cut else clause[1]
        pay_from = _WITH_IN.search(self.text, back_from, clause[1])
        given = [i for i in after if i.start < (cut.start() if cut else clause[1])]
        returned = [
            i for i in after if back_from <= i.start < (pay_from.start() if pay_from else clause[1])
        ]
        if trigger.pattern == "pay":
            given = [i for i in after if pay_from and i.start >= pay_from.end()] + [
                i for i in given if i.category in _PAYMENT_CATEGORIES
            ]
            given += self._money_items(view, trigger, clause)
        origin = next((i.origin for i in returned if i.origin is not None), None)
        # "paid ... with 2 tonnes of gold flown to Tehran": where the payment goes.
        other = (
            other
            or optional(origin)
            or self._after(view, trigger.end, clause[1], {"recipient_markers"})
        )
        recalled = False
        if trigger.passive:
            # "North Korea sent shells ... and is being paid in oil": the subject is paid, by
            # the agent or else by the party it just supplied.
            payer = self._after(view, trigger.end, clause[1], {"agent_markers"})
            own, other = first_found(payer, _supplied_by(own, earlier)), own
        elif own and not other:
            # "Ouagadougou will pay part of the price in gold": the payee is who last sold to
            # the payer; the goods paid for were that transfer, already read, so only the
            # payment makes a new claim.
            other = _seller_to(own, self.recent_frames + earlier, returned)
            recalled = bool(other)
        frames: list[Frame] = []
        pairs = [(given, (own, other))] + ([] if recalled else [(returned, (other, own))])
        for items, sides in pairs:
            if items and sides[0] and sides[1]:
                frame = self._frame(view, clause, trigger, items)
                frame.suppliers, frame.recipients = list(sides[0]), list(sides[1])
                frame.rule_id = f"counterflow.{trigger.pattern}.v1"
                frames.append(frame)
        return frames

    def _parts(
        self, view: SentenceView, clause: tuple[int, int], frame: Frame, earlier: list[Frame]
    ) -> list[Frame]:
        """The frame, and one more for goods that do not share its origin-given supplier."""
        trigger = frame.trigger
        assert trigger is not None
        apart = self._apart_from_origin(frame)
        parts = [frame] + ([self._frame(view, clause, trigger, apart)] if apart else [])
        for part in parts:
            part.unnamed_supplier = self._unnamed_source(view, part, clause)
            part.bystanders = self._seizers(view, clause, trigger)
            seizers = self._passive_seizers(view, trigger) if part.bystanders else []
            if seizers:
                # "The shipment, which included rifles, was intercepted by the US Navy": the
                # agent of the seizure is no party, whichever rule read it as one.
                part.suppliers = _outside(part.suppliers, seizers)
                part.recipients = _outside(part.recipients, seizers)
            self._borrow_parties(part, earlier + parts[: parts.index(part)])
        return parts

    def _apart_from_origin(self, frame: Frame) -> list[ItemRef]:
        """ "The aircraft were delivered together with munitions made by Roketsan": a supplier
        read from the origin of some goods is not that of goods outside their list, which are
        taken out of the frame (and returned) to find their own."""
        origins = {id(item.origin) for item in frame.items if item.origin is not None}
        if not frame.suppliers or id(frame.suppliers[0]) not in origins:
            return []
        if frame.item_suppliers:
            # "Turkish drones, Chinese-built armoured vehicles and patrol boats": goods whose
            # neighbours come from different places have no supplier of their own named.
            frame.items = [item for item in frame.items if item.origin is not None]
            return []
        groups: list[list[ItemRef]] = []
        for item in frame.items:
            joined = groups and not _ACCOMPANYING.search(self.text, groups[-1][-1].end, item.start)
            if joined:
                groups[-1].append(item)
            else:
                groups.append([item])
        apart = [
            item
            for group in groups
            if all(member.origin is None for member in group)
            for item in group
        ]
        if apart:
            frame.items = [item for item in frame.items if item not in apart]
        return apart

    def _referent(self, item: ItemRef) -> ItemRef:
        """ "shipped $100 million of these goods": goods of unstated kind that point back take
        the kind of the goods named before."""
        before = self.text[max(0, item.start - 12) : item.start]
        referred = self.mentioned_items or self.recent_items
        if item.category != "cargo" or not referred or not _POINTING.search(before):
            return item
        kind = item.copy()
        kind.category = referred[0].category
        return kind

    def _statistic(self, frame: Frame, clause: tuple[int, int]) -> bool:
        """ "Serbian arms exports reached EUR 1.5 billion last year": a total with no
        recipient, or a level an amount reaches, reports no flow to a partner."""
        trigger = frame.trigger
        if trigger is None or frame.recipients:
            return False
        if _TREND.match(self.text, trigger.end, clause[1]):
            return True  # a verb form followed by a verb is the noun ("arms exports reached")
        if not frame.suppliers and _STATE_OF_FLOW.match(self.text, trigger.end, clause[1]):
            return True
        if (
            not frame.suppliers
            and trigger.pattern.startswith("noun")
            and _FOR_BEFORE.search(self.text, max(clause[0], trigger.start - 5), trigger.start)
        ):
            # "manufactured specifically for export;": a purpose, with no partner named.
            return _PUNCTUATION_AFTER.match(self.text, trigger.end) is not None
        return trigger.pattern == "arrive" and bool(_LEVEL.match(self.text, trigger.end, clause[1]))

    def _unnamed_source(self, view: SentenceView, frame: Frame, clause: tuple[int, int]) -> bool:
        """ "bought from companies in Europe", "buy weapons from both East and West": the
        supplier is named, only not as a party we know, so no other party stands in for it."""
        trigger = frame.trigger
        if frame.suppliers or trigger is None:
            return False
        if trigger.pattern != "get" and not (trigger.passive and trigger.pattern == "give"):
            return False
        for found in _FROM_NOUN.finditer(self.text, trigger.end, clause[1]):
            if not any(found.start(1) <= a.start < found.end() + 25 for a in view.actors):
                return True
        return False

    def _unreal(self, view: SentenceView, clause: tuple[int, int]) -> bool:
        """Questions and conditions report no transfer: "Will Germany send...?", "If Beijing
        supplies lethal aid, ...", "warned China against sending weapons"."""
        if self.question:
            return True
        if _conditional_opener(self.text[clause[0] : clause[0] + 8].lower()):
            return True
        held = self.text.find(" on ", clause[0], clause[1]) >= 0 and self._may_hold(clause)
        if held and _PUT_ON_HOLD.search(self.text, clause[0], clause[1]):
            return True  # "Berlin put deliveries of Eurofighters to Saudi Arabia on hold"
        for t in view.triggers:
            if not clause[0] <= t.start < clause[1]:
                continue
            low = max(clause[0], t.start - 60)
            opens = may_open(self.text, self.lowered, NOT_ASSERTED_WORDS, low, t.start)
            if opens and self._not_asserted(low, t.start):
                return True
        return False

    def _not_asserted(self, start: int, end: int) -> bool:
        """_NOT_ASSERTED.search(text, start, end), tried only from the first place where one
        of the words that open its matches opens a word: the pattern, lazy and anchored at the
        end, costs most at the places before (a search finds a match iff one starts there)."""
        first = first_opening(self.text, self.lowered, NOT_ASSERTED_STARTS, start, end)
        return first >= 0 and _NOT_ASSERTED.search(self.text, first, end) is not None

    def _may_hold(self, clause: tuple[int, int]) -> bool:
        """Whether _PUT_ON_HOLD may match in the clause: each match holds one literal of both
        tuples (a prefilter for speed only, as NOT_ASSERTED_WORDS)."""
        start, end = clause
        return may_contain(self.lowered, PUT_WORDS, start, end) and may_contain(
            self.lowered, HOLD_WORDS, start, end
        )

    def _owning_triggers(self, view: SentenceView, clause: tuple[int, int]) -> list[TriggerRef]:
        """Triggers of the clause, less a noun right after a verb or payment marker, which
        only repeats it ("received deliveries of", "paid for the first consignment of")."""
        # Only the spans matter here: a trigger or a payment marker ends where a head ends.
        heads: list[tuple[int, int]] = [
            (t.start, t.end) for t in view.triggers if clause[0] <= t.start < clause[1]
        ]
        heads += [(m.start, m.end) for m in view.markers if m.kind == "marker:counterflow_markers"]
        kept: list[TriggerRef] = []
        for trigger in view.triggers:
            if not clause[0] <= trigger.start < clause[1]:
                continue
            if (
                trigger.pattern == "carry"
                and kept
                and any(a.has_unit and 0 <= trigger.start - a.end <= 2 for a in view.amounts)
            ):
                continue  # "sent 6,700 containers carrying shells": the shells are what was sent
            if trigger.pattern.startswith("noun") and self._absorbed(view, trigger, heads):
                continue
            kept.append(trigger)
        return kept

    def _absorbed(
        self, view: SentenceView, trigger: TriggerRef, heads: list[tuple[int, int]]
    ) -> bool:
        for head_start, head_end in heads:
            if head_end > trigger.start or (
                head_start == trigger.start and head_end == trigger.end
            ):
                continue
            if _absorbs(self._without_actors(view, head_end, trigger.start)):
                return True
        return False

    def _without_actors(self, view: SentenceView, start: int, end: int) -> str:
        """The words between two points, an actor in between reading as one space."""
        gap = self.text[start:end]
        if self.spans is None:
            self.spans = _spans(view)
        for first, last in self.spans:
            if start <= first and last <= end:
                gap = gap[: first - start] + gap[last - start :]
        return _WHITESPACE_RUN.sub(" ", gap)

    def _money_items(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]
    ) -> list[ItemRef]:
        """ "Iran gives Hezbollah as much as $700 million a year": the money is what moves."""
        for amount in view.amounts:
            if (
                amount.is_money
                and clause[0] <= amount.start < clause[1]
                and not self._attached(view, amount)
            ):
                after = (
                    trigger.end <= amount.start
                    and len(self.text[trigger.end : amount.start].split()) <= 4
                )
                # "a new $425m security assistance package": the value before the noun; when
                # the sentence names goods ("took delivery of a THAAD battery, part of a $15
                # billion deal"), it is their price, not money that moves.
                before = (
                    amount.end <= trigger.start
                    and trigger.pattern.startswith("noun")
                    and len(self.text[amount.end : trigger.start].split()) <= 3
                    and (
                        not any(not i.blocked for i in view.items)
                        or self._hosts_contents(view, clause, trigger)
                    )
                )
                if after or before:
                    # "Russian suppliers accounted for $412 million": the value of a share of
                    # the trade, goods of unstated kind, not money that moves.
                    value = trigger.trigger.id == "account_for"
                    return [_amount_item(amount, "cargo" if value else "money")]
        return []

    def _sum_for_goods(
        self,
        view: SentenceView,
        trigger: TriggerRef,
        clause: tuple[int, int],
        owned: dict[int, list[ItemRef]],
    ) -> list[ItemRef]:
        """ "Iran received $1.75 billion from Moscow for its drones": a sum taken "for its/their"
        goods is their price; the goods went the other way. Returns the goods (empty when the
        sentence does not say so)."""
        if trigger.pattern != "get" or trigger.passive:
            return []
        money = self._money_items(view, trigger, clause)
        if not money:
            return []
        paid_for = _FOR_OWN_GOODS.match(self.text, money[0].end, clause[1])
        if paid_for is None:
            return []
        return [i for i in owned.get(id(trigger), []) if i.start >= paid_for.end()]

    def _paid_frames(
        self,
        view: SentenceView,
        clause: tuple[int, int],
        trigger: TriggerRef,
        goods: list[ItemRef],
    ) -> list[Frame]:
        """The sum goes to the subject from whom it is taken; the goods go back as payment's
        counterpart (a reversed frame)."""
        money = self._money_items(view, trigger, clause)
        frame = self._frame(view, clause, trigger, money)
        return [frame, self._reverse(frame, goods)]

    def _unit_items(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]
    ) -> list[ItemRef]:
        """ "the North had shipped 20,000 containers to Russia": containers, trains or wagons
        whose load goes unnamed are cargo, counted by the unit."""
        for amount in view.amounts:
            if (
                amount.has_unit
                and amount.quantity.unit not in _NOT_CARGO_UNITS
                and trigger.end <= amount.start < clause[1]
                and len(self.text[trigger.end : amount.start].split()) <= 3
                and not self._attached(view, amount)
            ):
                return [_amount_item(amount, "cargo")]
        return []

    def _attached(self, view: SentenceView, amount: object) -> bool:
        for item in view.items:  # noqa: SIM110 (compiled: a loop, no generator)
            if item.amount is amount or item.unit_amount is amount:
                return True
        return False

    def _loose_money(self, view: SentenceView, clause: tuple[int, int]) -> Quantity | None:
        """ "in a deal worth $270 million": the value of the transfer, beside its count."""
        for amount in view.amounts:
            if (
                amount.is_money
                and clause[0] <= amount.start < clause[1]
                and not self._attached(view, amount)
            ):
                return amount.quantity
        return None

    def _elided_items(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int], earlier: list[Frame]
    ) -> list[ItemRef]:
        """ "..., and Denmark has delivered 19", "Russia has so far delivered three squadrons",
        "Norway has sent an unspecified number": the count takes the item named before, in
        this sentence or else in the latest transfer of the article."""
        pronoun = _GOODS_OBJECT.match(self.text, trigger.end, clause[1])
        referred = self.mentioned_items or self.recent_items
        if pronoun and referred and not earlier:
            return [
                _counted_like(item, pronoun.start(1), pronoun.end(1), None) for item in referred
            ]
        models = earlier[-1].items if earlier and earlier[-1].items else self.recent_items
        if not models:
            return []
        model = models[0]
        vague = _VAGUE_COUNT.match(self.text, trigger.end, clause[1])
        if vague:
            return [_counted_like(model, vague.start(1), vague.end(1), None)]
        subject = self._count_subject(view, trigger, clause) if earlier else None
        if subject is not None:
            return [_counted_like(model, subject.start, subject.end, subject)]
        for amount in view.amounts:
            if amount.is_money or amount.has_unit or self._attached(view, amount):
                continue
            follow = _ELIDED_FOLLOW.match(self.text, amount.end, clause[1])
            if (
                trigger.end <= amount.start < clause[1]
                and len(self.text[trigger.end : amount.start].split()) <= 1
                and (follow or amount.end == clause[1])
                and (earlier or (follow and follow.group(1)))
            ):
                return [_counted_like(model, amount.start, amount.end, amount)]
        return []

    def _elided(self, item: ItemRef) -> bool:
        """An item standing for goods named before ("the first 28"): its words are not its name."""
        return self.text[item.start : item.end] != item.text

    def _count_subject(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]
    ) -> Amount | None:
        """ "ordered 250 Abrams tanks, and the first 28 arrived in December": a bare count as
        the subject of a verb of arrival or a passive delivery counts the goods named before."""
        if trigger.pattern != "arrive" and not (trigger.passive and trigger.pattern == "give"):
            return None
        for amount in view.amounts:
            if (
                clause[0] <= amount.start
                and amount.end <= trigger.start
                and not (amount.is_money or amount.has_unit or self._attached(view, amount))
                and _COUNT_SUBJECT_GAP.fullmatch(self.text, amount.end, trigger.start)
            ):
                return amount
        return None

    def _borrow_parties(self, frame: Frame, earlier: list[Frame]) -> None:
        if not earlier or (frame.suppliers and frame.recipients):
            return
        previous = earlier[-1]
        elided = bool(frame.items) and self._elided(frame.items[0])
        if (
            not frame.suppliers
            and not frame.recipients
            and (previous.clause != frame.clause or elided)
        ):
            # "..., though rifles are major export items as well", "ordered 250 tanks from the
            # US, and the first 28 arrived": the same parties.
            frame.suppliers, frame.recipients = list(previous.suppliers), list(previous.recipients)
            frame.rule_id = frame.rule_id.replace(".v1", "+ellipsis.v1")
            return
        if (
            frame.items
            and frame.items[0].start >= previous.clause[0]
            and frame.clause == previous.clause
            and not elided
        ):
            return
        if (
            (
                not frame.recipients
                and frame.suppliers
                and previous.recipients
                and frame.rule_id.startswith("direction.give")
            )
            and frame.items
            and frame.items[0].text == previous.items[0].text
        ):
            frame.recipients = list(previous.recipients)

    def _ownership(
        self, view: SentenceView, clause: tuple[int, int], triggers: list[TriggerRef]
    ) -> dict[int, list[ItemRef]]:
        """Each item belongs to the trigger or marker before it; a noun trigger right after an
        item owns it ("arms sales"), and items before the first trigger belong to it."""
        start, end = clause
        owners: list[Owner] = [*triggers]
        owners += [
            m
            for m in view.markers
            if start <= m.start < end
            and m.kind in ("marker:counterflow_markers", "marker:restore_markers")
        ]
        owners.sort(key=_start_of)
        owned: dict[int, list[ItemRef]] = {}
        main = triggers[0]
        previous: ItemRef | None = None
        skipped = ""
        asides = self._asides(view, clause)
        for item in view.items:
            if not (start <= item.start < end) or item.blocked:
                continue
            if _inside(item.start, asides):
                continue
            owner = self._owner_of(view, item, owners, main)
            if isinstance(owner, Hit) and owner.kind == "marker:restore_markers":
                owner = main
            gap = self.text[previous.end : item.start] if previous is not None else ""
            # An item coordinated with a target is one more target ("against missiles, aircraft
            # and drones"); after a purpose ("missiles for air defence, shells") only "and" or
            # "or" continues it, a bare comma going back to the goods.
            chained = skipped == "target" and _LISTED.fullmatch(gap)
            chained = chained or (skipped == "purpose" and _AND_OR.fullmatch(gap))
            kind = self._target(item, previous, bool(owned.get(id(owner))))
            skipped = kind or (skipped if chained else "")
            previous = item
            if owner is _NOBODY or skipped:
                continue
            owned.setdefault(id(owner), []).append(item)
        return owned

    def _asides(self, view: SentenceView, clause: tuple[int, int]) -> list[tuple[int, int]]:
        """ "Russia, which may soon run short of shells, has received ...": a relative clause
        set off by commas, with no transfer word of its own, talks about the party; the goods
        it names are not the goods of the clause's transfer."""
        spans: list[tuple[int, int]] = []
        if self.text.find("wh", clause[0], clause[1]) < 0:
            return spans  # the pattern needs "which" or "who" (case-sensitive, as the pattern)
        for found in _ASIDE.finditer(self.text, clause[0], clause[1]):
            if not any(found.start() <= t.start < found.end() for t in view.triggers):
                spans.append((found.start(), found.end()))
        return spans

    def _target(self, item: ItemRef, previous: ItemRef | None, has_goods: bool) -> str:
        """Items that are not the goods: what they are used against or in ("a capability
        against cruise missiles", "components used in drones", "to intercept missiles") and,
        after goods, what the goods serve ("rockets for Ukraine's launchers", "engines for
        the same drones", "ammunition for HIMARS launchers")."""
        window = max(0, item.start - 60)
        if may_open(self.text, self.lowered, TARGET_WORDS, window, item.start) and _TARGET.search(
            self.text, window, item.start
        ):
            return "target"
        if item.category == "personnel" and self._from_people(item):
            return "target"  # "bought grenades from Peruvian soldiers": the sellers, not goods
        if not has_goods:
            return ""
        low = max(0, item.start - 70)
        if may_contain(self.lowered, FOR_WORDS, low, item.start) and _PURPOSE.search(
            self.text, low, item.start
        ):
            return "purpose"
        gap = self.text[previous.end : item.start] if previous is not None else None
        return "purpose" if gap is not None and _FOR_AFTER_GOODS.fullmatch(gap) else ""

    def _from_people(self, item: ItemRef) -> bool:
        text, low, end = self.text, max(0, item.start - 40), item.start
        # The pattern (case-sensitive) needs "from" or "by": a prefilter for speed only.
        if text.find("from", low, end) < 0 and text.find("by", low, end) < 0:
            return False
        return _FROM_PEOPLE.search(text, low, end) is not None

    def _owner_of(
        self, view: SentenceView, item: ItemRef, owners: Sequence[Owner], main: TriggerRef
    ) -> Owner:
        for owner in owners:
            if isinstance(owner, TriggerRef) and owner.start >= item.end:
                gap = self.text[item.end : owner.start]
                if owner.pattern.startswith(("noun", "agent")) and _HYPHEN_SPACE_GAP.fullmatch(gap):
                    return owner
        last: Owner | None = None  # the last owner before the item
        for owner in owners:
            if owner.end <= item.start:
                last = owner
        if last is None:
            first = owners[0]
            if isinstance(first, TriggerRef) and self._object_relative(view, item, first):
                return first  # "the £3 billion in military aid that the UK is providing"
            if isinstance(first, TriggerRef) and (
                first.pattern == "carry"
                or item.start < self._floor(first)
                or _INFINITIVE_TO.search(self.text, max(0, first.start - 4), first.start)
            ):
                # a vehicle before "carrying", words of another clause, or the means before an
                # infinitive ("raised money to buy them": the money buys, the goods follow)
                return _NOBODY
            return first if isinstance(first, Hit) else main
        return last

    def _object_relative(self, view: SentenceView, item: ItemRef, trigger: TriggerRef) -> bool:
        """The goods right before "that/which" and the subject of an active transfer verb are
        its object: "the aid that the UK is providing", "weapons which Iran sent"."""
        if trigger.passive or trigger.pattern not in ("give", "get"):
            return False
        subjects = [a for a in view.actors if item.end <= a.start and a.end <= trigger.start]
        gap = self._without_actors(view, item.end, trigger.start)
        return bool(subjects) and bool(_OBJECT_RELATIVE.fullmatch(gap))

    def _floor(self, trigger: TriggerRef) -> int:
        """Where the trigger's own clause begins: after a speech verb, "that" or "whether"."""
        head = self.text[max(0, trigger.start - 200) : trigger.start]
        end = last_floor_end(head)
        return max(0, trigger.start - 200) + end if end >= 0 else 0

    def _counter_items(
        self,
        view: SentenceView,
        clause: tuple[int, int],
        trigger: TriggerRef,
        triggers: list[TriggerRef],
        owned: dict[int, list[ItemRef]],
    ) -> list[ItemRef]:
        """Items of the counter-flow markers that answer this trigger: those after it, or those
        before the first trigger when the sentence opens with "In return for X, ..."."""
        following = [t for t in triggers if t.start > trigger.start]
        limit = following[0].start if following else clause[1]
        items: list[ItemRef] = []
        for marker in view.markers:
            if (
                marker.kind != "marker:counterflow_markers"
                or not clause[0] <= marker.start < clause[1]
            ):
                continue
            opening = trigger is triggers[0] and marker.start < trigger.start
            if opening or trigger.start < marker.start < limit:
                items += owned.get(id(marker), [])
        return items

    def _frame(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef, items: list[ItemRef]
    ) -> Frame:
        suppliers, recipients = self._roles(view, clause, trigger, items)
        host = self._content_host(view, clause, trigger)
        staged = trigger
        if host is not None and not (suppliers and recipients):
            # "a $425 million aid package for Ukraine that includes interceptors": the contents
            # go the way, and are at the stage, of the transfer they belong to.
            suppliers, recipients = self._roles(view, clause, host, items)
            staged = host
        if len(suppliers) == 1 and _from_origin(suppliers[0], items):
            # "rifles manufactured in Serbia and Belarus": every origin of the list supplies.
            suppliers = self._coordinated(view, suppliers[0], clause[1])
        negation = self._negation(view, trigger) or self._no_before(view, items)
        voice = "_passive" if trigger.passive else ""
        origins = {id(item.origin) for item in items if item.origin is not None}
        per_item = bool(suppliers) and len(origins) > 1 and id(suppliers[0]) in origins
        return Frame(
            item_suppliers=per_item,
            sentence=view.index,
            trigger=trigger,
            suppliers=suppliers,
            recipients=recipients,
            items=items,
            stage=self._stage(view, clause, staged),
            rule_id=f"direction.{trigger.pattern}{voice}.v1",
            hedges=self._hedges(view, clause, trigger),
            negated=negation.text if negation else None,
            denier=self._denier(view, clause, negation),
            clause=clause,
        )

    def _hosts_contents(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> bool:
        """ "a $425m package for Ukraine that includes interceptors and rounds": the goods named
        are the contents the package's "includes" lists, so the value before the noun is money
        the package moves, not their price."""
        for other in view.triggers:
            if other.start > trigger.end and self._content_host(view, clause, other) is trigger:
                return all(item.blocked or item.start > other.start for item in view.items)
        return False

    def _content_host(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> TriggerRef | None:
        """The giving noun or verb that "includes/contains" lists the contents of: the latest
        before it in the clause."""
        if trigger.pattern == "noun_give" and not trigger.passive:
            return self._deal_host(view, clause, trigger)
        if trigger.trigger.id != "contain" or trigger.passive:
            return None
        hosts = [
            t
            for t in view.triggers
            if clause[0] <= t.start < trigger.start and t.pattern in ("noun_give", "give")
        ]
        return hosts[-1] if hosts else None

    def _deal_host(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> TriggerRef | None:
        """ "Armenia signed a contract with India for the supply of howitzers": the goods of
        "the supply of" go the way, and are at the stage, of the deal they are the object of."""
        for other in reversed(view.triggers):
            if not clause[0] <= other.start < trigger.start or other.trigger.stage != "agreed":
                continue
            if other.pattern in ("get", "give") and not other.passive:
                gap_ok = _FOR_THE_GAP.fullmatch(self.text, other.end, trigger.start)
                return other if gap_ok else None
        return None

    def _reverse(self, frame: Frame, items: list[ItemRef]) -> Frame:
        return Frame(
            sentence=frame.sentence,
            trigger=frame.trigger,
            suppliers=list(frame.recipients),
            recipients=list(frame.suppliers),
            items=items,
            stage=frame.stage,
            rule_id="counterflow.reverse.v1",
            hedges=list(frame.hedges),
            negated=frame.negated,
            denier=list(frame.denier),
            clause=frame.clause,
        )


def last_floor_end(head: str) -> int:
    """The end of the last match of _FLOOR_WORDS in `head`, or -1. Its matches are whole words
    and single marks, which cannot overlap, so the last is the one that ends last: found by
    rfind from the end, without trying the alternation at every position of the head."""
    last = -1
    for mark in _FLOOR_MARKS:
        at = head.rfind(mark)
        if at >= 0 and at + 1 > last:
            last = at + 1
    for word in _FLOOR_WORD_LIST:
        at = head.rfind(word)
        while at >= 0 and at + len(word) > last:
            if _whole_word(head, at, at + len(word)):
                last = at + len(word)
                break
            at = head.rfind(word, 0, at + len(word) - 1)
    return last


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (word characters) has a regex word boundary on both sides."""
    before = start == 0 or not _is_word_char(text[start - 1])
    return before and (end == len(text) or not _is_word_char(text[end]))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


# Between a deal and its object noun: the other party and "for the" ("signed a contract with India
# for the supply of", "ordered from Hanwha for the delivery of").
_FOR_THE_GAP = re.compile(r"(?:\s+(?:(?:with|from)\s+)?[^,;]{1,60}?)?\s+for\s+(?:the\s+)?")
# "most of them supplied by Iran", "some of which were sent to": a part of the goods counted.
_PART_OF_THEM = re.compile(
    r"\b(?:most|many|some|part|much|half|several|a\s+few|a\s+third|a\s+quarter)\s+of\s+"
    r"(?:them|which|these|those|it)\s+(?:(?:were|was|have\s+been|had\s+been|are|is)\s+)?"
    r"(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# A literal in every match of _PART_OF_THEM, lower-cased (a prefilter, as NOT_ASSERTED_WORDS).
OF_WORDS = ("of",)
# "$1.75 billion (from Moscow) for its drones": what the sum paid for belongs to who took it.
_FOR_OWN_GOODS = re.compile(
    r"(?:\s+from\s+[^,;$€£]{1,40}?)?\s+for\s+(?:its|their)\s", re.IGNORECASE
)


def _from_origin(supplier: ActorRef, items: list[ItemRef]) -> bool:
    for item in items:  # noqa: SIM110 (compiled: a loop, no generator)
        if item.origin is supplier:
            return True
    return False


def _spans(view: SentenceView) -> list[tuple[int, int]]:
    """The spans of the sentence's actors and items, last first."""
    spans = [(a.start, a.end) for a in view.actors] + [(i.start, i.end) for i in view.items]
    return sorted(spans, reverse=True)


def _start_of(owner: Owner) -> int:
    return owner.start


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    for start, end in spans:  # noqa: SIM110 (compiled: a loop, no generator)
        if start <= position < end:
            return True
    return False


def _outside(parties: list[ActorRef], bystanders: list[str]) -> list[ActorRef]:
    return [a for a in parties if a.actor_id not in bystanders]


def _uncounted(item: ItemRef) -> ItemRef:
    """ "an arsenal of 150,000 rockets, most of them supplied by Iran": the number counts the
    whole, not the part that moved."""
    if item.amount is None and item.unit_amount is None:
        return item
    part = item.copy()
    part.amount = part.unit_amount = None
    return part


def _amount_item(amount: Amount, category: str) -> ItemRef:
    """Goods named only by their amount: money counted by itself ("$2bn"), cargo counted by
    its unit ("20,000 containers")."""
    counted_by_unit = category == "cargo"
    return ItemRef(
        start=amount.start,
        end=amount.end,
        category=category,
        designation=None,
        text=amount.quantity.text,
        amount=None if counted_by_unit else amount,
        unit_amount=amount if counted_by_unit else None,
    )
