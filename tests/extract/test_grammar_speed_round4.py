"""The speed shortcuts of the grammar slice, fourth round: each gives what the look-up or pattern
it spares gives (a prefilter passes every place the look-up could answer)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import check_prefilter_passes_matches

from armsledger.extract.analysis import (
    _GOODS_PRONOUN,
    _MONEY_OR_UNIT,
    _UNIT_WORD,
    _VERB_LEAD,
    GOODS_PRONOUN_WORDS,
    UNIT_WORDS,
    VERB_LEAD_WORDS,
    _money_or_unit,
)
from armsledger.extract.clauses import _OWN_CLAUSE, may_own_clause
from armsledger.extract.direction import (
    _FLOOR_WORDS,
    _NOT_ASSERTED,
    _TARGET,
    NOT_ASSERTED_WORDS,
    TARGET_WORDS,
    last_floor_end,
)
from armsledger.extract.lookup import _WORDS_BEFORE, MarkerIndex, fold, may_contain, prefilter_text
from armsledger.extract.roles import may_open
from armsledger.extract.structure import (
    _COUNT_AFTER,
    _ORIGIN_WORD,
    MarkerWords,
    _has_digit,
    has_origin_word,
    last_marker_word,
)

# Characters the marker words are made of, their marks, and some that are neither.
_MARKER_TEXT = st.lists(
    st.sampled_from([*"ab_7' ’-;:()–—&.,\t\n", "to", "the", "by", "é", "ǅ", "٣"]),
    max_size=40,
).map("".join)
_TABLE = {
    "to": frozenset({"recipient_markers"}),
    "on behalf of": frozenset({"weak_recipient_markers"}),
    "in exchange for": frozenset({"counterflow_markers"}),
    "it's": frozenset({"subject_words"}),
    "by": frozenset({"agent_markers", "recipient_markers"}),
    "'s": frozenset({"passive_aux"}),
    "(": frozenset({"prepositions"}),
}


@settings(max_examples=2000, deadline=None)
@given(_MARKER_TEXT, st.data())
def test_last_marker_word_is_the_last_word_the_index_reads(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    floor = data.draw(st.integers(0, len(folded) + 2))
    position = data.draw(st.integers(0, len(folded) + 40))
    markers = MarkerIndex(_TABLE, folded, floor)
    words = _WORDS_BEFORE.findall(folded[max(floor, position - 30) : position])
    assert last_marker_word(markers, position) == (words[-1] if words else "")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["to ", "the ", "by ", "on behalf of ", "it's ", "( ", "x "])))
def test_no_marker_ends_where_the_last_word_ends_none(parts: list[str]) -> None:
    folded = "".join(parts)
    markers = MarkerIndex(_TABLE, folded, 0)
    words = MarkerWords(_TABLE)
    for position in range(len(folded) + 1):
        last = last_marker_word(markers, position)
        found = markers.ending_at(position)
        if last not in words.any:
            assert not found
        if last not in words.verbal:
            assert not found & {"subject_words", "relatives"}
        if last not in words.passive:
            assert "passive_aux" not in found


@pytest.mark.parametrize(
    ("pattern", "words"), [(_UNIT_WORD, UNIT_WORDS), (_GOODS_PRONOUN, GOODS_PRONOUN_WORDS)]
)
def test_goods_prefilter_words_pass_every_window_the_pattern_matches(
    pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    check_prefilter_passes_matches(pattern, words)


_GOODS_TEXT = st.lists(
    st.sampled_from(
        [*" 5$€₴.,-xK", "bn", "M", "million", "Ships", "tons", "railcar", "both", "them", " to",
         "the arms", "into", "ı", "ſ", "İ", "Unspecified Number", "unit", "trainer"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(_GOODS_TEXT, st.data())
def test_money_or_unit_by_branches_agrees_with_the_two_patterns(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = bool(
        _MONEY_OR_UNIT.search(text, start, end) or _GOODS_PRONOUN.search(text, start, end)
    )
    assert _money_or_unit(text, start, end) == expected


@pytest.mark.parametrize(
    ("pattern", "words"), [(_NOT_ASSERTED, NOT_ASSERTED_WORDS), (_TARGET, TARGET_WORDS)]
)
def test_may_open_passes_every_window_the_pattern_matches(
    pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    @settings(max_examples=600, deadline=None)
    @given(st.text(alphabet="ab _-.\n", max_size=6), st.from_regex(pattern))
    def check(prefix: str, window: str) -> None:
        text = prefix + window
        start = len(prefix)
        if not pattern.search(text, start):
            return  # a word character before the window can undo a leading boundary
        assert may_open(text, prefilter_text(text), words, start, len(text))

    check()


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Germany will return the tanks", 0, False),  # "turn" inside "return"
        ("Berlin turned down the request to send tanks", 0, True),
        ("Berlin refused to send tanks", 0, True),
        ("Berlin refused to send tanks", 8, False),  # "fused": no boundary before the window's
        ("the guidance systems of Shahed drones", 4, True),
        ("they defended the city from drones", 0, True),
    ],
)
def test_may_open_counts_words_that_open_a_word(text: str, start: int, expected: bool) -> None:
    words = NOT_ASSERTED_WORDS + TARGET_WORDS
    assert may_open(text, prefilter_text(text), words, start, len(text)) is expected


_CLAUSE_TEXT = st.lists(
    st.sampled_from(
        [" ", "\n", ",", "and", "that", "with", "the", "Kyiv", "Paris", "sending", "quickly",
         "’", "-", "x", "said", "made", "from", "design", "designed", "_", ":", "“", '"', "é"]
    ),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(_CLAUSE_TEXT, st.data())
def test_may_own_clause_passes_every_window_the_pattern_matches(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if _OWN_CLAUSE.search(text, start, end):
        assert may_own_clause(text, start, end)


@settings(max_examples=3000, deadline=None)
@given(_CLAUSE_TEXT, st.data())
def test_has_origin_word_agrees_with_the_search(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert has_origin_word(text, start, end) == bool(_ORIGIN_WORD.search(text, start, end))


@settings(max_examples=3000, deadline=None)
@given(_CLAUSE_TEXT)
def test_last_floor_end_is_the_end_of_the_last_match(head: str) -> None:
    found = list(_FLOOR_WORDS.finditer(head))
    assert last_floor_end(head) == (found[-1].end() if found else -1)


def test_verb_lead_prefilter_passes_every_window_the_pattern_matches() -> None:
    # Case-sensitive pattern: the window itself is the prefilter's text.
    @settings(max_examples=400, deadline=None)
    @given(st.from_regex(_VERB_LEAD))
    def check(window: str) -> None:
        assert may_contain(window, VERB_LEAD_WORDS, 0, len(window))

    check()


_COUNT_TEXT = st.lists(
    st.sampled_from(
        [" ", ",", "which", "we", "put", "at", "numbering", "estimated", "about", "5,000",
         "troops", "said", "to", "number", "x", "\n"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(_COUNT_TEXT, st.data())
def test_count_after_from_the_last_comma_agrees_with_the_search(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    comma = text.rfind(",", start, end)
    by_comma = comma >= 0 and bool(_COUNT_AFTER.match(text, comma, end))
    assert by_comma == bool(_COUNT_AFTER.search(text, start, end))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="aZ -9٣²₂x", max_size=12), st.data())
def test_has_digit_is_the_pattern_digit(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text) + 2))
    assert _has_digit(text, start, end) == bool(re.compile(r"\d").search(text, start, end))
