"""Loading and matching the phenomenon suite (tests/phenomena/*.yaml); see its README."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from armsledger.domain.core import Claim, Document, DocumentMeta

PHENOMENA_DIR = Path(__file__).resolve().parents[1] / "phenomena"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    id: str
    phenomenon: str
    text: str
    published: date | None
    exact: bool
    expect: tuple[dict[str, Any], ...]


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(PHENOMENA_DIR.glob("*.yaml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in content.get("cases") or []:
            published = raw.get("published")
            if isinstance(published, str):
                published = date.fromisoformat(published)
            cases.append(
                Case(
                    id=str(raw["id"]),
                    phenomenon=str(content.get("phenomenon", path.stem)),
                    text=str(raw["text"]),
                    published=published,
                    exact=bool(raw.get("exact", True)),
                    expect=tuple(raw.get("expect") or ()),
                )
            )
    return cases


def document_of(case: Case) -> Document:
    return Document(
        id=case.id,
        text=case.text,
        content_hash=case.id,
        meta=DocumentMeta(published=case.published),
    )


def _words(text: str | None) -> set[str]:
    return set(_WORD.findall((text or "").lower()))


def _number_equal(expected: object, got: float | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    return abs(float(str(expected)) - got) <= 0.02 * abs(float(str(expected)))


def _quantity_ok(expected: dict[str, Any] | None, claim: Claim) -> bool:
    quantity = claim.quantity
    if expected is None:
        return quantity is None
    if quantity is None:
        return False
    for key in ("value", "low", "high"):
        if key in expected and not _number_equal(expected[key], getattr(quantity, key)):
            return False
    if "unit" in expected and quantity.unit != expected["unit"]:
        return False
    return "per" not in expected or quantity.per == expected["per"]


def _source_ok(expected: dict[str, Any], claim: Claim) -> bool:
    if "kind" in expected and claim.source.kind.value != expected["kind"]:
        return False
    return "name" not in expected or _words(expected["name"]) <= _words(claim.source.name)


def _time_ok(expected: dict[str, Any] | None, claim: Claim) -> bool:
    time = claim.time
    if expected is None:
        return time is None
    if time is None:
        return False
    if "text" in expected and str(expected["text"]).lower() not in time.text.lower():
        return False
    for key in ("start", "end"):
        if key in expected:
            wanted = expected[key]
            got = getattr(time, key)
            if (got.isoformat() if got else None) != (str(wanted) if wanted else None):
                return False
    return True


def matches(expected: dict[str, Any], claim: Claim) -> bool:
    items = expected["item"] if isinstance(expected["item"], list) else [expected["item"]]
    checks = [
        claim.supplier.id == str(expected["supplier"]),
        claim.recipient.id == str(expected["recipient"]),
        claim.item.category in items,
    ]
    simple = {
        "polarity": claim.polarity.value,
        "modality": claim.modality.value,
        "stage": claim.stage.value,
        "designation": claim.item.designation,
    }
    checks += [str(expected[key]) == str(value) for key, value in simple.items() if key in expected]
    if "quantity" in expected:
        checks.append(_quantity_ok(expected["quantity"], claim))
    if "source" in expected:
        checks.append(_source_ok(expected["source"], claim))
    if "time" in expected:
        checks.append(_time_ok(expected["time"], claim))
    if "quote_contains" in expected:
        checks.append(str(expected["quote_contains"]) in claim.evidence.text)
    return all(checks)


def assign(expect: tuple[dict[str, Any], ...], claims: list[Claim]) -> list[int]:
    """Indexes of expected claims left unmatched by distinct produced claims (max matching)."""
    owner: dict[int, int] = {}

    def augment(index: int, seen: set[int]) -> bool:
        for position, claim in enumerate(claims):
            if position in seen or not matches(expect[index], claim):
                continue
            seen.add(position)
            if position not in owner or augment(owner[position], seen):
                owner[position] = index
                return True
        return False

    return [index for index in range(len(expect)) if not augment(index, set())]


def fold_key(claim: Claim) -> tuple[object, ...]:
    quantity = claim.quantity
    amount = (quantity.value, quantity.unit, quantity.per) if quantity else None
    return (
        claim.supplier.id,
        claim.recipient.id,
        claim.item.category,
        claim.polarity.value,
        amount,
    )


def distinct_expected(expect: tuple[dict[str, Any], ...]) -> int:
    return len({repr(sorted(e.items(), key=lambda kv: kv[0])) for e in expect})
