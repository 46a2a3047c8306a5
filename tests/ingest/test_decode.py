"""ingest/decode.py: bytes in the encodings news files come in, newline handling, binaries."""

from __future__ import annotations

import pytest

from armsledger.errors import InputError
from armsledger.ingest.decode import decode_text, normalise_newlines


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"plain ascii", "plain ascii"),
        ("Kim’s “gift”".encode(), "Kim’s “gift”"),
        (b"\xef\xbb\xbfwith bom", "with bom"),
        ("déclaré à Séoul".encode("latin-1"), "déclaré à Séoul"),
        ("Kim’s “gift” – shells".encode("cp1252"), "Kim’s “gift” – shells"),
        ("a\r\nb".encode("utf-16-le").join([b"\xff\xfe", b""]), "a\nb"),
        ("Kim’s “gift” – shells".encode() + b" caf\xe9", "Kim’s “gift” – shells caf\ufffd"),
    ],
    ids=["ascii", "utf-8", "utf-8-bom", "latin-1", "cp1252", "utf-16-le-bom", "utf-8-stray-byte"],
)
def test_decode_text_reads_common_encodings(raw: bytes, expected: str) -> None:
    assert decode_text(raw, "a.txt") == expected


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"GIF89a\x00\x01", "binary file (contains NUL bytes), skipped"),
        (b"\x01\x02\x03\x04" * 10 + b"text", "binary file (control characters), skipped"),
        (b"\xff\xfe\x00\xd8", "cannot be decoded as utf-16, skipped"),
    ],
    ids=["nul", "controls", "broken-utf-16"],
)
def test_decode_text_rejects_binary_input(raw: bytes, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_text(raw, "dir/a.txt")
    assert str(raised.value) == f"dir/a.txt: {problem}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("a\n\nb", "a\n\nb")],
)
def test_normalise_newlines_matches_universal_newlines(text: str, expected: str) -> None:
    assert normalise_newlines(text) == expected
