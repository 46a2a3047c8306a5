"""Discourse rules across sentences: a missing party is the known party's partner elsewhere in
the article; a sentence naming no party continues the transfer before it; "X denied the
allegations" denies the claims that X was party to."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from armsledger.domain.core import SourceKind
from armsledger.extract.lookup import ORGANISATION_MARKER, Hit
from armsledger.extract.model import ActorRef, Frame, ItemRef, SentenceView
from armsledger.extract.roles import SEIZING
from armsledger.lexicon import ActorTerm, Cue

# Compiled at import: these run on hot paths, once per sentence or item.
_WHITESPACE_RUN = re.compile(r"\s+")

_INHERIT_WINDOW = 4  # sentences a nameless transfer may look back
# What a denial of "any arms trade" does not cover.
_NOT_ARMS = frozenset({"personnel", "workers", "money", "fuel", "food", "raw_materials", "cargo"})
# Goods that are no weapons: what a denial of "arms deals" does not answer.
_NOT_WEAPONS = _NOT_ARMS | {"technology", "components"}
_DENIAL_REACH = 4  # sentences back in which "X denied the allegations" finds them
# "parts recovered from the wreckage in Kyiv": a place where something happened is no partner;
# a country after "in" may be where goods arrive ("arrived in Ukraine"), a city hardly.
_LOCATIVE = re.compile(r"\b(?:at|near|inside|outside|across|around|within|over)\s+(?:the\s+)?$")
_IN = re.compile(r"\bin\s+$")


def _place(actor: ActorRef, text: str) -> bool:
    before = max(0, actor.start - 8)
    if _LOCATIVE.search(text, before, actor.start):
        return True
    return actor.role == "capitals" and _IN.search(text, before, actor.start) is not None


_NAME_OPENER = re.compile(r"(?:The|A|An|In|On|At|By|For|From|To|With|Its|Their|Both)\s+")
# A bullet point: a dash, asterisk or bullet sign and a space opening the line.
_BULLET_FIRST = frozenset(" \t-*•●▪◦‣⁃►▸–—·")
_BULLET = re.compile(r"[ \t]*[-*•●▪◦‣⁃►▸–—·][ \t]+")
# A lead-in whose bullet points follow: "The shipment included:".
_LEAD_IN_END = re.compile(r":[”\"]?\s*$")
# Openers that start another story: what follows borrows no party from what came before.
_TOPIC_BREAK = re.compile(
    r"[“\"]?(?:Separately|Elsewhere|Further afield|In (?:a )?separate (?:development|case|deal|"
    r"move|statement|announcement)|In other (?:news|developments)|In (?:neighbouring|neighboring) )"
    r"\b"
)
# "The aircraft were bought from ...": a definite subject pointing back to goods named before.
_DEFINITE_GOODS = re.compile(r"[“\"]?(?:The|These|Those|Such)\s+(?:[\w-]+\s+){0,2}")
# "has sold it drones", "supplied it with jets": a pronoun object of the verb names the recipient.
_OBJECT_IT = re.compile(r"\s+it\b(?!\s+(?:to|into|was|is|has|had|would|will)\b)")


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyHints:
    """What the discourse rules may read besides the frames: the text, the makers of types
    (items.yaml) and the words of need (grammar.yaml)."""

    text: str = ""
    makers: Mapping[str, str] = field(default_factory=dict)
    need: re.Pattern[str] | None = None
    homes: Mapping[str, str] = field(default_factory=dict)  # company -> its home state
    bodies: frozenset[str] = frozenset()  # organisations (the UN, the EU): speakers, not partners
    not_names: frozenset[str] = frozenset()  # capitalised words that name no one ("Since", "May")


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyPattern:
    """The last words of company names, and the whole name ending in one."""

    words: tuple[str, ...]
    ending: re.Pattern[str]
    name: re.Pattern[str]
    # The words in the order `ending` tries them (longest first): company_endings reads it.
    ordered: tuple[str, ...] = ()
    # The words whose every place the caller's organisation marker hits give (see
    # company_endings): no search of the document for them.
    marked: frozenset[str] = frozenset()


def company_pattern(
    suffixes: tuple[str, ...], marked: frozenset[str] = frozenset()
) -> CompanyPattern | None:
    """A company the lexicon lacks, by the last word of its name: "Kestrel Components",
    "Vostok Trading LLC". `marked` are the words the document automaton marks wherever they
    occur (lookup.ORGANISATION_MARKER)."""
    if not suffixes:
        return None
    ordered = tuple(sorted(suffixes, key=len, reverse=True))
    ending = "|".join(re.escape(word) for word in ordered)
    return CompanyPattern(
        words=suffixes,
        ordered=ordered,
        marked=marked & frozenset(suffixes),
        ending=re.compile(rf"\b(?:{ending})\b"),
        name=re.compile(
            rf"((?:[A-Z][A-Za-z0-9&'’-]+\s+){{1,3}}(?:{ending}))"
            r"(?:,?\s+(?:Inc|Ltd|LLC|Corp|GmbH|PLC|AG|SA|JSC|OOO)\b\.?)?(?![\w-])"
        ),
    )


def company_hits(
    text: str, hits: list[Hit], pattern: CompanyPattern | None, marks: list[Hit] | None = None
) -> list[Hit]:
    """Actor hits for companies the lexicon lacks, named by their full name and, after it, by
    its first word alone ("Kestrel"): the seller by its canonical name, as the eval README
    codes non-state actors. A span the lexicon already reads (an actor, an item such as "Missile
    Systems") is left to it. `marks`, when given, are the document automaton's hits of the
    whole text, with its organisation markers (see company_endings)."""
    if pattern is None:
        return []
    names = _company_names(text, pattern, marks)
    if not names:
        return []
    taken = [(h.start, h.end) for h in hits if h.kind in ("actor", "organ")]
    goods = [(h.start, h.end) for h in hits if h.kind == "item"]
    found: list[Hit] = []
    for match in names:
        start, end = _without_opener(match.start(1), match.end(1), text)
        # "Kestrel Components" names a firm; "Patriot Missile Systems" names goods.
        stem_end = text.rfind(" ", start, end)
        if stem_end < 0 or any(s < end and start < e for s, e in taken):
            continue
        if any(s < stem_end and start < e for s, e in goods):
            continue
        found.append(_company_hit(start, end, text[start:end], text))
    return found + _short_forms(found, text, taken + goods)


def _company_names(
    text: str, pattern: CompanyPattern, marks: list[Hit] | None
) -> list[re.Match[str]]:
    """Names found only around a company word: the document is scanned once for the words."""
    names: list[re.Match[str]] = []
    for word_start, word_end in company_endings(text, pattern, marks):
        floor = max(0, word_start - 60, names[-1].end() if names else 0)
        for match in pattern.name.finditer(text, floor, min(len(text), word_end + 12)):
            if match.end(1) == word_end and (
                match.start() == 0 or not text[match.start() - 1].isalnum()
            ):
                names.append(match)
                break
    return names


def company_endings(
    text: str, pattern: CompanyPattern, marks: list[Hit] | None = None
) -> list[tuple[int, int]]:
    """The spans of `pattern.ending` (`\\b(?:word|...)\\b`) in text, as `finditer` finds them,
    from the places its words occur (str.find): the regex, which opens with `\\b`, was tried at
    every position of every document. `marks`, when given, are hits of the whole text among
    which the organisation markers stand at every place of the words in `pattern.marked`
    (the document automaton's scan): those words need no search of the text of their own."""
    if not pattern.ordered or "" in pattern.ordered:
        return [match.span() for match in pattern.ending.finditer(text)]
    places: set[int] = set()
    marked = pattern.marked if marks is not None else frozenset()
    for word in pattern.ordered:
        if word in marked:
            continue
        at = text.find(word)
        while at >= 0:
            places.add(at)
            at = text.find(word, at + 1)
    if marks is not None and marked:
        _add_marked(places, marks, marked)
    found: list[tuple[int, int]] = []
    reached = 0  # finditer goes on from the end of the last match
    for start in sorted(places):
        if start < reached or not _boundary(text, start):
            continue
        # The alternation's order: the first word that matches here with a boundary after it.
        for word in pattern.ordered:
            end = start + len(word)
            if text.startswith(word, start) and _boundary(text, end):
                found.append((start, end))
                reached = end
                break
    return found


def _add_marked(places: set[int], marks: list[Hit], marked: frozenset[str]) -> None:
    kind = ORGANISATION_MARKER  # read once: compiled, each use is a look-up in the globals
    for hit in marks:
        if hit.kind == kind and hit.text in marked:
            places.add(hit.start)


def _boundary(text: str, position: int) -> bool:
    """The regex `\\b` at a position of text (str patterns: a word character is alphanumeric
    or "_")."""
    before = position > 0 and _is_word(text[position - 1])
    after = position < len(text) and _is_word(text[position])
    return before != after


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _without_opener(start: int, end: int, text: str) -> tuple[int, int]:
    """ "The Kestrel Components": a capitalised article or preposition opens no name."""
    opener = _NAME_OPENER.match(text, start, end)
    return (opener.end(), end) if opener else (start, end)


def _company_hit(start: int, end: int, name: str, text: str) -> Hit:
    term = ActorTerm(text=text[start:end], actor_id=name, role="nonstate")
    return Hit(start=start, end=end, kind="actor", payload=term, text=text[start:end])


def _short_forms(found: list[Hit], text: str, taken: list[tuple[int, int]]) -> list[Hit]:
    short: list[Hit] = []
    for hit in found:
        first = hit.text.split()[0]
        if len(first) < 4 or len(hit.text.split()) < 2:
            continue
        for match in re.finditer(rf"\b{re.escape(first)}\b(?!\s+[A-Z])", text[hit.end :]):
            start, end = hit.end + match.start(), hit.end + match.end()
            if not any(s < end and start < e for s, e in taken):
                short.append(_company_hit(start, end, str(hit.text), text))
    return short


def is_list_item(view: SentenceView, text: str) -> bool:
    """A bullet point: the goods of a list whose transfer its lead-in sentence states."""
    if view.start >= len(text) or text[view.start] not in _BULLET_FIRST:
        return False  # the cheap test first, on every sentence
    return bool(_BULLET.match(text, view.start, view.end))


def _topic_break(view: SentenceView, text: str) -> bool:
    if view.start >= len(text) or text[view.start] not in 'SEIF“"':
        return False
    return bool(_TOPIC_BREAK.match(text, view.start, view.end))


def fill_missing_parties(views: list[SentenceView], hints: PartyHints | None = None) -> None:
    hints = hints or PartyHints()
    walk = _PartyWalk(views, hints)
    for view in views:
        walk.visit(view)


class _PartyWalk:
    """The discourse state while reading an article in order: the last complete transfer, the
    sentence before and the lead-in of a bulleted list."""

    def __init__(self, views: list[SentenceView], hints: PartyHints) -> None:
        self.hints = hints
        self.named = {a.actor_id for v in views for a in v.actors} if hints.makers else set()
        self.complete = [
            (v.index, f)
            for v in views
            for f in v.frames
            if f.suppliers and f.recipients and not f.domestic
        ]
        self.by_index = {view.index: view for view in views}
        self.last_complete: Frame | None = None
        self.previous: SentenceView | None = None
        self.lead: Frame | None = None
        self.lead_view: SentenceView | None = None

    def visit(self, view: SentenceView) -> None:
        if _topic_break(view, self.hints.text):
            self.last_complete, self.previous = None, None
        bullet = is_list_item(view, self.hints.text)
        view.frames = _without_appositive_agents(view.frames)
        if bullet and self.lead is not None and self.lead_view is not None and not view.frames:
            view.frames = _list_frames(view, self.lead)
            _keep_speaker(view, self.lead_view)
        for frame in view.frames:
            if frame.suppliers and frame.recipients:
                self.last_complete = frame
            elif not frame.unnamed_supplier:
                self._fill(view, frame)
        view.frames = [f for f in view.frames if f.suppliers and f.recipients]
        main = [f for f in view.frames if f.rule_id != "counterflow.reverse.v1"]
        if main:
            self.last_complete = main[-1]
        if not bullet:
            self._set_lead(view, main)
        self.previous = view

    def _fill(self, view: SentenceView, frame: Frame) -> None:
        hints, makers, last = self.hints, self.hints.makers, self.last_complete
        if _unknown_subject(view, frame, hints) or _seized_goods(view, frame, self.previous, hints):
            return
        if not frame.recipients and _world_share(frame, view, hints.text):
            return
        if frame.recipients and makers:
            _fill_from_maker(frame, makers, self.named)
        if frame.suppliers or frame.recipients:
            _fill_from_object(view, frame, self.previous, hints)
            _fill_from_holder(view, frame, self.previous, hints)
            _fill_from_partner(view, frame, self.complete, hints)
            _fill_from_last(view, frame, last)
            _fill_from_previous(view, frame, self.previous, hints)
        elif last is not None and _nameless(view) and _subjectless(frame, view):
            _inherit(frame, last, view)
            _maker_over_inherited(frame, makers, self.named)

    def _set_lead(self, view: SentenceView, main: list[Frame]) -> None:
        self.lead = _list_lead(view, main, self.last_complete, self.hints.text)
        self.lead_view = view
        if self.lead is not None and not main and _unattributed(view):
            # "The shipment included:" in the outlet's voice: who told of the shipment.
            self.lead_view = self.by_index.get(self.lead.sentence, view)


def _seized_goods(
    view: SentenceView, frame: Frame, previous: SentenceView | None, hints: PartyHints
) -> bool:
    """ "The shipment was intercepted by the US Navy. The weapons were bound for the Houthis":
    goods that point back to a seizure came from someone the article does not name; no
    transfer told before lends them a party."""
    if previous is None or previous.index != view.index - 1:
        return False
    # The seizure first (a loop over the few triggers before), the pattern only after one.
    seizing = SEIZING  # read once: compiled, each use is a look-up in the module's globals
    for trigger in previous.triggers:
        if trigger.trigger.id in seizing:
            return _opens_with_goods(view, frame, hints.text)
    return False


# "accounted for 11% of global arms exports", "a third of the world's arms sales": a share
# of the whole market, sold to no one recipient.
_WORLD_SHARE = re.compile(
    r"\s*(?:of|in)\s+(?:(?:the\s+)?(?:global|world(?:wide)?|international|total)\b|the\s+world'?s\b)"
)


def _world_share(frame: Frame, view: SentenceView, text: str) -> bool:
    """Whether the frame's amount is a supplier's share of the world market (no recipient)."""
    trigger = frame.trigger
    if trigger is None or trigger.trigger.id != "account_for":
        return False
    for amount in view.amounts:
        if trigger.end <= amount.start and _WORLD_SHARE.match(text, amount.end, view.end):
            return True
    return False


def _unknown_subject(view: SentenceView, frame: Frame, hints: PartyHints) -> bool:
    """ "The Wa army has bought 200 rifles from China": the subject that would be the missing
    party is a name the lexicon does not know; no party from elsewhere may take its place."""
    trigger = frame.trigger
    if trigger is None or trigger.passive or trigger.pattern not in ("give", "get"):
        return False
    missing_subject = not frame.suppliers if trigger.pattern == "give" else not frame.recipients
    if not missing_subject:
        return False
    start = max(view.start, frame.clause[0])
    # "X told Daily NK on Wednesday that the freight ...": the subject follows the speech tag.
    spoken = [c.end for c in view.cues if c.kind == "speech" and start <= c.end <= trigger.start]
    start = max([start, *spoken])
    that = hints.text.rfind(" that ", start, trigger.start)
    start = that + 6 if that >= 0 else start
    zone = list(hints.text[start : trigger.start])
    for ref in view.actors:
        if start <= ref.start and ref.end <= trigger.start:
            zone[ref.start - start : ref.end - start] = "\0" * (ref.end - ref.start)
    masked = "".join(zone)
    return any(
        _names_someone(masked, found, start == view.start, hints)
        for found in _CAPITALISED.finditer(masked)
    )


def _names_someone(zone: str, found: re.Match[str], opening: bool, hints: PartyHints) -> bool:
    if found.group().lower() in hints.not_names:
        return False
    # Capitalised words right after a known name belong to it: "the Colombian Aerospace Force".
    before = _NAME_TAIL.sub("", zone[: found.start()].rstrip())
    if before.endswith("\0"):
        return False  # "the North Korean government": a word right after a known name is its
    # "Junta takes delivery", "Rebels received": a lone first word is capitalised anyway.
    first = opening and not before.strip(' “"')
    return not (first and _LONE.match(zone + " x", found.end()))


_LONE = re.compile(r"\s+[a-z]")
_NAME_TAIL = re.compile(r"(?:\s*\b[A-Z][\w-]*)+$")
_CAPITALISED = re.compile(r"(?<![“\"‘'])\b[A-Z][a-z]{2,}\b")


def _list_lead(
    view: SentenceView, main: list[Frame], last: Frame | None, text: str
) -> Frame | None:
    """ "The shipment included:" and bullet points: each point continues the transfer the lead-in
    states, or, when the lead-in names no other party, the transfer just before it."""
    # The cheap test first: most sentences end in a full stop.
    if text.find(":", max(view.start, view.end - 3), view.end) < 0:
        return None
    if not _LEAD_IN_END.search(text, max(view.start, view.end - 3), view.end):
        return None
    if main:
        return None if main[-1].negated else main[-1]
    if last is None or last.negated or view.index - last.sentence > _INHERIT_WINDOW:
        return None
    parties = {a.actor_id for a in last.suppliers} | {a.actor_id for a in last.recipients}
    speaker = view.source.name if view.source else ""
    named = {a.actor_id for a in view.actors if a.role != "adjectives" and a.text not in speaker}
    return last if named <= parties else None


def _unattributed(view: SentenceView) -> bool:
    return view.source is None or view.source.kind is SourceKind.UNATTRIBUTED


def _keep_speaker(view: SentenceView, lead_view: SentenceView) -> None:
    """A bullet point says what its lead-in's speaker says, unless it names its own."""
    if lead_view.source is not None and _unattributed(view):
        view.source = lead_view.source


def _list_frames(view: SentenceView, lead: Frame) -> list[Frame]:
    items = [item for item in view.items if not item.blocked]
    if not items:
        return []
    return [
        Frame(
            sentence=view.index,
            trigger=lead.trigger,
            suppliers=list(lead.suppliers),
            recipients=list(lead.recipients),
            items=items,
            stage=lead.stage,
            rule_id="discourse.list_item.v1",
            hedges=list(lead.hedges),
            clause=(view.start, view.end),
        )
    ]


def _without_appositive_agents(frames: list[Frame]) -> list[Frame]:
    """ "Rosoboronexport, Russia's state arms exporter, has supplied jets": the agent noun in
    apposition describes the supplier of the verb after it, between the same parties; it is no
    transfer of its own. ("China, Pakistan's main arms supplier, has delivered" names a
    recipient the verb does not: that one stays.)"""
    if len(frames) < 2:
        return frames
    verbs = [f for f in frames if not f.rule_id.startswith("direction.agent")]
    return [f for f in frames if not _appositive_agent(f, verbs)]


def _appositive_agent(frame: Frame, verbs: list[Frame]) -> bool:
    if not frame.rule_id.startswith("direction.agent_give") or frame.trigger is None:
        return False
    return any(
        v.trigger is not None
        and v.trigger.start > frame.trigger.start
        and _ids_of(v.suppliers) == _ids_of(frame.suppliers)
        and _ids_of(v.recipients) == _ids_of(frame.recipients)
        for v in verbs
    )


def _ids_of(refs: list[ActorRef]) -> set[str]:
    return {a.actor_id for a in refs}


def _fill_from_object(
    view: SentenceView, frame: Frame, previous: SentenceView | None, hints: PartyHints
) -> None:
    """ "Serbia turned to China. Poly Technologies has sold it FK-3 systems": "it" after the
    giving verb is the subject of the sentence before, unless that is the giver (or its state)."""
    trigger = frame.trigger
    if previous is None or frame.recipients or trigger is None or trigger.passive:
        return
    if not _OBJECT_IT.match(hints.text, trigger.end, view.end):
        return
    giver = {a.actor_id for a in frame.suppliers}
    giver |= {hints.homes[g] for g in giver if g in hints.homes}
    speaker = previous.source.name if previous.source else ""
    subjects = [
        a
        for a in previous.actors
        if not a.is_modifier and a.role != "pair" and a.text not in speaker
    ]
    if not subjects or subjects[0].actor_id in giver:
        return
    first = subjects[0]
    frame.recipients = [
        ActorRef(
            start=trigger.end,
            end=trigger.end,
            actor_id=first.actor_id,
            role="discourse",
            text=first.text,
            possessive=first.possessive,
        )
    ]
    frame.rule_id = frame.rule_id.replace(".v1", "+discourse_object.v1")


def _fill_from_maker(frame: Frame, makers: Mapping[str, str], named: set[str]) -> None:
    """ "Ukraine has received fewer than 200 Storm Shadows": with no supplier named, the goods
    come from the state that makes them, when the article names that state at all."""
    if frame.suppliers:
        return
    recipients = {a.actor_id for a in frame.recipients}
    for item in frame.items:
        maker = _maker_of(item.designation, makers)
        if maker is not None and maker in named and maker not in recipients:
            known = frame.recipients[0]
            frame.suppliers = [
                ActorRef(start=known.start, end=known.start, actor_id=maker, role="maker", text="")
            ]
            frame.rule_id = frame.rule_id.replace(".v1", "+maker.v1")
            return


def _maker_of(designation: str | None, makers: Mapping[str, str]) -> str | None:
    """The maker of a type, its variants included ("Leopard 2A4" of "Leopard 2")."""
    if not designation:
        return None
    key = designation.lower()
    if key in makers:
        return makers[key]
    stems = [stem for stem in makers if key.startswith(stem)]
    return makers[max(stems, key=len)] if stems else None


def _fill_from_holder(
    view: SentenceView, frame: Frame, previous: SentenceView | None, hints: PartyHints
) -> None:
    """ "CH-4 drones operated by the Congolese air force were seen in Goma. The aircraft were
    bought from CASC": goods that point back in a passive belong to the one party of the
    sentence before that names them without a transfer."""
    trigger = frame.trigger
    if trigger is None or not trigger.passive or previous is None or previous.frames:
        return
    if previous.index != view.index - 1 or not _opens_with_goods(view, frame, hints.text):
        return
    if not any(not item.blocked for item in previous.items):
        return
    # "Somali forces intercepted a boat carrying rifles. The weapons were destined for
    # al-Shabaab": the goods' holder there seized them; it is no party to their transfer.
    for seizure in previous.triggers:
        if seizure.trigger.id in SEIZING:
            return
    known = (frame.suppliers or frame.recipients)[0].actor_id
    speaker = previous.source.name if previous.source and previous.source.name else "\0"
    others = {
        a.actor_id
        for a in previous.actors
        if not a.is_modifier
        and a.role != "pair"
        and a.actor_id not in (known, hints.homes.get(known, ""))
        and a.text not in speaker
    }
    if len(others) != 1:
        return
    _complete(frame, others.pop(), trigger.start, "holder")


def _opens_with_goods(view: SentenceView, frame: Frame, text: str) -> bool:
    """ "The aircraft were bought", "These rifles were sold": the subject is the goods."""
    first = min((item.start for item in frame.items), default=-1)
    match = _DEFINITE_GOODS.match(text, view.start, max(view.start, first))
    return match is not None and match.end() == first


def _fill_from_partner(
    view: SentenceView, frame: Frame, complete: list[tuple[int, Frame]], hints: PartyHints
) -> None:
    """The partner the known party had in the same role in the nearest complete transfer,
    before this sentence if there is one, else after it; an actor never seen in that role
    gets no partner."""
    if frame.suppliers and frame.recipients:
        return
    known = (frame.suppliers or frame.recipients)[0]
    as_supplier = bool(frame.suppliers)
    candidates: list[tuple[int, str]] = []
    for index, other in complete:
        sides = (
            (other.suppliers, other.recipients)
            if as_supplier
            else (other.recipients, other.suppliers)
        )
        if index > view.index and frame.rule_id.startswith("counterflow"):
            continue  # a payment's payee is the seller named before it, never after
        if any(a.actor_id == known.actor_id for a in sides[0]) and sides[1]:
            distance = view.index - index if index <= view.index else 10_000 + index - view.index
            candidates.append((distance, sides[1][0].actor_id))
    partner_id = min(candidates)[1] if candidates else None
    if partner_id is None:
        # "Pakistan seized a truck carrying rifles for the Taliban": the seizer is no partner;
        # nor is who speaks ("a UN panel said") or a company's own state in apposition.
        speaker = view.source.name if view.source and view.source.name else "\0"
        home = hints.homes.get(known.actor_id, "")

        others = [
            a
            for a in view.actors
            if a.actor_id not in (known.actor_id, home)
            and a.role != "pair"
            and a.actor_id not in frame.bystanders
            and not (a.actor_id in hints.bodies and a.text in speaker)
            and not _place(a, hints.text)
            and not _party_elsewhere(view, frame, a)
        ]
        partner_id = others[0].actor_id if len(others) == 1 else None
    # "Both Russia and China have supplied": a co-supplier is no partner.
    inside = _ids_of(frame.suppliers) | _ids_of(frame.recipients)
    if partner_id is None or partner_id in inside:
        return
    _complete(frame, partner_id, known.start, "partner")


def _party_elsewhere(view: SentenceView, frame: Frame, actor: ActorRef) -> bool:
    """ "New Delhi agreed to sell launchers, and Paris delivered radars", "Poland ordered APCs,
    while Turkey delivered rockets to Azerbaijan": a party of a transfer in another clause is
    no partner of this one (a co-supplier, or a party of a different deal)."""
    for other in view.frames:
        if other.clause == frame.clause:
            continue  # "accounted for $412 million of Myanmar's imports": one transfer
        if actor in other.suppliers or actor in other.recipients:
            return True
    return False


def _complete(frame: Frame, actor_id: str, at: int, how: str) -> None:
    """Fill the one side the frame lacks with an actor the discourse supplies; the rule id says
    `how` it was found."""
    partner = ActorRef(start=at, end=at, actor_id=actor_id, role="discourse", text="")
    if frame.suppliers:
        frame.recipients = [partner]
    else:
        frame.suppliers = [partner]
    frame.rule_id = frame.rule_id.replace(".v1", f"+discourse_{how}.v1")


def _fill_from_last(view: SentenceView, frame: Frame, last: Frame | None) -> None:
    """ "Germany has delivered 18 tanks to Ukraine. Poland has handed over 14": a donor named
    without a recipient gives to the one the transfer just before went to (and a buyer named
    without a seller buys from the same seller)."""
    if last is None or (frame.suppliers and frame.recipients):
        return
    if view.index - last.sentence > _INHERIT_WINDOW:
        return
    known = (frame.suppliers or frame.recipients)[0]
    partners = last.recipients if frame.suppliers else last.suppliers
    if not partners or any(p.actor_id == known.actor_id for p in partners):
        return
    if frame.suppliers:
        frame.recipients = list(partners)
    else:
        frame.suppliers = list(partners)
    frame.rule_id = frame.rule_id.replace(".v1", "+discourse_last.v1")


def _fill_from_previous(
    view: SentenceView, frame: Frame, previous: SentenceView | None, hints: PartyHints
) -> None:
    """ "Ukraine needs more air defence. Germany has sent three IRIS-T systems": with no
    transfer to go by, the one other party of a sentence just before that tells of a need or
    request for goods is the missing partner; two or more, or none, leave the frame as it is."""
    if previous is None or (frame.suppliers and frame.recipients) or frame.unnamed_supplier:
        return
    if previous.index != view.index - 1 or not any(not i.blocked for i in previous.items):
        return
    parties = frame.suppliers or frame.recipients
    # The one other party first (a loop over the sentence's actors), the need pattern only then.
    if parties and len(_others_than(previous, parties[0], frame)) != 1:
        return
    if hints.need is None or not hints.need.search(hints.text, previous.start, previous.end):
        return
    known = parties[0]
    others = _others_than(previous, known, frame)
    if len(others) != 1:
        return
    _complete(frame, others.pop(), known.start, "previous")


def _others_than(previous: SentenceView, known: ActorRef, frame: Frame) -> set[str]:
    return {
        a.actor_id
        for a in previous.actors
        if a.actor_id != known.actor_id
        and a.role not in ("pair", "adjectives")
        and a.actor_id not in frame.bystanders
    }


def _subjectless(frame: Frame, view: SentenceView) -> bool:
    """A passive, a noun or a verb of motion names no party; an active verb whose subject is a
    pronoun ("they received rice") may have anyone in mind, so it does not continue; one whose
    subject is a party's role ("the recipient has requested", "the buyer") continues."""
    trigger = frame.trigger
    if trigger is None:
        return False
    role_subject = any(
        t.pattern.startswith("agent") and frame.clause[0] <= t.start < trigger.start
        for t in view.triggers
    )
    return trigger.passive or role_subject or trigger.pattern not in ("give", "get", "pay")


def _nameless(view: SentenceView) -> bool:
    """No party named, the speaker's own name ("according to a US statement") aside."""
    speaker = view.source.name if view.source else ""
    return not [a for a in view.actors if a.role != "adjectives" and a.text not in speaker]


def _inherit(frame: Frame, previous: Frame, view: SentenceView) -> None:
    if view.index - previous.sentence > _INHERIT_WINDOW:
        return
    frame.suppliers, frame.recipients = list(previous.suppliers), list(previous.recipients)
    if frame.rule_id == "counterflow.reverse.v1":
        frame.suppliers, frame.recipients = frame.recipients, frame.suppliers
    frame.rule_id = frame.rule_id.replace(".v1", "+discourse_inherit.v1")


def _maker_over_inherited(frame: Frame, makers: Mapping[str, str], named: set[str]) -> None:
    """ "The government cleared the purchase of 26 Rafale fighters": a transfer naming no party
    continues the one before for its recipient, but its goods' maker, when the article names
    it, is a better supplier than the last transfer's."""
    if not makers or not frame.suppliers or not frame.rule_id.endswith("discourse_inherit.v1"):
        return
    inherited = frame.suppliers
    frame.suppliers = []
    _fill_from_maker(frame, makers, named)
    if not frame.suppliers:
        frame.suppliers = inherited


def _last_denial(cues: list[Hit]) -> Hit | None:
    """The last cue of a denial (a loop: compiled, the generator and next() were objects
    built for every sentence)."""
    cue_type = Cue  # read once: compiled, each use is a look-up in the module's globals
    for index in range(len(cues) - 1, -1, -1):
        cue = cues[index]
        payload = cue.payload
        if cue.kind == "denial" and isinstance(payload, cue_type) and payload.kind == "denial":
            return cue
    return None


def denial_frames(views: list[SentenceView], text: str) -> None:
    """ "Both countries have denied the allegations": each earlier claim between the deniers
    comes back denied, attributed to them, with this sentence as evidence."""
    for position, view in enumerate(views):
        # The last denial cue: in "said the claims were baseless, and both countries have
        # denied ...", who denies is named right before it.
        cue = _last_denial(view.cues)
        if view.frames:
            view.frames += _trailing_denials(view, text)
            continue
        if cue is None:
            continue
        deniers = _deniers(view, cue.start)
        if not deniers:
            continue
        denied_ids = {part for ref in deniers for part in ref.actor_id.split("+")}
        targets = _recent_frames(views, position, denied_ids, _DENIAL_REACH)
        named = [item for item in view.items if not item.blocked]
        if named and (targets or len(denied_ids) > 1):
            # "both countries denied any missile transfer", "Moscow and Pyongyang have denied
            # any arms trade": a denial that names the goods answers the article's main
            # allegation between the deniers, the direction most of its transfers take.
            earlier = _recent_frames(views, position, denied_ids, position, both=True, every=True)
            main = _main_direction(_answered(earlier or targets, named))
            targets = [_with_items(main, _denied_items(main, named))] if main else []
        view.frames = [_denied_copy(frame, view, deniers, cue.text) for frame in targets]


# "..., a claim the Kremlin called \"absurd\"", "..., an allegation Tehran rejected", "...,
# which Moscow denies": a trailing clause in which someone denies the claim just made. Its
# words name the denier; the sentence's own claim stays affirmed under its own source.
_DENIAL_STEMS = ("deni", "deny", "reject", "dismiss", "refut", "called", "calls", "branded")
_DISMISSIVE = (
    r"(?:absurd|baseless|false|groundless|fabricated|nonsense|ridiculous|unfounded|untrue|"
    r"fake|lies|a lie|propaganda|fiction|slander|a fabrication|speculation)"
)
_TRAILING_DENIAL = re.compile(
    r",\s+(?:(?:(?:a|an|the)\s+)?(?:claims?|allegations?|accusations?|charges?|reports?|assertions?)"
    r"\s+(?:that\s+|which\s+)?|(?P<relative>which|something)\s+)"
    r"(?P<who>[^,;]{2,60}?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:(?:strongly|flatly|firmly|repeatedly|categorically|vehemently)\s+)?"
    r"(?P<verb>denie[sd]|deny|reject(?:s|ed)?|dismiss(?:es|ed)?|refute[sd]?|"
    r"(?:called|calls|branded|brands)\s+[“\"‘']?" + _DISMISSIVE + r")\b"
)


def _trailing_denials(view: SentenceView, text: str) -> list[Frame]:
    """The claims before a trailing denial clause, denied by whoever that clause names."""
    sentence = text[view.start : view.end]
    if "," not in sentence or not any(stem in sentence for stem in _DENIAL_STEMS):
        return []
    found = _TRAILING_DENIAL.search(sentence)
    # "..., which Moscow called absurd" may judge the deal, not deny it: "called" denies only
    # a claim the clause names ("a claim the Kremlin called absurd").
    if found is None or (found.group("relative") and found.group("verb")[0] in "cb"):
        return []
    start, end = view.start + found.start("who"), view.start + found.end("who")
    deniers = [a for a in view.actors if start <= a.start and a.end <= end and not a.is_modifier]
    clause_start = view.start + found.start()
    denied = [
        frame
        for frame in view.frames
        if not frame.negated and all(item.end <= clause_start for item in frame.items)
    ]
    if not deniers or not denied:
        return []
    return [_denied_copy(frame, view, deniers[:2], found.group("verb")) for frame in denied]


def _deniers(view: SentenceView, cue_start: int) -> list[ActorRef]:
    before = [a for a in view.actors if a.start < cue_start and not a.is_modifier]
    if before and before[-1].role == "pair":
        # "X's ambassador to the EU said ..., and both countries have denied": the pair is who
        # denies, not the first parties the sentence names.
        return [before[-1]]
    return before[:2] if before else []


def _recent_frames(
    views: list[SentenceView],
    position: int,
    ids: set[str],
    reach: int,
    *,
    both: bool = False,
    every: bool = False,
) -> list[Frame]:
    """The frames of the nearest sentence before `position` that involve `ids` (all of them
    when `both`); with `every`, those of all sentences within reach."""
    found: list[Frame] = []
    for earlier in range(position - 1, max(-1, position - reach - 1), -1):
        found += [
            f
            for f in views[earlier].frames
            if not f.negated
            and not f.rule_id.startswith("counterflow")
            and _involves(f, ids, both=both)
        ]
        if found and not every:
            return found
    return found


def _answered(frames: list[Frame], named: list[ItemRef]) -> list[Frame]:
    """ "Both have denied the arms deals": a denial naming arms in general answers the
    direction the weapons took, not that of the food, fuel or know-how paid for them, even when
    those counterflows are the more numerous; all frames of that direction stay candidates."""
    if not all(item.category == "weapons" for item in named):
        return frames
    armed = _main_direction(
        [f for f in frames if any(i.category not in _NOT_WEAPONS for i in f.items)]
    )
    return frames if armed is None else [f for f in frames if _pair(f) == _pair(armed)]


def _main_direction(frames: list[Frame]) -> Frame | None:
    """The frame whose (supplier, recipient) pair most frames share; the latest on a tie."""
    counts = Counter(_pair(f) for f in frames)
    return max(frames, key=lambda f: counts[_pair(f)], default=None)


def _pair(frame: Frame) -> tuple[str, str]:
    return (
        "+".join(a.actor_id for a in frame.suppliers),
        "+".join(a.actor_id for a in frame.recipients),
    )


def _denied_items(main: Frame, named: list[ItemRef]) -> list[ItemRef]:
    """What a denial naming goods denies: those goods; when it names them only in general
    ("any arms trade"), the goods of the allegation it answers."""
    if all(item.category == "weapons" for item in named):
        arms = [item for item in main.items if item.category not in _NOT_ARMS]
        return arms or named
    return named


def _involves(frame: Frame, ids: set[str], *, both: bool) -> bool:
    parties = {a.actor_id for a in frame.suppliers} | {a.actor_id for a in frame.recipients}
    return ids <= parties if both else bool(parties & ids)


def _with_items(frame: Frame, items: list[ItemRef]) -> Frame:
    copied = frame.copy()
    copied.items = items
    return copied


def _without_amounts(item: ItemRef) -> ItemRef:
    copied = item.copy()
    copied.amount = None
    copied.unit_amount = None
    return copied


def _denied_copy(frame: Frame, view: SentenceView, deniers: list[ActorRef], cue: str) -> Frame:
    return Frame(
        sentence=view.index,
        trigger=frame.trigger,
        suppliers=list(frame.suppliers),
        recipients=list(frame.recipients),
        # A denial answers the allegation, not its figures: the denied claim has no amount.
        items=[_without_amounts(item) for item in frame.items],
        stage=frame.stage,
        rule_id="polarity.denial_backref.v1",
        hedges=[],
        negated=cue,
        denier=list(deniers),
        clause=(view.start, view.end),
    )


def denier_name(deniers: list[ActorRef], text: str) -> str:
    return " and ".join(_WHITESPACE_RUN.sub(" ", ref.text) for ref in deniers)
