"""Actor mentions resolved in document order: names, adjectives, capitals, organs, leaders,
"the North", and back-references ("the former", "the latter", "the country", "both countries")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from armsledger.domain.core import Actor, ActorKind
from armsledger.extract.lookup import Hit, span_order
from armsledger.extract.model import ActorRef
from armsledger.lexicon import ActorTerm, Lexicons

# Compiled at import: these run on hot paths, once per sentence or item.
# Only a possessive ending between two actors: "Yemen's Houthi rebels".
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+")

_ROLE_ORDER = (
    "names",
    "capitals",
    "organ",
    "nonstate",
    "leader",
    "half_north",
    "half_south",
    "adjectives",
)
_RANK = {role: rank for rank, role in enumerate(_ROLE_ORDER)}
_POSSESSIVE = re.compile(r"['’]s?\b")
_ORGAN_GAP = re.compile(r"^(?:['’]s)?\s*(?:[a-z]+\s+)?$")
# Plural demonyms name people ("the Russians"), not a modifier of the next noun.
_MEMBER_NOUN = re.compile(
    r"(?:['’]s)?\s+(?:and\s+\w+\s+)?(?:member|members|state|states|countries|country|ally|allies|"
    r"partner|partners|nations|capitals|governments)\b"
)
_PLURAL_DEMONYM = re.compile(r"(?:ans|ians|eans|is)$")
# "Moscow's ally", "Tehran's closest partner": another party the possessor stands with; a name
# right after it ("Russia's ally Belarus") is that party itself.
_ALLY = re.compile(
    r"['’]s?\s+(?:[a-z-]+\s+){0,2}(?:ally|partner|client|proxy|protégé)\b(?!\s+[A-Z])"
)
# "Mali's military government", "the Malian junta": the state has a government of its own that
# "the junta" or "the regime" may later stand for.
_GOVERNMENT_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:(?:military|ruling|interim|transitional|new)\s+)?(?:government|junta|"
    r"regime|rulers|authorities|leadership|administration)\b"
)
# Back-references that take the last actor of a kind ("the group", "the company").
_KIND_BACKREFS = {"armed_group": ActorKind.ARMED_GROUP, "company": ActorKind.COMPANY}
_ALLY_KINDS = (ActorKind.STATE, ActorKind.ARMED_GROUP)
_STATE_ROLES = frozenset({"names", "adjectives", "capitals"})
# A wire dateline ("BANGKOK, Jan 12 (Reuters) -", "KYIV, Ukraine, May 3 -", "SEOUL (AP) -")
# says where the story was filed, not who sent or received anything: its places are no parties.
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|"
    r"June|July|August|September|October|November|December)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_PLACE = r"[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3}"
_DATELINE = re.compile(
    rf"^[ \t]*(?:{_PLACE})(?:,\s*{_PLACE}){{0,2}}"
    rf"(?:,\s*{_DATE}(?:\s*\([^()\n]{{1,40}}\))?|\s*\([^()\n]{{1,40}}\))\s*[-–—]+\s",
    re.MULTILINE,
)
# The same dateline where a speaker phrase starts ("June 4 (AFP) - Iranian officials said"):
# the phrase names its speaker only after it.
DATELINE_PREFIX = re.compile(
    rf"^\s*(?:{_PLACE},?\s*){{0,3}}(?:{_DATE}(?:\s*\([^()\n]{{1,40}}\))?|\([^()\n]{{1,40}}\))"
    r"\s*[-–—]+\s+"
)


class ActorResolver:
    """Walks a document's actor hits once, keeping what earlier sentences made available."""

    def __init__(self, lexicons: Lexicons, text: str) -> None:
        self.lexicons = lexicons
        self.text = text
        self.seen_leaders: set[str] = set()
        self.recent: list[str] = []
        self.last_of_kind: dict[str, str] = {}  # actor kind -> the last actor of it named
        self.governed = ""  # the last state named with an organ of its own: "the junta"
        self.datelines = datelines(text)
        # The lexicon's table itself: Lexicons.actor_by_id is interpreted Python, asked
        # thousands of times a round.
        self.actors: Mapping[str, Actor] = lexicons.actors

    def _actor(self, actor_id: str) -> Actor | None:
        """Lexicons.actor_by_id."""
        return self.actors.get(actor_id)

    def resolve(self, hits: Iterable[Hit]) -> list[ActorRef]:
        """Actor refs of one sentence; `hits` are its actor, organ and back-reference hits."""
        refs: list[ActorRef] = []
        for group in _by_span(hits):
            if self._in_dateline(group[0]):
                continue
            ref = self._resolve_group(group, refs)
            if ref is None:
                continue
            if ref.possessive and ref.role != "pair":
                ref = self._ally(ref)
            if (
                ref.role in _STATE_ROLES
                and _spaced_after(self.text, ref.end, _GOVERNMENT_FIRSTS)
                and _GOVERNMENT_AFTER.match(self.text, ref.end)
            ):
                self.governed = ref.actor_id
            if refs and ref.start == refs[-1].start and ref.role == "organ":
                refs[-1] = ref  # merged "Russia's Defence Ministry"
            else:
                refs.append(ref)
            if ref.role not in ("pair", "backref"):
                self._remember(ref.actor_id)
            self._possessor_as_modifier(refs)
            self._describer_as_modifier(refs)
        return refs

    def _describer_as_modifier(self, refs: list[ActorRef]) -> None:
        """ "German arms maker Rheinmetall": the nationality and its noun describe the company
        named right after them, the seller (eval README: non-state actors by canonical name)."""
        if len(refs) < 2 or refs[-2].role != "organ":
            return
        first, second = refs[-2], refs[-1]
        actor = self._actor(second.actor_id)
        if actor is None or actor.kind is not ActorKind.COMPANY:
            return
        if self.text[first.end : second.start].strip():
            return
        refs[-2] = _as_modifier(first, possessive=False)

    def _ally(self, ref: ActorRef) -> ActorRef:
        """ "Moscow's ally received oil from Russia": the party last named other than Moscow."""
        match = _ALLY.match(self.text, ref.end)
        if match is None:
            return ref
        for actor_id in reversed(self.recent):
            actor = self._actor(actor_id)
            if actor_id != ref.actor_id and actor is not None and actor.kind in _ALLY_KINDS:
                return ActorRef(
                    start=ref.start,
                    end=match.end(),
                    actor_id=actor_id,
                    role="backref",
                    text=self.text[ref.start : match.end()],
                )
        return ref

    def _in_dateline(self, hit: Hit) -> bool:
        for start, end in self.datelines:  # noqa: SIM110 (a loop: no generator compiled)
            if start <= hit.start and hit.end <= end:
                return True
        return False

    def _possessor_as_modifier(self, refs: list[ActorRef]) -> None:
        """ "Yemen's Houthi rebels", "Russia's Wagner Group": the possessor only locates the
        actor that follows it."""
        if len(refs) < 2:
            return
        first, second = refs[-2], refs[-1]
        if first.possessive and _POSSESSIVE_GAP.fullmatch(self.text[first.end : second.start]):
            refs[-2] = _as_modifier(first, possessive=True)

    def _remember(self, actor_id: str) -> None:
        if not self.recent or self.recent[-1] != actor_id:
            self.recent.append(actor_id)
            actor = self._actor(actor_id)
            if actor is not None:
                self.last_of_kind[actor.kind] = actor_id

    def _resolve_group(self, group: list[Hit], refs: list[ActorRef]) -> ActorRef | None:
        first = group[0]
        if first.kind == "organ":
            return self._organ(first, refs)
        if first.kind == "backref":
            return self._backref(first, refs)
        terms = [hit.payload for hit in group if isinstance(hit.payload, ActorTerm)]
        return self._term(first, terms)

    def _term(self, hit: Hit, terms: list[ActorTerm]) -> ActorRef | None:
        usable = [t for t in terms if t.needs_prior is None or t.needs_prior in self.seen_leaders]
        if not usable:
            return None
        term = _first_ranked(usable)
        if term.leader:
            self.seen_leaders.add(term.leader)
        actor_id, role = term.actor_id, term.role
        if role.startswith("half_"):
            actor_id = self._half(role.removeprefix("half_"))
            if not actor_id:
                return None
        if role == "adjectives" and plural_demonym(hit.text):
            role = "names"
        if _spaced_after(self.text, hit.end, _MEMBER_FIRSTS) and _MEMBER_NOUN.match(
            self.text, hit.end
        ):
            role = "adjectives"  # "a NATO member", "EU states": a modifier, not a party
        return ActorRef(
            start=hit.start,
            end=hit.end,
            actor_id=actor_id,
            role=role,
            text=hit.text,
            possessive=self._possessive(hit.end),
        )

    def _possessive(self, end: int) -> bool:
        # _POSSESSIVE opens with an apostrophe: look at the next character before the regex.
        if end >= len(self.text) or self.text[end] not in "'’":
            return False
        return bool(_POSSESSIVE.match(self.text, end, min(len(self.text), end + 3)))

    def _organization(self, actor_id: str) -> bool:
        actor = self._actor(actor_id)
        return actor is not None and actor.kind is ActorKind.ORGANIZATION

    def _half(self, side: str) -> str:
        """ "the North" is the northern half of the divided country mentioned last."""
        for actor_id in reversed(self.recent):
            for north, south in self.lexicons.divided.values():
                if actor_id in (north, south):
                    return north if side == "north" else south
        return ""

    def _organ(self, hit: Hit, refs: list[ActorRef]) -> ActorRef | None:
        if not refs or refs[-1].role not in ("names", "adjectives", "capitals"):
            return None
        previous = refs[-1]
        if hit.text.lower() in self.lexicons.collectives and not (
            previous.role == "adjectives" and self.text[previous.end : hit.start] == " "
        ):
            return None  # "Russia's suppliers" are not Russia; "Chinese suppliers" are China's
        if not _ORGAN_GAP.match(self.text[previous.end : hit.start]):
            return None
        if hit.text.lower() not in self.lexicons.collectives:
            self.governed = previous.actor_id
        return ActorRef(
            start=previous.start,
            end=hit.end,
            actor_id=previous.actor_id,
            role="organ",
            text=self.text[previous.start : hit.end],
            possessive=self._possessive(hit.end),
        )

    def _backref(self, hit: Hit, refs: list[ActorRef]) -> ActorRef | None:
        resolve = str(hit.payload)
        if resolve in _KIND_BACKREFS or resolve == "governed":
            return self._of_kind(hit, resolve, refs)
        distinct = list(dict.fromkeys(reversed(self.recent)))  # most recent first
        # "the kingdom", "the island": a state of that kind (grammar.yaml), the one the article
        # names most, first named on a tie: the story's own kingdom, not a supplier named once.
        kind = frozenset(self.lexicons.grammar.words(resolve))
        if kind:
            members = [actor_id for actor_id in self.recent if actor_id in kind]
            distinct = sorted(dict.fromkeys(members), key=lambda a: -members.count(a))
        # "Germany has pledged to send the country...": not the sentence's own subject; but
        # "the UAE's ministry said the country has not provided ...": the speaker's own state.
        reported = _AFTER_SPEECH.search(self.text, max(0, hit.start - 25), hit.start)
        if (
            resolve == "last"
            and refs
            and distinct
            and distinct[0] == refs[0].actor_id
            and not reported
        ):
            distinct = distinct[1:] + distinct[:1]
        index = 0 if kind else {"latter": 0, "last": 0, "former": 1}.get(resolve)
        if resolve == "pair":
            # "both countries", "the two sides": parties to a flow; the EU or the UN named
            # in between is neither of them.
            distinct = [a for a in distinct if not self._organization(a)]
        if resolve == "pair" and len(distinct) >= 2:
            pair = "+".join(sorted(distinct[:2]))
            return ActorRef(start=hit.start, end=hit.end, actor_id=pair, role="pair", text=hit.text)
        if index is None or len(distinct) <= index:
            return None
        return ActorRef(
            start=hit.start,
            end=hit.end,
            actor_id=distinct[index],
            role="backref",
            text=hit.text,
            possessive=self._possessive(hit.end),
        )

    def _of_kind(self, hit: Hit, resolve: str, refs: list[ActorRef]) -> ActorRef | None:
        """ "the group", "the company": the last actor of that kind; "the junta": the last state
        named with an organ of its own."""
        kind = _KIND_BACKREFS.get(resolve)
        actor_id = self.governed if kind is None else self.last_of_kind.get(kind, "")
        possessive = self._possessive(hit.end)  # "the group's fighters": the one just named
        own = self._kind_ids(kind, refs) if kind is not None else []
        reported = _AFTER_SPEECH_OR_DENIAL.search(self.text, max(0, hit.start - 25), hit.start)
        if own and reported:
            # "A Houthi spokesman denied that the group had ...": the speaker's own group.
            actor_id = own[-1]
        elif kind is not None and not possessive and actor_id in own:
            # "sent by the Houthis ... destined for the militant group": another group than
            # the one this sentence names, when the article has named one before.
            actor_id = self._earlier_of_kind(kind, set(own)) or actor_id
        if not actor_id:
            return None
        return ActorRef(
            start=hit.start,
            end=hit.end,
            actor_id=actor_id,
            role="backref",
            text=hit.text,
            possessive=possessive,
        )

    def _kind_ids(self, kind: ActorKind, refs: list[ActorRef]) -> list[str]:
        """The actors of a kind this sentence has named so far, in order."""
        found: list[str] = []
        for ref in refs:
            actor = self._actor(ref.actor_id)
            if actor is not None and actor.kind is kind:
                found.append(ref.actor_id)
        return found

    def _earlier_of_kind(self, kind: ActorKind, named: set[str]) -> str:
        for actor_id in reversed(self.recent):
            actor = self._actor(actor_id)
            if actor is not None and actor.kind is kind and actor_id not in named:
                return actor_id
        return ""


