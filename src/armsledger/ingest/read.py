"""Walk the paths a user gives and read each input into a Document, or an InputProblem.

Formats: .txt and .md (the text as read), .html/.htm (main text extracted by trafilatura),
.jsonl (one article per line with `text`, or else `html`). A `NAME.json` beside `NAME.txt`,
`NAME.md` or `NAME.html` carries metadata (url, title, outlet, published, language, id) and is
not itself an input; its fields win over what a page says about itself.

Offsets into a text file equal those of `Path.read_text(encoding="utf-8")`, except that a
UTF-8 byte-order mark is dropped (see ingest/decode.py). JSONL texts get the same newline
normalisation as files, so "\\r\\n" inside a record counts as one character.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from armsledger.domain.core import Document, DocumentMeta, InputProblem
from armsledger.errors import InputError
from armsledger.ingest.decode import decode_text, normalise_newlines
from armsledger.ingest.ids import (
    content_hash,
    file_document_id,
    given_document_id,
    record_document_id,
)
from armsledger.ingest.meta import RecordMeta, date_from_top_lines, merge_meta, record_meta

# Extension → Document.source_format; read-only, as module state must be.
FORMATS: Mapping[str, str] = MappingProxyType(
    {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
)
SIDECAR_SUFFIX = ".json"
_GLOB_CHARS = frozenset("*?[")
_EXPECTED = ", ".join(FORMATS)

Found = tuple[Path, bool]  # a file and whether the user named it explicitly


def iter_inputs(paths: Sequence[str]) -> Iterator[Document | InputProblem]:
    """Each readable article as a Document, each unreadable input as an InputProblem.

    A PATH is a file, a folder (walked recursively in sorted order, hidden entries skipped) or
    a glob. A file reached twice is read once. In a walked folder or a glob, files of other
    types are ignored; a file named explicitly with an unknown extension is a problem.
    """
    seen: set[Path] = set()
    for given in paths:
        for found in _expand(given):
            if isinstance(found, InputProblem):
                yield found
                continue
            path, explicit = found
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield from _read_path(path, explicit=explicit)


def _expand(given: str) -> Iterator[Found | InputProblem]:
    if not given.strip():
        # Path("") is the current folder, and walking it unasked would be a surprise.
        yield InputProblem(path=repr(given), problem="empty path")
        return
    path = Path(given)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or path.is_symlink():
        yield path, True
    elif _GLOB_CHARS & set(given):
        yield from _expand_glob(given)
    else:
        yield InputProblem(path=given, problem="no such file or folder")


def _expand_glob(pattern: str) -> Iterator[Found | InputProblem]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputProblem(path=pattern, problem="no file matches this pattern")
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path, False


def _walk(root: Path) -> Iterator[Found | InputProblem]:
    walk_errors: list[OSError] = []
    files: list[Path] = []
    for folder, dir_names, file_names in os.walk(root, onerror=walk_errors.append):
        # Hidden folders (.git, .cache) and files (.DS_Store) are never articles.
        dir_names[:] = sorted(name for name in dir_names if not name.startswith("."))
        files.extend(Path(folder, name) for name in file_names if not name.startswith("."))
    for error in walk_errors:
        yield InputProblem(path=str(error.filename or root), problem=_os_problem(error))
    for path in sorted(files):
        if path.suffix.lower() in FORMATS:
            yield path, False


def _read_path(path: Path, *, explicit: bool) -> Iterator[Document | InputProblem]:
    source_format = FORMATS.get(path.suffix.lower())
    if source_format is None:
        if explicit:
            problem = f"unsupported file type '{path.suffix}' (expected {_EXPECTED}), skipped"
            yield InputProblem(path=str(path), problem=problem)
        return
    try:
        text = decode_text(path.read_bytes(), str(path))
    except OSError as error:
        yield InputProblem(path=str(path), problem=_os_problem(error))
        return
    except InputError as error:
        yield _problem_from(error)
        return
    if not text.strip():
        yield InputProblem(path=str(path), problem="empty file, skipped")
    elif source_format == "jsonl":
        yield from _read_jsonl(path, text)
    else:
        yield from _read_article_file(path, text, source_format)


def _read_article_file(
    path: Path, text: str, source_format: str
) -> Iterator[Document | InputProblem]:
    sidecar = _read_sidecar(path)
    if isinstance(sidecar, InputProblem):
        yield sidecar
        sidecar = None
    given_meta = sidecar.meta if sidecar else DocumentMeta()
    if source_format == "html":
        extracted = _extract_html(text, url=given_meta.url)
        if extracted is None:
            problem = "no main text could be extracted from the HTML, skipped"
            yield InputProblem(path=str(path), problem=problem)
            return
        text, found_meta = extracted
    else:
        found_meta = DocumentMeta(published=date_from_top_lines(text))
    doc_id = given_document_id(sidecar.given_id) if sidecar else None
    yield Document(
        id=doc_id or file_document_id(path),
        text=text,
        content_hash=content_hash(text),
        meta=merge_meta(given_meta, found_meta),
        origin=str(path),
        source_format=source_format,
    )


def _read_sidecar(path: Path) -> RecordMeta | InputProblem | None:
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return None
    where = str(sidecar)
    try:
        record = json.loads(decode_text(sidecar.read_bytes(), where))
    except OSError as error:
        return InputProblem(path=where, problem=f"{_os_problem(error)}; metadata ignored")
    except InputError as error:
        return InputProblem(path=where, problem=f"{error.problem}; metadata ignored")
    except json.JSONDecodeError as error:
        problem = "not valid JSON, metadata ignored"
        return InputProblem(path=where, line=error.lineno, problem=problem)
    if not isinstance(record, dict):
        return InputProblem(path=where, problem="not a JSON object, metadata ignored")
    return record_meta(record)


def _read_jsonl(path: Path, text: str) -> Iterator[Document | InputProblem]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _read_jsonl_line(path, number, line)


def _read_jsonl_line(path: Path, number: int, line: str) -> Document | InputProblem:
    where = str(path)
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return InputProblem(path=where, line=number, problem="not valid JSON, line skipped")
    if not isinstance(record, dict):
        return InputProblem(path=where, line=number, problem="not a JSON object, line skipped")
    given = record_meta(record)
    body = _record_body(record, given.meta.url)
    if isinstance(body, str):
        return InputProblem(path=where, line=number, problem=body)
    text, found_meta, source_format = body
    unstorable = _unstorable_text(text)
    if unstorable:
        return InputProblem(path=where, line=number, problem=unstorable)
    return Document(
        id=record_document_id(given.given_id, text),
        text=text,
        content_hash=content_hash(text),
        meta=merge_meta(given.meta, found_meta),
        origin=f"{where}:{number}",
        source_format=source_format,
    )


def _record_body(
    record: Mapping[str, object], url: str | None
) -> tuple[str, DocumentMeta, str] | str:
    """The record's text, the metadata found in it and its format, or a problem sentence."""
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        return normalise_newlines(text), DocumentMeta(), "jsonl"
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        extracted = _extract_html(html, url=url)
        if extracted is None:
            return "no main text could be extracted from the HTML, line skipped"
        return extracted[0], extracted[1], "html"
    return "no 'text' or 'html' field with content, line skipped"


def _unstorable_text(text: str) -> str | None:
    """JSON escapes can smuggle in what no file read as text can hold: a NUL (binary data,
    which PostgreSQL cannot store) or a lone surrogate (not encodable as UTF-8)."""
    if "\x00" in text:
        return "text holds a NUL character (binary data), line skipped"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "text holds invalid Unicode (a lone surrogate), line skipped"
    return None


def _extract_html(html: str, *, url: str | None) -> tuple[str, DocumentMeta] | None:
    # Imported here: trafilatura takes a second to load, and most runs read only text files.
    from armsledger.ingest.html import extract_html

    extracted = extract_html(html, url=url)
    if extracted is None:
        return None
    return extracted.text, extracted.meta


def _problem_from(error: InputError) -> InputProblem:
    return InputProblem(path=error.path, line=error.line, problem=error.problem)


def _os_problem(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "cannot be read: permission denied, skipped"
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    return f"cannot be read: {error.strerror or error}, skipped"
