"""Read a whole SQLite ledger back, to compare two states of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def database_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: two dumps are equal when the database is unchanged."""
    with sqlite3.connect(path) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }
