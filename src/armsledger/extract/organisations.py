"""Parties no lexicon lists: capitalised names with an organisation marker.

Reporting is full of companies, brokers and armed groups that no lexicon will ever hold
("Marlow Freight Ltd", "Danube Tactical Solutions", "the Los Lobos gang"). A capitalised name
counts as a company when a legal form ends or opens it or its last word is a company head word,
and as an armed group when a group head ends it or a descriptor ("gang", "cartel") follows it.
The markers are data (lexicons/organisations.yaml). Known actors always win: a name that
overlaps a lexicon actor is cut after it or dropped. One regex pass finds the candidates; a
second, built only when names were found, finds their short forms ("Aster Maritime Holdings" for
"Aster Maritime Holdings Ltd") later in the same document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from armsledger.domain.core import ActorKind
from armsledger.extract.lookup import (
    ORGANISATION_MARKER,
    Hit,
    first_of,
    folds_alone,
    legal_words,
    organisation_marker_words,
)
from armsledger.extract.model import ActorRef, Frame, SentenceView
from armsledger.lexicon import ActorTerm, ItemTerm, Lexicons

_CAPITAL = "A-ZÀ-ÖØ-Þ"
# A compound adjective ("Cyprus-registered", "Iran-backed") describes; it names nobody.
_COMPOUND_ADJECTIVE = re.compile(r"-[a-z]+$")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_WORDS = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]*")
_SPACES = re.compile(r"\s+")
_ORDINAL_BEFORE = re.compile(r"\d(?:st|nd|rd|th)\s+$")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?\"“‘':;])\s*$", re.MULTILINE)
# "US$ 8.1 billion", "HK$", "NT$": a short capitalised abbreviation glued to the sign is a
# currency, not the state whose name it borrows. Spaced ("US $8bn", "U.S. $") only when the
# amounts lexicon lists the prefix as a symbol: "gives Hezbollah $700 million" names a party.
_CURRENCY_SIGN = re.compile(r"\s?\$")
_GLUED_PREFIX = re.compile(r"[A-Z](?:\.?[A-Z]){0,2}\.?\$")
# "the company", "the same firm": a back-reference to the company named last.
_COMPANY_BACKREF = re.compile(r"\b[Tt]he (?:same )?(?:company|firm)\b(?!['’-])")
# What every match of _COMPANY_BACKREF holds from its second character on (a prefilter).
_COMPANY_BACKREF_WORDS = ("he company", "he firm", "he same company", "he same firm")
# "a Cyprus-registered firm", "a Singapore-based start-up": the place locates a company; it is
# no party.
_LOCATING = re.compile(
    r"-(?:registered|based|flagged|headquartered|incorporated|listed)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:(?:firm|company|start-up|startup|broker|trader|subsidiary|group|maker|manufacturer),?\s+)?"
)
_APPOSITION_BEFORE = re.compile(r",\s+(?:an?|the)\s+$")
# A line whose words are mostly capitalised is a headline or a title, not prose.
_HEADLINE_SHARE = 0.6
_HEADLINE_MIN_WORDS = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgName:
    """A recognised party: its span, its canonical name and whether it is a company or a group."""

    start: int
    end: int
    name: str
    kind: ActorKind
    core: str  # the name without its legal form: how later mentions may shorten it


@dataclass(frozen=True, slots=True, kw_only=True)
class _Candidate:
    start: int
    end: int
    words: list[tuple[int, int]]  # offsets of the run's capitalised words
    legal: str
    prefix: str
    descriptor: str


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span of the sorted, non-nested `spans` overlaps [start, end)."""
    index = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, index - 8) : index])


