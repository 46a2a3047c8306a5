"""ingest/read.py on real files in tmp_path: every format, sidecars, encodings, bad input."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest

from armsledger.domain.core import Document, InputProblem
from armsledger.ingest.read import iter_inputs

ReadAll = Callable[[Sequence[str]], tuple[list[Document], list[InputProblem]]]

ARTICLE = (
    "Seoul says Pyongyang sent shells\n\n"
    "North Korea has sent about 6,700 containers of munitions to Russia, officials said.\n"
)
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Arms shipments rise | Example Herald</title>
<meta property="og:site_name" content="Example Herald">
<meta property="article:published_time" content="2024-03-05T08:30:00+09:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Arms shipments rise</h1>
<p>South Korea's defence ministry said on Tuesday that North Korea had shipped thousands of
containers of munitions to Russia since last autumn, in exchange for food and raw materials.</p>
<p>The ministry estimated that the containers could hold more than a million artillery shells,
although it did not say how it reached that figure.</p>
</article><footer>Copyright 2024 Example Herald. All rights reserved.</footer></body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def only_document(read_all: ReadAll, path: Path) -> Document:
    documents, problems = read_all([str(path)])
    assert problems == []
    assert len(documents) == 1
    return documents[0]


def only_problem(read_all: ReadAll, path: Path | str) -> InputProblem:
    documents, problems = read_all([str(path)])
    assert documents == []
    assert len(problems) == 1
    return problems[0]


def test_iter_inputs_reads_a_text_file_as_the_evaluator_does(
    read_all: ReadAll, tmp_path: Path
) -> None:
    path = write(tmp_path / "001_seoul.txt", ARTICLE)
    document = only_document(read_all, path)
    assert document.id == "001_seoul"
    assert document.text == path.read_text(encoding="utf-8")
    assert document.content_hash == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    assert document.source_format == "txt"
    assert document.origin == str(path)
    assert document.boilerplate == ()


def test_iter_inputs_reads_markdown_unchanged(read_all: ReadAll, tmp_path: Path) -> None:
    markdown = (
        "# Shells for Russia\n\n*Seoul*, **Tuesday** — [officials](https://x.example) said.\n"
    )
    document = only_document(read_all, write(tmp_path / "brief.md", markdown))
    assert document.text == markdown
    assert document.source_format == "md"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\r", "one\ntwo\n"),
        (b"one\r\n\r\ntwo", "one\n\ntwo"),
    ],
    ids=["crlf", "lone-cr", "blank-crlf-line"],
)
def test_iter_inputs_translates_newlines_like_read_text(
    read_all: ReadAll, tmp_path: Path, raw: bytes, expected: str
) -> None:
    path = write(tmp_path / "lines.txt", raw)
    document = only_document(read_all, path)
    assert document.text == expected
    assert document.text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kim’s “gift” – 1.5m shells".encode(), "Kim’s “gift” – 1.5m shells"),
        (b"\xef\xbb\xbfKim's shells", "Kim's shells"),
        (
            "Le ministère a déclaré: obus livrés à Moscou".encode("latin-1"),
            "Le ministère a déclaré: obus livrés à Moscou",
        ),
        ("Kim’s “gift” – shells for Moscow".encode("cp1252"), "Kim’s “gift” – shells for Moscow"),
        (
            "Северная Корея поставила снаряды в Россию, заявил министр.".encode("cp1251"),
            "Северная Корея поставила снаряды в Россию, заявил министр.",
        ),
        ("Kim’s shells\r\nfor Moscow".encode("utf-16"), "Kim’s shells\nfor Moscow"),
    ],
    ids=["utf-8", "utf-8-bom-dropped", "latin-1", "cp1252-quotes", "cp1251", "utf-16-bom"],
)
def test_iter_inputs_decodes_encodings(
    read_all: ReadAll, tmp_path: Path, raw: bytes, expected: str
) -> None:
    document = only_document(read_all, write(tmp_path / "article.txt", raw))
    assert document.text == expected


def test_iter_inputs_bom_offsets_count_from_after_the_bom(
    read_all: ReadAll, tmp_path: Path
) -> None:
    path = write(tmp_path / "bom.txt", "\ufeffRussia received shells.\n")
    document = only_document(read_all, path)
    # read_text keeps the BOM as one character; our offsets are one less, by design.
    assert document.text == path.read_text(encoding="utf-8")[1:]
    assert document.text.index("shells") == 16


def test_iter_inputs_walks_folders_sorted_and_skips_other_files(
    read_all: ReadAll, tmp_path: Path
) -> None:
    write(tmp_path / "b" / "2.txt", ARTICLE)
    write(tmp_path / "b" / "1.md", ARTICLE)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b" / "c" / "0.htm", PAGE)
    write(tmp_path / "notes.csv", "a,b\n")
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "a.json", json.dumps({"title": "A"}))
    write(tmp_path / ".hidden.txt", ARTICLE)
    write(tmp_path / ".git" / "x.txt", ARTICLE)
    documents, problems = read_all([str(tmp_path)])
    assert problems == []
    origins = [Path(document.origin).relative_to(tmp_path).as_posix() for document in documents]
    assert origins == ["a.txt", "b/1.md", "b/2.txt", "b/c/0.htm"]
    assert documents[0].meta.title == "A"


def test_iter_inputs_expands_globs_and_reads_each_file_once(
    read_all: ReadAll, tmp_path: Path
) -> None:
    write(tmp_path / "x.txt", ARTICLE)
    write(tmp_path / "y.txt", ARTICLE)
    write(tmp_path / "z.csv", "a,b\n")
    documents, problems = read_all([str(tmp_path / "*"), str(tmp_path / "x.txt"), str(tmp_path)])
    assert problems == []
    assert [document.id for document in documents] == ["x", "y"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file, skipped"),
        ("blank.md", b"  \n\t\r\n  ", "empty file, skipped"),
        ("blank.html", b"\n", "empty file, skipped"),
        ("binary.txt", b"%PDF-1.4\x00\x01\x02 stream", "binary file (contains NUL bytes), skipped"),
        ("controls.txt", bytes(range(1, 9)) * 20, "binary file (control characters), skipped"),
        (
            "table.csv",
            b"a,b\n1,2\n",
            "unsupported file type '.csv' (expected .txt, .md, .html, .htm, .jsonl), skipped",
        ),
        (
            "menu.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "no main text could be extracted from the HTML, skipped",
        ),
    ],
)
def test_iter_inputs_reports_bad_files(
    read_all: ReadAll, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = write(tmp_path / name, content)
    found = only_problem(read_all, path)
    assert str(found) == f"{path}: {problem}"


def test_iter_inputs_reports_missing_paths_and_empty_globs(
    read_all: ReadAll, tmp_path: Path
) -> None:
    missing = str(tmp_path / "nowhere.txt")
    pattern = str(tmp_path / "*.txt")
    documents, problems = read_all([missing, pattern])
    assert documents == []
    assert [str(problem) for problem in problems] == [
        f"{missing}: no such file or folder",
        f"{pattern}: no file matches this pattern",
    ]


def test_iter_inputs_refuses_an_empty_path(read_all: ReadAll) -> None:
    assert [str(problem) for problem in read_all([""])[1]] == ["'': empty path"]


def test_iter_inputs_reports_a_broken_symlink(read_all: ReadAll, tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert str(only_problem(read_all, link)) == f"{link}: no such file or folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_iter_inputs_reports_an_unreadable_file(read_all: ReadAll, tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", ARTICLE)
    path.chmod(0)
    try:
        problem = only_problem(read_all, path)
    finally:
        path.chmod(0o644)
    assert str(problem) == f"{path}: cannot be read: permission denied, skipped"


def test_iter_inputs_goes_on_after_a_bad_file(read_all: ReadAll, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", ARTICLE)
    documents, problems = read_all([str(tmp_path)])
    assert [document.id for document in documents] == ["b"]
    assert [problem.path for problem in problems] == [str(tmp_path / "a.txt")]


def test_iter_inputs_is_lazy(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    results = iter_inputs([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")])
    first = next(results)
    assert isinstance(first, Document)
    assert first.id == "a"


def jsonl_line(record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_iter_inputs_reads_jsonl_records_and_reports_bad_lines(
    read_all: ReadAll, tmp_path: Path
) -> None:
    text_without_id = "Russia received shells from North Korea, Kyiv said."
    lines = [
        jsonl_line(
            {
                "id": "kyiv-1",
                "text": "Kyiv said Russia got 1.5 million rounds.",
                "url": "https://news.example/kyiv-1",
                "title": "Rounds",
                "outlet": "Example News",
                "published": "2024-03-05T23:10:00-05:00",
            }
        ),
        "{not json",
        "",
        jsonl_line({"text": text_without_id, "published": "March 5, 2024"}),
        jsonl_line({"url": "https://news.example/empty", "text": "   "}),
        jsonl_line(["a", "list"]),
        jsonl_line({"id": 7, "html": PAGE}),
        jsonl_line({"html": "<html><body><nav>Home</nav></body></html>"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    documents, problems = read_all([str(path)])
    assert [str(problem) for problem in problems] == [
        f"{path}:2: not valid JSON, line skipped",
        f"{path}:5: no 'text' or 'html' field with content, line skipped",
        f"{path}:6: not a JSON object, line skipped",
        f"{path}:8: no main text could be extracted from the HTML, line skipped",
    ]
    first, second, third = documents
    assert (first.id, first.origin, first.source_format) == ("kyiv-1", f"{path}:1", "jsonl")
    assert first.meta.url == "https://news.example/kyiv-1"
    assert (first.meta.title, first.meta.outlet) == ("Rounds", "Example News")
    assert first.meta.published == date(2024, 3, 5)
    expected_id = hashlib.sha1(text_without_id.encode("utf-8")).hexdigest()[:16]
    assert (second.id, second.origin, second.text) == (expected_id, f"{path}:4", text_without_id)
    assert second.meta.published == date(2024, 3, 5)
    assert (third.id, third.source_format) == ("7", "html")
    assert "million artillery shells" in third.text
    assert "Home" not in third.text
    assert third.meta.outlet == "Example Herald"


def test_iter_inputs_reads_sidecar_metadata(read_all: ReadAll, tmp_path: Path) -> None:
    path = write(tmp_path / "seoul.txt", ARTICLE)
    sidecar = {
        "url": "https://news.example/seoul",
        "title": "Seoul says",
        "outlet": "Example News",
        "published": "20 July 2024",
        "id": "seoul-2024",
    }
    write(tmp_path / "seoul.json", json.dumps(sidecar))
    document = only_document(read_all, path)
    assert document.id == "seoul-2024"
    assert document.meta.url == "https://news.example/seoul"
    assert (document.meta.title, document.meta.outlet) == ("Seoul says", "Example News")
    assert document.meta.published == date(2024, 7, 20)


def test_iter_inputs_sidecar_overrides_html_page_metadata(
    read_all: ReadAll, tmp_path: Path
) -> None:
    path = write(tmp_path / "page.html", PAGE)
    write(tmp_path / "page.json", json.dumps({"title": "Given title"}))
    document = only_document(read_all, path)
    assert document.id == "page"
    assert document.source_format == "html"
    assert document.meta.title == "Given title"
    assert document.meta.outlet == "Example Herald"
    assert document.meta.published == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("sidecar", "problem"),
    [
        ('{"title": "A",\n "url": }', "2: not valid JSON, metadata ignored"),
        ('["a list"]', " not a JSON object, metadata ignored"),
        ("", "1: not valid JSON, metadata ignored"),
    ],
    ids=["broken", "not-an-object", "empty"],
)
def test_iter_inputs_reads_the_document_despite_a_bad_sidecar(
    read_all: ReadAll, tmp_path: Path, sidecar: str, problem: str
) -> None:
    path = write(tmp_path / "seoul.txt", ARTICLE)
    sidecar_path = write(tmp_path / "seoul.json", sidecar)
    documents, problems = read_all([str(path)])
    assert [str(found) for found in problems] == [f"{sidecar_path}:{problem}"]
    assert [(document.id, document.meta.title) for document in documents] == [("seoul", None)]


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("July 20, 2024\n\nHeadline\n", date(2024, 7, 20)),
        ("Headline\nPublished: 20 July 2024 10:31 BST\n", date(2024, 7, 20)),
        ("Headline\n2024-07-20\n", date(2024, 7, 20)),
        ("Headline\nOn July 20, 2024 Seoul said so.\n", None),
        ("Headline\n\n\n\n\n\n\n1\n2\n3\n4\n5\nJuly 20, 2024\n", None),
    ],
    ids=["top", "labelled-with-time", "iso", "inside-a-sentence", "too-far-down"],
)
def test_iter_inputs_takes_the_date_from_a_dateline(
    read_all: ReadAll, tmp_path: Path, head: str, published: date | None
) -> None:
    document = only_document(read_all, write(tmp_path / "dated.txt", head + ARTICLE))
    assert document.meta.published == published


def test_iter_inputs_sidecar_date_beats_the_dateline(read_all: ReadAll, tmp_path: Path) -> None:
    path = write(tmp_path / "dated.txt", "July 20, 2024\n" + ARTICLE)
    write(tmp_path / "dated.json", json.dumps({"published": "2024-07-21"}))
    assert only_document(read_all, path).meta.published == date(2024, 7, 21)


def test_iter_inputs_explicit_sidecar_is_not_an_input(read_all: ReadAll, tmp_path: Path) -> None:
    write(tmp_path / "seoul.txt", ARTICLE)
    sidecar = write(tmp_path / "seoul.json", "{}")
    problem = only_problem(read_all, sidecar)
    assert problem.problem.startswith("unsupported file type '.json'")


@pytest.mark.parametrize(
    ("escaped_text", "problem"),
    [
        ("Iran sent drones.\\u0000 More.", "NUL character"),
        ("Iran sent drones \\ud800 to Russia.", "lone surrogate"),
    ],
)
def test_read_jsonl_rejects_text_no_database_can_store(
    tmp_path: Path, escaped_text: str, problem: str
) -> None:
    feed = tmp_path / "feed.jsonl"
    good = '{"id": "ok", "text": "Iran sent drones to Russia."}'
    feed.write_text(f'{good}\n{{"id": "bad", "text": "{escaped_text}"}}\n', encoding="utf-8")
    reads = list(iter_inputs([str(feed)]))
    documents = [read for read in reads if isinstance(read, Document)]
    problems = [read for read in reads if isinstance(read, InputProblem)]
    assert [document.id for document in documents] == ["ok"]
    assert len(problems) == 1
    assert problems[0].line == 2
    assert problem in problems[0].problem
