"""Amounts: numbers in digits and words, qualifiers as bounds, units, currencies and rates.

A number joined to a calibre or weight ("155mm shells", "500kg bombs") describes the item and is
never a Quantity; neither are years, dates and ages. An amount only becomes a claim's quantity
when it stands right before the item it counts (see attach in direction.py).
"""

from __future__ import annotations

import bisect
import re

from armsledger.domain.core import Quantity
from armsledger.extract.lookup import (
    LETTER_SCALES,
    NUMBERS,
    Automaton,
    amount_anchor_entries,
    may_contain,
    prefilter_text,
)
from armsledger.lexicon import AmountWords

# Compiled at import: these run on hot paths, once per sentence or item.
# Capitals right before a number make it a type number: "ASC 890", "PAC 3".
_TRAILING_ACRONYM = re.compile(r"\b[A-Z]{2,}[ -]?$")
# The scale words of a number: "million", "billion".
_LOWERCASE_WORD = re.compile(r"[a-z]+")
_LEADING_OR_MORE = re.compile(r"\s+or more\b")
_LEADING_OF = re.compile(r"\s+of\b")
# "7.62x39mm", "12.7×108mm": a cartridge named by bore and case length describes the round.
_CALIBRE_PAIR = re.compile(r"\s?[x×]\s?\d+(?:\.\d+)?\s?mm\b", re.IGNORECASE)

_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_LETTER_SCALES = LETTER_SCALES


class Amount:
    """An amount found in a sentence; `end` includes its unit noun when it has one.

    Immutable by convention: a plain slotted class instead of a frozen dataclass, because mypyc
    compiles its hand-written `__init__` and not the one `dataclasses` generates (see Hit in
    lookup.py and docs/performance.md). Equality and hash are the dataclass's (all fields).
    """

    __slots__ = ("end", "has_unit", "is_money", "quantity", "start")

    def __init__(
        self, *, start: int, end: int, quantity: Quantity, has_unit: bool, is_money: bool
    ) -> None:
        self.start = start
        self.end = end
        self.quantity = quantity
        self.has_unit = has_unit  # counts containers, trains, tonnes...: the item follows "of"
        self.is_money = is_money

    def _key(self) -> tuple[int, int, Quantity, bool, bool]:
        return (self.start, self.end, self.quantity, self.has_unit, self.is_money)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Amount) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Amount(start={self.start!r}, end={self.end!r}, quantity={self.quantity!r}, "
            f"has_unit={self.has_unit!r}, is_money={self.is_money!r})"
        )


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _ahead(words: list[str]) -> str:
    """A look-ahead for the first characters of `words`, put before their alternation: under
    IGNORECASE each branch of an alternation is entered in turn (no quick first-character
    skip as for case-sensitive literals), while one class test rejects most places. A class
    matches a character exactly as its literal does (the same case folding), so no match is
    lost or gained."""
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(sorted({re.escape(word[0]) for word in words})) + "])"


def _guarded(words: list[str]) -> str:
    """The alternation of `words` as a group behind the look-ahead of their first characters."""
    return f"{_ahead(words)}(?:{_alternation(words)})"


