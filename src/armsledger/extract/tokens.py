"""Sentences and paragraphs over spaCy's blank English tokenizer.

The tokenizer keeps abbreviations such as "U.S.", "Gen." and "Jan." as one token, so a full stop
that spaCy splits off as its own token ends a sentence, and one inside a token does not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
import spacy
from spacy.attrs import IDX

# Candidate ends: terminal punctuation, closing quotes or brackets, then space and a capital,
# a digit or an opening quote. Newlines always end a sentence (paragraphs and headlines).
_CANDIDATE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=[ \t]+[\"“‘'(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@functools.cache
def tokenizer() -> spacy.tokenizer.Tokenizer:
    return spacy.blank("en").tokenizer


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into `text`, trimmed of surrounding whitespace."""
    token_starts = tokenizer()(text).to_array([IDX]).ravel()
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        start = line.start()
        for match in _CANDIDATE_END.finditer(text, line.start(), line.end()):
            if _is_token_start(token_starts, match.start()):
                _append(sentences, text, start, match.end(), paragraph)
                start = match.end()
        _append(sentences, text, start, line.end(), paragraph)
    return sentences


def _is_token_start(token_starts: np.ndarray, position: int) -> bool:
    found = int(np.searchsorted(token_starts, position))
    return found < len(token_starts) and int(token_starts[found]) == position


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(index=len(sentences), start=start, end=end, paragraph=paragraph))
