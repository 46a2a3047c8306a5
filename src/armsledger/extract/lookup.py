"""Fast lexicon look-up: Aho-Corasick automata over case-folded text, with word boundaries.

Matching runs in C over the folded text; Python only checks the boundaries and the case of the
few hits. A capitalised lexicon word must be capitalised in the text ("Chad", "May" and "Turkey"
are names only with their capital), and an acronym must match exactly ("US" is not "us").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Mapping

import ahocorasick

from armsledger.lexicon import ActorTerm, AmountWords, Cue, ItemTerm, Lexicons, Trigger

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
    if text.isascii():
        return text.lower()  # no UNFOLDED character, and lower() keeps the length
    for ch in UNFOLDED:
        if ch in text:
            return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def word_places(lowered: str, words: tuple[str, ...], start: int, end: int) -> list[int]:
    """Where each of `words` occurs in lowered[start:end] (unsorted)."""
    places: list[int] = []
    for word in words:
        at = lowered.find(word, start, end)
        while at >= 0:
            places.append(at)
            at = lowered.find(word, at + 1, end)
    return places


def matches_at(
    pattern: re.Pattern[str], text: str, places: list[int], start: int, end: int
) -> list[re.Match[str]]:
    """pattern.finditer(text, start, end), for a pattern whose every match starts at one of
    `places` (sorted): the leftmost match from where the search goes on is the first of the
    places there at which the pattern matches (a `\b` sees the character before, as in a
    search). The regex engine tried every place of the sentence (case-insensitive letters
    give it no first characters to skip to)."""
    found: list[re.Match[str]] = []
    free = start  # the search goes on from the end of the last match
    tried = -1
    for place in places:
        if place < free or place == tried:
            continue
        tried = place
        match = pattern.match(text, place, end)
        if match is not None:
            found.append(match)
            free = match.end()
    return found


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


def first_of(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    """Where the first of `words` lying in text[start:end] begins, or -1: a regex that cannot
    match without one of them opening the match need not be tried before that place."""
    first = -1
    for word in words:
        # Once one is found, only a place before it counts: the search stops there.
        stop = end if first < 0 else min(end, first - 1 + len(word))
        at = text.find(word, start, stop)
        if at >= 0:
            first = at
    return first


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


# What the automaton stores for a folded key, for each entry with that key: (group, kind, term,
# payload, whether its case is checked, whether it is a designation).
_Entry = tuple[int, str, str, Payload, bool, bool]


class _Key:
    """The value of a folded key in the automaton: a native class, so the scan reads its fields
    without generic item look-ups (the scan runs for every raw match of every document)."""

    __slots__ = ("designations", "entries", "length", "marks")

    def __init__(
        self,
        length: int,
        designations: bool,
        entries: tuple[_Entry, ...],
        marks: tuple[tuple[int, str], ...],
    ) -> None:
        self.length = length
        self.designations = designations  # whether an entry may run on into a variant suffix
        self.entries = entries
        # (group, word) of the organisation markers with this key: matched by their exact case
        # anywhere, not as whole words (see ORGANISATION_MARKER).
        self.marks = marks


class _Scan:
    """A document's whole-word matches, by group: the hits in the automaton's order (by the end
    of the matched key) and, beside them, those ends, which sentence ranges are cut by."""

    __slots__ = ("finishes", "hits", "text")

    def __init__(self, text: str, groups: int) -> None:
        self.text = text
        self.hits: list[list[Hit]] = [[] for _ in range(groups)]
        self.finishes: list[list[int]] = [[] for _ in range(groups)]

    def add(self, group: int, finish: int, hit: Hit) -> None:
        self.hits[group].append(hit)
        self.finishes[group].append(finish)


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
                (g, k, t, p, t != t.lower(), _is_designation(p))
                for g, k, t, p in payloads
                if k != ORGANISATION_MARKER
            )
            marks = tuple((g, t) for g, k, t, _ in payloads if k == ORGANISATION_MARKER)
            designations = any(entry[5] for entry in checked)
            self._automaton.add_word(key, _Key(len(key), designations, checked, marks))
        self._automaton.make_automaton()
        # The last text scanned and its hits (see hits); a new text replaces them.
        self._scanned: _Scan | None = None

    def hits(
        self, text: str, folded: str, start: int = 0, end: int | None = None, group: int = 0
    ) -> list[Hit]:
        """Whole-word matches of a group lying in text[start:end]; `folded` is fold(text).

        The grammar asks sentence after sentence of one document, so the whole text is scanned
        once, each match made a Hit once, and the hits of a range are cut out of that scan, in
        the same order (the same Hit objects each time: they are immutable).
        """
        scanned = self._scanned
        if scanned is None or scanned.text is not text:
            scanned = self._scanned = self._scan(text, folded)
        hits = scanned.hits[group]
        size = len(text)
        stop = size if end is None else end
        if start == 0 and stop == size:
            return list(hits)
        # Hits come in order of the last character of their key; one lying in the range ends
        # it after `start` and no later than `stop`.
        finishes = scanned.finishes[group]
        low = bisect.bisect_right(finishes, start)
        high = bisect.bisect_right(finishes, stop)
        found: list[Hit] = []
        for index in range(low, high):
            hit = hits[index]
            if hit.start >= start:
                found.append(hit)
        return found

    def _scan(self, text: str, folded: str) -> _Scan:
        """Every whole-word match of each group, in the automaton's order."""
        size = len(text)
        scanned = _Scan(text, self._groups)
        # Typed: mypyc unboxes each (end, key) pair natively instead of generic item look-ups.
        matches: Iterator[tuple[int, _Key]] = self._automaton.iter(folded)
        for last, key in matches:
            first = last - key.length + 1
            if key.marks:
                _add_marks(scanned, key.marks, text, first, last + 1)
                if not key.entries:
                    continue
            # The character before first: most matches open a word, and one test rejects them.
            if first > 0 and text[first - 1].isalnum() and text[first].isalnum():
                continue
            finish = last + 1
            if finish < size and text[finish].isalnum() and text[last].isalnum():
                # Only a designation runs on into a variant suffix ("Leopard 2A4s"): a key
                # without one needs no regex to be rejected.
                if key.designations:
                    _add_variants(scanned, key.entries, text, first, finish)
                continue
            surface = text[first:finish]
            for group, kind, term, payload, cased, _ in key.entries:
                # A term written as listed passes the case check: no cached call for it.
                if not cased or surface == term or _case_ok(term, surface):
                    hit = Hit(start=first, end=finish, kind=kind, payload=payload, text=surface)
                    scanned.add(group, finish, hit)
        return scanned


