"""`python -m armsledger` runs the command line."""

from armsledger.cli import app

app()
