"""The cheap tests that decide which time patterns run on a sentence (TimeReader._gates) never
skip a pattern that matches: each property fails if a gate is too tight."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import check_prefilter_passes_matches

from armsledger.domain.core import TimeRef
from armsledger.extract.lookup import prefilter_text
from armsledger.extract.time import (
    _AFTER_SPEECH,
    _FUTURE,
    _OPEN_START,
    _PART_OF_YEAR,
    _YEAR_RANGE,
    FUTURE_WORDS,
    PART_WORDS,
    RANGE_WORDS,
    TimeReader,
)
from armsledger.lexicon import Lexicons

# Pieces of sentences around the gated words: openers, months, units, years, the words that
# look like them ("mayor", "20230"), spaces, hyphens, "the", and the letters lower() cannot fold.
_PIECES = [
    " ",
    "  ",
    "\n",
    "-",
    " - ",
    "the ",
    "The",
    "THE ",
    ".",
    ",",
    "(",
    "2023",
    "1999",
    "20230",
    "19",
    "mayor",
    "today",
    "Today",
    "on Monday",
    "since the start of the war",
    "between 2019 and 2021",
    "in the first half of 2024",
    "\u0131",
    "\u017f",
    "\u0130",
    "\u212a",
    "x",
    "said ",
    "will ",
    "plans to ",
    "is due ",
    "Expected to ",
    "from 2020 to 2022",
    "FROM ",
    "Between ",
    " and ",
    "the third quarter of 2023",
    "Half",
    "yesterday",
    "Tonight",
    "holiday",
    "   ",
    "Today, ",
    "(day",
    "(May",
]


def _pieces(lexicons: Lexicons) -> st.SearchStrategy[str]:
    times = lexicons.times
    words = [*times.openers, *times.months, *times.relative_units, *times.weekdays]
    cased = [w.capitalize() for w in words] + [w.upper() for w in words]
    return st.sampled_from(sorted(set(_PIECES + words + cased)))


def _texts(lexicons: Lexicons) -> st.SearchStrategy[str]:
    return st.lists(_pieces(lexicons), max_size=14).map("".join)


def _check_gates(reader: TimeReader, text: str, start: int) -> None:
    end = len(text)
    gates = reader._gates(text, start, end)
    for match in reader._pattern.finditer(text, start, end):
        assert 0 <= gates.opener_from <= match.start()
    if _YEAR_RANGE.search(text, start, end) or _PART_OF_YEAR.search(text, start, end):
        assert gates.has_year
    if _OPEN_START.search(text, start, end):
        assert gates.since
    if reader._days.search(text, start, end):
        assert gates.days


def test_time_gates_pass_every_sentence_a_pattern_matches(lexicons: Lexicons) -> None:
    reader = TimeReader(lexicons.times)

    @settings(max_examples=1500, deadline=None)
    @given(_texts(lexicons), _texts(lexicons))
    def check(before: str, sentence: str) -> None:
        # The sentence starts after other text, as in a document.
        _check_gates(reader, before + sentence, len(before))

    check()


def test_time_gates_pass_every_opener_match(lexicons: Lexicons) -> None:
    reader = TimeReader(lexicons.times)

    @settings(max_examples=600, deadline=None)
    @given(st.from_regex(reader._pattern), _texts(lexicons), _texts(lexicons))
    def check(expression: str, before: str, after: str) -> None:
        _check_gates(reader, before + " " + expression + " " + after, 0)

    check()


def test_time_gates_skip_look_alikes_but_not_the_opener(lexicons: Lexicons) -> None:
    # "mayor" and "20230" are no target; "May" after a space is, so the opener before it counts.
    reader = TimeReader(lexicons.times)
    text = "The mayor said 20230 units went in May"
    gates = reader._gates(text, 0, len(text))
    assert gates.opener_from == text.index(" May") - reader._longest_opener
    assert not reader._gates("The mayor said so", 0, 17).opener_from >= 0


def _reference_scan(
    reader: TimeReader, text: str, start: int, end: int, published: date | None
) -> list[tuple[TimeRef, int]]:
    """TimeReader._scan as it was before the gates: the sentence's words decide alone."""
    gates = reader._token_gates(text[start:end].lower(), start)
    found = [
        (ref, at)
        for ref, at in reader._spans(text, start, end, published, gates)
        if not _AFTER_SPEECH.search(text, max(start, at - 12), at)
    ]
    if gates.opener_from < 0:
        return found
    taken = [(at, at + len(ref.text)) for ref, at in found]
    for match in reader._pattern.finditer(text, start, end):
        month = match.group("month")
        if month and not month[0].isupper():
            continue
        if _AFTER_SPEECH.search(text, max(start, match.start() - 12), match.start()):
            continue
        if any(first <= match.start() < last for first, last in taken):
            continue
        future = bool(_FUTURE.search(text, start, match.start()))
        found.append((reader._normalise(match, published, future), match.start()))
    return sorted(found, key=lambda pair: pair[1])


