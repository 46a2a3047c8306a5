"""Marks boilerplate as character spans, found by cue patterns, by shape and by repetition.

The text is never rewritten: each Document comes back with `boilerplate` set to sorted,
non-overlapping (start, end) spans of its own text, so every later offset stays valid. Rules
work on whole lines and in linear time over lines:

- cue patterns from lexicons/boilerplate.yaml, for a line, a link-list block or the tail
  (a closing marker such as "Translated by X." in the second half, with a short footer after);
- shapes: "[LATEST]"-tagged headlines, capitals-and-slashes picture credits, and bullet runs
  that contain a cue line;
- repetition in one document: later copies of a line (a photo caption printed twice);
- repetition across documents of the batch and `known_lines`: a short headline-like line seen in
  two documents, or a sentence seen in three that sits in the document's head or tail.

A real sentence that two syndicated copies share must stay content: a document that shares
at least half its text with others is a copy, and repetition across documents is not used on it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from armsledger.domain.core import Document
from armsledger.ingest.boilerplate_cues import Cue, CueScope, load_boilerplate_cues
from armsledger.ingest.lines import (
    Line,
    ends_like_sentence,
    has_caps_tag,
    is_bullet,
    is_caps_credit,
    is_countable,
    is_headline_like,
    is_link_item,
    split_lines,
    word_count,
)

# Share of a document's characters in lines found in other documents from which it counts
# as a copy of them (syndication), whose shared sentences are reporting, not boilerplate.
COPY_SHARE = 0.5
# Documents a short headline-like line must appear in to count as site furniture.
SHORT_LINE_MIN_DOCS = 2
# Documents a full sentence must appear in, at the document's head or tail, to count as a
# standing blurb; two documents could be two reports quoting the same statement.
SENTENCE_MIN_DOCS = 3
# Lines a link-list heading can claim under it.
BLOCK_MAX_LINES = 15
# Lines a closing marker ("Translated by", "Leave a Reply") can claim after it: footers are
# short, so a marker with a long text after it is not the end of the article.
TAIL_MAX_LINES = 10
# A line repeated within a document must have this many words: short repeats ("Russia") can
# be table cells.
REPEAT_MIN_WORDS = 3


def mark_boilerplate(
    documents: Sequence[Document], *, known_lines: Mapping[str, int] | None = None
) -> list[Document]:
    """The documents with boilerplate spans set (merged with any they already had).

    `known_lines` maps a normalised line (see `boilerplate_line_keys`) to the number of
    earlier documents it was seen in; the batch's own documents are counted here, so the
    mapping must not already include them.
    """
    cues = load_boilerplate_cues().cues
    lines_by_doc = [split_lines(document.text) for document in documents]
    counts = _documents_per_key(lines_by_doc, known_lines or {})
    return [
        _with_spans(document, _mark_lines(lines, cues, counts, len(document.text)), lines)
        for document, lines in zip(documents, lines_by_doc, strict=True)
    ]


def boilerplate_line_keys(document: Document) -> set[str]:
    """The document's normalised lines that repetition counts, for cross-run counts."""
    return {line.key for line in split_lines(document.text) if is_countable(line)}


