"""The command line: parses options, calls the layers, prints, sets the exit status."""

from armsledger.errors import ArmsledgerError

try:
    from armsledger.cli import analyze, ledger, outputs  # noqa: F401  (importing registers commands)
except ArmsledgerError as error:  # a compiled engine older than its sources: one line, no trace
    raise SystemExit(f"armsledger: {error}") from None
from armsledger.cli.app import app

__all__ = ["app"]
