"""The Typer application object; commands register themselves in their own modules."""

from __future__ import annotations

import typer

EXIT_STATUS_HELP = (
    "Exit status: 0 when every input was read, 1 when some input was skipped "
    "(each skipped file is named on standard error with its problem), 2 on a usage or "
    "configuration error such as an unreadable database or lexicon."
)

app = typer.Typer(
    name="armsledger",
    help=(
        "Turn news reports about arms transfers into a source-attributed ledger of claims: "
        "who says what was sent to whom, how much, when, how hedged, with the sentence behind "
        f"every figure.\n\n{EXIT_STATUS_HELP}"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
