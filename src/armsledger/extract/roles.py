"""Who is the supplier and who the recipient of a transfer word: the subject, the actors
after "to", "from", "by", "bound for", double objects ("sent Russia shells"), possessives and
adjectives ("Russia's biggest supplier", "North Korean exports") and coordination ("Russia,
Iran and Syria")."""

from __future__ import annotations

import re

from armsledger.extract.lookup import MarkerIndex, may_contain, prefilter_text
from armsledger.extract.model import ActorRef, ItemRef, SentenceView, TriggerRef
from armsledger.extract.structure import MarkerWords, last_marker_word, standing_end
from armsledger.lexicon import Lexicons

# Compiled at import: these run on hot paths, once per sentence or item.
_WORD = re.compile(r"[\w-]+")
# A conjunction that closes a list of parties; a bare comma does not.
_LIST_CLOSING_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&|as well as")
# "Russian forces": a nationality adjective still names the state as party.
_LEADING_FORCES_NOUN = re.compile(r"\s+(?:forces|troops|army|military|units|soldiers|side)\b")
_LEADING_POSSESSIVE = re.compile(r"^['’]s?")
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+")
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
_COMMA_BEFORE = re.compile(r",\s*$")
# "from at least 30 countries, including (the)": a group of sources, then named members.
_FROM_GROUP_MEMBERS = re.compile(
    r"\bfrom\s+[^,;.]{0,40}?\b(?:countries|states|nations|governments|allies|partners|"
    r"suppliers|donors|sources)\s*,?\s+(?:including|among\s+them|such\s+as|notably|mainly|"
    r"mostly|chiefly|led\s+by)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_AND_OR = re.compile(r"\b(?:and|or)\b|&")
# What opens reported words after a speech cue: "that", a comma, colon or quote.
_REPORTED_CLAUSE_MARK = re.compile(r"\bthat\b|[,:“\"]")

_DETERMINER_WORDS = (
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "both", "all",
)  # fmt: skip
_DETERMINER_TAIL = re.compile(rf"(?:\b(?:{'|'.join(_DETERMINER_WORDS)})\s+)*$", re.IGNORECASE)
_COORDINATION = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+|&\s*)"
    r"(?:(?:to|from|by|into)\s+)?(?:the\s+)?$"
)
_DOUBLE_OBJECT_GAP = re.compile(r"^\s+(?:(?:the|also|even|reportedly|secretly|directly)\s+)?$")
# "from ports in Vietnam", "sold to brokers in the Czech Republic", "smuggled to gangs in
# Haiti", "bought from gun shops in Texas": the place, or the traders or unnamed armed groups
# there, stand for the state; the words between never include another "from"/"to", nor
# "through"/"via" ("from Chinese suppliers through intermediaries in Oman": a transit).
_PLACE_IN = re.compile(
    r"\b(from|to|into)\s+(?:the\s+)?(?:(?!(?:from|to|into|through|via)\b)[A-Z][\w’'-]*\s+){0,3}"
    r"(?:port|ports|"
    r"airport|airports|airfield|airfields|air base|base|bases|depot|depots|warehouses?|facility|"
    r"facilities|region|city|border|coast|harbour|harbor|terminal|brokers?|buyers?|traders?|"
    r"dealers?|intermediaries|middlemen|distributors?|importers?|customers?|clients?|firms?|"
    r"compan(?:y|ies)|shops?|stores?|gangs?|cartels?|militias?|rebels?|insurgents?|"
    r"jihadists?|militants?|extremists?|fighters|guerrillas?|paramilitar(?:y|ies)|"
    r"armed\s+groups?)\s+(?:of\s+[A-Z][\w-]*\s+)?(?:based\s+)?in\s+"
    r"(?:(?:eastern|western|northern|southern|central|the)\s+)*$",
    re.IGNORECASE,
)


