"""The claims query of the web pages and the API: filters, full-text search, sort, pages.

It runs over the claims of one `Ledger` read, so the grade filter (a fusion result, not a
stored claim column) and the search behave the same as every other filter.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from armsledger.domain.core import Claim, Polarity, Stage
from armsledger.report.ledger import Ledger
from armsledger.report.views import claim_date

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
WORD = re.compile(r"\w+", re.UNICODE)


class SortKey(StrEnum):
    DOCUMENT = "document"
    DATE = "date"
    SUPPLIER = "supplier"
    RECIPIENT = "recipient"
    ITEM = "item"
    AMOUNT = "amount"
    SOURCE = "source"
    GRADE = "grade"


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimQuery:
    """What the user asked for; None means "any". Strings match case-insensitively."""

    supplier: str | None = None  # actor id or name
    recipient: str | None = None
    item: str | None = None  # category or designation
    source: str | None = None  # words of the source's name
    grade: str | None = None  # "B3", or "B" for any credibility
    polarity: Polarity | None = None
    stage: Stage | None = None
    q: str | None = None  # words that must all occur in the quote
    doc: str | None = None
    sort: SortKey = SortKey.DOCUMENT
    descending: bool = False
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    def filters(self) -> dict[str, str]:
        """The set filters as query parameters, for links that keep them."""
        kept: dict[str, str] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if spec.name in {"sort", "descending", "page", "per_page"} or value in (None, ""):
                continue
            kept[spec.name] = str(value)
        return kept


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimPage:
    claims: tuple[Claim, ...]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def _folded(text: str | None) -> str:
    return (text or "").casefold()


def _matches_actor(wanted: str, actor_id: str, name: str) -> bool:
    return _folded(wanted) in {_folded(actor_id), _folded(name)}


def _matches_item(wanted: str, claim: Claim) -> bool:
    return _folded(wanted) in {claim.item.category, _folded(claim.item.designation)}


def _matches_words(wanted: str, text: str) -> bool:
    words = WORD.findall(_folded(wanted))
    present = set(WORD.findall(_folded(text)))
    return all(word in present for word in words)


def _matches_grade(wanted: str, code: str | None) -> bool:
    return code is not None and code.upper().startswith(wanted.strip().upper())


def _tests(query: ClaimQuery, ledger: Ledger) -> list[Callable[[Claim], bool]]:
    """One predicate per filter that is set."""
    tests: list[tuple[object, Callable[[Claim], bool]]] = [
        (query.supplier, lambda c: _matches_actor(query.supplier or "", *_actor(c, "supplier"))),
        (query.recipient, lambda c: _matches_actor(query.recipient or "", *_actor(c, "recipient"))),
        (query.item, lambda c: _matches_item(query.item or "", c)),
        (query.source, lambda c: _matches_words(query.source or "", c.source.name)),
        (query.grade, lambda c: _matches_grade(query.grade or "", _grade_code(ledger, c))),
        (query.polarity, lambda c: c.polarity is query.polarity),
        (query.stage, lambda c: c.stage is query.stage),
        (query.q, lambda c: _matches_words(query.q or "", c.evidence.text)),
        (query.doc, lambda c: c.doc_id == query.doc),
    ]
    return [test for wanted, test in tests if wanted not in (None, "")]


def _actor(claim: Claim, role: str) -> tuple[str, str]:
    actor = claim.supplier if role == "supplier" else claim.recipient
    return actor.id, actor.name


def _grade_code(ledger: Ledger, claim: Claim) -> str | None:
    grade = ledger.grade_of(claim.id)
    return grade.code if grade else None


def select_claims(ledger: Ledger, query: ClaimQuery) -> ClaimPage:
    tests = _tests(query, ledger)
    matching = [claim for claim in ledger.claims if all(test(claim) for test in tests)]
    ordered = sort_claims(ledger, matching, query.sort, descending=query.descending)
    first = (query.page - 1) * query.per_page
    return ClaimPage(
        claims=tuple(ordered[first : first + query.per_page]),
        total=len(matching),
        page=query.page,
        per_page=query.per_page,
    )


def sort_claims(
    ledger: Ledger, claims: Sequence[Claim], key: SortKey, *, descending: bool = False
) -> list[Claim]:
    """Sorted by `key`, ties in document order; claims without a value go last either way."""
    in_document_order = sorted(claims, key=lambda c: (c.doc_id, c.evidence.start, c.id))
    value_of = _sort_value(ledger, key)
    present = [c for c in in_document_order if value_of(c) is not None]
    missing = [c for c in in_document_order if value_of(c) is None]
    present.sort(key=value_of, reverse=descending)
    return present + missing


def _sort_value(ledger: Ledger, key: SortKey) -> Callable[[Claim], Any]:
    values: dict[SortKey, Callable[[Claim], Any]] = {
        SortKey.DOCUMENT: lambda c: (c.doc_id, c.evidence.start),
        SortKey.DATE: lambda c: claim_date(ledger, c),
        SortKey.SUPPLIER: lambda c: _folded(c.supplier.name),
        SortKey.RECIPIENT: lambda c: _folded(c.recipient.name),
        SortKey.ITEM: lambda c: c.item.category,
        SortKey.AMOUNT: lambda c: _amount(c),
        SortKey.SOURCE: lambda c: _folded(c.source.name),
        SortKey.GRADE: lambda c: _grade_code(ledger, c),
    }
    return values[key]


def _amount(claim: Claim) -> float | None:
    quantity = claim.quantity
    if quantity is None:
        return None
    for number in (quantity.value, quantity.low, quantity.high):
        if number is not None:
            return number
    return None
