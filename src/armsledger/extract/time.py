"""Time expressions ("since September", "last month", "in 2023", "by the end of October"),
normalised against the document's publication date where one is known, kept as text otherwise."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from armsledger.domain.core import TimeRef
from armsledger.extract.lookup import matches_at, may_contain, prefilter_text, word_places
from armsledger.lexicon import TimeWords

# Compiled at import: these run on hot paths, once per sentence or item.
_WHITESPACE_RUN = re.compile(r"\s+")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


class TimeReader:
    """Compiled from times.yaml once per extractor."""

    def __init__(self, words: TimeWords) -> None:
        self.words = words
        openers = _alternation([o for o in words.openers if o != "on"])
        months = _alternation(list(words.months))
        units = _alternation(list(words.relative_units))
        self._pattern = re.compile(
            rf"\b(?P<opener>{openers})[\s-]+(?:"
            rf"(?P<month>(?:{months}))\.?(?:\s+(?P<myear>(?:19|20)\d\d))?"
            rf"|(?P<year>(?:19|20)\d\d)"
            rf"|(?:the\s+)?(?P<unit>{units})(?:\s+(?P<uyear>(?:19|20)\d\d))?)\b",
            re.IGNORECASE,
        )
        weekdays = _alternation(list(words.weekdays))
        # Each expression holds a year, a month, a period or day word, or "since": the words of
        # a sentence tell which of the patterns can match at all, before any of them runs.
        self._period_words = frozenset(words.months) | frozenset(words.relative_units)
        self._day_words = frozenset(words.weekdays) | {"yesterday", "today", "tonight"}
        # The same words and years as substrings of the lower-cased sentence: case-sensitive
        # literal alternations, which the regex engine scans for by their first characters.
        # After the space or hyphen the opener pattern needs before them: starting with a
        # character class, the regex engine skips to spaces and hyphens; the words as a tree of
        # prefixes, so each attempt tests a few first letters, not every word.
        leaves = [(word, "") for word in self._period_words] + [("19", r"\d\d"), ("20", r"\d\d")]
        self._spaced_targets = re.compile(f"[\\s-]{_prefix_tree(leaves)}(?!\\w)")
        # An opener match starts with one of these (lower-cased) letters; None: any character.
        initials = {o[:1].lower() for o in words.openers}
        self._initials = initials if all(i.isascii() and i.isalpha() for i in initials) else None
        # The day words as literals of the lower-cased sentence (str.find, no regex scan).
        self._day_word_list = tuple(sorted(self._day_words))
        self._weekdays = tuple(words.weekdays)
        # What each day word holds, fewer than the words: "day" for "today" and "monday".
        self._day_literals = tuple(
            sorted({"day" if "day" in word else word for word in self._day_words})
        )
        self._longest_opener = max((len(o) for o in words.openers), default=0)
        self._days = re.compile(
            rf"\b(?P<day>yesterday|today|tonight|on\s+(?:{weekdays}))\b", re.IGNORECASE
        )
        # Each transfer of a sentence asks for the sentence's times: the last answer is kept.
        self._last: tuple[tuple[str, int, int, date | None], list[tuple[TimeRef, int]]] | None
        self._last = None
        # The document last read and its prefilter_text (None: the words decide, see _gates).
        self._lowered: tuple[str, str | None] | None = None

    def find(
        self, text: str, start: int, end: int, published: date | None
    ) -> list[tuple[TimeRef, int]]:
        """Time expressions of text[start:end] with their offsets."""
        key = (text, start, end, published)
        if self._last is not None and self._last[0] == key:
            return list(self._last[1])
        found = self._scan(text, start, end, published)
        self._last = (key, found)
        return list(found)

    def _scan(
        self, text: str, start: int, end: int, published: date | None
    ) -> list[tuple[TimeRef, int]]:
        lowered = self._lowered_document(text)
        gates = self._gates(text, start, end, lowered)
        found: list[tuple[TimeRef, int]] = []
        for ref, at in self._spans(text, start, end, published, gates):
            if not _AFTER_SPEECH.search(text, max(start, at - 12), at):
                found.append((ref, at))
        if gates.opener_from < 0:
            # The opener pattern cannot match; the spans come sorted only where the sentence's
            # words let it run before (a period word or year token), so ask them when it matters.
            if len(found) < 2 or self._token_gates(text[start:end].lower(), start).opener_from < 0:
                return found
            return sorted(found, key=_position)
        taken = [(at, at + len(ref.text)) for ref, at in found]
        for match in self._openers(text, start, end, gates, lowered):
            at = match.start()
            month = match.group("month")
            if month and not month[0].isupper():
                continue  # "may" the verb, "march" the noun
            if _AFTER_SPEECH.search(text, max(start, at - 12), at):
                continue  # "said last month that...": when it was said, not sent
            if _inside(taken, at):
                continue  # "from 2020" inside "from 2020 to 2022"
            future = may_contain(lowered, FUTURE_WORDS, start, at) and bool(
                _FUTURE.search(text, start, at)
            )
            found.append((self._normalise(match, published, future), at))
        return sorted(found, key=_position)

    def prime(self, text: str, lowered: str | None) -> None:
        """Take prefilter_text(text) from a caller that has it already (the analyser)."""
        self._lowered = (text, lowered)

    def _lowered_document(self, text: str) -> str | None:
        """prefilter_text of the whole document, once per document: the sentences are asked one
        after another, and slicing and lower-casing each cost more than one pass."""
        if self._lowered is None or self._lowered[0] is not text:
            self._lowered = (text, prefilter_text(text))
        return self._lowered[1]

    def _openers(
        self, text: str, start: int, end: int, gates: _Gates, lowered: str | None
    ) -> list[re.Match[str]]:
        """The matches of the opener pattern in text[start:end], as finditer finds them. With
        the targets known (lowered text), the pattern is tried only where a match can start: at
        a word start with an opener's first letter, in front of a target (see _opener_from)."""
        if lowered is None or gates.targets is None:
            return list(self._pattern.finditer(text, gates.opener_from, end))
        candidates: set[int] = set()
        for target in gates.targets:
            for at in range(self._opener_from(text, lowered, start, target), target):
                if self._may_open(text, lowered, at):
                    candidates.add(at)
        found: list[re.Match[str]] = []
        resume = start
        for at in sorted(candidates):
            if at < resume:
                continue
            match = self._pattern.match(text, at, end)
            if match is not None:
                found.append(match)
                resume = match.end()
        return found

    def _may_open(self, text: str, lowered: str, at: int) -> bool:
        """Whether the opener pattern may match at `at`: its \\b before a first letter."""
        if self._initials is not None and lowered[at] not in self._initials:
            return False
        return at == 0 or not _is_word(text[at - 1])

    def _gates(self, text: str, start: int, end: int, lowered: str | None = None) -> _Gates:
        """Which patterns can match in text[start:end] at all (see _Gates); `lowered` is the
        document's prefilter_text, looked up when not given."""
        if lowered is None:
            lowered = self._lowered_document(text)
        if lowered is None:
            return self._token_gates(text[start:end].lower(), start)
        targets = [m.start() + 1 for m in self._spaced_targets.finditer(lowered, start, end)]
        has_year = has_year_digits(lowered, start, end)
        return _Gates(
            has_year=has_year,
            since=lowered.find("since", start, end) >= 0,
            days=may_contain(lowered, self._day_literals, start, end)
            and may_contain(lowered, self._day_word_list, start, end),
            opener_from=self._opener_from(text, lowered, start, targets[0]) if targets else -1,
            targets=targets,
            ranges=has_year and may_contain(lowered, RANGE_WORDS, start, end),
            parts=has_year and may_contain(lowered, PART_WORDS, start, end),
        )

    def _token_gates(self, lowered: str, start: int) -> _Gates:
        """The gates from the sentence's words, for text where a lower-cased substring could
        miss a case-insensitive match ("ı", "ſ", "İ"): the opener pattern runs on all of it."""
        words = frozenset(_TOKEN.findall(lowered))
        # A token that starts with a digit is all digits (_TOKEN): a year is four starting
        # with 19 or 20, tested without a regex call for every word.
        has_year = any(len(word) == 4 and word.startswith(("19", "20")) for word in words)
        return _Gates(
            has_year=has_year,
            since="since" in words,
            days=bool(words & self._day_words),
            opener_from=start if has_year or words & self._period_words else -1,
        )

    def _opener_from(self, text: str, lowered: str, start: int, target: int) -> int:
        """Where the opener pattern can first match, given the first place a year, month or
        period word can start: an opener ends at most [\\s-]+, "the" and spaces before it.
        `lowered` is the document's prefilter_text."""
        at = target
        while at > start and text[at - 1].isspace():
            at -= 1
        if lowered.endswith("the", start, at):
            at -= 3
        while at > start and (text[at - 1].isspace() or text[at - 1] == "-"):
            at -= 1
        return max(start, at - self._longest_opener)

    def _spans(
        self,
        text: str,
        start: int,
        end: int,
        published: date | None,
        gates: _Gates,
    ) -> list[tuple[TimeRef, int]]:
        """Periods the opener grammar does not read: year ranges, halves and quarters of a
        year, days relative to publication, and the open "since the start of the war"."""
        found: list[tuple[TimeRef, int]] = []
        lowered = self._lowered_document(text)
        if gates.ranges:
            found += _year_ranges(text, start, end, lowered)
        if gates.parts:
            for match in _PART_OF_YEAR.finditer(text, start, end):
                found.append((_part_of_year(match), match.start()))
        if gates.since:
            for match in _OPEN_START.finditer(text, start, end):
                found.append((TimeRef(text=match.group(0), end=published), match.start()))
        if published is not None and gates.days:
            for match in self._day_matches(text, start, end, lowered):
                day = self._day(match.group("day").lower(), published)
                found.append((TimeRef(text=match.group(0), start=day, end=day), match.start()))
        return found

    def _day_matches(
        self, text: str, start: int, end: int, lowered: str | None
    ) -> list[re.Match[str]]:
        """self._days.finditer(text, start, end), tried only where a match can start: at
        "yesterday", "today" or "tonight", or at the "on" before a weekday (see _on_before)."""
        if lowered is None:
            return list(self._days.finditer(text, start, end))
        places = word_places(lowered, _RELATIVE_DAYS, start, end)
        for weekday in self._weekdays:
            at = lowered.find(weekday, start, end)
            while at >= 0:
                on = _on_before(text, lowered, start, at)
                if on >= 0:
                    places.append(on)
                at = lowered.find(weekday, at + 1, end)
        return matches_at(self._days, text, sorted(places), start, end)

    def _day(self, word: str, published: date) -> date:
        """ "yesterday", "today", "on Monday" (the last such day up to publication)."""
        if word in ("today", "tonight"):
            return published
        if word == "yesterday":
            return published - timedelta(days=1)
        weekday = self.words.weekdays.index(word.removeprefix("on").strip())
        return published - timedelta(days=(published.weekday() - weekday) % 7)

    def _normalise(self, match: re.Match[str], published: date | None, future: bool) -> TimeRef:
        opener = self.words.openers[_WHITESPACE_RUN.sub(" ", match.group("opener").lower())]
        period = self._period(match, published, future)
        if period is None:
            return TimeRef(text=match.group(0))
        first, last = _narrow(opener, period)
        if opener in ("since",):
            return TimeRef(text=match.group(0), start=first, end=published)
        if opener in ("by", "until"):
            return TimeRef(text=match.group(0), start=None, end=last)
        return TimeRef(text=match.group(0), start=first, end=last)

    def _period(
        self, match: re.Match[str], published: date | None, future: bool
    ) -> tuple[date, date] | None:
        year_text = match.group("year") or match.group("myear") or match.group("uyear")
        if match.group("month"):
            month = self.words.months[match.group("month").lower()]
            year = int(year_text) if year_text else _year_of_month(month, published, future)
            return None if year is None else _month_range(year, month)
        if match.group("year"):
            year = int(year_text or 0)
            return date(year, 1, 1), date(year, 12, 31)
        unit = self.words.relative_units.get((match.group("unit") or "").lower())
        opener = match.group("opener").lower()
        if published is None or unit not in ("month", "year", "week"):
            return None
        return _relative(unit, "last" if opener.startswith("last") else "this", published)


