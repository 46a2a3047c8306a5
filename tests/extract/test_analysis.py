"""The analyser's prefilter before the "X says it ..." pattern: it never hides a match."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.analysis import _SAYS_IT, SAYS_IT_VERBS, may_hold_says_it_pronoun
from armsledger.extract.lookup import may_contain


def _may_say_it(text: str) -> bool:
    return may_contain(text, SAYS_IT_VERBS, 0, len(text)) and may_hold_says_it_pronoun(
        text, 0, len(text)
    )


@settings(max_examples=400, deadline=None)
@given(st.from_regex(_SAYS_IT))
def test_says_it_words_are_in_every_sentence_the_pattern_matches(text: str) -> None:
    assert _SAYS_IT.search(text)
    assert _may_say_it(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden maintains that it delivered the guns", True),
        ("Sweden delivered the guns", False),  # no speech verb
        ("Sweden said so on Monday", False),  # no pronoun
        ("Sweden SAID IT delivered", False),  # the pattern is case-sensitive, and so is this
    ],
)
def test_says_it_words_need_a_verb_and_a_pronoun(text: str, expected: bool) -> None:
    assert _may_say_it(text) is expected
