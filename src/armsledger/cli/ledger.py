"""Commands that read the stored ledger: claims, brief (fused flows) and sources."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from armsledger.cli.app import app
from armsledger.cli.common import DB_OPTION_HELP, connect, output_console, reported_as_one_line
from armsledger.cli.formatting import claims_csv, claims_jsonl, claims_table
from armsledger.cli.fused_tables import brief_table, sources_table
from armsledger.fuse import BriefFilters, brief_rows, source_rows
from armsledger.store import ClaimFilter
from armsledger.store.fusion import read_fusion


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
    stage: Annotated[
        str | None, typer.Option(help="planned, agreed, delivered or unknown.")
    ] = None,
    text: Annotated[str | None, typer.Option(help="Words that the quote contains.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many claims.", min=1)] = None,
    output_format: Annotated[
        ClaimsFormat, typer.Option("--format", help="table, jsonl or csv.")
    ] = ClaimsFormat.TABLE,
    db: Annotated[str | None, typer.Option("--db", help=DB_OPTION_HELP)] = None,
) -> None:
    """Query the stored ledger: filter by supplier, recipient, item, source, document."""
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
        output_console().print(claims_table(claims))


class FusedFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


@app.command("brief")
def brief_command(
    supplier: Annotated[str | None, typer.Option(help="Supplier ISO3 code or actor id.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient ISO3 code or actor id.")] = None,
    item: Annotated[str | None, typer.Option(help="Item category.")] = None,
    output_format: Annotated[
        FusedFormat, typer.Option("--format", help="table or json.")
    ] = FusedFormat.TABLE,
    db: Annotated[str | None, typer.Option("--db", help=DB_OPTION_HELP)] = None,
) -> None:
    """What is established, flow by flow: the range of estimates, the latest, the conservative
    figure, the independent origins, the contradictions and the grade."""
    with reported_as_one_line(), connect(db) as store:
        rows = brief_rows(
            read_fusion(store), BriefFilters(supplier=supplier, recipient=recipient, item=item)
        )
    if output_format is FusedFormat.JSON:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        output_console().print(brief_table(rows))


@app.command("sources")
def sources_command(
    output_format: Annotated[
        FusedFormat, typer.Option("--format", help="table or json.")
    ] = FusedFormat.TABLE,
    db: Annotated[str | None, typer.Option("--db", help=DB_OPTION_HELP)] = None,
) -> None:
    """Sources merged across documents, with their claims, origin networks and grades."""
    with reported_as_one_line(), connect(db) as store:
        rows = source_rows(read_fusion(store))
    if output_format is FusedFormat.JSON:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        output_console().print(sources_table(rows))