def _documents_per_key(lines_by_doc: list[list[Line]], known: Mapping[str, int]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for lines in lines_by_doc:
        counts.update({line.key for line in lines if is_countable(line)})
    # Only keys of this batch matter; the store's mapping may be large.
    for key in counts:
        counts[key] += known.get(key, 0)
    return counts


def _mark_lines(
    lines: list[Line], cues: Sequence[Cue], counts: Counter[str], text_length: int
) -> list[bool]:
    marked = [False] * len(lines)
    _mark_cues(lines, cues, marked, text_length)
    _mark_shapes(lines, marked)
    _mark_bullet_runs(lines, marked)
    _mark_inner_repeats(lines, marked)
    _mark_cross_repeats(lines, counts, marked)
    return marked


def _mark_cues(lines: list[Line], cues: Sequence[Cue], marked: list[bool], length: int) -> None:
    for index, line in enumerate(lines):
        scopes = {cue.scope for cue in cues if cue.matches(line.text)}
        if not scopes:
            continue
        marked[index] = True
        if CueScope.TAIL in scopes and _closes_article(index, len(lines), line.start, length):
            marked[index:] = [True] * (len(lines) - index)
            return
        if CueScope.BLOCK in scopes:
            _mark_block(lines, index, marked)


def _closes_article(index: int, line_count: int, start: int, length: int) -> bool:
    """A closing marker counts in the second half of the text with a short footer after it;
    higher up it is more likely a stray match than the article's end."""
    return start * 2 >= length and line_count - index <= TAIL_MAX_LINES


def _mark_block(lines: list[Line], heading: int, marked: list[bool]) -> None:
    """The link items under a heading such as "Don't miss…", up to the first line of prose."""
    for index in range(heading + 1, min(len(lines), heading + 1 + BLOCK_MAX_LINES)):
        if not is_link_item(lines[index].text):
            return
        marked[index] = True


def _mark_shapes(lines: list[Line], marked: list[bool]) -> None:
    for index, line in enumerate(lines):
        if has_caps_tag(line.text) or is_caps_credit(line.text):
            marked[index] = True


def _mark_bullet_runs(lines: list[Line], marked: list[bool]) -> None:
    """A bullet list with one cue line in it is a perks or share list; a list without is news."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and is_bullet(lines[end].text):
            end += 1
        if end == start:
            start += 1
            continue
        if any(marked[start:end]):
            marked[start:end] = [True] * (end - start)
        start = end


def _mark_inner_repeats(lines: list[Line], marked: list[bool]) -> None:
    """Later copies of a line: a photo caption printed twice, a pull quote, a doubled headline.

    The first copy stays content: captions state claims too ("Kim ... agreed to provide
    weapons"), and a caption's credit line is marked by its own shape.
    """
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if word_count(line.text) < REPEAT_MIN_WORDS or not is_countable(line):
            continue
        if line.key in seen:
            marked[index] = True
        seen.add(line.key)


def _mark_cross_repeats(lines: list[Line], counts: Counter[str], marked: list[bool]) -> None:
    shared = [is_countable(line) and counts[line.key] >= SHORT_LINE_MIN_DOCS for line in lines]
    if _shared_share(lines, shared) >= COPY_SHARE:
        return
    # From the second line on: the first is the headline, which other pages may link to.
    for index in range(1, len(lines)):
        if shared[index] and is_headline_like(lines[index].text):
            marked[index] = True
    _mark_repeated_edges(lines, counts, marked)


def _shared_share(lines: list[Line], shared: list[bool]) -> float:
    total = sum(len(line.text) for line in lines)
    common = sum(len(line.text) for line, is_shared in zip(lines, shared, strict=True) if is_shared)
    return common / total if total else 0.0


def _mark_repeated_edges(lines: list[Line], counts: Counter[str], marked: list[bool]) -> None:
    """Sentences seen in many documents, in an unbroken run from the start or the end.

    Standing blurbs (about the outlet, its sources, a disclaimer) open or close articles;
    a sentence in the middle of one is reporting even when other reports carry it too.
    """
    for index in range(len(lines) - 1, 0, -1):
        if not marked[index] and not _is_blurb(lines[index], counts):
            break
        marked[index] = True
    for index, line in enumerate(lines):
        if marked[index]:
            continue
        # A headline is never a blurb, however often it is linked; a sentence may open a page.
        if not (_is_blurb(line, counts) and (index > 0 or ends_like_sentence(line.text))):
            break
        marked[index] = True


def _is_blurb(line: Line, counts: Counter[str]) -> bool:
    return is_countable(line) and counts[line.key] >= SENTENCE_MIN_DOCS


def _with_spans(document: Document, marked: list[bool], lines: list[Line]) -> Document:
    """Runs of marked lines become one span each, blank lines between them included."""
    spans = list(document.boilerplate)
    run: list[Line] = []
    for line, is_marked in zip(lines, marked, strict=True):
        if is_marked:
            run.append(line)
            continue
        if run:
            spans.append((run[0].start, run[-1].end))
        run = []
    if run:
        spans.append((run[0].start, run[-1].end))
    meta = document.meta
    if meta.title is None and document.source_format in ("txt", "md"):
        meta = replace(meta, title=headline(lines, marked))
    return replace(document, boilerplate=_merged(spans), meta=meta)


# A headline is short and stands alone: no closing full stop, not a dateline or a date.
HEADLINE_MAX_CHARS = 160
KICKER_MAX_WORDS = 5
_DATE_LINE = re.compile(r"^[\w ,.]*\b(?:19|20)\d\d\b[\w ,.]*$")


def _is_kicker(text: str) -> bool:
    """ "WAR IN UKRAINE" above a headline labels a section; it is not the title."""
    return text.isupper() and len(text.split()) <= KICKER_MAX_WORDS


def headline(lines: list[Line], marked: list[bool]) -> str | None:
    """The title of a text dump: its first line that is not boilerplate, when it reads like
    a headline (short, no closing full stop, not a date)."""
    for line, is_marked in zip(lines, marked, strict=True):
        if is_marked or _DATE_LINE.match(line.text) or _is_kicker(line.text):
            continue
        text = line.text.lstrip("#").strip()  # a Markdown heading keeps its words
        if len(text) <= HEADLINE_MAX_CHARS and not text.endswith("."):
            return text
        return None
    return None


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted spans with overlapping or touching ones joined."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return tuple(result)