# "said the country", "insisted that the country": the subject of what a speaker says.
_AFTER_SPEECH = re.compile(
    r"\b(?:said|says|say|added|insisted|insists|stated|maintained|maintains|argued|argues)\s+"
    r"(?:that\s+)?[“\"]?$"
)


_AFTER_SPEECH_OR_DENIAL = re.compile(
    r"\b(?:said|says|say|added|insisted|insists|stated|claimed|denied|denies|deny|rejected|"
    r"dismissed)\s+(?:that\s+)?[“\"]?$"
)


def _by_span(hits: Iterable[Hit]) -> list[list[Hit]]:
    """The hits grouped by span, in span order: in that order a span's hits are neighbours."""
    groups: list[list[Hit]] = []
    for hit in span_order(hits):
        if groups and groups[-1][0].start == hit.start and groups[-1][0].end == hit.end:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _spaced_after(text: str, end: int, openings: Mapping[str, tuple[str, ...]]) -> bool:
    """A prefilter before _GOVERNMENT_AFTER and _MEMBER_NOUN: every match opens with an optional
    possessive ("'", "’" and an "s", optional only for the former), spaces, then a word that
    starts with one of `openings` (by its first letter)."""
    size = len(text)
    if end < size and text[end] in "'’":
        end += 1
        if end < size and text[end] == "s":
            end += 1
    if end >= size or not text[end].isspace():
        return False
    while end < size and text[end].isspace():
        end += 1
    if end >= size:
        return False
    words = openings.get(text[end])
    if words is None:
        return False
    for word in words:  # noqa: SIM110 (compiled: a loop, no generator)
        if text.find(word, end, end + len(word)) == end:
            return True
    return False


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for word in words:
        table[word[0]] = (*table.get(word[0], ()), word)
    return table


