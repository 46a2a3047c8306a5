"""One pass over a document: sentences, mentions, speakers, structure, frames, discourse."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from armsledger.domain.core import ActorKind, Document, SourceKind
from armsledger.extract.actors import ActorResolver
from armsledger.extract.attribution import Attributor
from armsledger.extract.direction import DirectionGrammar
from armsledger.extract.discourse import (
    PartyHints,
    company_hits,
    company_pattern,
    denial_frames,
    fill_missing_parties,
    is_list_item,
)
from armsledger.extract.lookup import (
    CONTENT,
    CUES,
    MARKERS,
    Hit,
    MarkerIndex,
    document_automaton,
    first_of,
    fold,
    folds_alone,
    longest_first,
    marker_table,
    matches_at,
    may_contain,
    organisation_marker_words,
    prefilter_text,
    word_places,
)
from armsledger.extract.model import ActorRef, Frame, ItemRef, SentenceView
from armsledger.extract.organisations import (
    OrganisationFinder,
    PartyKinds,
    orient_contracts,
    with_organisations,
)
from armsledger.extract.quantities import Amount, AmountReader
from armsledger.extract.roles import RoleWords
from armsledger.extract.speakers import SpeakerNamer
from armsledger.extract.structure import MarkerWords, Structure, read_triggers
from armsledger.extract.time import TimeReader
from armsledger.extract.tokens import Sentence, split_sentences
from armsledger.lexicon import ActorTerm, ItemTerm, Lexicons, Trigger

# Compiled at import: these run on hot paths, once per sentence or item.
_DESIGNATION_PLURAL_S = re.compile(r"(?<=[0-9A-Z])s$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """A document as the analyser read it: its sentences, and what kind of party each id is."""

    views: list[SentenceView]
    parties: PartyKinds


class Analyser:
    """Built once per lexicon set: the automata and compiled patterns are reused."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lexicons = lexicons
        # Content words, cues and markers: one automaton, so one pass over each document.
        self.automaton = document_automaton(lexicons)
        self.organisations = OrganisationFinder(lexicons.organisations)
        self.marker_table = marker_table(lexicons)
        # The last words of the markers, for the grammar's cheap "may a marker end here?" test.
        self.marker_words = MarkerWords(self.marker_table)
        self.amounts = AmountReader(lexicons.amounts, self.automaton)
        self.times = TimeReader(lexicons.times)
        self.role_words = RoleWords(lexicons)
        self.namer = SpeakerNamer(lexicons)
        # The company words the automaton marks wherever they occur (as the organisation
        # finder's markers): company_hits reads their places from the scan.
        self.companies = company_pattern(
            lexicons.grammar.words("company_name_words"),
            marked=frozenset(
                word
                for word in organisation_marker_words(lexicons.organisations)
                if folds_alone(word)
            ),
        )
        self.generic_heads = frozenset(w.lower() for w in lexicons.grammar.words("generic_heads"))
        self.standing_heads = frozenset(w.lower() for w in lexicons.grammar.words("standing_heads"))
        self.party_hints = PartyHints(
            makers=lexicons.designation_makers,
            need=_word_pattern(lexicons.grammar.words("need_words")),
            homes={
                a.id: a.state
                for a in lexicons.actors.values()
                if a.kind is ActorKind.COMPANY and a.state
            },
            bodies=frozenset(
                a.id for a in lexicons.actors.values() if a.kind is ActorKind.ORGANIZATION
            ),
            not_names=frozenset(
                [w.lower() for w in lexicons.grammar.words("capitalised_non_names")]
                + list(lexicons.times.months)
                + list(lexicons.times.weekdays)
            ),
        )

    def analyse(self, document: Document) -> list[SentenceView]:
        return self.read(document).views

    def read(self, document: Document) -> Reading:
        """The sentences read, and the kind of every party named in them: the lexicon's, or the
        recogniser's for names no lexicon lists (a company, a gang)."""
        text = document.text
        folded = fold(text)
        sentences = [s for s in split_sentences(text) if not _in_boilerplate(s, document)]
        views = [
            SentenceView(index=s.index, start=s.start, end=s.end, paragraph=s.paragraph)
            for s in sentences
        ]
        scanned = self.automaton.hits(text, folded, group=CONTENT)
        found, recognised = with_organisations(self.organisations, self.lexicons, text, scanned)
        # The organisation finder reads legal forms and head words; the company words of
        # grammar.yaml add names it leaves ("Kestrel Components", later "Kestrel").
        companies = company_hits(text, found, self.companies, scanned)
        content = longest_first(found + companies)
        recognised = {**_company_kinds(companies), **recognised}
        kinds = PartyKinds(lexicons=self.lexicons, recognised=recognised)
        cues = self.automaton.hits(text, folded, group=CUES)
        content_by = _distribute(views, content)
        cues_by = _distribute(views, cues)
        resolver = ActorResolver(self.lexicons, text)
        previous: SentenceView | None = None
        chain: tuple[int, ActorRef] | None = None  # the last opening pronoun and its sentence
        for view, hits, cue_hits in zip(views, content_by, cues_by, strict=True):
            self._fill_view(view, hits, cue_hits, resolver, text)
            pronoun = _opening_pronoun(view, previous, text, chain)
            if pronoun:
                chain = (view.index, pronoun[0])
                view.actors = sorted(view.actors + pronoun, key=_start_of)
            # "The Houthis are arming ... Without them, ... They have sent": a pronoun goes back
            # past sentences that name no one (see _opening_pronoun's reach).
            previous = view if view.actors else previous
        Attributor(self.namer, text, document.meta.outlet).attribute(views)
        for view in views:
            view.actors = _with_speaker_we(view, text)
        # The document lower-cased for the literal prefilters, once: an ASCII text's fold is its
        # lower case (tests/extract/test_scan_speed_round6.py), other texts fold differently.
        lowered = folded if text.isascii() else prefilter_text(text)
        self.times.prime(text, lowered)
        structure = Structure(self.lexicons, text)
        grammar = DirectionGrammar(self.lexicons, text, self.role_words, lowered)
        last_with_frames = -_INHERIT_REACH - 1
        for view, hits in zip(views, content_by, strict=True):
            triggers = [hit for hit in hits if hit.kind == "trigger"]
            # A transfer needs goods: an item, or an amount (money, containers) standing for them;
            # and a party, unless a transfer just before can lend its parties.
            has_party = view.actors or view.index - last_with_frames <= _INHERIT_REACH
            # The goods test runs two regexes over the sentence: only where a trigger is found.
            # A bullet point has no verb: its goods continue its lead-in's transfer (discourse).
            listed = not triggers and is_list_item(view, text)
            if ((triggers and has_party) or listed) and (
                _has_goods(view, text) or _arming(triggers)
            ):
                self._read_frames(view, triggers, structure, grammar, text, folded)
                orient_contracts(view, kinds)
                for frame in view.frames:
                    frame.domestic = self._domestic(frame)
                if view.frames:
                    last_with_frames = view.index
            if not view.frames and view.items:
                # "We identified Chinese-made howitzers and bombs. China sold both systems to
                # the UAE": goods named without a transfer are what a later "them" refers to.
                grammar.mentioned_items = [i for i in view.items if not i.blocked]
        fill_missing_parties(views, self._hints(text))
        denial_frames(views, text)
        return Reading(views=views, parties=kinds)

    def _hints(self, text: str) -> PartyHints:
        """The party hints with the document's text: built field by field, as compiled that is
        a native constructor call, where dataclasses.replace is interpreted (a test checks
        that the fields are all given)."""
        hints = self.party_hints
        return PartyHints(
            text=text,
            makers=hints.makers,
            need=hints.need,
            homes=hints.homes,
            bodies=hints.bodies,
            not_names=hints.not_names,
        )

    def _domestic(self, frame: Frame) -> bool:
        """A state and its own company on the two sides ("Rheinmetall received an order from the
        German government"): procurement at home, whose parties are no one's partners abroad."""
        pairs = [(s.actor_id, r.actor_id) for s in frame.suppliers for r in frame.recipients]
        return bool(pairs) and all(
            self._company_of(a, b) or self._company_of(b, a) for a, b in pairs
        )

    def _company_of(self, company: str, state: str) -> bool:
        actor = self.lexicons.actors.get(company)
        return actor is not None and actor.kind is ActorKind.COMPANY and actor.state == state

    def _fill_view(
        self,
        view: SentenceView,
        hits: list[Hit],
        cue_hits: list[Hit],
        resolver: ActorResolver,
        text: str,
    ) -> None:
        # Explicit loops, not comprehensions with any(...): they compile to native code.
        named: list[Hit] = []
        organs: list[Hit] = []
        for hit in hits:
            if hit.kind == "actor" or hit.kind == "organ":
                named.append(hit)
            if hit.kind == "organ":
                organs.append(hit)
        actor_hits = longest_first(named + _backrefs(cue_hits, named))
        view.actors = resolver.resolve(actor_hits)
        pronouns = _speaker_pronouns(view, text)
        if pronouns:
            view.actors = sorted(view.actors + pronouns, key=_start_of)
        elif not _in_start_order(view.actors):
            view.actors = sorted(view.actors, key=_start_of)
        # else: the stable sort would give the same list; the resolver's new list is kept
        view.organs = organs
        view.items = _items(hits, text)
        view.cues = _free_cues(cue_hits, view)

    def _read_frames(
        self,
        view: SentenceView,
        triggers: list[Hit],
        structure: Structure,
        grammar: DirectionGrammar,
        text: str,
        folded: str,
    ) -> None:
        # Explicit loops, not any(genexpr): mypyc compiles them without a generator object.
        kept: list[Hit] = []
        for t in triggers:
            if not _in_actor(t.start, view.actors) and not _ANONYMITY.match(text, t.end, view.end):
                kept.append(t)
        triggers = kept
        found = self.amounts.find(text, folded, view.start, view.end)
        view.amounts = [_outside_triggers(amount, triggers, text) for amount in found]
        view.markers = self.automaton.hits(text, folded, view.start, view.end, group=MARKERS)
        markers_by_end = MarkerIndex(self.marker_table, folded, view.start)
        structure.prepare(view)
        words = self.marker_words
        view.triggers = read_triggers(
            view, triggers, text, markers_by_end, self.generic_heads, self.standing_heads, words
        )
        view.frames = grammar.frames(view, markers_by_end, words)


