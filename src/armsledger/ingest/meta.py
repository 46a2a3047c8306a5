"""Document metadata from JSON records, sidecar files and the date line atop a text dump."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as date_parser

from armsledger.domain.core import DocumentMeta

# dateutil fills a missing day or month from this; a fixed default keeps parsing deterministic
# (its own default is today's date).
_DATE_DEFAULT = datetime(2000, 1, 1)
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])")
_YEAR = re.compile(r"\b(1[89]|20)\d{2}\b")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A whole line that is only a date, optionally labelled and followed by a time: the dateline of
# a text dump ("July 20, 2024", "Published: 20 July 2024 10:31 BST", "2024-07-20").
_DATE_LINE = re.compile(
    rf"^(?:(?:published|posted|updated|date|last updated)(?: on)?\s*:?\s*)?"
    rf"(?P<date>{_WEEKDAY}(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}))"
    rf"(?:\s*(?:[,|·-]|at)?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,5}})?)?$",
    re.IGNORECASE,
)
# The dateline sits above or just under the headline, never deep in the article.
DATE_LINE_SEARCH_LINES = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordMeta:
    """What a JSONL record or sidecar says about its document."""

    meta: DocumentMeta
    given_id: object = None


def parse_published(value: object) -> date | None:
    """A date from ISO or common written forms; None when there is none or it is unclear."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        # The date as written on the page, before any time-zone shift.
        return _iso_date(iso.group(1))
    if not _YEAR.search(text):
        # Without a year dateutil would invent one, and "5" would become a date.
        return None
    try:
        return date_parser.parse(text, default=_DATE_DEFAULT).date()
    except (ValueError, OverflowError):
        return None


def date_from_top_lines(text: str) -> date | None:
    """The publication date when one of the first lines is a date and nothing else."""
    for line in _first_lines(text, DATE_LINE_SEARCH_LINES):
        match = _DATE_LINE.match(line)
        if match:
            return parse_published(match.group("date"))
    return None


def record_meta(record: Mapping[str, object]) -> RecordMeta:
    """Metadata fields of a JSON object; fields of the wrong type are ignored."""
    strings = {key: _string_field(record, key) for key in ("url", "title", "outlet", "language")}
    return RecordMeta(
        meta=DocumentMeta(
            url=strings["url"],
            title=strings["title"],
            outlet=strings["outlet"],
            published=parse_published(record.get("published")),
            language=strings["language"],
        ),
        given_id=record.get("id"),
    )


def merge_meta(preferred: DocumentMeta, fallback: DocumentMeta) -> DocumentMeta:
    """Each field from `preferred` when it has one, else from `fallback`."""
    return DocumentMeta(
        url=preferred.url or fallback.url,
        title=preferred.title or fallback.title,
        outlet=preferred.outlet or fallback.outlet,
        published=preferred.published or fallback.published,
        language=preferred.language or fallback.language,
    )


def _string_field(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _first_lines(text: str, count: int) -> list[str]:
    lines: list[str] = []
    # Only the head of the text is split: a long article is not read twice for its dateline.
    for line in text[:2000].split("\n"):
        if line.strip():
            lines.append(line.strip())
        if len(lines) == count:
            break
    return lines