# The words that may follow the spaces in _GOVERNMENT_AFTER (a qualifier or the government
# noun) and in _MEMBER_NOUN ("and" or the noun), by first letter: most names are followed by a
# verb, which fails here without the regex.
_GOVERNMENT_FIRSTS = _by_first(
    (
        "military", "ruling", "interim", "transitional", "new", "government", "junta", "regime",
        "rulers", "authorities", "leadership", "administration",
    )
)  # fmt: skip
_MEMBER_FIRSTS = _by_first(
    (
        "and", "member", "state", "countries", "country", "ally", "allies", "partner", "nations",
        "capitals", "governments",
    )
)  # fmt: skip


def _as_modifier(ref: ActorRef, *, possessive: bool) -> ActorRef:
    """The same mention read as a modifier of the actor after it ("Yemen's Houthi rebels",
    "German arms maker Rheinmetall"): it locates or describes, it is no party."""
    return ActorRef(
        start=ref.start,
        end=ref.end,
        actor_id=ref.actor_id,
        role="adjectives",
        text=ref.text,
        possessive=possessive,
    )


def plural_demonym(text: str) -> bool:
    """Whether _PLURAL_DEMONYM finds a match in text: its words all end in "ans" or "is", and
    its `$` matches at the end or before a final newline (str tests, not a search from every
    position)."""
    return text.endswith(_PLURAL_ENDINGS)