def _in_actor(position: int, actors: list[ActorRef]) -> bool:
    for actor in actors:  # noqa: SIM110 (compiled: a loop, no generator)
        if actor.start <= position < actor.end:
            return True
    return False


def _start_of(ref: ActorRef) -> int:
    return ref.start


def _in_start_order(refs: list[ActorRef]) -> bool:
    """Whether refs are in order of their starts already (a native loop; the sort called a key
    function for each)."""
    for index in range(1, len(refs)):  # noqa: SIM110 (compiled: a loop, no generator)
        if refs[index].start < refs[index - 1].start:
            return False
    return True


def _backrefs(cue_hits: list[Hit], named: list[Hit]) -> list[Hit]:
    """ "The State Department": a name that runs past the back-reference ("the state") wins."""
    found: list[Hit] = []
    for hit in cue_hits:
        if hit.kind != "backref":
            continue
        overrun = False
        for name in named:
            if name.start < hit.end < name.end and name.start >= hit.start:
                overrun = True
                break
        if not overrun:
            found.append(hit)
    return found


def _items(hits: list[Hit], text: str) -> list[ItemRef]:
    """The items of a sentence, one per span (the last read wins, in the first one's place)."""
    by_span: dict[tuple[int, int], ItemRef] = {}
    for hit in hits:
        if (
            hit.kind == "item"
            and isinstance(hit.payload, ItemTerm)
            and not _anti_before(hit, text)
            and not _verb_use(hit, text)
            and not _recipient_head(hit, text)
        ):
            item = _item(hit)
            by_span[(item.start, item.end)] = item
    return list(by_span.values())


