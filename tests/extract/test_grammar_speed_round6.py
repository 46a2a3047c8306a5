"""The speed shortcuts of the grammar slice, sixth round: each gives what the pattern it spares
gives (a prefilter passes every window the pattern matches; a search started later finds a match
wherever the full search does)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import check_prefilter_passes_matches

from armsledger.extract.direction import (
    _FROM_PEOPLE,
    _NOT_ASSERTED,
    _PART_OF_THEM,
    NOT_ASSERTED_STARTS,
    OF_WORDS,
)
from armsledger.extract.lookup import prefilter_text
from armsledger.extract.roles import (
    _CAUSE_GAP,
    _DETERMINER_TAIL,
    _DETERMINER_WORDS,
    CAUSE_WORDS,
    _determiner_tail_start,
    _without_determiner_tail,
    first_opening,
    may_open,
)
from armsledger.extract.structure import _held, word_before


def test_part_of_them_prefilter_passes_every_window_the_pattern_matches() -> None:
    check_prefilter_passes_matches(_PART_OF_THEM, OF_WORDS)


def test_from_people_prefilter_passes_every_window_the_pattern_matches() -> None:
    @settings(max_examples=300, deadline=None)
    @given(st.from_regex(_FROM_PEOPLE))
    def check(window: str) -> None:
        assert "from" in window or "by" in window  # case-sensitive, as the pattern

    check()


def _check_opening(pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
    """Every match found in a generated string opens with one of `words` after a word boundary,
    so may_open passes its window and first_opening is no later than its start."""

    @settings(max_examples=400, deadline=None)
    @given(st.from_regex(pattern))
    def check(window: str) -> None:
        lowered = prefilter_text(window)
        found = pattern.search(window)
        assert found is not None
        assert may_open(window, lowered, words, found.start(), found.end())
        first = first_opening(window, lowered, words, found.start(), found.end())
        assert first == found.start()

    check()


def test_not_asserted_matches_open_with_a_start_word() -> None:
    _check_opening(_NOT_ASSERTED, NOT_ASSERTED_STARTS)


def test_cause_gap_prefilter_passes_every_window_the_pattern_matches() -> None:
    _check_cause(_CAUSE_GAP, CAUSE_WORDS)


def _check_cause(pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
    @settings(max_examples=400, deadline=None)
    @given(st.from_regex(pattern))
    def check(window: str) -> None:
        found = pattern.search(window)
        assert found is not None
        assert may_open(window, prefilter_text(window), words, found.start(), found.end())

    check()


# Words that open, or nearly open, the matches of _NOT_ASSERTED, and what lies between.
_PIECES = st.sampled_from(
    [
        "not",
        "Not",
        "no",
        "now",
        "north",
        "to",
        "be",
        "named",
        "declined",
        "refused",
        "evidence",
        "sign",
        "say",
        "how",
        "when",
        "put",
        "on",
        "hold",
        "against",
        "whether",
        "restrictions",
        "arms",
        "sent",
        "x",
        " ",
        "  ",
        ",",
        ".",
        ";",
        "-",
        "_",
        "é",
        "İ",
    ]
)
_SENTENCE = st.lists(_PIECES, max_size=24).map(" ".join)


@settings(max_examples=800, deadline=None)
@given(_SENTENCE, st.data())
def test_not_asserted_from_the_first_opening_agrees_with_the_search(
    text: str, data: st.DataObject
) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    first = first_opening(text, prefilter_text(text), NOT_ASSERTED_STARTS, start, end)
    later = first >= 0 and _NOT_ASSERTED.search(text, first, end) is not None
    assert later == (_NOT_ASSERTED.search(text, start, end) is not None)


@settings(max_examples=300, deadline=None)
@given(_SENTENCE, st.data())
def test_first_opening_is_the_first_word_opening_occurrence(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    lowered = prefilter_text(text)
    first = first_opening(text, lowered, NOT_ASSERTED_STARTS, start, end)
    if lowered is None:
        assert first == start
        return
    places = [
        at
        for at in range(start, end)
        for word in NOT_ASSERTED_STARTS
        if lowered.startswith(word, at, end) and (at == 0 or not re.match(r"\w", text[at - 1]))
    ]
    assert first == (min(places) if places else -1)


_HEAD_PIECES = st.sampled_from(
    [
        *_DETERMINER_WORDS,
        *("This", "HIS", "An", "data", "bathe", "x", "_", "é", "7", "to", "ſ"),
        *(" ", "  ", "\n", "\t", "\u00a0", ",", "-"),
    ]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_HEAD_PIECES, max_size=12).map("".join))
def test_determiner_trim_read_backwards_is_the_pattern_sub(head: str) -> None:
    lowered = prefilter_text(head.rstrip())
    assert _without_determiner_tail(head, lowered) == _DETERMINER_TAIL.sub("", head)
    if lowered is not None and lowered.endswith(_DETERMINER_WORDS):
        cut = _determiner_tail_start(head, lowered)
        assert head[:cut] == _DETERMINER_TAIL.sub("", head)


_MODIFIERS = frozenset({"think", "fish", "septic", "storage"})
_NOUN_PIECES = st.sampled_from(
    ["think", "Think", "FISH", "fish-", "septic", "Storage", "x", "tank", "İ", "é", " ", "-", ","]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_NOUN_PIECES, max_size=12).map("".join), st.data())
def test_a_modified_item_lies_in_a_sentence_that_holds_its_modifier(
    text: str, data: st.DataObject
) -> None:
    end = data.draw(st.integers(0, len(text)))
    item = data.draw(st.integers(0, end))
    start = data.draw(st.integers(0, item))
    word = word_before(text, max(start, item - 30), item)
    if word != "" and word.lower() in _MODIFIERS:
        named = _held(text.lower(), _MODIFIERS)
        assert _held(text[start:end].lower(), named) != ()
