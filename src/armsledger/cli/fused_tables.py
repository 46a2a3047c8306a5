"""Terminal tables for `brief` and `sources`, from the JSON-ready rows fuse.views makes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table

from armsledger.domain.text import number_text


def figure_text(figure: Mapping[str, Any] | None) -> str:
    """A figure or estimate record as "≥1,000,000" / "6,700 container/day" (derived marked)."""
    if not figure:
        return ""
    value = figure.get("value")
    if value is None:
        value = figure.get("low") if figure.get("low") is not None else figure.get("high")
    amount = "?" if value is None else number_text(float(value))
    unit = "" if figure.get("unit") in (None, "item") else f" {figure['unit']}"
    per = f"/{figure['per']}" if figure.get("per") else ""
    derived = " (derived)" if figure.get("derived") else ""
    return f"{amount}{unit}{per}{derived}"


def brief_table(rows: Sequence[Mapping[str, Any]]) -> Table:
    table = Table(title=f"{len(rows)} flows")
    columns = ("flow", "claims", "latest", "conservative", "high", "origins", "conflicts", "grade")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        grade = row.get("grade") or {}
        table.add_row(
            f"{row['supplier']} → {row['recipient']} {row['item']}",
            f"{row['affirmed']}+ {row['denied']}-" if row["denied"] else str(row["affirmed"]),
            figure_text(row.get("latest")),
            figure_text(row.get("conservative")),
            figure_text(row.get("high")),
            str(row["independent_origins"]),
            str(len(row["contradictions"])) if row["contradictions"] else "",
            str(grade.get("code", "")),
        )
    return table


def sources_table(rows: Sequence[Mapping[str, Any]]) -> Table:
    table = Table(title=f"{len(rows)} sources")
    for column in ("source", "kind", "state", "claims", "grades", "origins", "documents"):
        table.add_column(column, overflow="fold")
    for row in rows:
        grades = sorted({claim["grade"]["code"] for claim in row["claims"] if claim.get("grade")})
        table.add_row(
            str(row["name"]),
            str(row["kind"]),
            str(row.get("state") or ""),
            str(len(row["claims"])),
            " ".join(grades),
            "; ".join(row["origins"]),
            str(len(row["docs"])),
        )
    return table
