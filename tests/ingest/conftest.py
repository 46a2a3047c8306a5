"""Ingest fixtures: the seed articles read as Documents, and a helper to split read results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pytest

from armsledger.domain.core import Document, InputProblem
from armsledger.ingest.read import iter_inputs


def split_results(
    results: Iterable[Document | InputProblem],
) -> tuple[list[Document], list[InputProblem]]:
    """Documents and problems of one read, each in the order they came."""
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for result in results:
        if isinstance(result, Document):
            documents.append(result)
        else:
            problems.append(result)
    return documents, problems


ReadAll = Callable[[Sequence[str]], tuple[list[Document], list[InputProblem]]]


@pytest.fixture(scope="session")
def read_all() -> ReadAll:
    """`iter_inputs` run to the end, its results split into documents and problems."""

    def read(paths: Sequence[str]) -> tuple[list[Document], list[InputProblem]]:
        return split_results(iter_inputs(paths))

    return read


@pytest.fixture(scope="session")
def seed_documents(seeds_dir: Path) -> dict[str, Document]:
    """The five seeds by id, read from shared/seeds (skipped when that folder is absent)."""
    documents, problems = split_results(iter_inputs([str(seeds_dir)]))
    assert problems == []
    return {document.id: document for document in documents}
