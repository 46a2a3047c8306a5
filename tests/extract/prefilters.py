"""A literal prefilter must let through every window its regex matches: one property, shared by
the tests of each module that guards a regex with `lookup.may_contain`."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.lookup import may_contain, prefilter_text


def check_prefilter_passes_matches(
    pattern: re.Pattern[str], words: tuple[str, ...], examples: int = 300
) -> None:
    """Strings generated from `pattern` all match it and all pass the prefilter on `words`."""

    @settings(max_examples=examples, deadline=None)
    @given(st.from_regex(pattern))
    def check(window: str) -> None:
        assert pattern.search(window)
        assert may_contain(prefilter_text(window), words, 0, len(window))

    check()


# Pieces of sentences around "X said it ...": speech verbs, pronouns, names and separators, for
# the Hypothesis tests of the speaker-pronoun prefilters (reading slice, rounds 4 and 5).
SAYS_PIECES = [
    "said",
    "says",
    "say",
    "sayso",
    "unsaid",
    "told",
    "told them",
    "added",
    "insisted",
    "insists",
    "denies",
    "denied",
    "maintains",
    "maintained",
    "acknowledged",
    "that",
    "it",
    "they",
    "its",
    "their",
    "the",
    "Russia",
    " ",
    ",",
    "x",
    "_",
]