def _free_cues(cue_hits: list[Hit], view: SentenceView) -> list[Hit]:
    """The cues outside the sentence's actor mentions, but for back-references."""
    found: list[Hit] = []
    for hit in cue_hits:
        if hit.kind == "backref" or not _cue_case_ok(hit, view):
            continue
        inside = False
        for actor in view.actors:
            if actor.start <= hit.start < actor.end:
                inside = True
                break
        if not inside:
            found.append(hit)
    return found


def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b", re.IGNORECASE)


def _arming(triggers: list[Hit]) -> bool:
    """ "Rwanda denies arming the M23": the verb "arm" names its goods, weapons, itself."""
    return any(isinstance(t.payload, Trigger) and t.payload.id == "arm" for t in triggers)


def _has_goods(view: SentenceView, text: str) -> bool:
    return bool(view.items) or _money_or_unit(text, view.start, view.end)


def _money_or_unit(text: str, start: int, end: int) -> bool:
    """Whether _MONEY_OR_UNIT or _GOODS_PRONOUN finds a match in text[start:end], one branch at a
    time: the signs by str.find, the multiples by a pattern that starts at a digit, the words
    and pronouns only where a literal they need is found (the whole alternation, tried at every
    position case-insensitively, was the costly part)."""
    for sign in _CURRENCY_SIGNS:
        if text.find(sign, start, end) >= 0:
            return True
    if _MONEY_MULTIPLE.search(text, start, end):
        return True
    lowered = prefilter_text(text[start:end])
    if unit_word_in(text, lowered, start, end):
        return True
    return may_contain(lowered, GOODS_PRONOUN_WORDS, 0, end - start) and bool(
        _GOODS_PRONOUN.search(text, start, end)
    )


