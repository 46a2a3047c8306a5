"""Fixtures shared by every test folder: where the seeds are, the lexicons, the extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_DIR.parent / "shared"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden/ from the current output",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED_DIR / "seeds").is_dir():
        pytest.skip(f"{SHARED_DIR} is absent: clone the project with shared/ beside it")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def score_script(shared_dir: Path) -> Path:
    return shared_dir / "eval" / "score.py"


@pytest.fixture(scope="session")
def seeds_gold(shared_dir: Path) -> Path:
    return shared_dir / "eval" / "gold" / "seeds.jsonl"
