"""ingest/lines.py: line offsets into the text, keys, and the shape tests boilerplate uses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from armsledger.ingest.lines import (
    has_caps_tag,
    is_bullet,
    is_caps_credit,
    is_headline_like,
    is_link_item,
    line_key,
    split_lines,
)


def test_split_lines_gives_offsets_of_stripped_text() -> None:
    text = "  Headline  \n\n\tBody one.\nlast"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["Headline", "Body one.", "last"]
    assert all(text[line.start : line.end] == line.text for line in lines)
    assert [line.start for line in lines] == [2, 15, 25]


def test_split_lines_of_blank_text_is_empty() -> None:
    assert split_lines("") == []
    assert split_lines("\n \n\t\n") == []


def test_line_key_folds_case_quotes_and_spaces() -> None:
    assert line_key("Don’t   MISS “this”") == line_key('don\'t miss "this"') == 'don\'t miss "this"'


@pytest.mark.parametrize(
    ("test", "text", "expected"),
    [
        (is_headline_like, "Germany powerless to defend itself", True),
        (is_headline_like, "North Korea sent shells to Russia, officials said.", False),
        (is_headline_like, "He said: “We sent them.”", False),
        (is_headline_like, " ".join(["word"] * 21), False),
        (is_link_item, "Why is Russia buying shells?", True),
        (is_link_item, "Russia bought shells.", False),
        (has_caps_tag, "Plane crash lands after takeoff[LATEST]", True),
        (has_caps_tag, "Plane crash lands after takeoff [VIDEO]", True),
        (has_caps_tag, "He said the shells came from [North Korea]", False),
        (has_caps_tag, "The shells came from the DPRK. [AFP]", False),
        (is_caps_credit, "SPUTNIK/ARTEM GEODAKYAN/REUTERS", True),
        (is_caps_credit, "STR/KCNA/KNS/AFP/GETTY IMAGES", True),
        (is_caps_credit, "REUTERS", False),
        (is_caps_credit, "1/2", False),
        (is_caps_credit, "Seoul/Moscow talks resume", False),
        (is_bullet, "• Support fearless journalism", True),
        (is_bullet, "- a markdown item", True),
        (is_bullet, "-5 degrees in Moscow", False),
    ],
)
def test_line_shapes(test: Callable[[str], bool], text: str, expected: bool) -> None:
    assert test(text) is expected
