"""Defaults and thresholds in one place, overridable by CLI options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB_PATH = Path("armsledger.db")
DEFAULT_REPORT = Path("report.html")
# Documents written per transaction: a crash loses at most one batch, and a re-run completes it.
DEFAULT_BATCH_SIZE = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSettings:
    db_url: str
    batch_size: int = DEFAULT_BATCH_SIZE


def database_url(db: str | None) -> str:
    """Turn `--db` (a path or an SQLAlchemy URL) into an SQLAlchemy URL."""
    if db is None:
        return f"sqlite:///{DEFAULT_DB_PATH}"
    if "://" in db:
        return db
    return f"sqlite:///{Path(db)}"
