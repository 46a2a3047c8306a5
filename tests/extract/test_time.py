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
        # A part of a year is months of it, not the ten days a part of a month is.
        ("in late 2021", date(2021, 9, 1), date(2021, 12, 31)),
        ("in early 2022", date(2022, 1, 1), date(2022, 4, 30)),
        ("in mid-2022", date(2022, 5, 1), date(2022, 8, 31)),
        ("at the start of 2023", date(2023, 1, 1), date(2023, 1, 31)),
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


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # The future looks forward from publication (2024-07-20): March is next year's.
        ("Moscow will deliver the jets in March", date(2025, 3, 1), date(2025, 3, 31)),
        ("Moscow delivered the jets in March", date(2024, 3, 1), date(2024, 3, 31)),
        ("in the first half of 2023", date(2023, 1, 1), date(2023, 6, 30)),
        ("during the third quarter of 2022", date(2022, 7, 1), date(2022, 9, 30)),
        ("between 2019 and 2021", date(2019, 1, 1), date(2021, 12, 31)),
        ("from 2015 to 2018", date(2015, 1, 1), date(2018, 12, 31)),
        ("handed over yesterday", date(2024, 7, 19), date(2024, 7, 19)),
        ("arrived on Monday", date(2024, 7, 15), date(2024, 7, 15)),
    ],
)
def test_time_reads_ranges_parts_and_days(
    lexicons: Lexicons, text: str, start: date, end: date
) -> None:
    found = TimeReader(lexicons.times).find(text, 0, len(text), PUBLISHED)
    assert [(t.start, t.end) for t, _ in found] == [(start, end)]


def test_time_open_start_keeps_its_text(lexicons: Lexicons) -> None:
    text = "has supplied shells since the start of the war"
    found = TimeReader(lexicons.times).find(text, 0, len(text), PUBLISHED)
    assert [(t.text, t.start, t.end) for t, _ in found] == [
        ("since the start of the war", None, PUBLISHED)
    ]


def test_time_of_the_speech_is_not_a_time_of_the_transfer(lexicons: Lexicons) -> None:
    text = "the agency said on Tuesday that troops had been sent"
    assert TimeReader(lexicons.times).find(text, 0, len(text), PUBLISHED) == []
