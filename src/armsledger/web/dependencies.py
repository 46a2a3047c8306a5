"""What every route needs: the ledger read for this request and the parsed claims query."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import HTTPException, Query, Request

from armsledger.domain.core import Claim, Document, Polarity, Stage
from armsledger.report.ledger import Ledger, read_ledger
from armsledger.store import Store
from armsledger.web.query import DEFAULT_PER_PAGE, MAX_PER_PAGE, ClaimQuery, SortKey

SORT_PATTERN = "^-?(" + "|".join(key.value for key in SortKey) + ")$"
# HTML forms send an empty string for "any"; the API accepts it too, so both read alike.
Blank = Literal[""]


def current_ledger(request: Request) -> Ledger:
    """One consistent read per request; the store opens a transaction per read."""
    store: Store = request.app.state.store
    return read_ledger(store)


def _text(value: str | None) -> str | None:
    stripped = (value or "").strip()
    return stripped or None


def claim_query(
    supplier: Annotated[str | None, Query(description="Actor id (PRK) or name.")] = None,
    recipient: Annotated[str | None, Query(description="Actor id (RUS) or name.")] = None,
    item: Annotated[str | None, Query(description="Item category or designation.")] = None,
    source: Annotated[str | None, Query(description="Words of the source's name.")] = None,
    grade: Annotated[str | None, Query(description="Grade code (B3) or letter (B).")] = None,
    polarity: Annotated[Polarity | Blank | None, Query()] = None,
    stage: Annotated[Stage | Blank | None, Query()] = None,
    q: Annotated[str | None, Query(description="Words that must all be in the quote.")] = None,
    doc: Annotated[str | None, Query(description="Document id.")] = None,
    sort: Annotated[
        str, Query(pattern=SORT_PATTERN, description="A sort key; a leading - sorts descending.")
    ] = SortKey.DOCUMENT.value,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = DEFAULT_PER_PAGE,
) -> ClaimQuery:
    return ClaimQuery(
        supplier=_text(supplier),
        recipient=_text(recipient),
        item=_text(item),
        source=_text(source),
        grade=_text(grade),
        polarity=polarity or None,
        stage=stage or None,
        q=_text(q),
        doc=_text(doc),
        sort=SortKey(sort.removeprefix("-")),
        descending=sort.startswith("-"),
        page=page,
        per_page=per_page,
    )


def find_claim(ledger: Ledger, claim_id: str) -> Claim:
    claim = ledger.claims_by_id.get(claim_id)
    if claim is None:
        raise HTTPException(status_code=404, detail=f"no claim {claim_id!r}")
    return claim


def find_document(ledger: Ledger, doc_id: str) -> Document:
    document = ledger.documents_by_id.get(doc_id)
    if document is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    return document