def unit_word_in(text: str, lowered: str | None, start: int, end: int) -> bool:
    """Whether _UNIT_WORD finds a match in text[start:end]; `lowered` is
    prefilter_text(text[start:end]). Every match opens with one of UNIT_WORDS, so the search
    starts at the first of them (its `\\b` still sees the character before): tried from the
    sentence's start, the alternation ran at every position up to the word."""
    first = 0 if lowered is None else first_of(lowered, UNIT_WORDS, 0, end - start)
    return first >= 0 and _UNIT_WORD.search(text, start + first, end) is not None


def _outside_triggers(amount: Amount, triggers: list[Hit], text: str) -> Amount:
    """ "handed over 14 tanks": the particle of the verb is not the bound "over 14"."""
    for trigger in triggers:
        # Only a trigger that begins before the amount: "10 shipments" (a unit that is also a
        # transfer noun) keeps its bound.
        if (
            trigger.start < amount.start < trigger.end <= amount.end
            and amount.quantity.value is not None
        ):
            start = (
                trigger.end
                + len(text[trigger.end : amount.end])
                - len(text[trigger.end : amount.end].lstrip())
            )
            value = amount.quantity.value
            quantity = replace(
                amount.quantity, low=value, high=value, text=text[start : amount.end]
            )
            return Amount(
                start=start,
                end=amount.end,
                quantity=quantity,
                has_unit=amount.has_unit,
                is_money=amount.is_money,
            )
    return amount


def _item(hit: Hit) -> ItemRef:
    term = hit.payload
    assert isinstance(term, ItemTerm)
    designation = term.designation
    if designation and len(hit.text) > len(term.text):
        designation = _DESIGNATION_PLURAL_S.sub("", hit.text)  # "Leopard 2A4s" -> "Leopard 2A4"
    return ItemRef(
        start=hit.start, end=hit.end, category=term.category, designation=designation, text=hit.text
    )