_AFTER_SPEECH = re.compile(r"\b(?:said|says|told \w+|announced|reported|added)\s+$")
# Words before a time expression that put the transfer in the future.
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|plans? to|planned to|is due|are due|expected to|"
    r"scheduled to|set to|going to|intends? to)\b",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(
    r"\b(?:between|from)\s+(?P<first>(?:19|20)\d\d)\s+(?:and|to|until|through)\s+"
    r"(?P<last>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_PART_OF_YEAR = re.compile(
    r"\b(?:in|during|by|over)\s+the\s+(?P<ordinal>first|second|third|fourth|last|final)\s+"
    r"(?P<part>half|quarter)\s+of\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# An open start the text names but no date pins: kept as text, ending at publication.
_OPEN_START = re.compile(
    r"\bsince\s+the\s+(?:start|beginning|outbreak|onset)\s+of\s+the\s+"
    r"(?:full-scale\s+)?(?:war|invasion|conflict|fighting)\b",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_TOKEN = re.compile(r"[a-z]+|\d+")
# A run of exactly four digits starting with 19 or 20 (a year token of _TOKEN). It starts with
# literal digits, so the regex engine skips to them; the look-behind comes after for that reason.
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d(?!\d)(?<!\d\d\d\d\d)")


class _Gates:
    """Which of a sentence's time patterns can match, from cheap tests: a year token, the word
    "since", a day word, and where the opener pattern can first match (-1: nowhere). On text
    that lower() folds exactly, a word of the patterns is a substring of the lower-cased
    sentence, so a substring test passes wherever the word test of the sentence's tokens did.
    There `targets` lists every place a year, month or period word starts after a space or
    hyphen (None from the token test), and `ranges` and `parts` add the literal words of the
    year range and part-of-year patterns to the year test."""

    __slots__ = ("days", "has_year", "opener_from", "parts", "ranges", "since", "targets")

    def __init__(
        self,
        *,
        has_year: bool,
        since: bool,
        days: bool,
        opener_from: int,
        targets: list[int] | None = None,
        ranges: bool | None = None,
        parts: bool | None = None,
    ) -> None:
        self.has_year = has_year
        self.since = since
        self.days = days
        self.opener_from = opener_from
        self.targets = targets
        self.ranges = has_year if ranges is None else ranges
        self.parts = has_year if parts is None else parts


# A year's digits anywhere: looser than a year token, so it passes wherever one is.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
# Literals every match of a pattern holds (lower-cased, for may_contain on prefilter_text).
RANGE_WORDS = ("between", "from")
PART_WORDS = ("half", "quarter")
FUTURE_WORDS = (
    "will",
    "shall",
    "is to",
    "are to",
    "plan",
    "due",
    "expected",
    "scheduled",
    "set to",
    "going",
    "intend",
)


def has_year_digits(lowered: str, start: int, end: int) -> bool:
    """Whether _YEAR_DIGITS matches in lowered[start:end], by str.find of its two literal
    starts (`\\d` is str.isdecimal): the regex engine tested every character for a "1" or "2"."""
    # A match is four characters: its prefix ends by end - 2 (a bound below the window's start
    # would count from the end of the string, as in a slice).
    last = end - 2
    if last - start < 2:
        return False
    for prefix in YEAR_PREFIXES:
        at = lowered.find(prefix, start, last)
        while at >= 0:
            if lowered[at + 2].isdecimal() and lowered[at + 3].isdecimal():
                return True
            at = lowered.find(prefix, at + 1, last)
    return False


YEAR_PREFIXES = ("19", "20")


def _is_word(char: str) -> bool:
    """Whether the regex engine counts `char` as a word character (\\w)."""
    return char.isalnum() or char == "_"


def _inside(taken: list[tuple[int, int]], at: int) -> bool:
    # A loop, not any(...): mypyc compiles it without a generator object.
    for first, last in taken:  # noqa: SIM110
        if first <= at < last:
            return True
    return False


def _prefix_tree(leaves: list[tuple[str, str]]) -> str:
    """An alternation of literal words, each followed by its own pattern, as a tree of common
    prefixes: "ma(?:y|r(?:ch)?)". It matches what the flat alternation of the same words does
    wherever a non-word character must follow (the longer word first)."""
    tree: dict[str, object] = {}
    for word, tail in leaves:
        node = tree
        for char in word:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[""] = tail
    return _branches(tree)


def _branches(node: dict[str, object]) -> str:
    alternatives: list[str] = []
    for char in sorted(key for key in node if key):
        child = node[char]
        assert isinstance(child, dict)
        alternatives.append(re.escape(char) + _branches(child))
    tail = node.get("")
    if isinstance(tail, str):
        alternatives.append(tail)  # the word ends here: after its longer words
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


# The day words the day pattern opens with; a weekday follows "on" and whitespace.
_RELATIVE_DAYS = ("yesterday", "today", "tonight")


def _on_before(text: str, lowered: str, start: int, at: int) -> int:
    """Where an "on" followed by whitespace up to `at` starts (-1: none): the only place an
    `on\\s+` ending at `at` can start, as the whitespace run before `at` is all it can hold."""
    before = at
    while before > start and text[before - 1].isspace():
        before -= 1
    if before == at or before - 2 < start or not lowered.startswith("on", before - 2):
        return -1
    return before - 2


def _position(pair: tuple[TimeRef, int]) -> int:
    return pair[1]


def _year_ranges(text: str, start: int, end: int, lowered: str | None) -> list[tuple[TimeRef, int]]:
    """ "between 2019 and 2021"; `lowered` is the document's prefilter_text."""
    found: list[tuple[TimeRef, int]] = []
    if lowered is None:
        matches = list(_YEAR_RANGE.finditer(text, start, end))
    else:
        # Every match opens with one of RANGE_WORDS: only those places are tried.
        places = sorted(word_places(lowered, RANGE_WORDS, start, end))
        matches = matches_at(_YEAR_RANGE, text, places, start, end)
    for match in matches:
        first, last = int(match.group("first")), int(match.group("last"))
        if first <= last:
            ref = TimeRef(text=match.group(0), start=date(first, 1, 1), end=date(last, 12, 31))
            found.append((ref, match.start()))
    return found


def _part_of_year(match: re.Match[str]) -> TimeRef:
    """ "the first half of 2024" is January to June; "the third quarter" July to September."""
    year, months = int(match.group("year")), 6 if match.group("part").lower() == "half" else 3
    count = 12 // months
    index = _ORDINALS.get(match.group("ordinal").lower(), count)
    first_month = (index - 1) * months + 1
    last_month = first_month + months - 1
    return TimeRef(
        text=match.group(0),
        start=date(year, first_month, 1),
        end=date(year, last_month, calendar.monthrange(year, last_month)[1]),
    )


def _year_of_month(month: int, published: date | None, future: bool) -> int | None:
    """A month named without a year is the latest such month not after publication, or, in a
    sentence about the future ("will deliver in March"), the next one from publication on."""
    if published is None:
        return None
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _relative(unit: str, which: str, published: date) -> tuple[date, date]:
    if unit == "year":
        year = published.year - (1 if which == "last" else 0)
        return date(year, 1, 1), date(year, 12, 31)
    if unit == "month":
        first = published.replace(day=1)
        if which == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        return _month_range(first.year, first.month)
    monday = published - timedelta(days=published.weekday())
    if which == "last":
        monday -= timedelta(days=7)
    return monday, monday + timedelta(days=6)


def _narrow(opener: str, period: tuple[date, date]) -> tuple[date, date]:
    """ "late November" is its last ten days, "mid-September" its middle, "early" its start."""
    first, last = period
    if (last - first).days < 27 or opener not in ("late", "early", "mid", "end", "start"):
        return first, last
    if (last - first).days > 300:
        return _narrow_year(opener, first.year)
    if opener in ("late", "end"):
        return last - timedelta(days=9), last
    if opener in ("early", "start"):
        return first, first + timedelta(days=9)
    return first + timedelta(days=10), first + timedelta(days=19)


def _narrow_year(opener: str, year: int) -> tuple[date, date]:
    """ "late 2021" is its last four months, "early 2023" its first four, "mid-2022" May to
    August; "the end of 2024" is December, "the start of 2023" January."""
    if opener == "late":
        return date(year, 9, 1), date(year, 12, 31)
    if opener == "end":
        return date(year, 12, 1), date(year, 12, 31)
    if opener == "early":
        return date(year, 1, 1), date(year, 4, 30)
    if opener == "start":
        return date(year, 1, 1), date(year, 1, 31)
    return date(year, 5, 1), date(year, 8, 31)