def _in_order(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """sorted(spans), sorting only when they are out of order (a native loop; the spans of a
    document's hits mostly come in order, and tuples compare through Python)."""
    for index in range(1, len(spans)):
        start, end = spans[index]
        before_start, before_end = spans[index - 1]
        if start < before_start or (start == before_start and end < before_end):
            return sorted(spans)
    return spans


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class OrganisationFinder:
    """Built once per lexicon set from the word lists of organisations.yaml."""

    def __init__(self, lists: Mapping[str, tuple[str, ...]]) -> None:
        self.company_heads = frozenset(lists.get("company_heads", ()))
        self.group_heads = frozenset(lists.get("group_heads", ()))
        self.heads = self.company_heads | self.group_heads
        # Legal forms a capitalised run can swallow as words ("Ltd", "GmbH", "Inc" of "Inc.").
        self.legal_words = legal_words(lists.get("legal_forms", ()))
        self.markers = self.heads | self.legal_words
        legal = _alternation(lists.get("legal_forms", ()))
        self.more_legal = re.compile(rf",?[ \t]+(?:{legal})(?![\w])")
        self.blocked = frozenset(lists.get("blocked_words", ()))
        self.openers = frozenset(lists.get("openers", ()))
        self.pattern = _pattern(lists) if lists.get("company_heads") else None
        # Where a match of the pattern may open: its look-behind and look-ahead, one character.
        self.opening = _OPENING
        self.marker_words = organisation_marker_words(lists)
        # The lists these words come from, and whether the document automaton's marker hits
        # hold every place of them (see lookup.ORGANISATION_MARKER).
        self.lists = lists
        self.scannable = all(folds_alone(word) for word in self.marker_words)
        # Every literal a name's pattern can consume, character by character: a character that no
        # match can hold cuts the text into pieces that no match crosses.
        matched = "".join(self.marker_words) + "".join(lists.get("connectors", ())) + "'’-\t ,"
        self.unsafe = re.compile(rf"[^\w{''.join(re.escape(ch) for ch in sorted(set(matched)))}]")
        self.finder = _marker_automaton(self.marker_words)
        trailing = _alternation([*lists.get("company_heads", ()), *lists.get("legal_forms", ())])
        self.trailing = re.compile(rf"(?:,?[ \t]+(?:{trailing})(?![\w]))+") if trailing else None

    def find(
        self,
        text: str,
        known: Sequence[tuple[int, int]],
        weapons: Sequence[tuple[int, int]] = (),
        marks: list[tuple[int, int]] | None = None,
    ) -> list[OrgName]:
        """Names, then their short forms; `known` are the spans of lexicon actors, which win,
        and `weapons` those of designations, which win over names without a legal form.
        `marks`, when given, are the places of the marker words (see candidates)."""
        if self.pattern is None:
            return []
        known = _in_order(list(known))
        with_weapons = _in_order([*known, *weapons]) if weapons else known
        headlines: dict[int, bool] = {}
        found: list[OrgName] = []
        for match in self.candidates(text, marks):
            if not _worth_reading(match, self.markers):
                continue
            candidate = _candidate(match, self.legal_words, self.more_legal)
            if _in_headline(text, candidate.start, headlines):
                continue
            strong = candidate.legal or candidate.prefix
            name = self._name(text, candidate, known if strong else with_weapons)
            if name is not None:
                found.append(name)
        short = _short_forms(text, found, known)
        return found + [o for o in short if not _in_headline(text, o.start, headlines)]

    def candidates(
        self, text: str, marks: list[tuple[int, int]] | None = None
    ) -> list[re.Match[str]]:
        """The pattern's matches (as `finditer` finds them) in the pieces of text that hold a
        marker word: a match worth reading holds one, and the pattern tried at every capital of
        the document was the costliest regex of the engine. `marks`, when given, are what the
        marker automaton finds in `text`, (last character, length) in its order."""
        pattern = self.pattern
        if pattern is None:
            return []
        found: list[re.Match[str]] = []
        size = len(text)
        done = 0  # matches before this are read; it is 0 or just after a character no match holds
        places: Iterable[tuple[int, int]] = self.finder.iter(text) if marks is None else marks
        for last, length in places:
            first: int = last - length + 1
            if first < done or not _marker_at(text, first, last + 1):
                continue
            # Restart at the line's start or where the last piece ended, both places no match
            # crosses, so finditer finds the same matches there as from the document's start.
            restart = max(text.rfind("\n", 0, first) + 1, done)
            cut = self.unsafe.search(text, first)
            stop = cut.start() if cut is not None else size
            # Searched up to the cut and one character on, which no match holds: the matches
            # and the look-arounds at their ends are those of the whole text, and the search
            # ends there instead of running on to the next name of the document.
            self._matches(pattern, text, restart, stop, found)
            done = stop + 1
        return found

    def _matches(
        self,
        pattern: re.Pattern[str],
        text: str,
        restart: int,
        stop: int,
        found: list[re.Match[str]],
    ) -> None:
        """Adds what `pattern.finditer(text, restart, min(stop + 1, len(text)))` finds
        starting before `stop`, the pattern tried only where `self.opening` finds a place a
        match may open (a capital after none of [\\w'’.-]): `opening` starts with a character
        class, which the regex engine skips to, where the pattern, which opens with its
        look-behind, was tried at every position (most of them lower-case prose)."""
        end = min(stop + 1, len(text))
        position = restart
        while True:
            opening = self.opening.search(text, position, end)
            if opening is None:
                return
            at = opening.start()
            if at >= stop:
                return
            match = pattern.match(text, at, end)
            if match is None:
                position = at + 1
            else:
                found.append(match)
                position = match.end()  # a match is never empty: finditer goes on from there

    def _name(
        self, text: str, candidate: _Candidate, known: Sequence[tuple[int, int]]
    ) -> OrgName | None:
        words = self._tail(text, candidate.words, known)
        if not words or _lone_opening_word(text, words, candidate):
            return None
        if _ORDINAL_BEFORE.search(text, max(0, words[0][0] - 12), words[0][0]):
            return None  # "the 47th Mechanized Brigade": a unit of a state's army
        kind = self._kind(text, words, candidate)
        if kind is None:
            return None
        start, end = words[0][0], words[-1][1]
        if candidate.prefix and words[0] == candidate.words[0]:
            start = candidate.start
        possessive = _POSSESSIVE_END.search(text[start:end])
        if possessive and not candidate.legal:
            end = start + possessive.start()
        core = _normalise(text[start:end])
        if candidate.legal:
            end = candidate.end
        return OrgName(start=start, end=end, name=_normalise(text[start:end]), kind=kind, core=core)

    def extended(self, text: str, hit: Hit) -> Hit:
        """A known company followed by head words or a legal form ("Baykar Technologies",
        "Saab AB"): the whole name is the known company, and "Technologies" no item."""
        match = self.trailing.match(text, hit.end) if self.trailing else None
        if match is None:
            return hit
        return Hit(
            start=hit.start,
            end=match.end(),
            kind=hit.kind,
            payload=hit.payload,
            text=text[hit.start : match.end()],
        )

    def _tail(
        self, text: str, words: list[tuple[int, int]], known: Sequence[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """The words after the last one that cannot belong to a name: a blocked word, a
        possessive ("India's"), a compound adjective or a known actor; openers are dropped."""
        cut = 0
        for index, (start, end) in enumerate(words):
            word = text[start:end]
            last = index == len(words) - 1
            if (
                word in self.blocked
                or (not last and _POSSESSIVE_END.search(word))
                or _COMPOUND_ADJECTIVE.search(word)
                or _overlaps(known, start, end)
            ):
                cut = index + 1
        tail = words[cut:]
        while tail and text[tail[0][0] : tail[0][1]] in self.openers:
            tail = tail[1:]
        return tail

    def _kind(
        self, text: str, words: list[tuple[int, int]], candidate: _Candidate
    ) -> ActorKind | None:
        names = [_POSSESSIVE_END.sub("", text[s:e]) for s, e in words]
        if all(name in self.heads for name in names):
            return None  # "Trading FZE", "Defence Industries": a head word names no one alone
        if candidate.descriptor:
            return ActorKind.ARMED_GROUP
        if candidate.legal or candidate.prefix:
            return ActorKind.COMPANY
        if len(names) < 2:
            return None
        if names[-1] in self.company_heads:
            return ActorKind.COMPANY
        if names[-1] in self.group_heads:
            return ActorKind.ARMED_GROUP
        return None


# The places _pattern's matches open at: a capital ((?=[CAP])) after none of [\w'’.-] (its
# look-behind), as a pattern that starts with a character class.
_OPENING = re.compile(rf"[{_CAPITAL}](?<![\w'’.-].)")


def _marker_automaton(words: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    if words:
        automaton.make_automaton()
    return automaton


# After a run's last word, the pattern gives back letters only where the word runs on into a
# full stop and a letter ("Systems.A": the word is "System", whose next character is "s").
_GIVEN_BACK = re.compile(r"[\w'’-]*\.[A-Za-z]")


def _is_word_char(ch: str) -> bool:
    """The regex module's \\w for str patterns."""
    return ch.isalnum() or ch == "_"


def _marker_at(text: str, start: int, end: int) -> bool:
    """Whether the marker word at text[start:end] may be one a match reads: it opens a word and
    ends one, or ends where the pattern may cut a word short (see _GIVEN_BACK)."""
    if start > 0 and _is_word_char(text[start - 1]):
        return False
    if end < len(text) and _is_word_char(text[end]):
        return _GIVEN_BACK.match(text, end) is not None
    return True


def _pattern(lists: Mapping[str, tuple[str, ...]]) -> re.Pattern[str]:
    legal = _alternation(lists.get("legal_forms", ()))
    prefixes = _alternation(lists.get("legal_prefixes", ()))
    connectors = _alternation(lists.get("connectors", ()))
    descriptors = _alternation(lists.get("group_descriptors", ()))
    # A capitalised word; one cut by a full stop and a letter ("S.A.") is left to the legal
    # forms. Capitalised legal forms ("Ltd") are words of the run, split off in Python.
    word = rf"[{_CAPITAL}][\w'’-]*(?![.][A-Za-z])"
    run = rf"{word}(?:[ \t]+(?:(?:{connectors})[ \t]+)?{word})*"
    return re.compile(
        rf"(?<![\w'’.-])(?=[{_CAPITAL}])(?:(?P<prefix>{prefixes})[ \t]+(?=[{_CAPITAL}]))?"
        rf"(?P<run>{run})"
        rf"(?:,?[ \t]+(?P<legal>(?:{legal})(?:,?[ \t]+(?:{legal}))?)(?![\w]))?"
        rf"(?:[ \t]+(?P<descriptor>{descriptors})\b)?"
    )


def _candidate(
    match: re.Match[str], legal_words: frozenset[str], more_legal: re.Pattern[str]
) -> _Candidate:
    """The run's capitalised words, with the legal forms that end it split off ("Marlow
    Freight Ltd", "Harbourline Shipyards Inc.", "Sable Ridge Co., Ltd.")."""
    text, offset = match.string, match.start("run")
    words = [
        (offset + w.start(), offset + w.end())
        for w in _WORDS.finditer(match.group("run"))
        if w.group()[0].isupper() or w.group() == "&"
    ]
    legal_start = match.start("legal") if match.group("legal") else -1
    end = match.end("legal") if match.group("legal") else match.end("run")
    while len(words) > 1 and text[words[-1][0] : words[-1][1]] in legal_words:
        legal_start, word_end = words.pop()
        dotted = f"{text[legal_start:word_end]}." in legal_words
        if not match.group("legal") and dotted and text.startswith(".", word_end):
            end = max(end, word_end + 1)
    if legal_start >= 0 and not match.group("legal"):
        more = more_legal.match(text, end)
        end = more.end() if more else end
    return _Candidate(
        start=match.start(),
        end=end,
        words=words,
        legal=text[legal_start:end] if legal_start >= 0 else "",
        prefix=match.group("prefix") or "",
        descriptor=match.group("descriptor") or "",
    )


def _worth_reading(match: re.Match[str], markers: frozenset[str]) -> bool:
    """Cheap first test, before any word is looked at: a legal form, a prefix or a descriptor,
    or a run of several words whose last is a head word or a legal form."""
    # One call for the four groups (prefix, run, legal, descriptor), not one for each.
    prefix, run, legal, descriptor = match.groups()
    if legal or prefix or descriptor:
        return True
    words: str = run
    last = words.rsplit(None, 1)
    return len(last) == 2 and _POSSESSIVE_END.sub("", last[1]) in markers


def _in_headline(text: str, position: int, cache: dict[int, bool]) -> bool:
    """A line of mostly capitalised words that ends without a full stop is a headline or a
    title ("Gangs Buy Rifles From Coastal Arms Dealers"): its capitals mark no names."""
    line_start = text.rfind("\n", 0, position) + 1
    if line_start not in cache:
        line_end = text.find("\n", position)
        line_end = line_end if line_end >= 0 else len(text)
        # The cheap test first: a line ending with a full stop (most of them) is prose, and its
        # words need not be read.
        cache[line_start] = not text[line_start:line_end].rstrip().endswith(
            (".", ".”", '."')
        ) and _mostly_capitalised(text, line_start, line_end)
    return cache[line_start]


def _mostly_capitalised(text: str, start: int, end: int) -> bool:
    words = _WORDS.findall(text, start, end)
    capitalised = 0
    for word in words:
        if word[0].isupper():
            capitalised += 1
    return len(words) >= _HEADLINE_MIN_WORDS and capitalised >= _HEADLINE_SHARE * len(words)


def _lone_opening_word(text: str, words: list[tuple[int, int]], candidate: _Candidate) -> bool:
    """ "Rival gangs", "Youth militias": one capitalised word that opens a sentence is an
    ordinary word, not a name, unless a legal form marks it."""
    if len(words) > 1 or candidate.legal or candidate.prefix:
        return False
    return bool(_SENTENCE_OPENING.search(text, max(0, words[0][0] - 20), words[0][0]))


def _normalise(name: str) -> str:
    name = _SPACES.sub(" ", name).strip()
    return name[4:] if name.startswith(("The ", "the ")) else name


def _short_forms(
    text: str, found: list[OrgName], known: Sequence[tuple[int, int]]
) -> list[OrgName]:
    """Later mentions of a found name without its legal form or descriptor ("Aster Maritime
    Holdings" after "Aster Maritime Holdings Ltd", "Los Tigrillos" after "the Los Tigrillos
    gang"), under the full name."""
    canonical: dict[str, OrgName] = {}
    for org in found:
        if " " in org.core and (
            org.core not in canonical or len(org.name) > len(canonical[org.core].name)
        ):
            canonical[org.core] = org
    if not canonical:
        return []
    taken = [(o.start, o.end) for o in found] + list(known)
    short: list[OrgName] = []
    for start, end in core_spans(text, list(canonical)):
        if _overlaps_any(taken, start, end):
            continue
        core = text[start:end]
        org = canonical[core]
        short.append(OrgName(start=start, end=end, name=org.name, kind=org.kind, core=core))
    return short


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in spans:  # noqa: SIM110 (compiled: a loop, no generator)
        if s < end and start < e:
            return True
    return False


def core_spans(text: str, cores: list[str]) -> list[tuple[int, int]]:
    """The spans `re.finditer(r"(?<![\\w-])(?:core|...)(?![\\w-])", text)` finds, the cores
    longest first (as _alternation orders them), found by str.find: the pattern, which opens
    with a look-behind, was tried at every position of the document (for speed only)."""
    places: list[tuple[int, int]] = []  # (start, -length) of each occurrence standing alone
    for core in cores:
        size = len(core)
        at = text.find(core)
        while at >= 0:
            if _stands_alone(text, at, at + size):
                places.append((at, -size))
            at = text.find(core, at + 1)
    places.sort()
    found: list[tuple[int, int]] = []
    reached = 0  # finditer goes on from the end of the last match
    for start, negative in places:
        # At one start the longest core comes first: the one the alternation tries first (two
        # cores of one length cannot both occur at one place).
        if start >= reached:
            reached = start - negative
            found.append((start, reached))
    return found


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Neither a word character nor a hyphen just before `start` or at `end`."""
    if start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] == "-"):
        return False
    return end >= len(text) or not (_is_word_char(text[end]) or text[end] == "-")


def with_organisations(
    finder: OrganisationFinder, lexicons: Lexicons, text: str, hits: Iterable[Hit]
) -> tuple[list[Hit], dict[str, ActorKind]]:
    """The lexicon's hits plus actor hits for the names no lexicon lists, and the kind of each
    recognised name. Known actors and organs win; an item or trigger word inside a name
    ("Balkan Precision Arms") gives way when the caller keeps the longest hits. A state name
    that prefixes a currency ("US$") is dropped."""
    hits, known, weapons, companies, marks = _read_hits(finder, lexicons, text, hits)
    # The marker hits of the document automaton stand for the finder's own pass when they come
    # from the same lists; none at all may mean an automaton without them: the finder walks.
    usable = marks and finder.scannable and finder.lists is lexicons.organisations
    found = _with_full_names(finder.find(text, known, weapons, marks if usable else None))
    companies = sorted(
        companies + [(o.start, o.end, o.name) for o in found if o.kind is ActorKind.COMPANY]
    )
    hits = [h for h in hits if not (h.kind == "actor" and _locates(text, h, companies))]
    recognised = [_hit(text, org.start, org.end, org.name) for org in found]
    backrefs = _company_backrefs(text, companies)
    return hits + recognised + backrefs, {org.name: org.kind for org in found}


def _read_hits(
    finder: OrganisationFinder, lexicons: Lexicons, text: str, hits: Iterable[Hit]
) -> tuple[
    list[Hit],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int, str]],
    list[tuple[int, int]],
]:
    """The hits without currency signs, known companies extended, and from them in one pass:
    the spans of actors and organs, of designations (a weapon's name is no company either:
    "Rafale Marine", "Patriot Systems", unless a legal form says so), the known companies, and
    the organisation markers' places, (last character, length), taken out of the hits.
    Whether an actor id is a company is asked of the lexicon once per document."""
    kept: list[Hit] = []
    known: list[tuple[int, int]] = []
    weapons: list[tuple[int, int]] = []
    companies: list[tuple[int, int, str]] = []
    marks: list[tuple[int, int]] = []
    company_ids: dict[str, bool] = {}
    # Imported names read once: compiled, each use in the loop is a look-up in the module's
    # globals (the loop runs for every content hit of the document).
    marker, actor_term, item_term = ORGANISATION_MARKER, ActorTerm, ItemTerm
    for hit in hits:
        kind = hit.kind
        if kind == marker:
            marks.append((hit.end - 1, hit.end - hit.start))
            continue
        payload = hit.payload
        if kind == "actor":
            if _currency_after(text, hit.end) and _prefixes_currency(text, hit, lexicons):
                continue
            if isinstance(payload, actor_term):
                actor_id = payload.actor_id
                company = company_ids.get(actor_id)
                if company is None:
                    company = company_ids[actor_id] = _company_id(actor_id, lexicons)
                if company:
                    hit = finder.extended(text, hit)
                    companies.append((hit.start, hit.end, actor_id))
        kept.append(hit)
        if kind == "actor" or kind == "organ":
            known.append((hit.start, hit.end))
        if isinstance(payload, item_term) and payload.designation:
            weapons.append((hit.start, hit.end))
    return kept, known, weapons, companies, marks


def _currency_after(text: str, end: int) -> bool:
    """_CURRENCY_SIGN at `end`, run only where a "$" is one or two characters on."""
    # find with bounds, not startswith with a start: mypyc compiles it to a native call.
    if text.find("$", end, end + 2) < 0:
        return False
    return _CURRENCY_SIGN.match(text, end) is not None


def _company_id(actor_id: str, lexicons: Lexicons) -> bool:
    actor = lexicons.actors.get(actor_id)
    return actor is not None and actor.kind is ActorKind.COMPANY


def _prefixes_currency(text: str, hit: Hit, lexicons: Lexicons) -> bool:
    """ "US$", "HK$", "US $8bn": the name is part of a currency sign, not a party. A longer
    name before the sign ("Hezbollah $700 million", "the Houthis $10m") is the recipient."""
    sign = _CURRENCY_SIGN.match(text, hit.end)
    if sign is None:
        return False
    prefix = text[hit.start : sign.end()]
    if _GLUED_PREFIX.fullmatch(prefix):
        return True
    symbols = lexicons.amounts.currency_symbols
    return _SPACES.sub("", prefix) in {_SPACES.sub("", s) for s in symbols}


def _locates(text: str, hit: Hit, companies: list[tuple[int, int, str]]) -> bool:
    """ "a Cyprus-registered firm, Aster Maritime Holdings Ltd", "Skyfold Robotics, a
    Singapore-based start-up": the place locates the company named beside it and is no party.
    ("Hong Kong-registered shell companies" stand for Hong Kong: no company is named.)"""
    # The pattern opens with "-": the cheap test first, for every actor.
    after = _LOCATING.match(text, hit.end) if text.find("-", hit.end, hit.end + 1) >= 0 else None
    if after is None:
        return False
    before = _APPOSITION_BEFORE.search(text, max(0, hit.start - 8), hit.start)
    comma = before.start() if before else -1
    return any(start == after.end() or end == comma for start, end, _ in companies)


def _hit(text: str, start: int, end: int, actor_id: str) -> Hit:
    term = ActorTerm(text=text[start:end], actor_id=actor_id, role="nonstate")
    return Hit(start=start, end=end, kind="actor", payload=term, text=text[start:end])


def _company_backrefs(text: str, companies: list[tuple[int, int, str]]) -> list[Hit]:
    """ "denied that the company had ever sold weapons", "bought pistols from the same firm":
    the company named last before it."""
    if not companies:
        return []
    # Every match holds "he company", "he firm" or the same with "same ": the search starts one
    # character before the first of them (not at every position from the first company on).
    first = first_of(text, _COMPANY_BACKREF_WORDS, companies[0][0], len(text))
    if first < 0:
        return []
    starts = [start for start, _, _ in companies]
    found: list[Hit] = []
    for match in _COMPANY_BACKREF.finditer(text, max(companies[0][0], first - 1)):
        index = bisect.bisect_left(starts, match.start()) - 1
        if index >= 0:
            found.append(_hit(text, match.start(), match.end(), companies[index][2]))
    return found


def _with_full_names(found: list[OrgName]) -> list[OrgName]:
    """ "Balkan Precision Arms" (a head word) found before or after "Balkan Precision Arms
    d.o.o.": both are the same party, named by its fullest form."""
    fullest: dict[str, str] = {}
    for org in found:
        if len(org.name) > len(fullest.get(org.core, "")):
            fullest[org.core] = org.name
    return [
        OrgName(
            start=o.start, end=o.end, name=fullest.get(o.core, o.name), kind=o.kind, core=o.core
        )
        for o in found
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyKinds:
    """What kind of party an actor id names, from the lexicon or from the recogniser."""

    lexicons: Lexicons
    recognised: Mapping[str, ActorKind]

    def kind(self, actor_id: str) -> ActorKind | None:
        actor = self.lexicons.actors.get(actor_id)
        return actor.kind if actor is not None else self.recognised.get(actor_id)

    def can_sell(self, actor_id: str) -> bool:
        kind = self.kind(actor_id)
        return kind is not None and kind.value in self.lexicons.organisations.get(
            "seller_kinds", ()
        )

    def is_state(self, actor_id: str) -> bool:
        return self.kind(actor_id) is ActorKind.STATE


def orient_contracts(view: SentenceView, kinds: PartyKinds) -> None:
    """ "Embraer has signed a contract with Sweden's FMV", "The ministry and Acme Aerospace
    signed a contract for 48 jets": in a contract between a company and a state, the company is
    the seller and the state, its ministry or agency the buyer, whatever the word order."""
    contract_triggers = kinds.lexicons.organisations.get("contract_triggers", ())
    frames = [f for f in view.frames if f.trigger and f.trigger.trigger.id in contract_triggers]
    if not frames:
        return
    named = [a for a in view.actors if not a.is_modifier and view.start <= a.start < view.end]
    sellers = [a for a in named if kinds.can_sell(a.actor_id)]
    buyers = [a for a in named if kinds.is_state(a.actor_id)]
    if not sellers:
        return
    for frame in frames:
        if not _orient(frame, view, sellers, buyers, kinds):
            view.frames.remove(frame)


def _orient(
    frame: Frame,
    view: SentenceView,
    sellers: list[ActorRef],
    buyers: list[ActorRef],
    kinds: PartyKinds,
) -> bool:
    """The frame's parties sorted into sellers and buyers: its own of this sentence first, then
    the sentence's other companies and states, then a buyer borrowed from an earlier sentence.
    False when a company of this sentence would buy and no buyer is known ("The ministry and
    Acme Aerospace signed a contract" after another company's deal): the frame is dropped."""

    def here(ref: ActorRef) -> bool:
        return view.start <= ref.start < view.end

    if any(kinds.can_sell(a.actor_id) and here(a) for a in frame.suppliers):
        return True  # "ordered 24 TB2s from Baykar": already the seller
    parties = [a for a in frame.suppliers + frame.recipients if not a.is_modifier]
    own = [a for a in parties if here(a)]
    selling = [a for a in own if kinds.can_sell(a.actor_id)] or sellers
    buying = (
        [a for a in own if not kinds.can_sell(a.actor_id)]
        or buyers
        or [a for a in parties if not here(a) and not kinds.can_sell(a.actor_id)]
    )
    if not buying:
        return not any(kinds.can_sell(a.actor_id) and here(a) for a in frame.recipients)
    frame.suppliers, frame.recipients = list(selling), list(buying)
    frame.rule_id = frame.rule_id.replace(".v1", "+contract.v1")
    return True
