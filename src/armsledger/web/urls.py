"""Where each thing lives in the web app; pages and templates build links only through here."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlencode

from armsledger.domain.fusion import FlowKey
from armsledger.report.context import span_anchor


def _part(value: str) -> str:
    """One path segment: actor names may hold spaces or slashes."""
    return quote(value, safe="")


def claim_url(claim_id: str) -> str:
    return f"/claims/{_part(claim_id)}"


def claims_url(filters: Mapping[str, object] | None = None) -> str:
    wanted = {k: str(v) for k, v in (filters or {}).items() if v not in (None, "")}
    return f"/claims?{urlencode(wanted)}" if wanted else "/claims"


def document_url(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    anchor = f"#{span_anchor(start, end)}" if start is not None and end is not None else ""
    return f"/documents/{_part(doc_id)}{anchor}"


def flow_url(key: FlowKey) -> str:
    supplier, recipient, item = key
    return f"/flows/{_part(supplier)}/{_part(recipient)}/{_part(item)}"


def flows_url(supplier: str | None = None, recipient: str | None = None) -> str:
    wanted = {k: v for k, v in (("supplier", supplier), ("recipient", recipient)) if v}
    return f"/flows?{urlencode(wanted)}" if wanted else "/flows"


def source_claims_url(name: str) -> str:
    return claims_url({"source": name})


TEMPLATE_GLOBALS = {
    "claim_url": claim_url,
    "claims_url": claims_url,
    "document_url": document_url,
    "flow_url": flow_url,
    "flows_url": flows_url,
    "source_claims_url": source_claims_url,
}
