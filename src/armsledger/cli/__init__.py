"""The command line: parses options, calls the layers, prints, sets the exit status."""

from armsledger.cli import analyze, ledger  # noqa: F401  (importing registers the commands)
from armsledger.cli.app import app

__all__ = ["app"]
