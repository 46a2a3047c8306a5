"""Fixtures of the fuse tests; the story itself is in story.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from armsledger.fuse.engine import FusionRules, load_fusion_rules
from tests.fuse.story import ITEM_PARENTS, TEXTS


@pytest.fixture(scope="session")
def fusion_rules() -> FusionRules:
    return load_fusion_rules(ITEM_PARENTS)


@pytest.fixture
def story_files(tmp_path: Path) -> dict[str, Path]:
    """The story's documents as real files, so a test can delete them after reading."""
    paths = {}
    for doc_id, text in TEXTS.items():
        path = tmp_path / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths[doc_id] = path
    return paths
