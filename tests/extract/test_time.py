"""Time expressions normalised against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from armsledger.extract.time import TimeReader
from armsledger.lexicon import Lexicons

PUBLISHED = date(2024, 7, 20)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("since September", date(2023, 9, 1), PUBLISHED),
        ("last month", date(2024, 6, 1), date(2024, 6, 30)),
        ("in 2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("in March", date(2024, 3, 1), date(2024, 3, 31)),
        ("in late November", date(2023, 11, 21), date(2023, 11, 30)),
        ("this year", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_time_normalises_against_publication(
    lexicons: Lexicons, text: str, start: date | None, end: date | None
) -> None:
    found = TimeReader(lexicons.times).find(text, 0, len(text), PUBLISHED)
    assert [(t.start, t.end) for t, _ in found] == [(start, end)]


def test_time_without_publication_keeps_the_text(lexicons: Lexicons) -> None:
    found = TimeReader(lexicons.times).find("since September", 0, 15, None)
    assert [(t.text, t.start, t.end) for t, _ in found] == [("since September", None, None)]


def test_time_may_the_verb_is_not_a_month(lexicons: Lexicons) -> None:
    text = "the shells may arrive"
    assert TimeReader(lexicons.times).find(text, 0, len(text), PUBLISHED) == []
