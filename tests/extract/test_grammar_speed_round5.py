"""The speed shortcuts of the grammar slice, fifth round: each gives what the pattern it spares
gives (a prefilter passes every window the pattern matches)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import check_prefilter_passes_matches

from armsledger.extract.direction import (
    _CONDITIONAL_OPENER,
    _PUT_ON_HOLD,
    HOLD_WORDS,
    PUT_WORDS,
    _conditional_opener,
)
from armsledger.extract.structure import _WORD_BEFORE, word_before

# Words and marks the shortcuts look at, and characters that are neither.
_TEXT = st.lists(
    st.sampled_from(
        [*"abfIU_7 -\t\n,.'", "if", "If", "IF", "unless", "Unless", "tank", "é", "ǅ", "٣", "İ"]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_conditional_opener_agrees_with_the_pattern(text: str) -> None:
    head = text[:8].lower()
    assert _conditional_opener(head) == bool(_CONDITIONAL_OPENER.match(head))


def test_put_on_hold_prefilter_passes_every_window_the_pattern_matches() -> None:
    check_prefilter_passes_matches(_PUT_ON_HOLD, PUT_WORDS)
    check_prefilter_passes_matches(_PUT_ON_HOLD, HOLD_WORDS)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.data())
def test_word_before_is_the_pattern_group(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    low = data.draw(st.integers(0, end))
    found = _WORD_BEFORE.search(text, low, end)
    assert word_before(text, low, end) == (found.group(1) if found else "")
