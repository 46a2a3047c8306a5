"""A claim's evidence in its document: the sentence, some text around it, the span marked.

Offsets are characters of `Document.text`, so the evidence is always
`document.text[claim.evidence.start:claim.evidence.end]`, whatever the quote stored says.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from armsledger.domain.core import Claim, Document

# Characters of neighbouring text shown on each side of the sentence: about two lines.
CONTEXT_MARGIN_CHARS = 160
# A sentence ends at ., ! or ? followed by a space, or at a line break; quotes may follow.
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n")


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimContext:
    """The parts of the text around one evidence span, in reading order."""

    doc_id: str
    start: int
    end: int
    lead: str  # text before the sentence, cut at a word boundary
    sentence_before: str  # the sentence up to the evidence
    evidence: str
    sentence_after: str  # the rest of the sentence
    tail: str  # text after the sentence, cut at a word boundary
    clipped_start: bool  # the lead does not reach the start of the document
    clipped_end: bool


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence(s) holding text[start:end]."""
    sentence_start = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        sentence_start = match.end()
    while sentence_start < start and text[sentence_start].isspace():
        sentence_start += 1
    found = SENTENCE_END.search(text, max(end - 1, start))
    sentence_end = found.end() if found else len(text)
    return sentence_start, max(sentence_end, end)


def claim_in_context(
    document: Document, claim: Claim, margin_chars: int = CONTEXT_MARGIN_CHARS
) -> ClaimContext:
    return span_in_context(document, claim.evidence.start, claim.evidence.end, margin_chars)


def span_in_context(
    document: Document, start: int, end: int, margin_chars: int = CONTEXT_MARGIN_CHARS
) -> ClaimContext:
    text = document.text
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    lead_start = _word_boundary_before(text, max(0, sentence_start - margin_chars))
    tail_end = _word_boundary_after(text, min(len(text), sentence_end + margin_chars))
    return ClaimContext(
        doc_id=document.id,
        start=start,
        end=end,
        lead=text[lead_start:sentence_start],
        sentence_before=text[sentence_start:start],
        evidence=text[start:end],
        sentence_after=text[end:sentence_end],
        tail=text[sentence_end:tail_end],
        clipped_start=lead_start > 0,
        clipped_end=tail_end < len(text),
    )


def _word_boundary_before(text: str, position: int) -> int:
    """Move forward to the start of a word, so the lead never starts mid-word."""
    if position == 0 or text[position - 1].isspace():
        return position
    space = re.compile(r"\s").search(text, position)
    return space.end() if space else position


def _word_boundary_after(text: str, position: int) -> int:
    if position >= len(text) or text[position].isspace():
        return position
    space = text.rfind(" ", 0, position)
    return space if space > 0 else position


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A stretch of a document's text with the claims whose evidence covers it."""

    start: int
    end: int
    text: str
    claim_ids: tuple[str, ...]
    boilerplate: bool
    anchors: tuple[str, ...]  # "span-<start>-<end>" of each evidence span starting here


def span_anchor(start: int, end: int) -> str:
    return f"span-{start}-{end}"


def document_segments(document: Document, claims: Sequence[Claim]) -> list[Segment]:
    """Cut the text where any evidence or boilerplate span starts or ends."""
    text = document.text
    spans = [(claim.evidence.start, claim.evidence.end, claim.id) for claim in claims]
    cuts = {0, len(text)}
    for start, end, _ in spans:
        cuts.update((start, end))
    for start, end in document.boilerplate:
        cuts.update((start, end))
    points = sorted(cut for cut in cuts if 0 <= cut <= len(text))
    anchors_at: dict[int, set[str]] = {}
    for start, end, _ in spans:
        anchors_at.setdefault(start, set()).add(span_anchor(start, end))
    return [
        Segment(
            start=start,
            end=end,
            text=text[start:end],
            claim_ids=_covering(spans, start, end),
            boilerplate=_inside_any(document.boilerplate, start, end),
            anchors=tuple(sorted(anchors_at.get(start, ()))),
        )
        for start, end in itertools.pairwise(points)
        if end > start
    ]


def _covering(spans: Iterable[tuple[int, int, str]], start: int, end: int) -> tuple[str, ...]:
    return tuple(sorted({claim_id for s, e, claim_id in spans if s <= start and end <= e}))


def _inside_any(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
