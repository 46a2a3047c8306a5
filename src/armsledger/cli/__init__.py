"""The command line: parses options, calls the layers, prints, sets the exit status."""

from armsledger.cli import analyze, ledger, outputs  # noqa: F401  (importing registers commands)
from armsledger.cli.app import app

__all__ = ["app"]
