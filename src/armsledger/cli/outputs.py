"""Commands that show the ledger or hand it to other tools: export, report, serve."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from armsledger.cli.app import app
from armsledger.cli.common import DB_OPTION_HELP, connect, reported_as_one_line
from armsledger.export import FORMATS, LedgerBundle
from armsledger.export.csv import CsvTable, export_csv
from armsledger.report import write_report
from armsledger.settings import DEFAULT_REPORT, database_url
from armsledger.store import Store


class ExportFormat(StrEnum):
    """The names of armsledger.export.FORMATS (a test holds the two equal)."""

    JSONL = "jsonl"
    CSV = "csv"
    STIX = "stix"
    FTM = "ftm"
    GRAPHML = "graphml"


def ledger_bundle(store: Store) -> LedgerBundle:
    finished = [run.finished for run in store.runs() if run.finished is not None]
    return LedgerBundle(
        documents=store.documents(),
        claims=store.claims(),
        as_of=max(finished, default=None),
    )


@app.command("export")
def export_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="jsonl, csv, stix (STIX 2.1 bundle), ftm (FollowTheMoney) or graphml.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write; standard output if absent."),
    ] = None,
    table: Annotated[
        CsvTable, typer.Option(help="With --format csv: which table, claims, sources or documents.")
    ] = CsvTable.CLAIMS,
    db: Annotated[str | None, typer.Option("--db", help=DB_OPTION_HELP)] = None,
) -> None:
    """Write the stored ledger in a standard format for other tools."""
    with reported_as_one_line(), connect(db) as store:
        bundle = ledger_bundle(store)
    if output is None:
        _write_export(bundle, str(output_format), table, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as out:
        _write_export(bundle, str(output_format), table, out)
    typer.echo(f"wrote {output}", err=True)


def _write_export(bundle: LedgerBundle, name: str, table: CsvTable, out: TextIO) -> None:
    if name == "csv":
        export_csv(bundle, out, table)
    else:
        FORMATS[name].write(bundle, out)


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = DEFAULT_REPORT,
    pdf: Annotated[
        Path | None,
        typer.Option("--pdf", help="Also print the report to this PDF (needs Chromium)."),
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help=DB_OPTION_HELP)] = None,
) -> None:
    """Write the ledger as one self-contained HTML file that opens with no network.

    Overview, flow diagram, timelines of estimates, contradictions, sources with grades and
    the claims with quotes, each linking to its sentence in context. --pdf prints it through
    the system's headless Chromium (Debian: apt-get install chromium).
    """
    with reported_as_one_line(), connect(db) as store:
        written = write_report(store, out, pdf=pdf)
    typer.echo(f"wrote {written}" + (f" and {pdf}" if pdf else ""), err=True)


@app.command("serve")
def serve_command(
    db: Annotated[str | None, typer.Option("--db", help=DB_OPTION_HELP)] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; loopback only unless you change it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Browse the ledger in a read-only web app (pages and a JSON API under /api/)."""
    import uvicorn

    from armsledger.web.app import create_app

    with reported_as_one_line():
        application = create_app(database_url(db))
    typer.echo(f"armsledger: serving {database_url(db)} on http://{host}:{port}/", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")
