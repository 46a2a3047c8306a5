"""armsledger's exceptions. Messages read `<file>[:<line>]: <problem>`."""

from __future__ import annotations


class ArmsledgerError(Exception):
    """Base class: a user's mistake or bad input, shown as one line, never a traceback."""


class InputError(ArmsledgerError):
    """A document or input file that cannot be read."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class LexiconError(ArmsledgerError):
    """A lexicon or rules file that is missing, malformed or inconsistent."""


class StoreError(ArmsledgerError):
    """The database cannot be opened, migrated or written."""
