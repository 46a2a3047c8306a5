"""How amounts read: one formatter for the terminal, the report, the web pages and GraphML."""

from __future__ import annotations

import pytest

from armsledger.domain import Quantity
from armsledger.domain.text import amount_text, number_text


@pytest.mark.parametrize(
    ("quantity", "text"),
    [
        (None, ""),
        (Quantity(value=1000, low=1000, high=1000), "1,000"),
        (Quantity(value=1000, low=1000, high=None, unit="container"), "≥1,000 container"),
        (Quantity(value=4, low=None, high=4), "≤4"),
        (Quantity(value=6700, low=None, high=None), "~6,700"),
        (Quantity(value=None, low=10, high=20, per="day"), "10–20/day"),
        (Quantity(value=None, low=None, high=None), "?"),
    ],
)
def test_amount_text_shows_bounds_and_units(quantity: Quantity | None, text: str) -> None:
    assert amount_text(quantity) == text


@pytest.mark.parametrize(
    ("quantity", "text"),
    [
        (Quantity(value=1500000, low=1500000, high=1500000), "1500000 item"),
        (Quantity(value=1000, low=1000, high=None, unit="container"), ">=1000 container"),
        (Quantity(value=None, low=20, high=30, unit="tonne"), "20-30 tonne"),
        (Quantity(value=2.5, low=None, high=2.5, unit="usd"), "<=2.5 usd"),
    ],
)
def test_amount_text_plain_is_ascii_with_units(quantity: Quantity, text: str) -> None:
    assert amount_text(quantity, plain=True, always_unit=True) == text


@pytest.mark.parametrize(
    ("number", "grouped", "text"),
    [(1234567.0, True, "1,234,567"), (1234.5, True, "1,234.50"), (1234.5, False, "1234.5")],
)
def test_number_text_groups_thousands(number: float, grouped: bool, text: str) -> None:
    assert number_text(number, grouped=grouped) == text