# "who asked not to be named": the formula of an unnamed source, no request for goods.
_ANONYMITY = re.compile(
    r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+anonymous)"
)
_INHERIT_REACH = 4  # sentences over which a transfer naming no party continues the one before
# Without an item word, only money or a counted unit ("$425m", "20,000 containers") can stand for
# the goods of a transfer; other sentences skip the grammar.
_CURRENCY_SIGNS = "$€£¥₽₩₴"
_MONEY_MULTIPLE_TEXT = r"\d\s*(?:bn|m|mn|billion|million)\b"
_UNIT_WORD_TEXT = (
    r"\b(?:dollars|euros|pounds|roubles|rubles|yuan|"
    r"containers?|trains?|wagons?|railcars?|ships?|vessels?|trucks?|lorries|flights?|tonnes?|tons|"
    r"squadrons?|batteries|batch(?:es)?|regiments?|unspecified number|undisclosed number)\b"
)
_MONEY_OR_UNIT = re.compile(
    f"[{_CURRENCY_SIGNS}]|{_MONEY_MULTIPLE_TEXT}|{_UNIT_WORD_TEXT}", re.IGNORECASE
)
# Its branches, searched one by one (_money_or_unit).
_MONEY_MULTIPLE = re.compile(_MONEY_MULTIPLE_TEXT, re.IGNORECASE)
_UNIT_WORD = re.compile(_UNIT_WORD_TEXT, re.IGNORECASE)
# A literal that every match of _UNIT_WORD contains, lower-cased (a prefilter, see may_contain).
UNIT_WORDS = (
    "dollars", "euros", "pounds", "roubles", "rubles", "yuan", "container", "train", "wagon",
    "railcar", "ship", "vessel", "truck", "lorries", "flight", "tonne", "tons", "squadron",
    "batteries", "batch", "regiment", "unspecified number", "undisclosed number",
)  # fmt: skip
# A pronoun or general noun standing for goods named before ("sold both systems to the UAE").
_GOODS_PRONOUN = re.compile(
    r"\b(?:them|both(?:\s+(?:systems|types|weapons))?|(?:these|those|the)\s+(?:systems|weapons|"
    r"items|goods|arms))\s+(?:to|into)\b",
    re.IGNORECASE,
)
# A literal that every match of _GOODS_PRONOUN contains, lower-cased (as UNIT_WORDS).
GOODS_PRONOUN_WORDS = ("them", "both", "systems", "weapons", "items", "goods", "arms")
# "sent shells to Ukrainian troops": soldiers after "to" and a name are the receivers, not goods.
_TO_NAMED = re.compile(r"\b(?:to|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,2}$")


def _recipient_head(hit: Hit, text: str) -> bool:
    term = hit.payload
    return (
        isinstance(term, ItemTerm)
        and term.category == "personnel"
        and _TO_NAMED.search(text, max(0, hit.start - 40), hit.start) is not None
    )


# "anti-tank missiles" are missiles, not tanks: a word after "anti-" names the target.
_ANTI = re.compile(r"\b(?:anti|counter)-$", re.IGNORECASE)


def _anti_before(hit: Hit, text: str) -> bool:
    """_ANTI before the hit; a match ends with "-" and at most a newline ("$"), so the regex runs
    only where a hyphen is among the two characters before the hit."""
    start = max(0, hit.start - 8)
    if text.find("-", max(start, hit.start - 2), hit.start) < 0:
        return False
    return _ANTI.search(text, start, hit.start) is not None


# "weapons that fuel conflict", "aircraft used to bomb villages": a bare item word right after
# a relative pronoun or "to" and before its own object is a verb.
_VERB_LEAD = re.compile(r"\b(?:that|which|who|to)\s+(?:\w+ly\s+)?$")
# A literal that every match of _VERB_LEAD contains (case-sensitive, as the pattern).
VERB_LEAD_WORDS = ("to", "that", "which", "who")
_VERB_OBJECT = re.compile(r"\s+(?!(?:and|or|of|to|from|for|in|on|at|by|with|from)\b)[a-z]")


def _verb_use(hit: Hit, text: str) -> bool:
    low = max(0, hit.start - 20)
    return (
        hit.text.islower()
        and " " not in hit.text
        and lead_before(text, low, hit.start)
        and bool(_VERB_LEAD.search(text, low, hit.start))
        and bool(_VERB_OBJECT.match(text, hit.end))
    )


