"""The Jinja2 environment the report and the web pages share: autoescaped, with our filters.

Article text is untrusted: autoescape is on for every template, and only SVG made by
vl-convert (which escapes its text) is marked safe.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from armsledger.domain.core import Quantity
from armsledger.domain.text import amount_text, number_text
from armsledger.report.context import span_anchor
from armsledger.report.views import claim_anchor, flow_anchor


def trusted_svg(svg: str) -> Markup:
    """Chart SVG from vl-convert, whose text nodes and attributes are escaped by the renderer."""
    # Safe because vl-convert escapes text; tests/report/test_charts.py holds it to that.
    return Markup(svg)


def label(category: str) -> str:
    """ "artillery_ammunition" reads "artillery ammunition"."""
    return category.replace("_", " ")


def amount(quantity: Quantity | None) -> str:
    return amount_text(quantity)


def template_environment(package: str) -> Environment:
    """Templates of `package` (its templates/ folder) with the shared filters."""
    environment = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        amount=amount,
        number=number_text,
        label=label,
        flow_anchor=flow_anchor,
        claim_anchor=claim_anchor,
    )
    environment.globals.update(span_anchor=span_anchor)
    return environment
