"""Fixtures of the extract tests: the lexicons and one extractor per test run."""

from __future__ import annotations

import pytest

from armsledger.extract.claims import Extractor
from armsledger.lexicon import Lexicons, load_lexicons


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return load_lexicons()


@pytest.fixture(scope="session")
def extractor(lexicons: Lexicons) -> Extractor:
    return Extractor(lexicons)
