"""Fast lexicon look-up: Aho-Corasick automata over case-folded text, with word boundaries.

Matching runs in C over the folded text; Python only checks the boundaries and the case of the
few hits. A capitalised lexicon word must be capitalised in the text ("Chad", "May" and "Turkey"
are names only with their capital), and an acronym must match exactly ("US" is not "us").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

import ahocorasick

from armsledger.lexicon import ActorTerm, Cue, ItemTerm, Lexicons, Trigger

Payload = ActorTerm | ItemTerm | Trigger | Cue | str
# Typographic quotes and hyphens folded to their plain forms (one character for one).
_FOLD = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("‐", "-"), ("‑", "-"))


class Hit:
    """One lexicon match: offsets into the document text, its kind and what it stands for.

    Immutable by convention. A plain slotted class with its own `__init__`, not the frozen
    dataclass STYLE.md asks for: mypyc keeps the interpreted `__init__` that `dataclasses`
    generates, and building the engine's hot value types that way cost about 8% of the compiled
    extraction time (docs/performance.md). Equality and hash are the dataclass's (all fields).
    """

    __slots__ = ("end", "kind", "payload", "start", "text")

    def __init__(self, *, start: int, end: int, kind: str, payload: Payload, text: str) -> None:
        self.start = start
        self.end = end
        self.kind = (
            kind  # actor, item, trigger, speech, hedge, denial, stage, backref, marker:<role>
        )
        self.payload = payload
        self.text = text

    def _key(self) -> tuple[int, int, str, Payload, str]:
        return (self.start, self.end, self.kind, self.payload, self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Hit) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Hit(start={self.start!r}, end={self.end!r}, kind={self.kind!r}, "
            f"payload={self.payload!r}, text={self.text!r})"
        )


# Characters that a case-insensitive pattern matches with an ASCII letter but that lower() does
# not turn into it (or turns into two characters): "ı", "ſ", "İ".
UNFOLDED = ("\u0131", "\u017f", "\u0130")


def prefilter_text(text: str) -> str | None:
    """The text lower-cased for may_contain, or None where a lower-cased literal could miss a
    case-insensitive match (then every window may match)."""
    if any(ch in text for ch in UNFOLDED):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def may_contain(text: str | None, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether text[start:end] may hold one of `words`: a prefilter before a regex that cannot
    match without one of them. For a case-insensitive regex, `text` is prefilter_text(...) and
    `words` are lower-case; None (no usable lower-cased text) answers that any window may."""
    if text is None:
        return True
    # A loop, not any(...): mypyc compiles it without a generator object.
    for word in words:  # noqa: SIM110
        if text.find(word, start, end) >= 0:
            return True
    return False


def fold(text: str) -> str:
    """Lower-cased text of the same length, so offsets carry over unchanged."""
    folded = text.lower()
    if len(folded) != len(text):
        folded = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    # str.replace runs in C over the whole text; str.translate with a table looks every
    # character up in a dict, which cost more than the rest of the folding.
    for typographic, plain in _FOLD:
        if typographic in folded:
            folded = folded.replace(typographic, plain)
    return folded


@functools.lru_cache(maxsize=16384)
def _case_ok(term: str, surface: str) -> bool:
    """Pure and called with the same few (term, surface) pairs over and over: cached."""
    term_words, surface_words = term.split(), surface.split()
    if len(term_words) != len(surface_words):
        return term[:1].islower() or surface[:1].isupper()
    for term_word, surface_word in zip(term_words, surface_words, strict=True):
        letters = [ch for ch in term_word if ch.isalpha()]
        if len(letters) > 1 and all(ch.isupper() for ch in letters):
            if surface_word.rstrip("s") != term_word.rstrip("s"):
                return False
        elif term_word[:1].isupper() and not surface_word[:1].isupper():
            return False
    return True


# A match as the scan keeps it: (end of the matched term, start, end, kind, payload, text). Plain
# tuples are several times cheaper to build than Hits, and most marker matches are never asked
# for (only sentences with a transfer are); a Hit is made when a match is handed out.
_Match = tuple[int, int, int, str, Payload, str]
# What the automaton stores for a folded key: its length and, for each entry with that key,
# (group, kind, term, payload, whether its case is checked, whether it is a designation).
_Entry = tuple[int, str, str, Payload, bool, bool]