def test_time_scan_equals_the_scan_without_gates(lexicons: Lexicons) -> None:
    reader = TimeReader(lexicons.times)

    @settings(max_examples=1500, deadline=None)
    @given(_texts(lexicons), _texts(lexicons), st.sampled_from([None, date(2024, 3, 15)]))
    def check(before: str, sentence: str, published: date | None) -> None:
        text = before + sentence
        expected = _reference_scan(reader, text, len(before), len(text), published)
        assert reader._scan(text, len(before), len(text), published) == expected

    check()


def test_time_scan_keeps_the_order_of_spans_without_a_period_word(lexicons: Lexicons) -> None:
    # No period word: the spans keep their order ("since" first), as before the gates.
    reader = TimeReader(lexicons.times)
    text = "Today it has sent arms since the start of the war."
    found = reader._scan(text, 0, len(text), date(2024, 3, 15))
    assert [at for _, at in found] == [text.index("since"), 0]
    assert found == _reference_scan(reader, text, 0, len(text), date(2024, 3, 15))
    # A period word the opener pattern cannot end with ("(day") sorted them before: still so.
    text = "Today it has sent arms since the start of the war (day 3)."
    found = reader._scan(text, 0, len(text), date(2024, 3, 15))
    assert [at for _, at in found] == [0, text.index("since")]


def _flat_targets(reader: TimeReader) -> re.Pattern[str]:
    """The targets as the flat alternation they were before the prefix tree."""
    words = [re.escape(word) for word in reader._period_words] + [r"19\d\d", r"20\d\d"]
    return re.compile(f"[\\s-](?:{'|'.join(sorted(words, key=len, reverse=True))})(?!\\w)")


def test_time_targets_tree_finds_what_the_flat_alternation_finds(lexicons: Lexicons) -> None:
    reader = TimeReader(lexicons.times)
    flat = _flat_targets(reader)

    @settings(max_examples=1500, deadline=None)
    @given(_texts(lexicons))
    def check(text: str) -> None:
        lowered = text.lower()
        expected = [m.span() for m in flat.finditer(lowered)]
        assert [m.span() for m in reader._spaced_targets.finditer(lowered)] == expected

    check()


def test_time_openers_are_what_finditer_finds(lexicons: Lexicons) -> None:
    # The opener pattern tried only in front of the targets finds every match finditer does.
    reader = TimeReader(lexicons.times)
    expressions = st.one_of(st.just(""), st.from_regex(reader._pattern))

    @settings(max_examples=1500, deadline=None)
    @given(_texts(lexicons), _texts(lexicons), expressions)
    def check(before: str, sentence: str, expression: str) -> None:
        text = before + sentence + expression + sentence
        start, end = len(before), len(text)
        lowered = prefilter_text(text)
        gates = reader._gates(text, start, end, lowered)
        expected = [m.span() for m in reader._pattern.finditer(text, start, end)]
        if gates.opener_from < 0:
            assert expected == []
            return
        found = reader._openers(text, start, end, gates, lowered)
        assert [m.span() for m in found] == expected

    check()


@pytest.mark.parametrize(
    ("pattern", "words"),
    [(_FUTURE, FUTURE_WORDS), (_YEAR_RANGE, RANGE_WORDS), (_PART_OF_YEAR, PART_WORDS)],
)
def test_time_literals_pass_every_match(pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
    check_prefilter_passes_matches(pattern, words)


def test_time_day_literals_pass_every_day_word(lexicons: Lexicons) -> None:
    reader = TimeReader(lexicons.times)
    check_prefilter_passes_matches(reader._days, reader._day_literals)