def _add_marks(
    scanned: _Scan, marks: tuple[tuple[int, str], ...], text: str, first: int, finish: int
) -> None:
    """The organisation markers written in the text at [first, finish) exactly as listed."""
    for group, word in marks:
        # The first character first: most places hold the word in another case, and a
        # bounded startswith is a generic method call in compiled code.
        if text[first] == word[0] and text.startswith(word, first, finish):
            hit = Hit(start=first, end=finish, kind=ORGANISATION_MARKER, payload=word, text=word)
            scanned.add(group, finish, hit)


def _add_variants(
    scanned: _Scan, entries: tuple[_Entry, ...], text: str, first: int, finish: int
) -> None:
    """The designations of a match that runs on into its variant suffix ("T-72B3")."""
    variant = _VARIANT.match(text, finish)
    if variant is None:
        return
    variant_end = variant.end()
    surface = text[first:finish]
    hit_text = text[first:variant_end]
    for group, kind, term, payload, cased, designation in entries:
        if designation and (not cased or surface == term or _case_ok(term, surface)):
            hit = Hit(start=first, end=variant_end, kind=kind, payload=payload, text=hit_text)
            scanned.add(group, finish, hit)


# A type name continues with its variant suffix: "Leopard 2A4s", "AIM-9M", "Su-30SMEs", "T-72B3".
_VARIANT = re.compile(r"(?:-?[0-9A-Z]+)+s?(?![\w])")


def _is_designation(payload: Payload) -> bool:
    return isinstance(payload, ItemTerm) and payload.designation is not None


