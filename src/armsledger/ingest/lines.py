"""A document's text as lines with offsets, their normalised keys, and shape tests on them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Lines longer than this are paragraphs; no boilerplate line is this long, and store keys stay
# bounded.
MAX_KEY_CHARS = 600
# Link-list headlines and labels are short; longer lines are prose.
HEADLINE_MAX_WORDS = 20
HEADLINE_MAX_CHARS = 160

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-"})
_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
_CLOSERS = "\"'’”»)]*"
_TERMINALS = ".!?…"
_BULLETS = frozenset("•●▪▫◦‣⁃►▸▶➤✓✔■□·")
# "[LATEST]", "[VIDEO]": tabloid link lists tag each headline in capitals.
_CAPS_TAG = re.compile(r"\[[A-Z][A-Z ]{1,14}\]$")
# "SPUTNIK/ARTEM GEODAKYAN/REUTERS": picture credits join agency and photographer in capitals.
_CAPS_CREDIT = re.compile(r"^[A-Z0-9][A-Z0-9&.'’ -]*(?:\s*/\s*[A-Z0-9][A-Z0-9&.'’ -]*)+$")
CREDIT_MAX_CHARS = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One non-blank line: its stripped text and where that text sits in the document."""

    start: int
    end: int
    text: str
    key: str


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, split on "\\n" only, with offsets of their stripped text."""
    lines: list[Line] = []
    position = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        end = length if newline == -1 else newline
        raw = text[position:end]
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(
                Line(start=start, end=start + len(stripped), text=stripped, key=line_key(stripped))
            )
        position = end + 1
    return lines


def line_key(line: str) -> str:
    """A line folded so that copies differing in case, quotes or spacing compare equal."""
    folded = unicodedata.normalize("NFKC", line).translate(_QUOTES).casefold()
    return _SPACES.sub(" ", folded).strip()


def is_countable(line: Line) -> bool:
    """Lines worth counting for repetition: with letters and not paragraph-long."""
    return len(line.key) <= MAX_KEY_CHARS and _LETTER.search(line.key) is not None


def word_count(text: str) -> int:
    return len(text.split())


def ends_like_sentence(text: str) -> bool:
    """True when the line ends as a sentence does, past any closing quotes or brackets."""
    trimmed = text.rstrip(_CLOSERS + " ")
    return trimmed.endswith(tuple(_TERMINALS))


def is_headline_like(text: str) -> bool:
    """Short and not ended like a sentence: a headline, a label or a link, not prose."""
    return (
        len(text) <= HEADLINE_MAX_CHARS
        and word_count(text) <= HEADLINE_MAX_WORDS
        and not ends_like_sentence(text)
    )


def is_link_item(text: str) -> bool:
    """A line that can sit in a list of links: short, and not ended by a full stop.

    Headlines in such lists often end with "?" or "!", so only a full stop ends the list.
    """
    if has_caps_tag(text):
        return True
    return (
        len(text) <= HEADLINE_MAX_CHARS
        and word_count(text) <= HEADLINE_MAX_WORDS
        and not text.rstrip(_CLOSERS + " ").endswith((".", "…"))
    )


def is_bullet(text: str) -> bool:
    return text[0] in _BULLETS or text.startswith(("- ", "* ", "+ "))


def has_caps_tag(text: str) -> bool:
    """A headline-like line that ends with a capitalised tag such as "[LATEST]"."""
    match = _CAPS_TAG.search(text)
    return match is not None and is_headline_like(text[: match.start()].rstrip())


def is_caps_credit(text: str) -> bool:
    """A picture credit such as "STR/KCNA/KNS/AFP/GETTY IMAGES": capitals joined by slashes."""
    return (
        len(text) <= CREDIT_MAX_CHARS
        and _CAPS_CREDIT.match(text) is not None
        and len(_LETTER.findall(text)) >= 2
    )