class AmountReader:
    """Compiled from numbers.yaml once per extractor. `automaton`, when given, is the document
    automaton (lookup.document_automaton of the same lexicons): its NUMBERS group holds the
    number words, and the pass it makes over each document for the analyser serves here too."""

    def __init__(self, words: AmountWords, automaton: Automaton | None = None) -> None:
        self.words = words
        number_words = [w for w in words.words if w not in ("a", "an")]
        scales = [s for s in words.scales if s not in _LETTER_SCALES]
        qualifier = _alternation(list(words.qualifiers))
        # The qualifiers and symbols behind a look-ahead (see _ahead): tried at every anchor.
        qualified = rf"(?:\b{_ahead(list(words.qualifiers))}(?P<qual>{qualifier})\s+)?"
        symbol = _alternation(list(words.currency_symbols))
        symbols = list(words.currency_symbols)
        self._number = re.compile(
            rf"{qualified}(?:{_ahead(symbols)}(?P<sym>{symbol})\s?)?"
            rf"(?P<num>(?<![\w.,/-]){_NUMERAL}|\b{_guarded(number_words)}(?:-\w+)?"
            rf"|\ban?(?=\s+(?:{_alternation(scales)})))"
            rf"(?P<scale>(?:[\s-]+{_guarded(scales)}\b)*)"
            rf"(?P<letter>{_guarded(list(_LETTER_SCALES))}\b)?",
            re.IGNORECASE,
        )
        # A digit not continuing a word or number. The digit comes first and the look-behind
        # after it, so the regex engine skips to digits instead of testing every position.
        self._digit = re.compile(r"\d(?<![\w.,/-]\d)")
        self._qual_before = re.compile(rf"\b(?:{qualifier})\s+$", re.IGNORECASE)
        # What a window must end with (spaces aside) for _qual_before to match in it: a cheap
        # test first (exact only for ASCII qualifiers; see _qualifier_before).
        self._qualifier_ends = tuple(q.lower() for q in words.qualifiers)
        self._ascii_qualifiers = all(q.isascii() for q in words.qualifiers)
        self._sym_before = re.compile(rf"(?:{symbol})\s?$")
        # The last characters of the symbols: _sym_before needs one right before the number,
        # or before the one space in between.
        self._symbol_ends = frozenset(sym[-1] for sym in words.currency_symbols)
        # Number words are found by Aho-Corasick, digits by one character class: the full
        # amount grammar then runs only where an amount can start. A second automaton pass
        # over each document cost as much as the document automaton's: its group is read.
        if automaton is None:
            self._words, self._group = Automaton(amount_anchor_entries(words)), 0
        else:
            self._words, self._group = automaton, NUMBERS
        vague = list(words.vague)
        self._vague = re.compile(
            rf"{qualified}\b{_ahead(vague)}(?P<vague>{_alternation(vague)})\b", re.IGNORECASE
        )
        scale_words = rf"(?:\s+{_guarded(scales)}\b)*"
        self._scale_words = tuple(scale.lower() for scale in scales)
        # "between 4 million and 6 million", "between 4 and 6 million", "2,000 to 2,500".
        self._range = re.compile(
            rf"\b(?:between\s+(?P<low>{_NUMERAL})(?P<lscale>{scale_words})\s+and\s+"
            rf"(?P<high>{_NUMERAL})"
            rf"|(?P<low2>{_NUMERAL})(?P<lscale2>{scale_words})\s*(?:to|-|–)\s*(?P<high2>{_NUMERAL}))"
            rf"(?P<scale>{scale_words})",
            re.IGNORECASE,
        )
        self._unit = re.compile(rf"\s*(?P<unit>{_alternation(list(words.units))})(?!\w)", re.I)
        self._currency_word = re.compile(
            rf"\s+(?P<cur>{_alternation(list(words.currency_words))})\b", re.IGNORECASE
        )
        # How a unit or currency word can begin: each pattern runs only after such a start.
        self._unit_starts = _Starts(list(words.units))
        self._currency_starts = _Starts(list(words.currency_words))
        self._descriptor = re.compile(
            rf"\s?-?\s?(?:{_alternation(list(words.descriptor_units))})(?![a-z])", re.IGNORECASE
        )
        # The first letters of the descriptor units (leading hyphens aside): see _may_describe.
        self._descriptor_initials = frozenset(
            unit.lstrip("-")[:1].lower() for unit in words.descriptor_units
        )
        # Not guarded by a look-ahead (see _ahead), nor are _descriptor, _unit and
        # _currency_word: they run after literal tests, and tests generate strings from them.
        rates = f"(?P<rate>{_alternation(list(words.rates))})"
        # "250,000 shells a month", "$3 billion of arms annually"; not "a year ago", and not a
        # rate beyond a preposition that starts another phrase ("sent to Kyiv every week").
        self._rate = re.compile(
            r"^(?:\s+(?!(?:to|in|from|by|for|since|after|before|last|this|next)\b)[\w-]+){0,2}"
            rf"\s+{rates}\b(?!\s+(?:ago|earlier|later))",
            re.IGNORECASE,
        )
        # A rate that ends the clause belongs to its amount even beyond the recipient ("100,000
        # shells to Russia each month", "$3.8 billion in military aid every year"). Words with
        # digits or conjunctions stop it: a rate after them belongs to another amount or clause.
        # Every rate holds its last word: neither rate pattern runs without one (lower-cased).
        self._rate_words = tuple(sorted({term.split()[-1].lower() for term in words.rates}))
        # The document last read, with its anchors and prefilter_text (see _document).
        self._last: _Document | None = None
        self._clause_rate = re.compile(
            r"^(?:\s+(?!(?:and|or|but|while|which|that|who|as|than|after|before|since)\b)"
            r"[^\W\d][\w'’-]*){1,8}?"
            rf"\s+{rates}"
            r"(?=\s*(?:[.,;:!?)\"”—–]|$)|\s+(?:since|until|under|according)\b)",
            re.IGNORECASE,
        )

    def may_contain(self, text: str, folded: str, start: int, end: int) -> bool:
        """A cheap test before the full grammar: a digit or a number word."""
        if self._digit.search(text, start, end):
            return True
        hits = self._words.hits(text, folded, start, end, self._group)
        return next(iter(hits), None) is not None

    def find(self, text: str, folded: str, start: int, end: int) -> list[Amount]:
        """Every amount in text[start:end], ranges and vague amounts included."""
        anchors = self._document(text, folded).anchors(self._digit, start, end)
        found: list[Amount] = []
        covered = start
        for position, kind in sorted(anchors):
            if position < covered:
                continue
            amount = self._amount_at(text, position, kind, start, end)
            if amount is not None:
                found.append(amount)
                covered = amount.end
        return _part_of_whole(text, found) if len(found) > 1 else found

    def _amount_at(
        self, text: str, position: int, kind: str, start: int, end: int
    ) -> Amount | None:
        if kind == "between" or (kind == "digit" and self._may_range(text, position, end)):
            ranged = self._range.match(text, position, end)
            if ranged:
                return self._range_amount(text, ranged, end)
            if kind == "between":
                return None
        head = position
        symbol = (
            self._sym_before.search(text, max(start, position - 5), position)
            if self._may_follow_symbol(text, position, start)
            else None
        )
        if symbol and kind == "digit":
            head = symbol.start()
        qualifier = self._qualifier_before(text, max(start, head - 30), head)
        if qualifier:
            head = qualifier.start()
        if kind == "vague":
            vague = self._vague.match(text, head, end)
            return self._vague_amount(text, vague, end) if vague else None
        match = self._number.match(text, head, end)
        if match is None or match.end("num") <= position:
            return None
        return self._number_amount(text, match, start, end)

    def _may_range(self, text: str, position: int, end: int) -> bool:
        """Whether _range may match at a digit: its low number ends where the run of digits,
        commas and points does (a character of the run cannot follow it), and then come "to",
        a dash, or spaces and a scale word (see _may_scale). After "to" or a dash, spaces
        aside, comes the high number's first digit."""
        at = position
        while at < end and (text[at].isdecimal() or text[at] == "," or text[at] == "."):
            at += 1
        run = at
        while at < end and text[at].isspace():
            at += 1
        if at >= end:
            return False
        char = text[at]
        if char in _RANGE_MARKS and _digit_after_mark(text, at, end):
            return True
        return at > run and self._may_scale(text, at)

    def _may_scale(self, text: str, at: int) -> bool:
        """Whether a scale word may start at `at`: one of them, lower-cased, is there (text
        that is not ASCII always may: case-insensitive matching pairs "ſ" with "s"). The first
        letter decides for most places; a slice only where a scale word starts with it."""
        initial = text[at]
        if not initial.isascii():
            return True
        initial = initial.lower()
        for scale in self._scale_words:
            if scale.startswith(initial):
                piece = text[at : at + len(scale)]
                if not piece.isascii() or piece.lower() == scale:
                    return True
        return False

    def _may_follow_symbol(self, text: str, position: int, start: int) -> bool:
        """Whether _sym_before may match right before `position`: a symbol ends there, or one
        whitespace character before it."""
        before = position - 1
        if before < start:
            return False
        if text[before] in self._symbol_ends:
            return True
        return before > start and text[before].isspace() and text[before - 1] in self._symbol_ends

    def _qualifier_before(self, text: str, window: int, head: int) -> re.Match[str] | None:
        """_qual_before.search(text, window, head) without a search: a match is a qualifier that
        ends the window, spaces stripped, so it can start only where one of the qualifiers it
        ends with starts; the leftmost of those that matches is what the search finds."""
        if not self._ascii_qualifiers:
            return self._qual_before.search(text, window, head)
        # The document's prefilter_text, read up to the window's end without its spaces (as
        # rstrip): no slice and no lower-casing per window. Its ASCII letters are those of the
        # window lower-cased on its own (only a sigma's case depends on what surrounds it).
        lowered = self._lowered_document(text)
        if lowered is None:
            return self._qual_before.search(text, window, head)
        stop = head
        while stop > window and text[stop - 1].isspace():
            stop -= 1
        if not lowered.endswith(self._qualifier_ends, window, stop):
            return None  # one call over the tuple first: most windows end with none
        tail = lowered[window:stop]  # one slice: endswith without bounds compiles natively
        starts: list[int] = []
        for qualifier in self._qualifier_ends:
            if tail.endswith(qualifier):
                starts.append(stop - len(qualifier))
        for at in sorted(starts):
            match = self._qual_before.match(text, at, head)
            if match is not None:
                return match
        return None

    def _number_amount(
        self, text: str, match: re.Match[str], start: int, end: int
    ) -> Amount | None:
        # The groups at once: each match.group call is a method call.
        parts = _NumberParts(match)
        stop = match.end()
        if not parts.sym and self._describes(text, stop, end):
            return None  # "155mm", "500kg bomb", "50-year-old": describes, never counts
        if _is_year_or_date(text, parts, start) or _is_age(text, parts, start):
            return None
        unit = self._unit_at(text, stop, end)
        after_unit = unit.end() if unit else stop
        if _of_next(text, after_unit) and (
            _CAPACITY.match(text, after_unit) or _SURVEYED.match(text, after_unit)
        ):
            return None  # "at 30% of capacity", "64% of Serbians": output or opinion, not goods
        value = self._value(parts.num, parts.scale, parts.letter)
        if value is None:
            return None
        currency = self.words.currency_symbols.get(parts.sym or "")
        if parts.letter and not currency:
            return None  # "500m" without a currency is a distance
        return self._finish(text, parts.start, stop, value, parts.qual, currency, end, unit)

    def _describes(self, text: str, position: int, end: int) -> bool:
        """A descriptor unit or calibre pair right after the number, unless it is a unit that
        "of" follows; each pattern only after a cheap test of the characters it starts with."""
        describes = (
            self._may_describe(text, position, end)
            and self._descriptor.match(text, position, end) is not None
        ) or (
            _may_be_calibre(text, position, end)
            and _CALIBRE_PAIR.match(text, position, end) is not None
        )
        return describes and not self._unit_then_of(text, position, end)

    def _may_describe(self, text: str, position: int, end: int) -> bool:
        """Whether _descriptor may match at `position`: after at most four spaces and hyphens
        (\\s?-?\\s? and a unit's own hyphen) comes a unit's first letter, lower-cased; a
        character that is not ASCII always passes (case-insensitive matching pairs some)."""
        at, stop = position, min(end, position + 4)
        while at < stop and (text[at].isspace() or text[at] == "-"):
            at += 1
        if at >= end:
            return False
        char = text[at]
        return not char.isascii() or char.lower() in self._descriptor_initials

    def _unit_at(self, text: str, position: int, end: int) -> re.Match[str] | None:
        """The unit right after `position`, tried only where one can start."""
        if not self._unit_starts.may_start(text, _after_spaces(text, position, end)):
            return None
        return self._unit.match(text, position, end)

    def _unit_then_of(self, text: str, position: int, end: int) -> bool:
        unit = self._unit_at(text, position, end)
        return bool(unit and _LEADING_OF.match(text[unit.end() : unit.end() + 4]))

    def _value(self, digits: str, scale_text: str, letter: str | None) -> float | None:
        key = digits.lower()
        if key[:1].isdigit():
            value = float(key.replace(",", ""))
        elif key in ("a", "an"):
            value = 1.0
        else:
            parts = [self.words.words.get(part) for part in key.split("-")]
            if any(part is None for part in parts):
                return None
            value = float(sum(part for part in parts if part is not None))
        stated = value
        for scale in _LOWERCASE_WORD.findall((scale_text or "").lower()):
            value *= self.words.scales.get(scale, 1.0)
        if letter:
            value *= self.words.scales.get(letter.lower(), 1.0)
        # "€8.3 billion" is 8,300,000,000, not the float product's 8300000000.000001.
        return value if value == stated else _without_float_noise(value)

    def _finish(
        self,
        text: str,
        start: int,
        stop: int,
        value: float,
        qualifier: str | None,
        currency: str | None,
        end: int,
        unit_after: re.Match[str] | None = None,
    ) -> Amount:
        """`unit_after` is the unit at `stop` when the caller has looked it up already."""
        bound = self.words.qualifiers.get((qualifier or "").lower(), "exact")
        # "or more" within the next nine characters, as the match on them needs.
        or_more = (
            _LEADING_OR_MORE.match(text[stop : stop + 9])
            if text.find("or more", stop, stop + 9) >= 0
            else None
        )
        if or_more:
            bound, stop = ("low" if bound == "exact" else bound), stop + or_more.end()
        unit, unit_end = "item", stop
        after = _after_spaces(text, stop, end)
        word = (
            self._currency_word.match(text, stop, end)
            if after > stop and self._currency_starts.may_start(text, after)
            else None
        )
        unit_match = (
            unit_after if unit_after is not None and not or_more else self._unit_at(text, stop, end)
        )
        if currency is None and word:
            currency, unit_end = self.words.currency_words[word.group("cur").lower()], word.end()
        elif currency is None and unit_match:
            unit, unit_end = self.words.units[unit_match.group("unit").lower()], unit_match.end()
        quantity = Quantity(
            value=value,
            low=value if bound in ("exact", "low") else None,
            high=value if bound in ("exact", "high") else None,
            unit=currency or unit,
            per=self._rate_after(text, unit_end, end),
            text=text[start:unit_end],
        )
        return Amount(
            start=start,
            end=unit_end,
            quantity=quantity,
            has_unit=unit != "item" and currency is None,
            is_money=currency is not None,
        )

    def _rate_after(self, text: str, position: int, end: int) -> str | None:
        # Both rate patterns end with a rate word before `end`: most amounts have none.
        if not may_contain(self._lowered_document(text), self._rate_words, position, end):
            return None
        rate = self._rate.match(text[position : min(end, position + 40)])
        if rate is None:
            rate = self._clause_rate_at(text, position, end)
        return self.words.rates[rate.group("rate").lower()] if rate else None

    def _document(self, text: str, folded: str) -> _Document:
        """What find needs of the whole document, read once: its sentences come in turn."""
        if self._last is None or self._last.text is not text:
            self._last = _Document(self, text, folded)
        return self._last

    def _lowered_document(self, text: str) -> str | None:
        """prefilter_text of the document (find has read it before asking)."""
        if self._last is None or self._last.text is not text:
            return prefilter_text(text)
        return self._last.lowered

    def _clause_rate_at(self, text: str, position: int, end: int) -> re.Match[str] | None:
        rate = self._clause_rate.match(text[position:end])
        if rate and _DURATION_BEFORE.search(
            rate.string[max(0, rate.start("rate") - 8) : rate.start("rate")]
        ):
            return None  # "in a year", "for a month": how long, not how often
        return rate

    def _vague_amount(self, text: str, match: re.Match[str], end: int) -> Amount:
        low, high = self.words.vague[match.group("vague").lower()]
        return self._bounds_only(text, match, end, low, high)

    def _bounds_only(
        self, text: str, match: re.Match[str], end: int, low: float | None, high: float | None
    ) -> Amount:
        """An amount stated only by its bounds ("several hundred", "between 20 and 30"): the unit
        and rate come from the words after it, the value stays unknown."""
        amount = self._finish(text, match.start(), match.end(), 0.0, None, None, end)
        quantity = Quantity(
            value=None,
            low=low,
            high=high,
            unit=amount.quantity.unit,
            per=amount.quantity.per,
            text=amount.quantity.text,
        )
        return Amount(
            start=amount.start,
            end=amount.end,
            quantity=quantity,
            has_unit=amount.has_unit,
            is_money=amount.is_money,  # "hundreds of millions of dollars" is money
        )

    def _range_amount(self, text: str, match: re.Match[str], end: int) -> Amount | None:
        low_text = match.group("low") or match.group("low2")
        high_text = match.group("high") or match.group("high2")
        if _YEAR.fullmatch(low_text) or _YEAR.fullmatch(high_text):
            return None  # "2022-2023" is a period
        # A scale on the low end is its own; without one it shares the high end's.
        low_scale = match.group("lscale") or match.group("lscale2") or match.group("scale")
        low = self._value(low_text, low_scale, None)
        high = self._value(high_text, match.group("scale"), None)
        return self._bounds_only(text, match, end, low, high)


