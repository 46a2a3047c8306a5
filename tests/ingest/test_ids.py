"""ingest/ids.py: ids from paths, given ids and text; hashes of the text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from armsledger.ingest.ids import content_hash, file_document_id, record_document_id, text_id

TEXT = "North Korea sent shells to Russia."


def test_content_hash_is_sha256_of_utf8() -> None:
    assert content_hash("Kim’s") == hashlib.sha256("Kim’s".encode()).hexdigest()
    assert content_hash(TEXT) != content_hash(TEXT + " ")


def test_file_document_id_is_the_stem() -> None:
    assert file_document_id(Path("/data/seeds/001_e7c70c4a3202797a.txt")) == "001_e7c70c4a3202797a"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("abc-1", "abc-1"),
        ("  abc-1 ", "abc-1"),
        (42, "42"),
        (None, hashlib.sha1(TEXT.encode()).hexdigest()[:16]),
        ("", hashlib.sha1(TEXT.encode()).hexdigest()[:16]),
        (True, hashlib.sha1(TEXT.encode()).hexdigest()[:16]),
        ({"nested": 1}, hashlib.sha1(TEXT.encode()).hexdigest()[:16]),
    ],
)
def test_record_document_id_prefers_the_given_id(given: object, expected: str) -> None:
    assert record_document_id(given, TEXT) == expected
    assert text_id(TEXT) == hashlib.sha1(TEXT.encode()).hexdigest()[:16]