def longest_first(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping hits, a longer match winning; hits on the same span are all kept."""
    kept: list[Hit] = []
    for hit in span_order(hits):
        if kept and hit.start < kept[-1].end:
            if hit.start == kept[-1].start and hit.end == kept[-1].end:
                kept.append(hit)
            continue
        kept.append(hit)
    return kept


def span_order(hits: Iterable[Hit]) -> list[Hit]:
    """The hits in document order, the longer of two at one start first: what a stable sort by
    (start, start - end) gives. Hits mostly come in that order already: checked first with a
    native loop, sorted (with a module-level key, no lambda) only when they do not."""
    ordered = list(hits)
    for index in range(1, len(ordered)):
        if _after(ordered[index - 1], ordered[index]):
            ordered.sort(key=_span_key)
            break
    return ordered


def _after(one: Hit, other: Hit) -> bool:
    """Whether `one` sorts after `other` by (start, start - end)."""
    return one.start > other.start or (one.start == other.start and one.end < other.end)


def _span_key(hit: Hit) -> int:
    """(start, start - end) as one int, ordered alike (the length is below 2**32): ints compare
    without the tuples the sort built and compared."""
    return (hit.start << 32) + hit.start - hit.end


# The groups of `document_automaton`: one scan of a document serves all four.
CONTENT, CUES, MARKERS, NUMBERS = 0, 1, 2, 3
# The kind of the hits of the organisation finder's marker words (organisations.yaml), which the
# document automaton adds to its CONTENT group: every place where one is written, in its exact
# case, whole word or not, in the order of an automaton of those words alone. The finder reads
# them instead of walking the text with an automaton of its own (a second pass as costly as the
# first); organisations.with_organisations takes them out of the content hits.
ORGANISATION_MARKER = "organisation_marker"


def document_automaton(lexicons: Lexicons) -> Automaton:
    """Content words (with the organisation markers), cues, scanned markers and the number words
    where amounts start in one automaton (groups CONTENT, CUES, MARKERS, NUMBERS)."""
    content = _content_entries(lexicons) + _organisation_entries(lexicons.organisations)
    return Automaton(
        content,
        _cue_entries(lexicons),
        _marker_entries(lexicons),
        amount_anchor_entries(lexicons.amounts),
    )


# Scales written as letters after a number ("$5bn", "500m"): no anchor, no scale word.
LETTER_SCALES = ("m", "mn", "mln", "bn", "b", "k", "tn")


def amount_anchor_entries(words: AmountWords) -> list[tuple[str, str, Payload]]:
    """The words an amount can start with (quantities.AmountReader's anchors besides digits):
    number words, "a"/"an" before a scale word, vague amounts and "between"."""
    number_words = [w for w in words.words if w not in ("a", "an")]
    scales = [s for s in words.scales if s not in LETTER_SCALES]
    anchors: list[tuple[str, str, Payload]] = [("number", w, "number") for w in number_words]
    anchors += [
        ("number", f"{article} {scale}", "number") for scale in scales for article in ("a", "an")
    ]
    anchors += [("vague", w, "vague") for w in words.vague]
    anchors += [("between", "between", "between")]
    return anchors


def legal_words(forms: Iterable[str]) -> frozenset[str]:
    """Legal forms a capitalised run can swallow as words ("Ltd", "GmbH", "Inc" of "Inc.")."""
    listed = tuple(forms)
    return frozenset(
        form.removesuffix(".") if form.count(".") == 1 and form.endswith(".") else form
        for form in listed
        if " " not in form and "." not in form.removesuffix(".")
    ) | frozenset(listed)


def organisation_marker_words(lists: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The literals one of which every name match worth reading holds: a head word, a legal
    form, a prefix or a descriptor (see organisations.OrganisationFinder)."""
    words = set(lists.get("company_heads", ())) | set(lists.get("group_heads", ()))
    words |= legal_words(lists.get("legal_forms", ()))
    for key in ("legal_forms", "legal_prefixes", "group_descriptors"):
        words.update(lists.get(key, ()))
    return sorted(word for word in words if word)


def _organisation_entries(lists: Mapping[str, tuple[str, ...]]) -> list[tuple[str, str, Payload]]:
    # Only words whose folded form is theirs letter by letter: an exact occurrence in the text
    # is then an occurrence of the key in the folded text, and the scan misses none.
    return [
        (ORGANISATION_MARKER, word, word)
        for word in organisation_marker_words(lists)
        if folds_alone(word)
    ]


def folds_alone(word: str) -> bool:
    """Whether fold(word) is the fold of each of its characters (not so for a capital sigma,
    whose lower case depends on the next letter)."""
    return len(fold(word)) == len(word) and fold(word) == "".join(fold(ch) for ch in word)


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

    def ending_at(self, position: int) -> frozenset[str]:
        """The kept answer itself (frozen: no caller can change it), not a copy per call."""
        answer = self._answers.get(position)
        if answer is None:
            answer = self._answers[position] = self._look_up(position)
        return answer

    def _look_up(self, position: int) -> frozenset[str]:
        """The roles of the phrases made of the last one to four words before `position`
        (_WORDS_BEFORE over the 30 characters before it, from the floor on)."""
        low = max(self.floor, position - 30)
        if low < 0 or position < 0:  # slices count from the end: the regex on the slice
            words = _WORDS_BEFORE.findall(self.folded[low:position])[-4:]
            words.reverse()
        else:
            words = words_before(self.folded, low, min(position, len(self.folded)), 4)
        found: frozenset[str] | None = None
        phrase = ""
        for index, word in enumerate(words):
            phrase = word if index == 0 else word + " " + phrase
            roles = self.table.get(phrase)
            if roles:
                found = roles if found is None else found | roles
        return _NO_ROLES if found is None else found


_NO_ROLES: frozenset[str] = frozenset()
# The one-character tokens of _WORDS_BEFORE; its runs are of word characters and "'’-".
_MARKS_BEFORE = frozenset(";:()–—&")


def words_before(folded: str, low: int, stop: int, count: int) -> list[str]:
    """The last `count` (or fewer) matches of _WORDS_BEFORE in folded[low:stop], the last first:
    read backwards from `stop`, a few characters instead of a regex over the whole window.
    Its runs are maximal, so a run read backwards is the one findall gives (cut at `low`)."""
    words: list[str] = []
    at = stop
    while at > low and len(words) < count:
        char = folded[at - 1]
        if _in_run(char):
            end = at
            at -= 1
            while at > low and _in_run(folded[at - 1]):
                at -= 1
            words.append(folded[at:end])
        else:
            if char in _MARKS_BEFORE:
                words.append(char)
            at -= 1
    return words


def _in_run(char: str) -> bool:
    """Whether `char` belongs to a run of _WORDS_BEFORE ([\\w'’-]: regex \\w is isalnum or "_")."""
    return char.isalnum() or char == "_" or char == "'" or char == "’" or char == "-"