DATE_BEFORE_WORDS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
DATE_BEFORE_PREPOSITIONS = ("in", "since", "by", "until", "from", "during")


# "the first 38 of 108 tanks", "four of the six jets": the part counts, the whole is the order.
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?")


def _part_of_whole(text: str, found: list[Amount]) -> list[Amount]:
    """Join "N of M" into one amount that counts N of M's unit and ends where M ends, so the
    part, not the whole, attaches to the item right after it."""
    joined: list[Amount] = []
    for amount in found:
        part = joined[-1] if joined else None
        if part is None or not _counts_part(text, part, amount):
            joined.append(amount)
            continue
        quantity = Quantity(
            value=part.quantity.value,
            low=part.quantity.low,
            high=part.quantity.high,
            unit=amount.quantity.unit,
            per=amount.quantity.per,
            text=text[part.start : amount.end],
        )
        joined[-1] = Amount(
            start=part.start,
            end=amount.end,
            quantity=quantity,
            has_unit=amount.has_unit,
            is_money=False,
        )
    return joined


def _counts_part(text: str, part: Amount, whole: Amount) -> bool:
    if part.is_money or whole.is_money or part.has_unit or part.quantity.unit != "item":
        return False
    gap = _PART_OF.match(text, part.end)
    return gap is not None and gap.end() == whole.start


