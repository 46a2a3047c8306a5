"""Structure helpers: the word before a place, read by a backward scan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armsledger.extract.structure import _TRAILING_WORD, _previous_word


def _by_regex(text: str, start: int, floor: int) -> tuple[str, int]:
    """The definition the scan replaces: the regex over the 40 characters before `start`."""
    low = max(floor, start - 40)
    found = _TRAILING_WORD.search(text[low:start])
    return (found.group(1), low + found.start(1)) if found else ("", start)


@pytest.mark.parametrize(
    ("text", "start", "floor", "expected"),
    [
        ("the donated tanks", 12, 0, ("donated", 4)),
        ("Russia’s drones", 9, 0, ("Russia’s", 0)),
        ("sent to Iran, and", 14, 0, ("Iran", 8)),
        ("well-known shells", 11, 0, ("well-known", 0)),
        ("Kim handed Putin", 11, 5, ("anded", 5)),
        ("  , ", 3, 0, ("", 3)),
        ("a" * 45 + " x", 46, 0, ("a" * 39, 6)),
    ],
)
def test_previous_word_finds_the_last_word_before(
    text: str, start: int, floor: int, expected: tuple[str, int]
) -> None:
    assert _previous_word(text, start, floor) == expected


@given(st.text(alphabet="ab _-'’ ,.é1\n\"“²", max_size=60), st.data())
def test_previous_word_agrees_with_the_regex(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, start))
    assert _previous_word(text, start, floor) == _by_regex(text, start, floor)