# The head nouns of _PLACE_IN, singular and plural, for a cheap test before it.
_PLACE_NOUNS = frozenset(
    [
        "port",
        "ports",
        "airport",
        "airports",
        "airfield",
        "airfields",
        "base",
        "bases",
        "depot",
        "depots",
        "warehouse",
        "warehouses",
        "facility",
        "facilities",
        "region",
        "city",
        "border",
        "coast",
        "harbour",
        "harbor",
        "terminal",
        "broker",
        "brokers",
        "buyer",
        "buyers",
        "trader",
        "traders",
        "dealer",
        "dealers",
        "intermediaries",
        "middlemen",
        "distributor",
        "distributors",
        "importer",
        "importers",
        "customer",
        "customers",
        "client",
        "clients",
        "firm",
        "firms",
        "company",
        "companies",
        "shop",
        "shops",
        "store",
        "stores",
        "gang",
        "gangs",
        "cartel",
        "cartels",
        "militia",
        "militias",
        "rebel",
        "rebels",
        "insurgent",
        "insurgents",
        "jihadist",
        "jihadists",
        "militant",
        "militants",
        "extremist",
        "extremists",
        "fighters",
        "guerrilla",
        "guerrillas",
        "paramilitary",
        "paramilitaries",
        "group",
        "groups",
        "based",
    ]
)
_IN_TAIL = re.compile(
    r"\bin\s+(?:(?:eastern|western|northern|southern|central|the)\s+)*$", re.IGNORECASE
)
_SHARE_GAP = re.compile(
    r"\s+(?:(?:about|some|around|nearly|almost|roughly|over|more than|less than|an estimated)\s+)?"
    r"[\d.,]+\s*(?:%|percent|per cent)\s+of\s+(?:all\s+)?",
    re.IGNORECASE,
)
# Carry triggers whose subject takes the goods from someone else's flow.
SEIZING = frozenset({"seize", "find"})
# "with Russia supplying", "with Iran now sending": an actor, at most one adverb, an -ing verb.
_ABSOLUTE_GAP = re.compile(r"\s+(?:[a-z]+ly\s+|now\s+|also\s+|still\s+)?")
_WITH_BEFORE = re.compile(r"\b[Ww]ith\s+(?:the\s+)?$")
# "munitions made by Roketsan", "missiles, manufactured by Thales,": the maker, not the giver.
_MADE_BY = re.compile(
    r"\b(?:made|manufactured|built|produced|developed|designed|assembled)\s+(?:[\w-]+\s+){0,2}"
    r"by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Between the goods and the subject of a relative clause: "that"/"which" or nothing.
_RELATIVE_OPENING = re.compile(r"\s+(?:(?:that|which)\s+)?(?:the\s+)?", re.IGNORECASE)
# Between that subject and its verb: auxiliaries and adverbs only.
# Words that are prepositions and also open a clause: "after Russia failed to deliver".
_SUBORDINATOR = re.compile(r"\b(?:after|before|since|until|as)\s+(?:the\s+)?$", re.IGNORECASE)
# Between such a subject and its verb: auxiliaries, adverbs, "failed to", "began".
_SUBJECT_GAP = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|will|would|did|does|do|not|also|already|"
    r"(?:failed|began|started|continued|stopped|refused|agreed|decided|promised)(?:\s+to)?|"
    r"\w+ly))*\s+"
)
# The last word before a place: "government" of "The government in Port Sudan".
_LAST_WORD = re.compile(r"[\w-]+(?=\s*$)")
_RELATIVE_VERB_GAP = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|will|would|also|already|previously|recently|"
    r"reportedly|(?:has|have|had)\s+been|\w+ly))*\s+",
    re.IGNORECASE,
)
# "which it said had", "who reportedly": a relative pronoun, then a speech tag or auxiliaries.
_WHICH_OPENS = re.compile(
    r"\b(?:which|who)\s+(?:(?:it|they|officials|he|she|the\s+\w+)\s+(?:said|says|say|alleges?|"
    r"alleged|claims?|claimed)\s+)?(?:(?:has|have|had|is|are|was|were|also|already|\w+ly)\s+)*$",
    re.IGNORECASE,
)
# A literal in every match of _WHICH_OPENS, lower-cased (a prefilter, as ACCORDING_WORDS).
WHICH_WORDS = ("wh",)
_ANTECEDENT_GAP = re.compile(r"\s*,?\s*")
_CAUSE_GAP = re.compile(
    r"\b(?:over|amid|against|about|despite|because\s+of|in\s+response\s+to|for\s+their|"
    r"for\s+its|sanction(?:s|ed|ing)?|punish(?:es|ed|ing)?|condemn(?:s|ed|ing)?|criticis(?:es|ed|ing)|"
    r"criticiz(?:es|ed|ing)|protest(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
# A literal that every match of _CAUSE_GAP contains, lower-cased, after a word boundary or a
# space (a prefilter, as direction.NOT_ASSERTED_WORDS).
CAUSE_WORDS = (
    "over", "amid", "against", "about", "despite", "because", "response", "for", "sanction",
    "punish", "condemn", "critici", "protest",
)  # fmt: skip
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
# Literals that every match of _ACCORDING, _MADE_BY contains, lower-cased: the window is tested
# for them before the pattern, which is tried at every position (a prefilter, see may_contain).
ACCORDING_WORDS = ("according",)
MADE_BY_WORDS = ("by",)
# The roles that put an actor inside a prepositional phrase, so it is no subject.
# How far a carrier's origin may stand from the verb: "from the UAE to eastern Chad carried".
_CARRIER_GAP = 40
_PHRASE_ROLES = frozenset(
    {
        "prepositions",
        "recipient_markers",
        "supplier_markers",
        "agent_markers",
        "weak_recipient_markers",
        "counterflow_markers",
    }
)
_GERUND_LEAD = re.compile(r"\b(?:for|of|with)\s+$", re.IGNORECASE)


class _Reading:
    """What _after found about an actor seen from one start (kept for the sentence: the role
    rules ask about the same actors from the same trigger again and again)."""

    __slots__ = ("according", "made_by", "roles")

    def __init__(self, according: bool) -> None:
        self.according = according
        self.made_by = -1  # -1 until asked, then 0 or 1
        self.roles: set[str] | None = None  # None until asked


class _Around:
    """The readings around one trigger that the role rules share, each made when first asked
    (None until then)."""

    __slots__ = ("_by", "_from", "_subject", "_to", "clause", "reader", "trigger", "view")

    def __init__(
        self, reader: RoleReader, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> None:
        self.reader = reader
        self.view = view
        self.clause = clause
        self.trigger = trigger
        self._to: list[ActorRef] | None = None
        self._from: list[ActorRef] | None = None
        self._by: list[ActorRef] | None = None
        self._subject: list[ActorRef] | None = None

    def after_to(self) -> list[ActorRef]:
        if self._to is None:
            self._to = self._after({"recipient_markers"})
        return self._to

    def after_from(self) -> list[ActorRef]:
        if self._from is None:
            self._from = self._after({"supplier_markers"})
        return self._from

    def after_by(self) -> list[ActorRef]:
        if self._by is None:
            self._by = self._after({"agent_markers"})
        return self._by

    def subject(self) -> list[ActorRef]:
        if self._subject is None:
            self._subject = self.reader._subject(self.view, self.clause, self.trigger)
        return self._subject

    def _after(self, roles: set[str]) -> list[ActorRef]:
        return self.reader._after(self.view, self.trigger.end, self.clause[1], roles)


def _first_origin(items: list[ItemRef]) -> ActorRef | None:
    for item in items:
        if item.origin:
            return item.origin
    return None


class RoleWords:
    """The lower-cased word sets of grammar.yaml the role rules test words against: the same for
    every document, so built once per set of lexicons, not once per document."""

    __slots__ = ("modifiers", "possessor_heads", "seated_bodies", "standing")

    def __init__(self, lexicons: Lexicons) -> None:
        grammar = lexicons.grammar
        self.standing = frozenset(w.lower() for w in grammar.words("standing_heads"))
        self.seated_bodies = frozenset(w.lower() for w in grammar.words("seated_bodies"))
        self.possessor_heads = frozenset(w.lower() for w in grammar.words("possessor_heads"))
        self.modifiers = frozenset(w.lower() for w in grammar.words("agent_modifiers"))


class RoleReader:
    """The role rules; DirectionGrammar builds frames on top of them."""

    def __init__(
        self,
        lexicons: Lexicons,
        text: str,
        words: RoleWords | None = None,
        lowered: str | None = "",
    ) -> None:
        """`words`: the word sets of the lexicons, built once by a caller that reads many
        documents; `lowered`: prefilter_text(text) when the caller has it ("" when not)."""
        self.lexicons = lexicons
        self.text = text
        self.markers = MarkerIndex({}, "", 0)
        self.marker_words = MarkerWords({})  # the last words of self.markers' table
        self._preceded_cache: dict[tuple[int, int], set[str]] = {}
        # _after's readings of the sentence's actors, by the start they are seen from.
        self._readings: dict[int, list[_Reading | None]] = {}
        # The goods of the latest transfer read in this document, for a count that names none
        # ("Russia has so far delivered three squadrons").
        self.recent_items: list[ItemRef] = []
        # Goods named since then in a sentence without a transfer, for "sold them to X".
        self.mentioned_items: list[ItemRef] = []
        words = words if words is not None else RoleWords(lexicons)
        self.standing = words.standing
        self.seated_bodies = words.seated_bodies
        self.possessor_heads = words.possessor_heads
        self.modifiers = words.modifiers
        # The text lower-cased once for the literal prefilters (None: no prefilter, see lookup).
        self.lowered = prefilter_text(text) if lowered == "" else lowered

    def _roles(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef, items: list[ItemRef]
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        pattern = trigger.pattern
        origin = _first_origin(items)
        # Each reading is made when a rule first needs it (most rules stop at the first found):
        # the readings only fill caches, so asking fewer, or later, changes no answer.
        near = _Around(self, view, clause, trigger)
        if pattern in ("give", "pay"):
            return self._give(near, origin)
        if pattern == "get":
            if trigger.passive:
                return first_found(near.after_from(), optional(origin)), near.after_by()
            # "asked Germany for Taurus missiles", "signed a deal with Russia for Su-57s"
            suppliers = near.after_from() or self._double_object(view, trigger, clause)
            suppliers = suppliers or optional(origin) or self._supplied_by(view, trigger)
            suppliers = suppliers or self._members_of_sources(view, trigger, clause)
            return suppliers, near.subject()
        if pattern == "carry":
            # "Iranian couriers carrying cash": a carrier that is a party sends what it carries;
            # one that seizes or finds the goods ("the army seized a truck carrying shells")
            # is no party to their flow.
            suppliers = near.after_from() or self._carrier_origin(view, clause, trigger)
            suppliers = suppliers or optional(origin)
            if not suppliers and not trigger.passive and not self._seized(view, trigger):
                suppliers = near.subject()
            return suppliers, near.after_to() or self._for(view, trigger, clause)
        if pattern == "arrive":
            recipients = near.after_to() or self._after(
                view, trigger.end, clause[1], {"arrival_markers"}
            )
            recipients = recipients or self._double_object(view, trigger, clause)
            return first_found(near.after_from(), optional(origin)), recipients
        return self._nominal(near, origin)

    def _carrier_origin(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> list[ActorRef]:
        """ "Cargo flights from the UAE to eastern Chad carried weapons", "a truck from Iran
        carrying shells": where the carrier comes from sends what it carries (a seizer of the
        truck does not)."""
        if self.text.find("from", clause[0], trigger.start) < 0:
            return []  # a prefilter for speed only
        for actor in view.actors:
            if (
                not clause[0] <= actor.start < trigger.start
                or actor.end + _CARRIER_GAP < trigger.start
            ):
                continue
            between = self.text[actor.end : trigger.start]
            if "," in between or any(actor.end <= t.start < trigger.start for t in view.triggers):
                continue
            if "supplier_markers" in self._preceded_by(actor.start, view.start):
                return self._coordinated(view, actor, trigger.start)
        return []

    def _members_of_sources(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]
    ) -> list[ActorRef]:
        """ "received weapons from at least 30 countries, including the US, Germany and
        Poland": the members named of the group it received from."""
        if self.text.find("from", trigger.end, clause[1]) < 0:
            return []  # a prefilter for speed only
        found = _FROM_GROUP_MEMBERS.search(self.text, trigger.end, clause[1])
        if found is None:
            return []
        for actor in view.actors:
            if actor.start == found.end():
                return self._coordinated(view, actor, clause[1])
        return []

    def _supplied_by(self, view: SentenceView, trigger: TriggerRef) -> list[ActorRef]:
        """ "the RSF has been receiving drones via Chad, supplied by the UAE": a passive
        participle set off by a comma after what was received names who supplied it."""
        for later in view.triggers:
            if (
                later.start > trigger.end
                and later.passive
                and later.pattern == "give"
                and _COMMA_BEFORE.search(self.text, trigger.end, later.start)
            ):
                return self._after(view, later.end, view.end, {"agent_markers"})
        return []

    def _against(self, subject: ActorRef, trigger: TriggerRef) -> bool:
        """Whether the subject acts on account of the transfer noun, not as its party."""
        return self._reason_before(subject.end, trigger)

    def _reason_before(self, start: int, trigger: TriggerRef) -> bool:
        # The window runs from the clause's start: the literals first (a prefilter for speed).
        if not may_open(self.text, self.lowered, CAUSE_WORDS, start, trigger.start):
            return False
        return bool(_CAUSE_GAP.search(self.text, start, trigger.start))

    def _seized(self, view: SentenceView, trigger: TriggerRef) -> bool:
        """Whether the trigger, or one before it in the sentence, seizes or finds goods."""
        return any(
            t.trigger.id in SEIZING and t.start <= trigger.start
            for t in view.triggers
            if t.pattern == "carry"
        )

    def _give(
        self, near: _Around, origin: ActorRef | None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        view, clause, trigger = near.view, near.clause, near.trigger
        if trigger.passive:
            suppliers = near.after_by() or near.after_from() or optional(origin)
            recipients = near.after_to() or near.subject()
            return suppliers, recipients or self._for(view, trigger, clause)
        recipients = near.after_to() or self._double_object(view, trigger, clause)
        recipients = recipients or self._for(view, trigger, clause)
        recipients = recipients or self._share_of(view, trigger, clause)
        if recipients and origin is not None and origin in recipients:
            origin = None  # "69% of Azerbaijan's arms imports": the importer, not the origin
        return near.subject() or near.after_from() or optional(origin), recipients

    def _share_of(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]
    ) -> list[ActorRef]:
        """ "Israel supplied about 69% of Azerbaijan's arms imports": the share is of what
        the possessor imports, so the possessor receives."""
        for actor in view.actors:
            if actor.possessive and trigger.end <= actor.start < clause[1]:
                gap = self.text[trigger.end : actor.start]
                return [actor] if _SHARE_GAP.fullmatch(gap) else []
        return []

    def _nominal(
        self, near: _Around, origin: ActorRef | None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        view, clause, trigger = near.view, near.clause, near.trigger
        pattern = trigger.pattern
        before = self._modifier_before(view, clause, trigger)
        if pattern == "noun_give":
            recipients = near.after_to() or self._for(view, trigger, clause)
            suppliers = before or near.after_from() or near.after_by() or optional(origin)
            if not suppliers and recipients:
                subject = near.subject()
                if (
                    subject
                    and (subject[0].actor_id != recipients[0].actor_id)
                    and not self._against(subject[-1], trigger)
                ):
                    # "The US approved the sale of F-16s to Turkey", "Netherlands completes
                    # F-16 deliveries": the subject of the verb governing the noun is the
                    # supplier; not when the noun is the reason for what the subject does ("EU
                    # sanctions firms over missile transfers to Russia").
                    suppliers = subject
            return suppliers, recipients
        if pattern == "noun_get":
            return self._noun_get(near, origin), before or near.subject()
        if pattern == "agent_give":
            suppliers = near.subject() or self._after_copula(view, trigger, clause)
            recipients = before or near.after_to() or self._for(view, trigger, clause)
            return suppliers, recipients
        members = self._after_copula(view, trigger, clause)
        suppliers = before or near.after_from() or optional(origin)
        return suppliers, members or near.subject()

    def _noun_get(self, near: _Around, origin: ActorRef | None) -> list[ActorRef]:
        """ "signed a $3.5 billion deal with the United States for 31 drones": the partner."""
        trigger = near.trigger
        found = near.after_from()
        if found:
            return found
        # The trigger may end in "with" itself ("deal with") or be followed by it.
        if self.text[trigger.end : trigger.end + 6].strip().startswith(
            "with"
        ) or trigger.text.lower().endswith(" with"):
            found = self._after(near.view, trigger.end, near.clause[1], {"prepositions"})
        return found or optional(origin)

    def _preceded_by(self, position: int, floor: int) -> set[str]:
        """The markers right before a place, determiners skipped; cached per sentence."""
        key = (position, floor)
        if key not in self._preceded_cache:
            self._preceded_cache[key] = self._markers_before(position, floor)
        return self._preceded_cache[key]

    def _markers_before(self, position: int, floor: int) -> set[str]:
        low = max(floor, position - 40)
        head = self.text[low:position]
        # The document lower-cased once (one character for one) stands for the head's.
        lowered = self.lowered[low : low + len(head.rstrip())] if self.lowered is not None else None
        trimmed = _without_determiner_tail(head, lowered).rstrip()
        end = low + len(trimmed)
        # Only a marker whose last word ends here can be found (the look-up runs a regex).
        found = last_marker_word(self.markers, end) in self.marker_words.any
        roles = set(self.markers.ending_at(end)) if found else set()
        wide = self.text[max(floor, position - 80) : position]
        # The place phrase must end in "<place noun> ... in (the/eastern ...)": test that short
        # tail and the last words before it first, the full pattern only where they fit.
        tail = _IN_TAIL.search(wide, max(0, len(wide) - 60)) if " in " in wide else None
        near = wide[max(0, tail.start() - 30) : tail.start()].lower().split() if tail else []
        fits = any(word.strip(",.;") in _PLACE_NOUNS for word in near[-3:])
        place = _PLACE_IN.search(wide) if fits else None
        if place:
            roles.add(
                "supplier_markers" if place.group(1).lower() == "from" else "recipient_markers"
            )
        return roles

    def _coordinated(self, view: SentenceView, first: ActorRef, limit: int) -> list[ActorRef]:
        """ "Russia, Iran, Syria and Qatar"; a bare comma joins only a list that closes with
        "and"/"or", so "to Russia, US officials said" stays one recipient."""
        chain, closed = [first], 1
        for actor in view.actors:
            if actor.start <= chain[-1].start or actor.start >= limit:
                continue
            gap = self.text[chain[-1].end : actor.start]
            if not _COORDINATION.match(gap):
                break
            chain.append(actor)
            if _LIST_CLOSING_CONJUNCTION.search(gap):
                closed = len(chain)
        return chain[:closed]

    def _subject(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> list[ActorRef]:
        """The first actor of the trigger's clause that is not inside a prepositional phrase,
        a modifier or a possessive, counted from after a speech verb or "that"."""
        agent = (
            self._gerund_agent(view, clause, trigger)
            or self._absolute_subject(view, trigger)
            or self._relative_subject(view, trigger)
            or self._antecedent(view, trigger)
        )
        if agent:
            return agent
        floor = self._subject_floor(view, clause, trigger)
        found = self._subject_from(view, floor, trigger.start, trigger)
        if found:
            return found
        verbal = trigger.pattern in ("give", "get") and not trigger.passive
        if floor > clause[0] and verbal:
            # "Germany has handed over X, Berlin said, and will send Y": before the speech verb.
            found = self._subject_from(view, clause[0], floor, trigger)
            if found:
                return found
        if clause[0] > view.start and verbal:
            # "Iran sent drones, but denies supplying missiles": the subject carries over.
            return self._subject(view, (view.start, clause[0]), trigger)
        return []

    def _relative_subject(self, view: SentenceView, trigger: TriggerRef) -> list[ActorRef]:
        """ "the Patriot batteries Berlin promised", "the F-16s that the Netherlands pledged": an
        actor between the goods and an active verb is the subject of a relative clause."""
        if trigger.passive or trigger.pattern not in ("give", "get") or not view.items:
            return []
        before = [a for a in view.actors if view.start <= a.start and a.end <= trigger.start]
        if not before or before[-1].is_modifier or before[-1].possessive:
            return []
        actor = before[-1]
        if not _RELATIVE_VERB_GAP.fullmatch(self.text, actor.end, trigger.start):
            return []
        goods = [i for i in view.items if i.end <= actor.start]
        if not goods or not _RELATIVE_OPENING.fullmatch(self.text, goods[-1].end, actor.start):
            return []
        return [actor]

    def _antecedent(self, view: SentenceView, trigger: TriggerRef) -> list[ActorRef]:
        """ "sanctions on 19 companies in China and Hong Kong which it said had supplied Russia":
        the parties right before "which"/"who" are the subject of the verb it opens."""
        if trigger.passive or trigger.pattern not in ("give", "get"):
            return []
        low = max(view.start, trigger.start - 60)
        if not may_contain(self.lowered, WHICH_WORDS, low, trigger.start):
            return []
        head = self.text[low : trigger.start]
        found = _WHICH_OPENS.search(head)
        if found is None:
            return []
        relative = trigger.start - len(head) + found.start()
        before = [a for a in view.actors if a.end <= relative and not a.is_modifier]
        if not before or not _ANTECEDENT_GAP.fullmatch(self.text, before[-1].end, relative):
            return []
        first = before[-1]
        for earlier in reversed(before[:-1]):
            if not _COORDINATION.match(self.text[earlier.end : first.start]):
                break
            first = earlier
        return self._coordinated(view, first, relative)

    def _gerund_agent(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> list[ActorRef]:
        """ "sanctioned two Chinese firms for exporting engines", "accused Syria of handing
        Hezbollah missiles": the object of the verb before "for/of/with" does the gerund."""
        head = self.text[max(clause[0], trigger.start - 8) : trigger.start]
        if not trigger.text.lower().endswith("ing") or not _GERUND_LEAD.search(head):
            return []
        before = [
            a
            for a in view.actors
            if clause[0] <= a.start
            and a.end <= trigger.start
            and (not a.is_modifier or standing_end(a, self.text, self.standing) is not None)
        ]
        if not before:
            return []
        gap = self.text[before[-1].end : trigger.start]
        return [before[-1]] if len(gap.split()) <= 4 and not _COMMA_OR_SEMICOLON.search(gap) else []

    def _absolute_subject(self, view: SentenceView, trigger: TriggerRef) -> list[ActorRef]:
        """ "India was the largest importer, with Russia supplying 36 per cent of its arms": in
        "with X doing", X does it."""
        if trigger.passive or not trigger.text.lower().endswith("ing"):
            return []
        text = self.text
        for actor in view.actors:
            if actor.is_modifier or not _ABSOLUTE_GAP.fullmatch(text, actor.end, trigger.start):
                continue
            if _WITH_BEFORE.search(text, max(view.start, actor.start - 6), actor.start):
                return [actor]
        return []

    def _subject_floor(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> int:
        floor = clause[0]
        for cue in view.cues:
            if cue.kind == "speech" and floor <= cue.end <= trigger.start:
                between = self.text[cue.end : trigger.start]
                if trigger.pattern.startswith("noun") and not _REPORTED_CLAUSE_MARK.search(between):
                    continue  # "The Pentagon announced a new package": the announcer gives
                floor = cue.end
        for marker in view.markers:
            is_that = marker.kind == "marker:relatives" and marker.text.lower() == "that"
            if is_that and floor <= marker.start < trigger.start:
                floor = marker.end
        return floor

    def _subject_from(
        self, view: SentenceView, start: int, end: int, trigger: TriggerRef
    ) -> list[ActorRef]:
        for actor in view.actors:
            if not start <= actor.start < end or actor.role == "pair":
                continue
            if actor.is_modifier and standing_end(actor, self.text, self.standing) is None:
                continue
            if actor.possessive and actor.role != "organ" and not self._acting_body(actor, trigger):
                continue
            if (
                self._in_phrase(view, actor, start)
                and not self._seated_body(actor, trigger)
                and not self._clause_subject(actor, trigger)
            ):
                continue
            return self._coordinated(view, actor, trigger.start)
        return []

    def _clause_subject(self, actor: ActorRef, trigger: TriggerRef) -> bool:
        """ "after Russia failed to deliver weapons", "since Iran began sending drones": after a
        word that also opens a clause, an actor right before the verb is its subject."""
        if trigger.passive or actor.start < 6 or trigger.pattern not in ("give", "get"):
            return False
        before = _SUBORDINATOR.search(self.text, max(0, actor.start - 8), actor.start)
        return before is not None and bool(
            _SUBJECT_GAP.fullmatch(self.text, actor.end, trigger.start)
        )

    def _seated_body(self, actor: ActorRef, trigger: TriggerRef) -> bool:
        """ "The government in Port Sudan has bought", "authorities in Tehran have sent": a state
        body named by its seat, right before the verb, acts for the state."""
        if actor.role not in ("capitals", "names") or trigger.passive:
            return False
        if trigger.pattern not in ("give", "get") or actor.start < 4:
            return False
        if not self.text.endswith(" in ", 0, actor.start):
            return False
        if not _RELATIVE_VERB_GAP.fullmatch(self.text, actor.end, trigger.start):
            return False
        head = _LAST_WORD.search(self.text, max(0, actor.start - 40), actor.start - 4)
        return head is not None and head.group(0).lower() in self.seated_bodies

    def _acting_body(self, actor: ActorRef, trigger: TriggerRef) -> bool:
        """ "Burkina Faso's military government has acquired", "Myanmar's air force took
        delivery": a possessive whose head, a body of its state, is the verb's subject acts for
        the state; "Russia's suppliers" or "Iran's drones" are no such body."""
        if trigger.pattern not in ("give", "get") or trigger.passive:
            return False
        gap = _LEADING_POSSESSIVE.sub("", self.text[actor.end : trigger.start])
        for word in list(_WORD.finditer(gap))[:3]:
            if word.group(0).lower() not in self.possessor_heads:
                return False
            if _RELATIVE_VERB_GAP.fullmatch(gap, word.end()):
                return True
        return False

    def _in_phrase(self, view: SentenceView, actor: ActorRef, floor: int = 0) -> bool:
        """An actor after a preposition, or coordinated with one that is ("between Pyongyang
        and Moscow"), is not a subject; the coordination does not reach before `floor`, where
        the clause begins (", and Norway has sent")."""
        head = actor
        for earlier in reversed([a for a in view.actors if floor <= a.start < actor.start]):
            gap = self.text[earlier.end : head.start]
            if not _COORDINATION.match(gap) or not _AND_OR.search(gap):
                break
            head = earlier
        return not self._preceded_by(head.start, view.start).isdisjoint(_PHRASE_ROLES)

    def _after(self, view: SentenceView, start: int, end: int, roles: set[str]) -> list[ActorRef]:
        agent = "agent_markers" in roles
        readings = self._readings.get(start)
        if readings is None:
            readings = self._readings[start] = [None] * len(view.actors)
        for index, actor in enumerate(view.actors):
            if not start <= actor.start < end:
                continue  # tested first: the searches below are the costly part
            reading = readings[index]
            if reading is None:
                # "according to the Stockholm institute" names a source, not a party
                according = self._according(max(start, actor.start - 30), actor.start)
                reading = readings[index] = _Reading(according)
            if reading.according or (agent and self._made_by_before(reading, actor, start)):
                continue
            if not self._roles_before(view, reading, actor, start).isdisjoint(roles):
                return self._coordinated(view, actor, end)
        return []

    def _made_by_before(self, reading: _Reading, actor: ActorRef, start: int) -> bool:
        if reading.made_by < 0:
            reading.made_by = int(self._made_by(max(start, actor.start - 40), actor.start))
        return reading.made_by == 1

    def _roles_before(
        self, view: SentenceView, reading: _Reading, actor: ActorRef, start: int
    ) -> set[str]:
        """The markers before the actor's phrase; none for an adjective ("Russian shells")."""
        if reading.roles is None:
            eligible = not actor.is_modifier or self._bare_adjective(actor)
            position = self._possessor_start(view, actor) if eligible else 0
            reading.roles = self._preceded_by(position, start) if eligible else set()
        return reading.roles

    def _according(self, start: int, end: int) -> bool:
        return may_contain(self.lowered, ACCORDING_WORDS, start, end) and bool(
            _ACCORDING.search(self.text, start, end)
        )

    def _made_by(self, start: int, end: int) -> bool:
        return may_contain(self.lowered, MADE_BY_WORDS, start, end) and bool(
            _MADE_BY.search(self.text, start, end)
        )

    def _possessor_start(self, view: SentenceView, actor: ActorRef) -> int:
        """ "to Sudan's Rapid Support Forces", "to Yemen's Houthis": the preposition stands
        before the state that locates the group, so the group's phrase starts there."""
        for earlier in view.actors:
            # The flags first: the gap pattern is the costly part.
            if not (earlier.possessive and earlier.is_modifier and earlier.end < actor.start):
                continue
            if _POSSESSIVE_GAP.fullmatch(self.text, earlier.end, actor.start):
                return earlier.start
        return actor.start

    def _bare_adjective(self, actor: ActorRef) -> bool:
        """ "to Russian forces" still names Russia as the receiver."""
        return bool(
            _LEADING_FORCES_NOUN.match(
                self.text[actor.end : actor.end + 12],
            )
        )

    def _for(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]
    ) -> list[ActorRef]:
        return self._after(view, trigger.end, clause[1], {"weak_recipient_markers"})

    def _double_object(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]
    ) -> list[ActorRef]:
        for actor in view.actors:
            if trigger.end <= actor.start < clause[1]:
                gap = self.text[trigger.end : actor.start]
                if _DOUBLE_OBJECT_GAP.match(gap) and not actor.is_modifier and not actor.possessive:
                    return self._coordinated(view, actor, clause[1])
                return []
        return []

    def _modifier_before(
        self, view: SentenceView, clause: tuple[int, int], trigger: TriggerRef
    ) -> list[ActorRef]:
        """ "North Korean exports", "Russia's biggest supplier", "Iran's drone deliveries"."""
        before = [a for a in view.actors if clause[0] <= a.end <= trigger.start]
        if not before:
            return []
        actor = before[-1]
        gap = self.text[actor.end : trigger.start]
        words = _WORD.findall(_LEADING_POSSESSIVE.sub("", gap))
        item_words = {w.lower() for item in view.items for w in _WORD.findall(item.text)}
        if len(words) > 4 or any(w.lower() not in self.modifiers | item_words for w in words):
            return []
        if not (actor.is_modifier or actor.possessive or not words):
            return []
        return [actor]

    def _after_copula(
        self, view: SentenceView, trigger: TriggerRef, clause: tuple[int, int]
    ) -> list[ActorRef]:
        copulas = [
            m
            for m in view.markers
            if m.kind == "marker:copulas" and trigger.end <= m.start < clause[1]
        ]
        if not copulas:
            return []
        for actor in view.actors:
            if copulas[0].end <= actor.start < clause[1] and not actor.is_modifier:
                return self._coordinated(view, actor, clause[1])
        return []


def may_open(text: str, lowered: str | None, words: tuple[str, ...], start: int, end: int) -> bool:
    """may_contain(lowered, words, start, end) counting only the occurrences that open a word
    (the character before them in `text` is no word character, or there is none), for patterns
    in whose every match a literal of `words` follows a word boundary or a space."""
    if lowered is None:
        return True
    for word in words:
        at = lowered.find(word, start, end)
        while at >= 0:
            if at == 0 or not _is_word_char(text[at - 1]):
                return True
            at = lowered.find(word, at + 1, end)
    return False


def first_opening(
    text: str, lowered: str | None, words: tuple[str, ...], start: int, end: int
) -> int:
    """Where the first occurrence in lowered[start:end] of one of `words` that opens a word (as
    may_open counts them) begins, or -1; `start` when there is no lowered text. A pattern whose
    every match opens with one of `words` after a word boundary cannot match before it."""
    if lowered is None:
        return start
    first = -1
    for word in words:
        # Once one is found, only a place before it counts: the search stops there.
        stop = end if first < 0 else min(end, first - 1 + len(word))
        at = lowered.find(word, start, stop)
        while at >= 0:
            if at == 0 or not _is_word_char(text[at - 1]):
                first = at
                break
            at = lowered.find(word, at + 1, stop)
    return first


def _is_word_char(char: str) -> bool:
    """What the regex `\\w` (and so `\\b`) takes for a word character in a str pattern."""
    return char.isalnum() or char == "_"


def first_found(*candidates: list[ActorRef]) -> list[ActorRef]:
    for candidate in candidates:
        if candidate:
            return candidate
    return []


def optional(actor: ActorRef | None) -> list[ActorRef]:
    return [actor] if actor is not None else []


def _without_determiner_tail(head: str, lowered: str | None = None) -> str:
    """`head` less the determiners that end it ("sent to the "). The pattern is tried at every
    position of `head`; it can only remove something when `head`, spaces stripped, ends with a
    determiner, which a string test tells first (exact: see prefilter_text). `lowered`, when
    given, is prefilter_text(head.rstrip()), cut from the document's."""
    if lowered is None:
        lowered = prefilter_text(head.rstrip())
    if lowered is None:
        return _DETERMINER_TAIL.sub("", head)
    if not lowered.endswith(_DETERMINER_WORDS):
        return head
    return head[: _determiner_tail_start(head, lowered)]


def _determiner_tail_start(head: str, lowered: str) -> int:
    """Where the determiners, each followed by spaces, that end `head` begin (where the
    _DETERMINER_TAIL.sub above cuts), read backwards: no determiner ends with another after a
    word boundary, so the run is read one way only (the pattern is tried at every position)."""
    start = len(head)
    while True:
        end = len(head[:start].rstrip())  # `\s+`: str.isspace is the pattern's `\s`
        if end == start:
            return start
        size = _determiner_ending(head, lowered, end)
        if size == 0:
            return start
        start = end - size


def _determiner_ending(head: str, lowered: str, end: int) -> int:
    """The length of the determiner that ends at `end` after a word boundary, or 0."""
    for word in _DETERMINER_WORDS:
        begin = end - len(word)
        if begin < 0 or not lowered.startswith(word, begin, end):
            continue
        if begin == 0 or not _is_word_char(head[begin - 1]):
            return len(word)
    return 0