# The word before a rate that makes it a duration: "delivered 300 tanks in a year".
_DURATION_BEFORE = re.compile(r"\b(?:in|for|within|over|under|about|than)\s+$", re.IGNORECASE)
_DATE_BEFORE = re.compile(
    rf"(?:{'|'.join(DATE_BEFORE_WORDS)})\.?\s*$|(?:{'|'.join(DATE_BEFORE_PREPOSITIONS)})\s+$",
    re.IGNORECASE,
)
# "as of 14 March" is a date, but "the delivery of 14 tanks" counts: after "of" a number is a
# day only when a month follows it.
_OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.IGNORECASE,
)


# "Kim, 40, has": a small number set off by commas after a name is the person's age.
_AGE_BEFORE = re.compile(r"[A-Z][\w.’'-]*,\s*$")
# "64% of Serbians", "a third of voters": a share of people polled.
_SURVEYED = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+(?:ans|is)|respondents|voters|people|citizens|residents|"
    r"those\s+polled|the\s+public|population)\b"
)
_CAPACITY = re.compile(r"\s+of\s+(?:its\s+|their\s+|the\s+|full\s+|production\s+)*capacity\b")
# What _CAPACITY and _SURVEYED both start with: one cheap match before the two.
_OF_NEXT = re.compile(r"\s+of\s")


