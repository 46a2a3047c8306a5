"""Main text and page metadata from an HTML page, with trafilatura, fully offline.

trafilatura is given the page as a string, so it never fetches anything; the URL, when known,
only helps it read metadata. Reader comments are left out: they are not reporting.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from armsledger.domain.core import DocumentMeta
from armsledger.ingest.meta import parse_published

# On a page without an article trafilatura falls back to whatever text it finds ("Home" from a
# menu); fewer letters than a one-sentence news brief is no main text.
MIN_TEXT_CHARS = 25


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlExtract:
    """The article text trafilatura found and what the page says about itself."""

    text: str
    meta: DocumentMeta


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract | None:
    """The page's main text and metadata, or None when no main text can be found."""
    if not html.strip():
        return None
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    if result is None:
        return None
    fields = result if isinstance(result, dict) else result.as_dict()
    text = fields.get("text")
    if not isinstance(text, str) or len(text.strip()) < MIN_TEXT_CHARS:
        return None
    return HtmlExtract(text=text, meta=_page_meta(fields, url))


def _page_meta(fields: dict[str, object], url: str | None) -> DocumentMeta:
    return DocumentMeta(
        url=url or _string(fields.get("url")),
        title=_string(fields.get("title")),
        # The site name is the outlet; the host name stands in when the page names no site.
        outlet=_string(fields.get("sitename")) or _string(fields.get("hostname")),
        published=parse_published(fields.get("date")),
        language=_string(fields.get("language")),
    )


def _string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
