"""What every command shares: one-line errors, opening the store, the extractor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from armsledger.errors import ArmsledgerError
from armsledger.extract.claims import Extractor
from armsledger.lexicon import load_lexicons
from armsledger.settings import database_url
from armsledger.store import Store, open_store

DB_OPTION_HELP = (
    "Database: a file path for SQLite or an SQLAlchemy URL "
    "(postgresql+psycopg://user@host/db). Default: armsledger.db in the working directory."
)


@contextmanager
def reported_as_one_line() -> Iterator[None]:
    """A user's mistake or bad configuration is one line on stderr, never a traceback."""
    try:
        yield
    except ArmsledgerError as error:
        typer.echo(f"armsledger: {error}", err=True)
        raise typer.Exit(code=2) from None


def output_console() -> Console:
    """Rich on a terminal; a wide plain console for files and pipes, so tables stay readable."""
    console = Console()
    return console if console.is_terminal else Console(width=140, no_color=True)


def connect(db: str | None) -> Store:
    return open_store(database_url(db))


def new_extractor() -> Extractor:
    return Extractor(load_lexicons())