def _after_spaces(text: str, position: int, end: int) -> int:
    """The first offset from `position` (up to `end`) that is not whitespace (as regex \\s)."""
    while position < end and text[position].isspace():
        position += 1
    return position


class _Starts:
    """The first two characters (lower-cased) that words of a case-insensitive pattern can
    begin with: a word can start at an offset only where these do. Text that is not ASCII there
    always passes (case-insensitive matching pairs some non-ASCII letters with ASCII ones)."""

    __slots__ = ("ones", "twos")

    def __init__(self, words: list[str]) -> None:
        self.twos = frozenset(word[:2].lower() for word in words if len(word) >= 2)
        self.ones = frozenset(word.lower() for word in words if len(word) == 1)

    def may_start(self, text: str, position: int) -> bool:
        pair = text[position : position + 2]
        if not pair.isascii():
            return True
        lowered = pair.lower()
        return lowered in self.twos or lowered[:1] in self.ones


class _Document:
    """Where amounts can start in a whole document: the number words, found in one pass instead
    of one per sentence, the digit anchors of an ASCII document by str.find (see
    _ascii_digit_anchors; None: each sentence asks the digit pattern), and the document's
    prefilter_text for the literal tests."""

    __slots__ = ("digits", "lowered", "text", "words")

    def __init__(self, reader: AmountReader, text: str, folded: str) -> None:
        self.text = text
        # An ASCII text folds as prefilter_text lower-cases it (the typographic marks fold
        # alone, and none is ASCII): the analyser's folded text, not a second lower().
        self.lowered = folded if text.isascii() else prefilter_text(text)
        self.digits = _ascii_digit_anchors(text) if text.isascii() else None
        # (start, end, kind) of each number word: Automaton.hits keeps a hit of a range when
        # it starts and ends in it.
        hits = reader._words.hits(text, folded, group=reader._group)
        self.words = [(hit.start, hit.end, hit.kind) for hit in hits]

    def anchors(self, digit: re.Pattern[str], start: int, end: int) -> list[tuple[int, str]]:
        """The anchors of text[start:end], digits first, as the per-sentence passes gave. A
        digit anchor's look-behind reads the text before `start` too, so the pattern finds in
        a sentence the document's anchors that lie in it."""
        found: list[tuple[int, str]] = []
        digits = self.digits
        if digits is None:
            for match in digit.finditer(self.text, start, end):
                found.append((match.start(), "digit"))
        else:
            at = bisect.bisect_left(digits, start)
            while at < len(digits) and digits[at] < end:
                found.append((digits[at], "digit"))
                at += 1
        for first, last, kind in self.words:
            if first >= start and last <= end:
                found.append((first, kind))
        return found


_ASCII_DIGITS = "0123456789"


def _ascii_digit_anchors(text: str) -> list[int]:
    """Where AmountReader._digit matches in ASCII text, in order: a digit whose character before
    is no word character (ASCII: a letter, digit or "_") nor ".", ",", "/", "-". One str.find
    loop per digit (memchr speed) instead of the regex engine testing every character."""
    found: list[int] = []
    for digit in _ASCII_DIGITS:
        at = text.find(digit)
        while at >= 0:
            if at == 0 or _opens_number(text[at - 1]):
                found.append(at)
            at = text.find(digit, at + 1)
    found.sort()
    return found


def _opens_number(before: str) -> bool:
    """Whether a digit after the ASCII character `before` starts a number (see _digit)."""
    return not (before.isalnum() or before in "_.,/-")


class _NumberParts:
    """The groups of a match of the number pattern, read once."""

    __slots__ = ("end", "letter", "num", "qual", "scale", "start", "sym")

    def __init__(self, match: re.Match[str]) -> None:
        groups = match.group("qual", "sym", "num", "scale", "letter")
        self.qual: str | None = groups[0]
        self.sym: str | None = groups[1]
        self.num: str = groups[2]
        self.scale: str = groups[3] or ""  # the group always takes part: "" when empty
        self.letter: str | None = groups[4]
        self.start = match.start()
        self.end = match.end()


