"""Amounts: numbers in digits and words, qualifiers into bounds, units, money and rates."""

from __future__ import annotations

import pytest

from armsledger.extract.lookup import fold
from armsledger.extract.quantities import AmountReader
from armsledger.lexicon import Lexicons


@pytest.fixture(scope="module")
def reader(lexicons: Lexicons) -> AmountReader:
    return AmountReader(lexicons.amounts)


def _amounts(reader: AmountReader, text: str) -> list[tuple[object, ...]]:
    return [
        (a.quantity.value, a.quantity.low, a.quantity.high, a.quantity.unit, a.quantity.per)
        for a in reader.find(text, fold(text), 0, len(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sent 1.5 million shells", (1_500_000, 1_500_000, 1_500_000, "item", None)),
        ("more than 1,000 containers of", (1000, 1000, None, "container", None)),
        ("as many as 4 missiles", (4, None, 4, "item", None)),
        ("about 6,700 containers", (6700, None, None, "container", None)),
        ("half a million rounds", (500_000, 500_000, 500_000, "item", None)),
        ("a dozen tanks", (12, 12, 12, "item", None)),
        ("three million artillery shells", (3_000_000, 3_000_000, 3_000_000, "item", None)),
        ("a $1.2 billion sale", (1_200_000_000, 1_200_000_000, 1_200_000_000, "usd", None)),
        ("€500m in aid", (500_000_000, 500_000_000, 500_000_000, "eur", None)),
        ("2 billion roubles", (2_000_000_000, 2_000_000_000, 2_000_000_000, "rub", None)),
        ("four trains a day", (4, 4, 4, "train", "day")),
        ("250,000 shells a month", (250_000, 250_000, 250_000, "item", "month")),
        ("15 kilograms of rice", (15, 15, 15, "kg", None)),
        ("nearly 40,000 shells", (40_000, None, 40_000, "item", None)),
        ("SEK 10 billion", (10_000_000_000, 10_000_000_000, 10_000_000_000, "sek", None)),
        ("12 billion zlotys", (12_000_000_000, 12_000_000_000, 12_000_000_000, "pln", None)),
        ("JP¥20bn", (20_000_000_000, 20_000_000_000, 20_000_000_000, "jpy", None)),
        ("₪1.2 billion", (1_200_000_000, 1_200_000_000, 1_200_000_000, "ils", None)),
        ("NIS 400 million", (400_000_000, 400_000_000, 400_000_000, "ils", None)),
        ("hundreds of millions of dollars", (None, 200_000_000, None, "usd", None)),
        ("tens of millions of euros", (None, 20_000_000, None, "eur", None)),
        ("billions of dollars", (None, 2_000_000_000, None, "usd", None)),
    ],
)
def test_quantities_reads_value_bounds_unit_and_rate(
    reader: AmountReader, text: str, expected: tuple[object, ...]
) -> None:
    assert _amounts(reader, text) == [expected]


def test_quantities_range_has_bounds_and_no_value(reader: AmountReader) -> None:
    assert _amounts(reader, "between 20 and 30 tanks") == [(None, 20, 30, "item", None)]


def test_quantities_vague_amount_has_a_lower_bound_only(reader: AmountReader) -> None:
    assert _amounts(reader, "millions of shells") == [(None, 2_000_000, None, "item", None)]


@pytest.mark.parametrize(
    "text",
    [
        "500kg ballistic missiles",
        "155mm shells",
        "7.62mm rifles",
        "T-72 tanks",
        "Shahed-136 drones",
        "in 2023 the shipments",
        "on August 31 the source",
        "ASC 890 aircraft",
    ],
)
def test_quantities_calibres_designations_years_and_dates_are_not_amounts(
    reader: AmountReader, text: str
) -> None:
    assert _amounts(reader, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 4 million and 6 million rounds", (None, 4_000_000, 6_000_000, "item", None)),
        ("between 4 and 6 million rounds", (None, 4_000_000, 6_000_000, "item", None)),
        ("2,000 to 2,500 troops", (None, 2000, 2500, "item", None)),
    ],
)
def test_quantities_range_scales_apply_to_each_end(
    reader: AmountReader, text: str, expected: tuple[object, ...]
) -> None:
    assert _amounts(reader, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 900 freight wagons of", (900, None, None, "wagon", None)),
        ("Rs 2,000 crore", (20_000_000_000, 20_000_000_000, 20_000_000_000, "inr", None)),
        (
            "$3 billion of arms annually",
            (3_000_000_000, 3_000_000_000, 3_000_000_000, "usd", "year"),
        ),
        ("40 tanks a year ago", (40, 40, 40, "item", None)),
        ("12 drones to Kyiv every week", (12, 12, 12, "item", "week")),
        ("$3.8 billion in military aid every year.", (3.8e9, 3.8e9, 3.8e9, "usd", "year")),
        ("300 tanks to Syria in a year.", (300, 300, 300, "item", None)),
        ("20 drones to Ethiopia a year after the war", (20, 20, 20, "item", None)),
        ("20 drones to Ethiopia, a year before the war", (20, 20, 20, "item", None)),
        ("24 jets from France for a year.", (24, 24, 24, "item", None)),
        ("the first 38 of 108 Abrams tanks", (38, 38, 38, "item", None)),
        ("four of the six Su-30 fighters", (4, 4, 4, "item", None)),
        ("three of its 10 containers of shells", (3, 3, 3, "container", None)),
    ],
)
def test_quantities_units_currencies_and_rates_beyond_the_noun(
    reader: AmountReader, text: str, expected: tuple[object, ...]
) -> None:
    assert _amounts(reader, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Petrov, 61, has overseen the exports",  # an age set off by commas after a name
        "plants run at 45 per cent of capacity",  # output, not goods
        "factories at 70% of their capacity",
        "a Patriot system",  # "a" does not count one
        "a poll found 58% of Hungarians oppose it",  # a share of people polled
        "it has sold drones to 40 countries",  # countries, not goods
        "to be delivered over 18 months",
    ],
)
def test_quantities_distractors_are_not_amounts(reader: AmountReader, text: str) -> None:
    assert _amounts(reader, text) == []


def test_quantities_rate_ending_the_clause_goes_to_the_nearest_amount(
    reader: AmountReader,
) -> None:
    text = "The US sent 40 tanks to Kyiv and Britain sends 5 jets every month."
    assert _amounts(reader, text) == [(40, 40, 40, "item", None), (5, 5, 5, "item", "month")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("will cost €8.3 billion", 8_300_000_000),  # 8.3 * 1e9 is 8300000000.000001 as floats
        ("a $2.37bn package", 2_370_000_000),
        ("0.7 million rounds", 700_000),
        ("1.1 billion dollars", 1_100_000_000),
    ],
)
def test_quantities_scaled_values_carry_no_float_noise(
    reader: AmountReader, text: str, expected: int
) -> None:
    """The value is the figure as written, exactly: repr shows no trailing digits."""
    (value, *_rest) = _amounts(reader, text)[0]
    assert repr(value) == repr(float(expected))
