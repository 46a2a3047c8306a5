"""Stable document ids and content hashes, derived from the path, a given id or the text."""

from __future__ import annotations

import hashlib
from pathlib import Path

# 16 hex digits (64 bits) keep ids short in reports; collisions need ~4 billion documents.
TEXT_ID_LENGTH = 16


def content_hash(text: str) -> str:
    """sha256 of the UTF-8 text: the store uses it to skip a document it already has."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_id(text: str) -> str:
    """An id made from the text alone, for records that carry none."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:TEXT_ID_LENGTH]


def file_document_id(path: Path) -> str:
    """The file name without its extension, which is how the evaluation names documents."""
    return path.stem


def given_document_id(given: object) -> str | None:
    """A record's own `id` when it is a non-empty string or an integer, else None."""
    # bool is an int subclass, and `"id": true` is a mistake rather than an id.
    if isinstance(given, int) and not isinstance(given, bool):
        return str(given)
    if isinstance(given, str) and given.strip():
        return given.strip()
    return None


def record_document_id(given: object, text: str) -> str:
    """A JSONL record's own `id` when it has one, else an id from its text."""
    return given_document_id(given) or text_id(text)
