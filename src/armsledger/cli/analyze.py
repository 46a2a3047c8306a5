"""The main job and the commands that read articles: analyze, extract, explain."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from armsledger.cli.app import EXIT_STATUS_HELP, app
from armsledger.cli.common import (
    DB_OPTION_HELP,
    connect,
    new_extractor,
    output_console,
    reported_as_one_line,
)
from armsledger.cli.formatting import claims_jsonl, transfer_rows, transfers_table
from armsledger.domain import Document, InputProblem
from armsledger.extract.explain import render_explanation
from armsledger.pipeline import (
    ProgressCallback,
    RunSummary,
    analyze_paths,
    extract_all,
    read_documents,
)
from armsledger.report import write_report
from armsledger.settings import DEFAULT_BATCH_SIZE, DEFAULT_REPORT
from armsledger.store import ClaimFilter

PATHS_HELP = (
    "Files, folders (walked recursively) or globs: .txt, .md, .html/.htm and .jsonl "
    "(one article per line). A NAME.json beside NAME.txt carries its metadata."
)


class ExtractFormat(StrEnum):
    JSONL = "jsonl"


@app.command("analyze", epilog=EXIT_STATUS_HELP)
def analyze_command(
    paths: Annotated[list[str], typer.Argument(help=PATHS_HELP, show_default=False)],
    db: Annotated[str | None, typer.Option("--db", help=DB_OPTION_HELP)] = None,
    batch_size: Annotated[
        int, typer.Option(help="Documents written per transaction.", min=1)
    ] = DEFAULT_BATCH_SIZE,
    report: Annotated[
        bool, typer.Option("--report/--no-report", help="Write the HTML report at the end.")
    ] = True,
    report_out: Annotated[
        Path, typer.Option("--report-out", help="Where the HTML report goes.")
    ] = DEFAULT_REPORT,
) -> None:
    """Read articles, extract transfer claims, store them and summarise what was found.

    Re-running on the same input stores nothing twice: a document already stored with the
    same content is left as it is.
    """
    console = output_console()
    with reported_as_one_line(), connect(db) as store:
        with _progress(console) as on_item:
            summary = analyze_paths(store, paths, batch_size=batch_size, on_item=on_item)
        claims = store.claims(ClaimFilter(doc_ids=tuple(summary.doc_ids)))
        written = write_report(store, report_out) if report else None
    _print_summary(console, summary, store.url)
    if claims:
        console.print(transfers_table(transfer_rows(claims), title="Main transfers"))
    if written is not None:
        console.print(f"Report: {written}", markup=False, highlight=False)
    if summary.skipped:
        raise typer.Exit(code=1)


@app.command("extract", epilog=EXIT_STATUS_HELP)
def extract_command(
    paths: Annotated[list[str], typer.Argument(help=PATHS_HELP, show_default=False)],
    output_format: Annotated[
        ExtractFormat, typer.Option("--format", help="Output format (the evaluation format).")
    ] = ExtractFormat.JSONL,
) -> None:
    """Write the claims of the given documents to standard output, one JSON object a line.

    The format is the claim format of the evaluation (shared/eval/README.md) with extra
    fields (stage, designation, time, rule). Nothing is stored; output is deterministic.
    """
    with reported_as_one_line():
        documents, problems = read_documents(paths)
        claims = extract_all(new_extractor(), documents)
    _report_problems(problems)
    typer.echo(claims_jsonl(claims), nl=False)
    if problems:
        raise typer.Exit(code=1)


@app.command("explain", epilog=EXIT_STATUS_HELP)
def explain_command(
    path: Annotated[Path, typer.Argument(help="One article file.", show_default=False)],
) -> None:
    """Show, sentence by sentence, what the rules found and why each claim exists.

    For every sentence: the actors, items, amounts, speaker and hedges recognised, and the
    rule that produced each claim. Boilerplate spans are listed as skipped.
    """
    with reported_as_one_line():
        documents, problems = read_documents([str(path)])
        extractor = new_extractor()
        text = "\n".join(render_explanation(extractor.explain(doc)) for doc in documents)
    _report_problems(problems)
    typer.echo(text)
    if problems:
        raise typer.Exit(code=1)


@contextmanager
def _progress(console: Console) -> Iterator[ProgressCallback | None]:
    """A progress line on a terminal; silent when output goes to a file or a pipe."""
    if not console.is_terminal:
        yield None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("reading", total=None)

        def advance(read: Document | InputProblem) -> None:
            name = read.id if isinstance(read, Document) else read.path
            progress.update(task, advance=1, description=f"reading {name}")

        yield advance


def _report_problems(problems: list[InputProblem]) -> None:
    for problem in problems:
        typer.echo(f"armsledger: skipped {problem}", err=True)


def _print_summary(console: Console, summary: RunSummary, db_url: str) -> None:
    _report_problems(summary.skipped)
    console.print(
        f"Documents read: {summary.documents_read} "
        f"(new or changed: {summary.documents_stored}, unchanged: {summary.documents_unchanged}); "
        f"skipped: {len(summary.skipped)}; new claims stored: {summary.claims_stored}"
    )
    for problem in summary.skipped:
        console.print(f"  skipped {problem}", markup=False, highlight=False)
    console.print(f"Ledger: {db_url}", markup=False, highlight=False)