def _of_next(text: str, position: int) -> bool:
    """_OF_NEXT.match(text, position) as string tests: spaces, "of", a space."""
    at = position
    size = len(text)
    while at < size and text[at].isspace():
        at += 1
    return at > position and text.startswith("of", at) and text[at + 2 : at + 3].isspace()


def _may_be_calibre(text: str, position: int, end: int) -> bool:
    """Whether _CALIBRE_PAIR may match at `position`: its "x" or "×" comes first, or after one
    whitespace character."""
    at = position
    if at < end and text[at].isspace():
        at += 1
    return at < end and text[at] in _CALIBRE_MARKS


def _digit_after_mark(text: str, at: int, end: int) -> bool:
    r"""Whether "to" (any case) or a dash at `at` is followed, spaces aside, by a digit before
    `end`: the high number of a range in figures (\s*(?:to|-|–)\s*\d)."""
    if text[at] == "t" or text[at] == "T":
        at += 1
        if at >= end or (text[at] != "o" and text[at] != "O"):
            return False
    at += 1
    while at < end and text[at].isspace():
        at += 1
    return at < end and text[at].isdecimal()


_CALIBRE_MARKS = frozenset("xX×")
# What follows the low number of a range in figures: "to" (any case), a hyphen, an en dash.
_RANGE_MARKS = frozenset("tT-–")


