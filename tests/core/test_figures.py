"""Figures are written the way people write them, and typed figures are read back the same way."""

from __future__ import annotations

import pytest

from factledger.core import format_figure, parse_number, plain_number


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (10_000_000_000.0, "USD", None, "$10 billion"),
        (16_707.0, "vehicles", None, "16,707 vehicles"),
        (37.4, "%", None, "37.4%"),
        (4e9, "USD", None, "$4 billion"),
        (1.05e12, "USD", "approximately", "approximately $1.05 trillion"),
        (2_500_000.0, "EUR", None, "€2.5 million"),
        (5e9, "CAD", None, "CAD 5 billion"),
        (500.0, "jobs", "more than", "more than 500 jobs"),
        (0.25, None, None, "0.25"),
        (-3e9, "USD", None, "-$3 billion"),
    ],
)
def test_format_figure_writes_numbers_as_people_do(
    value: float, unit: str | None, qualifier: str | None, expected: str
) -> None:
    """Each stored value, unit and qualifier reads as a person would write it, never with an exponent."""
    assert format_figure(value, unit, qualifier) == expected


def test_plain_number_has_separators_and_no_exponent() -> None:
    """Edit fields show every digit with separators: 4,000,000,000 rather than 4e+09 or 4000000000.0."""
    assert plain_number(4e9) == "4,000,000,000"
    assert plain_number(10_000_000_000.0) == "10,000,000,000"
    assert plain_number(37.4) == "37.4"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("10,000,000,000", 1e10), ("10 billion", 1e10), ("2.5 million", 2.5e6), ("37.4", 37.4), ("ten", None)],
)
def test_parse_number_reads_what_people_type(typed: str, expected: float | None) -> None:
    """Digits with separators and scale words are read back; words that are not numbers are refused."""
    assert parse_number(typed) == expected
