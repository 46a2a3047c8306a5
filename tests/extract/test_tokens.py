"""Sentence splitting over spaCy's tokenizer: abbreviations, quotes and paragraphs."""

from __future__ import annotations

import pytest

from armsledger.extract.tokens import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He met Gen. Smith in the U.S. on Jan. 5. Then he left.",
            ["He met Gen. Smith in the U.S. on Jan. 5.", "Then he left."],
        ),
        ("Mr. Kim said “no.” Next one! The end", ["Mr. Kim said “no.”", "Next one!", "The end"]),
        (
            "A headline without a stop\nA paragraph. Two sentences.",
            ["A headline without a stop", "A paragraph.", "Two sentences."],
        ),
    ],
)
def test_tokens_split_sentences_respects_abbreviations(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [text[s.start : s.end] for s in sentences] == expected


def test_tokens_split_sentences_numbers_paragraphs() -> None:
    text = "One. Two.\n\nThree."
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1]
