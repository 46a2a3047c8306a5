"""The speed shortcuts of the grammar slice (direction, roles, structure, clauses) give what the
patterns they stand in for give: literal prefilters pass every text the pattern matches, and
the scans that replace searches agree with the searches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import check_prefilter_passes_matches

from armsledger.extract.clauses import _CONJUNCTION_BEFORE_SUBJECT, _new_subject_breaks
from armsledger.extract.direction import _ASIDE, _PURPOSE, FOR_WORDS
from armsledger.extract.model import ActorRef, SentenceView
from armsledger.extract.roles import (
    _ACCORDING,
    _MADE_BY,
    _WHICH_OPENS,
    ACCORDING_WORDS,
    MADE_BY_WORDS,
    WHICH_WORDS,
)
from armsledger.extract.structure import _WORD_BEFORE, _word_before_start


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (_ACCORDING, ACCORDING_WORDS),
        (_MADE_BY, MADE_BY_WORDS),
        (_WHICH_OPENS, WHICH_WORDS),
        (_PURPOSE, FOR_WORDS),
    ],
)
def test_prefilter_words_pass_every_window_the_pattern_matches(
    pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    check_prefilter_passes_matches(pattern, words)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_ASIDE))
def test_asides_need_wh_as_written(text: str) -> None:
    # _ASIDE is case-sensitive: the prefilter looks for "wh" in the text itself.
    assert _ASIDE.search(text)
    assert "wh" in text


# Letters, spaces, hyphens, digits and a few others around a word boundary.
_WORDY = st.text(alphabet="ab Z-\t\n_9é,.\u00a0", max_size=40)


def _modifier_by_search(text: str, low: int, end: int) -> str | None:
    found = _WORD_BEFORE.search(text, low, end)
    return found.group(1) if found else None


def _modifier_by_scan(text: str, low: int, end: int) -> str | None:
    start = _word_before_start(text, low, end)
    found = _WORD_BEFORE.match(text, start, end) if start >= 0 else None
    return found.group(1) if found else None


@settings(max_examples=1000, deadline=None)
@given(_WORDY, st.data())
def test_word_before_scan_agrees_with_the_search(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    low = data.draw(st.integers(0, end))
    assert _modifier_by_scan(text, low, end) == _modifier_by_search(text, low, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a think tank", "think"), ("xthink tank", "xthink"), ("9think tank", None), ("tank", None)],
)
def test_word_before_scan_examples(text: str, expected: str | None) -> None:
    end = text.rindex("tank")
    assert _modifier_by_scan(text, 0, end) == expected == _modifier_by_search(text, 0, end)


def _breaks_by_search(text: str, start: int) -> list[int]:
    """The definition: the pattern searched over the sentence up to the actor."""
    lead = _CONJUNCTION_BEFORE_SUBJECT.search(text[:start])
    return [lead.start()] if lead else []


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([",", " ", "\n", "and", "but", "while", "the", "x"]), max_size=12))
def test_new_subject_break_from_the_last_comma_agrees_with_the_search(parts: list[str]) -> None:
    lead = "".join(parts)
    text = lead + "Denmark has delivered 19"
    actor = ActorRef(start=len(lead), end=len(lead) + 7, actor_id="DNK", role="name", text="D")
    view = SentenceView(index=0, start=0, end=len(text), paragraph=0)
    view.actors = [actor]
    assert _new_subject_breaks(view, text) == _breaks_by_search(text, len(lead))
