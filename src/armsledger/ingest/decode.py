"""Bytes to text the way the evaluator reads files, with a fallback for legacy encodings.

The evaluator reads a file with `Path.read_text(encoding="utf-8")`, which turns "\\r\\n" and a
lone "\\r" into "\\n". We do the same, so our offsets equal its offsets for every UTF-8 file.
One deliberate difference: a UTF-8 byte-order mark is dropped, so offsets in a file that starts
with a BOM count from the first character after it (read_text would keep it as U+FEFF).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from armsledger.errors import InputError

# Western European text saved by Windows tools is cp1252; charset detection often names a
# cousin (cp1250, cp775) that turns "é" into "ķ", so a Latin-script guess is read as cp1252.
LATIN_FALLBACK = "cp1252"
# A UTF-8 file with a stray legacy byte (text pasted from elsewhere) is still UTF-8 when its
# valid non-ASCII characters outnumber the broken bytes this many times; the broken bytes
# become U+FFFD, one character each, so offsets stay consistent.
MIN_VALID_PER_BROKEN = 4
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# A text file has almost no control characters; a decoded binary file is full of them.
MAX_CONTROL_SHARE = 0.01
# C0 and C1 control characters other than tab, newline, vertical tab, form feed and return.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode_text(raw: bytes, path: str) -> str:
    """Decode a file's bytes and normalise newlines; raise InputError for binary input."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_or_raise(raw, "utf-16", path)
    elif b"\x00" in raw:
        raise InputError(path, "binary file (contains NUL bytes), skipped")
    elif raw.startswith(codecs.BOM_UTF8):
        text = _decode_or_raise(raw[len(codecs.BOM_UTF8) :], "utf-8", path)
    else:
        text = _decode_guessing(raw, path)
    if _looks_binary(text):
        raise InputError(path, "binary file (control characters), skipped")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """Universal newlines, as `open(..., newline=None)` and `Path.read_text` apply them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_or_raise(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(path, f"cannot be decoded as {encoding}, skipped") from None


def _decode_guessing(raw: bytes, path: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = _mostly_utf8(raw)
    if lenient is not None:
        return lenient
    guess = charset_normalizer.from_bytes(raw).best()
    if guess is not None and not _is_latin_script(guess.alphabets):
        return str(guess)
    try:
        return raw.decode(LATIN_FALLBACK)
    except UnicodeDecodeError:
        raise InputError(path, "cannot be decoded as text (not UTF-8 or cp1252), skipped") from None


def _mostly_utf8(raw: bytes) -> str | None:
    lenient = raw.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    valid = len(_NON_ASCII.findall(lenient)) - broken
    return lenient if valid >= MIN_VALID_PER_BROKEN * broken else None


def _is_latin_script(alphabets: list[str]) -> bool:
    """True when the guessed text uses only Latin letters and punctuation ranges."""
    return all("Latin" in name or "Punctuation" in name for name in alphabets)


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = len(_CONTROL_CHARS.findall(text))
    return controls / len(text) > MAX_CONTROL_SHARE
