"""Commands that read the stored ledger: claims (and, with fusion, brief and sources)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from armsledger.cli.app import app
from armsledger.cli.common import DB_OPTION_HELP, connect, reported_as_one_line
from armsledger.cli.formatting import claims_csv, claims_jsonl, claims_table
from armsledger.store import ClaimFilter


class ClaimsFormat(StrEnum):
    TABLE = "table"
    JSONL = "jsonl"
    CSV = "csv"


@app.command("claims")
def claims_command(
    supplier: Annotated[
        str | None, typer.Option(help="Supplier: ISO3 code (PRK) or actor name.")
    ] = None,
    recipient: Annotated[
        str | None, typer.Option(help="Recipient: ISO3 code (RUS) or actor name.")
    ] = None,
    item: Annotated[
        str | None, typer.Option(help="Item category, e.g. artillery_ammunition.")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Words in the source's name, e.g. Skibitsky.")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Document id (the file stem).")] = None,
    polarity: Annotated[str | None, typer.Option(help="affirmed or denied.")] = None,
    stage: Annotated[str | None, typer.Option(help="planned, agreed, delivered or unknown.")] = None,
    text: Annotated[str | None, typer.Option(help="Words that the quote contains.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many claims.", min=1)] = None,
    output_format: Annotated[
        ClaimsFormat, typer.Option("--format", help="table, jsonl or csv.")
    ] = ClaimsFormat.TABLE,
    db: Annotated[str | None, typer.Option("--db", help=DB_OPTION_HELP)] = None,
) -> None:
    """Query the stored ledger of claims, filtered by supplier, recipient, item, source, document."""
    claim_filter = ClaimFilter(
        supplier=supplier,
        recipient=recipient,
        item=item,
        source=source,
        doc=doc,
        polarity=polarity,
        stage=stage,
        text=text,
        limit=limit,
    )
    with reported_as_one_line(), connect(db) as store:
        claims = store.claims(claim_filter)
    if output_format is ClaimsFormat.JSONL:
        typer.echo(claims_jsonl(claims), nl=False)
    elif output_format is ClaimsFormat.CSV:
        typer.echo(claims_csv(claims), nl=False)
    else:
        Console().print(claims_table(claims))
