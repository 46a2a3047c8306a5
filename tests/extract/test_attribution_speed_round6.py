"""The sixth round's speed shortcuts in the attribution, times and claims slice: each prefilter
lets through every text its pattern matches, and each rewrite gives what the code it replaced
gave (that code is kept here, as the reference)."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.domain.core import Polarity, TimeRef
from armsledger.extract.analysis import _SAYS_IT, may_hold_says_it_pronoun, says_it_matches
from armsledger.extract.attribution import _ACCORDING_PHRASE_END, _SPEAKER_TAIL_END
from armsledger.extract.claims import _add_id, _ids
from armsledger.extract.lookup import may_contain, prefilter_text
from armsledger.extract.model import ActorRef
from armsledger.extract.time import (
    _YEAR_DIGITS,
    _YEAR_RANGE,
    TimeReader,
    _year_ranges,
    has_year_digits,
)
from armsledger.lexicon import Lexicons

_PIECES = st.sampled_from(
    [
        "said", "says", "told Reuters", "denied", "maintains", "it", "It", "its", "they",
        "their", "theirs", "them", "the", "they'd", "itself", "with", "that", "then", "_it",
        "it_", "Iran", "²", "٣", "1", "19", "20", "2023", "1999", "20²3", "202٣", "é", "ı",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", "  ", "\n", "\t", "\xa0", "", ",", ", ", ". ", "-", "\u2009"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_PIECES, _GAPS), max_size=12))
    return "".join(piece + gap for piece, gap in parts)


_ANY_TEXT = _texts() | st.text(max_size=30) | st.text(alphabet=" ,.-_itsheyr19204٣²\n", max_size=25)


@st.composite
def _windows(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> tuple[str, int, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@settings(max_examples=600, deadline=None)
@given(_windows(st.from_regex(_SAYS_IT) | _ANY_TEXT))
def test_says_it_pronoun_prefilter_never_hides_a_match(window: tuple[str, int, int]) -> None:
    text, start, end = window
    if any(True for _ in _SAYS_IT.finditer(text, start, end)):
        assert may_hold_says_it_pronoun(text, start, end)


@settings(max_examples=400, deadline=None)
@given(_windows(st.from_regex(_SAYS_IT) | _ANY_TEXT))
def test_says_it_matches_is_the_search(window: tuple[str, int, int]) -> None:
    text, start, end = window
    expected = [m.span() for m in _SAYS_IT.finditer(text, start, end)]
    assert [m.span() for m in says_it_matches(text, start, end)] == expected


@settings(max_examples=600, deadline=None)
@given(_windows(st.from_regex(_YEAR_DIGITS) | _ANY_TEXT))
def test_year_digits_by_find_is_the_search(window: tuple[str, int, int]) -> None:
    text, start, end = window
    expected = _YEAR_DIGITS.search(text, start, end) is not None
    assert has_year_digits(text, start, end) == expected


def _ids_before(refs: list[ActorRef]) -> list[str]:
    """claims._ids before this round."""
    ids: list[str] = []
    for ref in refs:
        ids += ref.actor_id.split("+")
    return [actor_id for actor_id in dict.fromkeys(ids) if actor_id]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab+", max_size=6), max_size=5))
def test_ids_are_the_split_distinct_ids(actor_ids: list[str]) -> None:
    refs = [ActorRef(start=0, end=1, actor_id=a, role="x", text="x") for a in actor_ids]
    assert _ids(refs) == _ids_before(refs)
    found: list[str] = []
    _add_id(found, "")
    assert found == []


def test_polarity_members_order_and_hash_as_their_values() -> None:
    # _claim_order holds the member, not its value: the same order and the same dict keys.
    members = list(Polarity)
    assert sorted(members) == sorted(members, key=lambda m: m.value)
    for member in members:
        assert member == member.value
        assert hash(member) == hash(member.value)
        assert re.fullmatch(r"[a-z]+", member.value)


_TIME_PIECES = st.sampled_from(
    [
        "on", "On", "ON", "Monday", "monday", "sunday", "Sundays", "today", "Today", "tonight",
        "yesterday", "noon", "upon", "between", "Between", "from", "From", "2019", "2021",
        "and", "to", "until", "1999", "2030", "²", "ı", "K",
    ]
)  # fmt: skip


@st.composite
def _time_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_TIME_PIECES, _GAPS), max_size=12))
    return "".join(piece + gap for piece, gap in parts)


def _year_ranges_before(text: str, start: int, end: int) -> list[tuple[TimeRef, int]]:
    """time._year_ranges before this round."""
    found: list[tuple[TimeRef, int]] = []
    for match in _YEAR_RANGE.finditer(text, start, end):
        first, last = int(match.group("first")), int(match.group("last"))
        if first <= last:
            ref = TimeRef(text=match.group(0), start=date(first, 1, 1), end=date(last, 12, 31))
            found.append((ref, match.start()))
    return found


@settings(max_examples=500, deadline=None)
@given(_windows(_time_texts() | st.from_regex(_YEAR_RANGE) | _ANY_TEXT))
def test_year_ranges_are_as_before(window: tuple[str, int, int]) -> None:
    text, start, end = window
    expected = _year_ranges_before(text, start, end)
    assert _year_ranges(text, start, end, prefilter_text(text)) == expected
    assert _year_ranges(text, start, end, None) == expected


def test_day_matches_are_the_search(lexicons: Lexicons) -> None:
    reader = TimeReader(lexicons.times)

    @settings(max_examples=600, deadline=None)
    @given(_windows(_time_texts() | st.from_regex(reader._days) | _ANY_TEXT))
    def check(window: tuple[str, int, int]) -> None:
        text, start, end = window
        expected = [m.span() for m in reader._days.finditer(text, start, end)]
        for lowered in (prefilter_text(text), None):
            found = reader._day_matches(text, start, end, lowered)
            assert [m.span() for m in found] == expected

    check()


def test_day_gate_is_the_substring_search(lexicons: Lexicons) -> None:
    reader = TimeReader(lexicons.times)
    pattern = re.compile("|".join(re.escape(w) for w in reader._day_word_list))

    @settings(max_examples=300, deadline=None)
    @given(_windows(_time_texts() | _ANY_TEXT))
    def check(window: tuple[str, int, int]) -> None:
        text, start, end = window
        lowered = text.lower()
        expected = pattern.search(lowered, start, end) is not None
        assert may_contain(lowered, reader._day_word_list, start, end) == expected
        assert set(reader._day_word_list) == reader._day_words

    check()


# The two phrase-end patterns as they were written before this round.
_PHRASE_ENDS = [
    (_ACCORDING_PHRASE_END, re.compile(r"[,.;:“”\"]|\s(?:that|on|in|based|showing)\s")),
    (_SPEAKER_TAIL_END, re.compile(r"[,.;:]|\s(?:on|in|at|who|that)\s")),
]
_END_PIECES = st.sampled_from(
    [
        "that", "on", "in", "at", "who", "based", "showing", "thatch", "Xon", " ", "\n", "\xa0",
        ",", ".", ";", ":", "“", "”", '"', "said", "Reuters", "_", "-",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    _windows(st.lists(_END_PIECES, max_size=14).map("".join) | _ANY_TEXT),
    st.sampled_from([0, 1]),
)
def test_phrase_ends_are_the_plain_patterns(window: tuple[str, int, int], which: int) -> None:
    text, start, end = window
    pattern, plain = _PHRASE_ENDS[which]
    found = pattern.search(text, start, end)
    expected = plain.search(text, start, end)
    assert (found and found.span()) == (expected and expected.span())
