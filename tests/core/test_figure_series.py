"""Which figures of a metric are one series over time (joined by a line) and which are separate points."""

from __future__ import annotations

import math

import pytest

from factledger.core.series import FigurePoint, is_series_over_time, names_a_stretch, period_granularity


def _point(period: str | None, x: float = 0.0, **fields: object) -> FigurePoint:
    return FigurePoint(f"clm_{period}_{x}", x, 1.0, period, None, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("period", "granularity"),
    [
        ("2024", "year"),
        ("Q3 2024", "quarter"),
        ("March 2024", "month"),
        ("2024-03", "month"),
        ("2024-03-05", "day"),
        ("fiscal 2024", "fiscal year"),
        ("since 1984", None),
        ("2020-2024", None),
        ("last year", None),
        (None, None),
    ],
)
def test_a_period_names_one_period_or_a_stretch(period: str | None, granularity: str | None) -> None:
    """Single years, quarters, months and days are periods; ranges and relative phrases are not."""
    assert period_granularity(period) == granularity


def test_yearly_readings_are_a_series_and_a_mix_is_not() -> None:
    """2022, 2023, 2024 join; a year with an undated pledge, a repeated year or a lone point do not."""
    years = [_point(str(y), float(y)) for y in (2022, 2023, 2024)]
    assert is_series_over_time(years)
    assert not is_series_over_time(years[:1])
    assert not is_series_over_time([years[0], _point(None, 5.0)])
    assert not is_series_over_time([years[0], _point("2022", 6.0)])
    assert not is_series_over_time([years[0], _point("Q1 2023", 7.0)])
    assert not is_series_over_time([years[0], _point("2023", 8.0, measured=False)])
    assert not is_series_over_time([years[0], _point("2023", math.nan)])


def test_a_running_total_since_a_year_is_not_that_years_reading() -> None:
    """ "Since ... 1984, Toyota has invested $50 billion" gives 1984 as a start, not as the period measured."""
    sentence = "Since setting up its first plant in 1984 – a joint venture – Toyota has invested $50 billion."
    assert names_a_stretch(sentence, "1984")
    assert not names_a_stretch("Exports were 16,707 vehicles in 2024.", "2024")
    stretch = _point("1984", 1.0, stretch=True)
    assert not is_series_over_time([stretch, _point("2024", 2.0)])