# What the word before the spaces that end a match of _VERB_LEAD ends with: a lead word or the
# "ly" of its adverb.
VERB_LEAD_ENDINGS = ("to", "that", "which", "who", "ly")


def lead_before(text: str, low: int, end: int) -> bool:
    """A prefilter before _VERB_LEAD.search(text, low, end): a match ends with whitespace up to
    `end` (its `$`), after a lead word or an adverb in "ly"; so text[low:end] ends with
    whitespace, and the word before it with one of VERB_LEAD_ENDINGS."""
    word_end = end
    while word_end > low and text[word_end - 1].isspace():
        word_end -= 1
    if word_end == end:
        return False
    for ending in VERB_LEAD_ENDINGS:
        at = word_end - len(ending)
        if at >= low and text.find(ending, at, word_end) == at:
            return True
    return False


def _cue_case_ok(hit: Hit, view: SentenceView) -> bool:
    """A capitalised cue mid-sentence is a name ("May", "States"), not the cue word."""
    return hit.start == view.start or not hit.text[:1].isupper()


_SAYS_IT = re.compile(
    r"\b(?:said|says|say|told\s+\w+|added|announced|confirmed|insisted|claimed|stated|"
    r"acknowledged|admitted|denied|denies|insists|maintains|maintained)\s+(?:[\w,]+\s+){0,4}?"
    r"(?:that\s+)?(it|they|its|their)\b"
)
# A literal that every verb of _SAYS_IT opens with (the pattern is case-sensitive): matches are
# tried only at these places (a prefilter for speed only; the pronouns: SAYS_IT_ENDINGS).
SAYS_IT_VERBS = (
    "say", "said", "told", "added", "announced", "confirmed", "insist", "claimed", "stated",
    "acknowledged", "admitted", "denie", "maintain",
)  # fmt: skip


_PRONOUN_REACH = 2  # sentences back to the subject an opening pronoun stands for
# What _OPENING_PRONOUN can start with, after its optional quotation mark: one of its fronted
# time words or a pronoun (a prefilter; the pattern is case-sensitive).
OPENING_WORDS = (
    "Since", "In", "By", "Last", "This", "Over", "During", "After", "Before", "Earlier",
    "Later", "Until", "So far", "To date", "Recently", "However", "Meanwhile", "According to",
    "At the same time", "It", "They", "it", "they",
)  # fmt: skip
_OPENING_QUOTES = ("“", '"')