class Automaton:
    """An Aho-Corasick automaton of (kind, term text, payload) entries, in one or more groups.

    The groups share one automaton, so a single pass over a text answers all of them; each
    group's matches come out as if it had an automaton of its own.
    """

    def __init__(self, *groups: Iterable[tuple[str, str, Payload]]) -> None:
        table: dict[str, list[tuple[int, str, str, Payload]]] = {}
        for group, entries in enumerate(groups):
            for kind, term, payload in entries:
                key = fold(term)
                if key.strip():
                    table.setdefault(key, []).append((group, kind, term, payload))
        self._groups = max(1, len(groups))
        self._automaton = ahocorasick.Automaton()
        for key, payloads in table.items():
            # Lower-case terms match in any case: only capitalised ones need the case check.
            checked = tuple(
                (g, k, t, p, t != t.lower(), _is_designation(p)) for g, k, t, p in payloads
            )
            designations = any(entry[5] for entry in checked)
            self._automaton.add_word(key, (len(key), designations, checked))
        self._automaton.make_automaton()
        # The last text scanned and its matches by group (see hits); a new text replaces them.
        self._scanned: tuple[str, list[list[_Match]]] | None = None

    def hits(
        self, text: str, folded: str, start: int = 0, end: int | None = None, group: int = 0
    ) -> list[Hit]:
        """Whole-word matches of a group lying in text[start:end]; `folded` is fold(text).

        The grammar asks sentence after sentence of one document, so the whole text is scanned
        once and the matches of a range are cut out of that scan, in the same order.
        """
        if self._scanned is None or self._scanned[0] is not text:
            self._scanned = (text, self._scan(text, folded))
        matches = self._scanned[1][group]
        stop = len(text) if end is None else end
        if start == 0 and stop == len(text):
            return [_hit(match) for match in matches]
        # Matches come in order of their last character; one lying in the range ends after
        # `start` and no later than `stop`.
        low = bisect.bisect_right(matches, start, key=_match_finish)
        high = bisect.bisect_right(matches, stop, key=_match_finish)
        return [_hit(match) for match in matches[low:high] if match[1] >= start]

    def _scan(self, text: str, folded: str) -> list[list[_Match]]:
        """Every whole-word match of each group, in the automaton's order."""
        size = len(text)
        found: list[list[_Match]] = [[] for _ in range(self._groups)]
        # Bound once: this loop runs for every raw match of every document.
        variant_at = _VARIANT.match
        for last, value in self._automaton.iter(folded):
            length: int = value[0]
            first = last - length + 1
            # The character before first: most matches open a word, and one test rejects them.
            if first > 0 and text[first - 1].isalnum() and text[first].isalnum():
                continue
            finish = last + 1
            if finish < size and text[finish].isalnum() and text[last].isalnum():
                # Only a designation runs on into a variant suffix ("Leopard 2A4s"): a key
                # without one needs no regex to be rejected.
                if not value[1]:
                    continue
                variant = variant_at(text, finish)
                if variant is None:
                    continue
                _add_variants(found, value[2], text, first, finish, variant.end())
                continue
            surface = text[first:finish]
            payloads: tuple[_Entry, ...] = value[2]
            for group, kind, term, payload, cased, _ in payloads:
                if not cased or _case_ok(term, surface):
                    found[group].append((finish, first, finish, kind, payload, surface))
        return found


def _add_variants(
    found: list[list[_Match]],
    payloads: tuple[_Entry, ...],
    text: str,
    first: int,
    finish: int,
    variant_end: int,
) -> None:
    """The designations of a match that runs on into its variant suffix ("T-72B3")."""
    surface = text[first:finish]
    hit_text = text[first:variant_end]
    for group, kind, term, payload, cased, designation in payloads:
        if designation and (not cased or _case_ok(term, surface)):
            found[group].append((finish, first, variant_end, kind, payload, hit_text))


def _match_finish(match: _Match) -> int:
    return match[0]


def _hit(match: _Match) -> Hit:
    return Hit(start=match[1], end=match[2], kind=match[3], payload=match[4], text=match[5])


# A type name continues with its variant suffix: "Leopard 2A4s", "AIM-9M", "Su-30SMEs", "T-72B3".
_VARIANT = re.compile(r"(?:-?[0-9A-Z]+)+s?(?![\w])")


def _is_designation(payload: Payload) -> bool:
    return isinstance(payload, ItemTerm) and payload.designation is not None


