"""How claims read on a terminal and in CSV: amounts with their bounds, flows as arrows."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.table import Table

from armsledger.domain import Claim, Polarity
from armsledger.domain.text import amount_text

CSV_COLUMNS = (
    "doc",
    "supplier",
    "recipient",
    "item",
    "designation",
    "amount",
    "polarity",
    "modality",
    "stage",
    "source",
    "source_kind",
    "time",
    "start",
    "end",
    "quote",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class TransferRow:
    supplier: str
    recipient: str
    item: str
    claims: int
    denied: int
    amounts: tuple[str, ...]
    sources: tuple[str, ...]


def transfer_rows(claims: Iterable[Claim]) -> list[TransferRow]:
    """Group claims by flow: the main transfers, most-claimed first."""
    by_flow: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_flow[claim.flow_key].append(claim)
    rows = [_transfer_row(key, flow_claims) for key, flow_claims in by_flow.items()]
    return sorted(rows, key=lambda row: (-row.claims, row.supplier, row.recipient, row.item))


def _transfer_row(key: tuple[str, str, str], claims: Sequence[Claim]) -> TransferRow:
    amounts = sorted(
        {
            f"{amount_text(claim.quantity)} ({claim.source.name})"
            for claim in claims
            if claim.quantity is not None
        }
    )
    return TransferRow(
        supplier=key[0],
        recipient=key[1],
        item=key[2],
        claims=len(claims),
        denied=sum(claim.polarity is Polarity.DENIED for claim in claims),
        amounts=tuple(amounts),
        sources=tuple(sorted({claim.source.name for claim in claims})),
    )


def transfers_table(rows: Sequence[TransferRow], *, title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for column in ("supplier → recipient", "item", "claims", "denied", "amounts (source)"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            f"{row.supplier} → {row.recipient}",
            row.item,
            str(row.claims),
            str(row.denied) if row.denied else "",
            "; ".join(row.amounts),
        )
    return table


def claim_cells(claim: Claim) -> dict[str, str | int]:
    return {
        "doc": claim.doc_id,
        "supplier": claim.supplier.id,
        "recipient": claim.recipient.id,
        "item": claim.item.category,
        "designation": claim.item.designation or "",
        "amount": amount_text(claim.quantity),
        "polarity": claim.polarity.value,
        "modality": claim.modality.value,
        "stage": claim.stage.value,
        "source": claim.source.name,
        "source_kind": claim.source.kind.value,
        "time": claim.time.text if claim.time else "",
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "quote": claim.evidence.text,
    }


def claims_table(claims: Sequence[Claim]) -> Table:
    table = Table(title=f"{len(claims)} claims")
    shown = ("doc", "supplier", "recipient", "item", "amount", "polarity", "modality", "source")
    for column in (*shown, "quote"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        cells = claim_cells(claim)
        table.add_row(*(str(cells[column]) for column in shown), str(cells["quote"])[:120])
    return table


def claims_csv(claims: Sequence[Claim]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for claim in claims:
        writer.writerow(claim_cells(claim))
    return buffer.getvalue()


def claims_jsonl(claims: Sequence[Claim]) -> str:
    return "".join(
        json.dumps(claim.to_record(), ensure_ascii=False, sort_keys=True) + "\n" for claim in claims
    )
