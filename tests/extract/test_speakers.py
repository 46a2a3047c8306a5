"""The speaker namer's possessive trim: the same as the pattern it replaced."""

from __future__ import annotations

import pytest

from armsledger.extract.speakers import _TRAILING_POSSESSIVE, _without_possessive


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Russia's", "Russia"),
        ("Russia’s", "Russia"),
        ("Russias", "Russias"),
        ("'s", ""),
        ("Paris", "Paris"),
        ("Russia's,", "Russia's,"),  # the possessive must end the word
    ],
)
def test_without_possessive_is_the_pattern_sub(word: str, expected: str) -> None:
    assert _without_possessive(word) == expected == _TRAILING_POSSESSIVE.sub("", word)
