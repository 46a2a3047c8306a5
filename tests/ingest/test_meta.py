"""ingest/meta.py: dates in the forms news metadata uses, datelines, and record fields."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from armsledger.domain.core import DocumentMeta
from armsledger.ingest.meta import date_from_top_lines, merge_meta, parse_published, record_meta


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07-20", date(2024, 7, 20)),
        ("2024-07-20T23:30:00-05:00", date(2024, 7, 20)),
        ("2024-07-20 08:00", date(2024, 7, 20)),
        ("July 20, 2024", date(2024, 7, 20)),
        ("20 Jul 2024", date(2024, 7, 20)),
        ("Sat, 20 Jul 2024 10:00:00 GMT", date(2024, 7, 20)),
        ("07/20/2024", date(2024, 7, 20)),
        ("July 2024", date(2024, 7, 1)),
        (datetime(2024, 7, 20, 12, 0), date(2024, 7, 20)),
        (date(2024, 7, 20), date(2024, 7, 20)),
        ("2024-13-45", None),
        ("July 20", None),
        ("5", None),
        ("yesterday", None),
        ("", None),
        (20240720, None),
        (None, None),
    ],
)
def test_parse_published_reads_common_forms(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 20, 2024\n\nHeadline", date(2024, 7, 20)),
        ("Headline\nSaturday, July 20th, 2024\nBody.", date(2024, 7, 20)),
        ("Headline\nUpdated: 20 July 2024 at 10:31 BST\n", date(2024, 7, 20)),
        ("Headline\n2024-07-20\n", date(2024, 7, 20)),
        ("Headline\nJuly 20, 2024, officials said more shells arrived.\n", None),
        ("Headline\nNo date here.\n", None),
        ("", None),
    ],
)
def test_date_from_top_lines_reads_a_dateline_only(text: str, expected: date | None) -> None:
    assert date_from_top_lines(text) == expected


def test_record_meta_ignores_fields_of_the_wrong_type() -> None:
    found = record_meta({"url": 3, "title": " Shells ", "outlet": "", "published": "2024-07-20"})
    assert found.meta == DocumentMeta(title="Shells", published=date(2024, 7, 20))
    assert found.given_id is None


def test_merge_meta_prefers_fields_that_are_set() -> None:
    given = DocumentMeta(title="Given", published=None)
    page = DocumentMeta(title="Page", outlet="Herald", published=date(2024, 7, 20))
    assert merge_meta(given, page) == DocumentMeta(
        title="Given", outlet="Herald", published=date(2024, 7, 20)
    )