def longest_first(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping hits, a longer match winning; hits on the same span are all kept."""
    ordered = sorted(hits, key=lambda hit: (hit.start, hit.start - hit.end))
    kept: list[Hit] = []
    for hit in ordered:
        if kept and hit.start < kept[-1].end:
            if (hit.start, hit.end) == (kept[-1].start, kept[-1].end):
                kept.append(hit)
            continue
        kept.append(hit)
    return kept


# The groups of `document_automaton`: one scan of a document serves all three.
CONTENT, CUES, MARKERS = 0, 1, 2


def document_automaton(lexicons: Lexicons) -> Automaton:
    """Content words, cues and scanned markers in one automaton (groups CONTENT, CUES, MARKERS)."""
    return Automaton(_content_entries(lexicons), _cue_entries(lexicons), _marker_entries(lexicons))


def content_automaton(lexicons: Lexicons) -> Automaton:
    return Automaton(_content_entries(lexicons))


def cue_automaton(lexicons: Lexicons) -> Automaton:
    return Automaton(_cue_entries(lexicons))


def marker_automaton(lexicons: Lexicons) -> Automaton:
    return Automaton(_marker_entries(lexicons))


def _content_entries(lexicons: Lexicons) -> list[tuple[str, str, Payload]]:
    entries: list[tuple[str, str, Payload]] = []
    entries += [("actor", term.text, term) for term in lexicons.actor_terms]
    entries += [("organ", name, name) for name in lexicons.generic_organs]
    entries += [("organ", name, name) for name in sorted(lexicons.collectives)]
    entries += [("item", term.text, term) for term in lexicons.item_terms]
    entries += [("trigger", trigger.form, trigger) for trigger in lexicons.triggers]
    return entries


def _cue_entries(lexicons: Lexicons) -> list[tuple[str, str, Payload]]:
    entries: list[tuple[str, str, Payload]] = []
    for kind, cues in (
        ("speech", lexicons.speech),
        ("hedge", lexicons.hedges),
        ("denial", lexicons.denials),
        ("stage", lexicons.stages),
    ):
        entries += [(kind, cue.text, cue) for cue in cues]
    entries += [("backref", term, resolve) for term, resolve in lexicons.grammar.backrefs.items()]
    return entries


# Markers the grammar scans a sentence for (clause breaks, "which", "in exchange for"...).
SCANNED_ROLES = ("clause_breaks", "relatives", "copulas", "counterflow_markers", "restore_markers")
# Markers only ever asked about at one place ("is this actor preceded by 'to'?"): looked up in
# a table from the words before that place, which costs nothing for the rest of the text.
LOOKED_UP_ROLES = (
    "recipient_markers",
    "weak_recipient_markers",
    "arrival_markers",
    "supplier_markers",
    "agent_markers",
    "counterflow_markers",
    "prepositions",
    "passive_aux",
    "subject_words",
    "agent_modifiers",
    "relatives",
)
_WORDS_BEFORE = re.compile(r"[\w'’-]+|[;:()–—&]")


def _marker_entries(lexicons: Lexicons) -> list[tuple[str, str, Payload]]:
    entries: list[tuple[str, str, Payload]] = []
    for role in SCANNED_ROLES:
        entries += [(f"marker:{role}", word, role) for word in lexicons.grammar.words(role)]
    return entries


def marker_table(lexicons: Lexicons) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for role in LOOKED_UP_ROLES:
        for word in lexicons.grammar.words(role):
            table.setdefault(" ".join(_WORDS_BEFORE.findall(fold(word))), set()).add(role)
    return {phrase: frozenset(roles) for phrase, roles in table.items()}


class MarkerIndex:
    """Which grammar markers end exactly at a place in a sentence."""

    def __init__(self, table: dict[str, frozenset[str]], folded: str, floor: int) -> None:
        self.table = table
        self.folded = folded
        self.floor = floor
        # The grammar asks about the same few places again and again (each role rule looks
        # before the same actors): answers are kept for the sentence.
        self._answers: dict[int, frozenset[str]] = {}

    def ending_at(self, position: int) -> set[str]:
        """A new set each time: callers may change what they get."""
        answer = self._answers.get(position)
        if answer is None:
            answer = self._answers[position] = self._look_up(position)
        return set(answer)

    def _look_up(self, position: int) -> frozenset[str]:
        words = _WORDS_BEFORE.findall(self.folded[max(self.floor, position - 30) : position])
        roles: set[str] = set()
        for count in range(1, min(4, len(words)) + 1):
            roles |= self.table.get(" ".join(words[-count:]), frozenset())
        return frozenset(roles)
