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

import spacy

# Candidate ends: terminal punctuation, closing quotes or brackets, then space and a capital,
# a digit or an opening quote. Newlines always end a sentence (paragraphs and headlines).
# "[.!?][.!?]*", not "[.!?]+": a pattern that opens with a character class lets the regex
# engine skip to the next stop instead of trying the repeat at every position.
_CANDIDATE_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=[ \t]+[\"“‘'(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


class Sentence:
    """A sentence's place in the text. Immutable by convention: a plain slotted class, not a
    frozen dataclass, for the reason given at lookup.Hit (mypyc keeps a dataclass's interpreted
    `__init__`); equality, hash and repr are the dataclass's (all fields)."""

    __slots__ = ("end", "index", "paragraph", "start")

    def __init__(self, *, index: int, start: int, end: int, paragraph: int) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.paragraph = paragraph

    def _key(self) -> tuple[int, int, int, int]:
        return (self.index, self.start, self.end, self.paragraph)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Sentence(index={self.index!r}, start={self.start!r}, end={self.end!r}, "
            f"paragraph={self.paragraph!r})"
        )


@functools.cache
def tokenizer() -> spacy.tokenizer.Tokenizer:
    return spacy.blank("en").tokenizer


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into `text`, trimmed of surrounding whitespace."""
    sentences: list[Sentence] = []
    # A candidate end never holds or looks past a newline: one pass over the whole text finds
    # the same ends as one pass per line, and each is read with the line it lies in.
    ends = candidate_ends(text)
    count, taken = len(ends), 0
    pending = ends[0] if ends else None
    # The lines are _LINE's matches (runs of characters other than a newline), found by
    # str.find: the pattern ran its character class over every character of the text.
    paragraph, line_start, size = 0, 0, len(text)
    while line_start < size:
        line_end = text.find("\n", line_start)
        line_end = size if line_end < 0 else line_end
        if line_end == line_start:
            line_start += 1
            continue
        start = line_start
        while pending is not None and pending.start() < line_end:
            if _ends_with_split_stop(text, line_start, pending.start()):
                _append(sentences, text, start, pending.end(), paragraph)
                start = pending.end()
            taken += 1
            pending = ends[taken] if taken < count else None
        _append(sentences, text, start, line_end, paragraph)
        paragraph += 1
        line_start = line_end + 1
    return sentences


def candidate_ends(text: str) -> list[re.Match[str]]:
    """What _CANDIDATE_END.finditer(text) finds, tried only at the stops: every match opens
    with one, so the leftmost match from a place is at the first stop from there where the
    pattern matches. str.find reaches the stops; the search read every character."""
    found: list[re.Match[str]] = []
    size = len(text)
    # The next place of each stop character at or after `free` (size: none left).
    dot, bang, ask = _next(text, ".", 0), _next(text, "!", 0), _next(text, "?", 0)
    free = 0  # finditer goes on from the end of the last match
    while True:
        place = min(dot, bang, ask)
        if place >= size:
            return found
        if place >= free:
            match = _CANDIDATE_END.match(text, place)
            if match is not None:
                found.append(match)
                free = match.end()
        if place == dot:
            dot = _next(text, ".", max(place + 1, free))
        elif place == bang:
            bang = _next(text, "!", max(place + 1, free))
        else:
            ask = _next(text, "?", max(place + 1, free))


def _next(text: str, stop: str, start: int) -> int:
    """Where `stop` next occurs in text from `start`, or len(text)."""
    at = text.find(stop, start)
    return at if at >= 0 else len(text)


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