def _by_start(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words by their first two characters (each has two or more)."""
    table: dict[str, tuple[str, ...]] = {}
    for word in words:
        table[word[:2]] = (*table.get(word[:2], ()), word)
    return table


# One dict look-up finds the few opening words a sentence can start with (startswith with the
# whole tuple tried all 23).
_OPENING_BY_START = _by_start(OPENING_WORDS)
# The pronoun may follow a fronted time phrase: "Since 2022 it has delivered ...".
_OPENING_PRONOUN = re.compile(
    r"[“\"]?(?:(?:Since|In|By|Last|This|Over|During|After|Before|Earlier|Later|Until|So far|"
    r"To date|Recently|However|Meanwhile|According to|At the same time)\b[^,.;:“”\"]{0,40}?,?\s+)?"
    r"(It|They|(?<=\s)it|(?<=\s)they)\s+"
    r"(?:has|have|had|is|are|was|were|also|will|would|took|sold|sent|bought|gave|got|[a-z]+ed)\b"
)


def _opening_pronoun(
    view: SentenceView,
    previous: SentenceView | None,
    text: str,
    chain: tuple[int, ActorRef] | None,
) -> list[ActorRef]:
    """ "Iran has sent Russia drones. It has also sent shells": an opening pronoun continues
    the subject of the sentence before; where that sentence names its subject only by a
    back-reference, it continues the pronoun just before ("They have become the group's main
    source. Without them, the insurgents could not fight. They have sent drones")."""
    # The cheap tests first (all are pure): the pattern runs only where it can match.
    if previous is None or view.index - previous.index > _PRONOUN_REACH:
        return []
    if not may_open_with_pronoun(text, view.start, view.end):
        return []
    if not may_hold_word_and_space(text, PRONOUN_WORDS, view.start, view.end):
        return []
    match = _OPENING_PRONOUN.match(text, view.start, view.end)
    if match is None:
        return []
    subjects = [a for a in previous.actors if not a.is_modifier and a.role != "pair"]
    if not subjects:
        return []
    subject = subjects[0]
    if (
        chain is not None
        and view.index - chain[0] <= _PRONOUN_REACH
        and subject.role in ("backref", "pronoun")
    ):
        subject = chain[1]
    return [
        ActorRef(
            start=match.start(1),
            end=match.end(1),
            actor_id=subject.actor_id,
            role="pronoun",
            text=match.group(1),
        )
    ]


_WE_SUBJECT = re.compile(
    r"\b(We|we|[Oo]ur\s+(?:factories|plants|companies|firms|industry|country|government|army|"
    r"military|forces|producers|manufacturers|state|nation))\s+(?:have|had|are|were|will|would|did|"
    r"do|never|also|not|already|\w+ed|sent|sold|gave|bought)\b"
)


def may_open_with_pronoun(text: str, start: int, end: int) -> bool:
    """Whether _OPENING_PRONOUN may match text[start:end] at its start (a prefilter)."""
    if starts_at(text, "“", start, end) or starts_at(text, '"', start, end):
        start += 1  # the pattern's optional quotation mark: no opening word starts with one
    words = _OPENING_BY_START.get(text[start : min(start + 2, end)])
    if words is None:
        return False
    for word in words:  # noqa: SIM110 (compiled: a loop, no generator)
        if starts_at(text, word, start, end):
            return True
    return False


def starts_at(text: str, word: str, start: int, end: int) -> bool:
    """text.startswith(word, start, end) for a non-empty word, as a bounded find: compiled, the
    find is native and startswith with bounds a generic method call."""
    return text.find(word, start, min(end, start + len(word))) == start


# The pronouns _OPENING_PRONOUN needs, each followed by whitespace in a match.
PRONOUN_WORDS = ("It", "They", "it", "they")


# The kinds of speaker whose "we" is their state; enum members read once, not per call.
_SPEAKING_KINDS = (SourceKind.PERSON, SourceKind.GOVERNMENT)
# _WE_SUBJECT's subject words, each followed by whitespace in a match.
WE_WORDS = ("we", "We", "our", "Our")


def _with_speaker_we(view: SentenceView, text: str) -> list[ActorRef]:
    """ "We have not sent a single bullet to Sudan," a Russian spokeswoman said: "we" in an
    official's or a government's words is the speaker's state."""
    source = view.source
    if source is None or not source.state or source.kind not in _SPEAKING_KINDS:
        return view.actors
    if not may_hold_word_and_space(text, WE_WORDS, view.start, view.end):
        return view.actors
    match = _WE_SUBJECT.search(text, view.start, view.end)
    if match is None or any(a.start <= match.start(1) < a.end for a in view.actors):
        return view.actors
    ref = ActorRef(
        start=match.start(1),
        end=match.end(1),
        actor_id=source.state,
        role="pronoun",
        text=match.group(1),
    )
    return sorted([*view.actors, ref], key=_start_of)


def may_hold_word_and_space(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether text[start:end] holds one of `words` followed by whitespace ("weapons" holds
    "we" but not "we "): a prefilter for a pattern that needs one so."""
    for word in words:
        size = len(word)
        position = text.find(word, start, end)
        while position >= 0:
            after = position + size
            if after < end and text[after].isspace():
                return True
            position = text.find(word, position + 1, end)
    return False


def _speaker_pronouns(view: SentenceView, text: str) -> list[ActorRef]:
    """ "Sweden says it has delivered...": the pronoun is the party that speaks."""
    found: list[ActorRef] = []
    # A match is read only when a party that is no modifier ends before it; its pronoun follows
    # whitespace and so lies after that end. Most sentences have no such pronoun there and skip
    # the pattern (a prefilter for speed only: says_it_matches still reads the whole sentence).
    first_end = _first_party_end(view.actors)
    if first_end < 0:
        return found
    if not may_hold_says_it_pronoun(text, first_end, view.end):
        return found
    for match in says_it_matches(text, view.start, view.end):
        speakers = [a for a in view.actors if a.end <= match.start() and not a.is_modifier]
        if speakers:
            found.append(
                ActorRef(
                    start=match.start(1),
                    end=match.end(1),
                    actor_id=speakers[0].actor_id,
                    role="pronoun",
                    text=match.group(1),
                    possessive=match.group(1).startswith(("its", "their")),
                )
            )
    return found


def _first_party_end(actors: list[ActorRef]) -> int:
    """The first end of an actor that is no modifier, or -1."""
    first = -1
    for actor in actors:
        if not actor.is_modifier and (first < 0 or actor.end < first):
            first = actor.end
    return first


# The pronouns of _SAYS_IT by their stems ("its" is "it" and "s"; "they" and "their" are "the"
# and "y" or "ir"): each stem's endings, "" for the stem alone.
SAYS_IT_ENDINGS = (("it", ("", "s")), ("the", ("y", "ir")))


def may_hold_says_it_pronoun(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds "it", "its", "they" or "their" after whitespace and before
    a non-word character or the end, as every _SAYS_IT match does (`\\s+(it|...)\\b`, after
    its verb): a prefilter for speed only."""
    for stem, endings in SAYS_IT_ENDINGS:
        # After the verb and whitespace: never at the first place.
        at = text.find(stem, start + 1, end)
        while at >= 0:
            if text[at - 1].isspace() and _ends_pronoun(text, at + len(stem), end, endings):
                return True
            at = text.find(stem, at + 1, end)
    return False


def _ends_pronoun(text: str, after: int, end: int, endings: tuple[str, ...]) -> bool:
    """Whether one of `endings` follows at `after`, then a non-word character or `end`."""
    for ending in endings:
        stop = after + len(ending)
        if stop > end or (ending and not starts_at(text, ending, after, end)):
            continue
        if stop == end or not (text[stop].isalnum() or text[stop] == "_"):
            return True
    return False


def says_it_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """What _SAYS_IT.finditer(text, start, end) finds, tried only where one of its verbs opens:
    every match opens with one of SAYS_IT_VERBS, so the leftmost match from a place is the first
    verb place from there at which the pattern matches (its `\\b` sees the character before, as
    in a search). The search tried the pattern at every place of the sentence."""
    found: list[re.Match[str]] = []
    # Three in four sentences hold no pronoun the pattern can end with: no verb search there.
    if not may_hold_says_it_pronoun(text, start, end):
        return found
    places = word_places(text, SAYS_IT_VERBS, start, end)
    if not places:
        return found
    places.sort()
    return matches_at(_SAYS_IT, text, places, start, end)


def _in_boilerplate(sentence: Sentence, document: Document) -> bool:
    for start, end in document.boilerplate:  # noqa: SIM110 (a loop: no generator compiled)
        if start < sentence.end and sentence.start < end:
            return True
    return False


def _distribute(views: list[SentenceView], hits: Iterable[Hit]) -> list[list[Hit]]:
    starts = [view.start for view in views]
    buckets: list[list[Hit]] = [[] for _ in views]
    # index: the last sentence starting at or before the hit (what bisect_right(...) - 1 gives),
    # walked forward while the hits come in order of their starts, bisected when they do not.
    index = -1
    previous = -1
    for hit in hits:
        start = hit.start
        if start < previous:
            index = bisect.bisect_right(starts, start) - 1
        else:
            while index + 1 < len(starts) and starts[index + 1] <= start:
                index += 1
        previous = start
        if index >= 0 and hit.end <= views[index].end:
            buckets[index].append(hit)
    return buckets


def _company_kinds(hits: list[Hit]) -> dict[str, ActorKind]:
    """The names found by their company words are companies."""
    return {
        hit.payload.actor_id: ActorKind.COMPANY
        for hit in hits
        if isinstance(hit.payload, ActorTerm)
    }
