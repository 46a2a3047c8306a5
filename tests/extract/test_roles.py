"""The role reader's determiner trim: the same as the pattern it stands before."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.roles import _DETERMINER_TAIL, _without_determiner_tail

_PIECES = ["the", "The", "a", "an", "its", "THEIR", "both", "all", "bathe", "to", "ı", "İ", "ſ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, " ", "  ", "\n", "\t", ","]), max_size=10))
def test_without_determiner_tail_is_the_pattern_sub(pieces: list[str]) -> None:
    head = "".join(pieces)
    assert _without_determiner_tail(head) == _DETERMINER_TAIL.sub("", head)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("sent to the ", "sent to "),
        ("sent to both the ", "sent to "),
        ("sent to THE ", "sent to "),
        ("sent to ", "sent to "),
        ("they bathe ", "they bathe "),  # "the" inside a word is no determiner
    ],
)
def test_without_determiner_tail_drops_the_determiners_at_the_end(head: str, expected: str) -> None:
    assert _without_determiner_tail(head) == expected