# The endings _PLURAL_DEMONYM matches ("ians" and "eans" end in "ans"), with `$` before a newline.
_PLURAL_ENDINGS = ("ans", "is", "ans\n", "is\n")


def _first_ranked(terms: list[ActorTerm]) -> ActorTerm:
    """The term whose role ranks first, the earliest on a tie (what `min` with a key gave)."""
    best = terms[0]
    if len(terms) == 1:
        return best  # most spans have one term: no rank to look up
    best_rank = _RANK.get(best.role, 9)
    for term in terms[1:]:
        rank = _RANK.get(term.role, 9)
        if rank < best_rank:
            best, best_rank = term, rank
    return best


def datelines(text: str) -> list[tuple[int, int]]:
    """The spans of _DATELINE in text, as `finditer` gives them; the pattern opens with a
    MULTILINE `^`, so only line starts are tried, not every position (for speed)."""
    found: list[tuple[int, int]] = []
    position = 0  # the next line start
    reached = 0  # where the last match ended: finditer goes on from there
    while position >= 0:
        if position >= reached and _may_open_dateline(text, position):
            match = _DATELINE.match(text, position)
            if match is not None:
                found.append((match.start(), match.end()))
                reached = match.end()
        newline = text.find("\n", position)
        position = newline + 1 if newline >= 0 else -1
    return found


def _may_open_dateline(text: str, position: int) -> bool:
    """Whether _DATELINE may match at a line start: after spaces or tabs, one to four
    capitalised words ([A-Z][A-Za-z.'’-]*) apart by spaces, then "," or "(" (after spaces) must
    follow. Prose opens "Iran has ...": its second word rejects the line with no regex run."""
    size = len(text)
    while position < size and text[position] in " \t":
        position += 1
    for _ in range(4):
        if position >= size or text[position] not in _DATELINE_CAPITALS:
            return False
        position += 1
        # One character read and one set test a step ([A-Za-z.'’-]: an ASCII letter is what
        # isalpha() and isascii() both accept).
        while position < size and text[position] in _DATELINE_WORD:
            position += 1
        while position < size and text[position].isspace():
            position += 1
        if position < size and text[position] in ",(":
            return True
    return False


_DATELINE_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DATELINE_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.'’-")