def _is_age(text: str, parts: _NumberParts, start: int) -> bool:
    if parts.sym or parts.qual or parts.scale:
        return False
    digits = parts.num
    if not digits.isdigit() or int(digits) > 120:
        return False
    if text[parts.end : parts.end + 1] != ",":
        return False  # tested first: cheaper than the search before the number
    before = text[max(start, parts.start - 30) : parts.start]
    return bool(_AGE_BEFORE.search(before))


def _is_year_or_date(text: str, parts: _NumberParts, start: int) -> bool:
    if parts.sym or parts.qual:
        return False
    digits = parts.num
    before = text[max(start, parts.start - 12) : parts.start]
    if _YEAR.fullmatch(digits):
        return True  # a bare four-digit 19xx/20xx number is a year, never a count
    if _TRAILING_ACRONYM.search(before):
        return True  # "ASC 890", "Patriot PAC 3": a type number, not a count
    if not digits[:1].isdigit() or "," in digits:
        return False
    if _OF_BEFORE.search(before):
        return bool(_MONTH_AFTER.match(text, parts.end))
    return _may_end_with_date_word(before) and bool(_DATE_BEFORE.search(before))


def _may_end_with_date_word(before: str) -> bool:
    """Whether _DATE_BEFORE may match: `before`, trailing spaces and one full stop stripped,
    ends with one of its words or prepositions (lower-cased as prefilter_text does)."""
    lowered = prefilter_text(before.rstrip())
    if lowered is None:
        return True
    return lowered.removesuffix(".").endswith(DATE_BEFORE_WORDS + DATE_BEFORE_PREPOSITIONS)


def _without_float_noise(value: float) -> float:
    """A scaled figure at the twelve significant digits no news figure exceeds."""
    return float(f"{value:.12g}")
