"""Sentences and paragraphs over spaCy's blank English tokenizer.

The tokenizer keeps abbreviations such as "U.S.", "Gen." and "Jan." as one token, so a full stop
that spaCy splits off as its own token ends a sentence, and one inside a token does not. spaCy
splits text on whitespace first and tokenizes each chunk on its own (with a cache), so only the
chunks that end in a candidate full stop are handed to it: the same decision at a fraction of
the cost of tokenizing the whole article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import spacy

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
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        start = line.start()
        for match in _CANDIDATE_END.finditer(text, line.start(), line.end()):
            if _ends_with_split_stop(text, line.start(), match.start()):
                _append(sentences, text, start, match.end(), paragraph)
                start = match.end()
        _append(sentences, text, start, line.end(), paragraph)
    return sentences


def _ends_with_split_stop(text: str, floor: int, position: int) -> bool:
    """Whether spaCy makes the punctuation at `position` a token of its own."""
    chunk_start = max(text.rfind(" ", floor, position), text.rfind("\t", floor, position)) + 1
    chunk_start = max(chunk_start, floor)
    chunk_end = position + 1
    while chunk_end < len(text) and not text[chunk_end].isspace():
        chunk_end += 1
    return _splits_at(text[chunk_start:chunk_end], position - chunk_start)


@functools.lru_cache(maxsize=8192)
def _splits_at(chunk: str, offset: int) -> bool:
    """spaCy tokenizes a whitespace chunk on its own, so the answer depends on the chunk alone
    and repeats for common words ("said.", "Russia."): cached."""
    return any(token.idx == offset for token in tokenizer()(chunk))


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(index=len(sentences), start=start, end=end, paragraph=paragraph))
