"""How an amount reads wherever it is shown: terminal, report, web pages and graph exports."""

from __future__ import annotations

from armsledger.domain.core import Quantity

# "≥" and "–" for people; GraphML and CSV consumers may prefer plain ASCII.
UNICODE_MARKS = {"at_least": "≥", "at_most": "≤", "range": "–"}
ASCII_MARKS = {"at_least": ">=", "at_most": "<=", "range": "-"}


def number_text(number: float, *, grouped: bool = True) -> str:
    if not grouped:
        return str(int(number)) if float(number).is_integer() else str(number)
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,.2f}"


def amount_text(
    quantity: Quantity | None, *, plain: bool = False, always_unit: bool = False
) -> str:
    """ "more than 1,000 containers" reads "≥1,000 container"; a rate adds "/day".

    `plain` gives ASCII marks and ungrouped digits; `always_unit` keeps the unit "item".
    """
    if quantity is None:
        return ""
    marks = ASCII_MARKS if plain else UNICODE_MARKS

    def number(value: float) -> str:
        return number_text(value, grouped=not plain)

    value, low, high = quantity.value, quantity.low, quantity.high
    if value is not None and low == value and high == value:
        amount = number(value)
    elif low is not None and high is not None:
        amount = f"{number(low)}{marks['range']}{number(high)}"
    elif low is not None:
        amount = f"{marks['at_least']}{number(low)}"
    elif high is not None:
        amount = f"{marks['at_most']}{number(high)}"
    else:
        amount = f"~{number(value)}" if value is not None else "?"
    unit = f" {quantity.unit}" if always_unit or quantity.unit != "item" else ""
    per = f"/{quantity.per}" if quantity.per else ""
    return f"{amount}{unit}{per}"
