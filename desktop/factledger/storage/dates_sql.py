"""The SQL expressions that turn stored dates into days and seconds, and a fact's figure, in one place.

Why one module: the schema's generated `stated_day` column and partial index, the `timeline_counts`
summary's triggers and the chart queries must compute the same day from the same text and test the same
figure, or a summary and a direct count disagree and an index stops serving its queries. The numbers they
share with the charts (`DAY_SECONDS`, `BUCKET_ORIGIN`, `MONTH_DAYS`) are in `domain.chart_rows`, where
core and the UI read them too.

The expressions use built-in SQLite functions only, except `day_start`/`day_end` of free text ("fiscal
2024"), which call `fl_year_start`/`fl_year_end` registered by `register_date_functions`. Changing the text
an expression produces changes the schema of new ledgers (`storage.integrity` compares it): keep it stable.
"""

from __future__ import annotations

import re
import sqlite3

from factledger.domain.chart_rows import BUCKET_ORIGIN, DAY_SECONDS, MONTH_DAYS

__all__ = [
    "BUCKET_ORIGIN",
    "DAY_SECONDS",
    "ISO_DAY_GLOB",
    "MONTH_DAYS",
    "UNIX_EPOCH_JULIAN_DAY",
    "day_end",
    "day_number",
    "day_seconds",
    "day_start",
    "figure_sql",
    "iso_day",
    "month_of_day",
    "register_date_functions",
]

UNIX_EPOCH_JULIAN_DAY = 2440587.5
"""`julianday('1970-01-01')`: subtracted from a Julian day it gives days since 1970."""

ISO_DAY_GLOB = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
ISO_MONTH_GLOB = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]'"
ISO_YEAR_GLOB = "'[0-9][0-9][0-9][0-9]'"

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def iso_day(expr: str) -> str:
    """Days since 1970 of the first day an ISO date names; NULL for NULL or free text (as `stated_day`)."""
    return (
        f"CAST(CASE WHEN {expr} GLOB {ISO_DAY_GLOB} THEN julianday(substr({expr}, 1, 10)) "
        f"WHEN {expr} GLOB {ISO_MONTH_GLOB} THEN julianday({expr} || '-01') "
        f"WHEN {expr} GLOB {ISO_YEAR_GLOB} THEN julianday({expr} || '-01-01') "
        f"END - {UNIX_EPOCH_JULIAN_DAY} AS INTEGER)"
    )


def day_start(expr: str) -> str:
    """First day a date names: 2029 is 2029-01-01; free text ("fiscal 2024") falls back to its year."""
    return (
        f"CASE WHEN {expr} GLOB {ISO_DAY_GLOB} THEN substr({expr}, 1, 10) "
        f"WHEN {expr} GLOB {ISO_MONTH_GLOB} THEN {expr} || '-01' "
        f"WHEN {expr} GLOB {ISO_YEAR_GLOB} THEN {expr} || '-01-01' "
        f"ELSE fl_year_start({expr}) END"
    )


def day_end(expr: str) -> str:
    """Last day a deadline names: "by 2029" is due on 2029-12-31, 2029-03 on 2029-03-31."""
    return (
        f"CASE WHEN {expr} GLOB {ISO_DAY_GLOB} THEN substr({expr}, 1, 10) "
        f"WHEN {expr} GLOB {ISO_MONTH_GLOB} THEN date({expr} || '-01', '+1 month', '-1 day') "
        f"WHEN {expr} GLOB {ISO_YEAR_GLOB} THEN {expr} || '-12-31' "
        f"ELSE fl_year_end({expr}) END"
    )


def day_number(day_expr: str) -> str:
    """Days since 1970 of a `YYYY-MM-DD` day expression (NULL stays NULL)."""
    return f"CAST(julianday({day_expr}) - {UNIX_EPOCH_JULIAN_DAY} AS INTEGER)"


def day_seconds(day_expr: str) -> str:
    """POSIX seconds of a `YYYY-MM-DD` day expression's UTC midnight (a chart's x)."""
    return f"((julianday({day_expr}) - {UNIX_EPOCH_JULIAN_DAY}) * {DAY_SECONDS})"


def month_of_day(day: str) -> str:
    """The summary month (numbered from `BUCKET_ORIGIN`, `MONTH_DAYS` long) a day number falls in."""
    return f"CAST(({day} - {BUCKET_ORIGIN}) / {MONTH_DAYS} AS INTEGER)"


def figure_sql(table: str = "") -> str:
    """A fact's figure: its value, else its amount. `table` qualifies the columns (`claims`); the partial
    index `claims_figures` is declared with the unqualified form, which SQLite matches to either."""
    prefix = f"{table}." if table else ""
    return f"COALESCE({prefix}value, {prefix}amount)"


def _year_start(text: str | None) -> str | None:
    match = _YEAR.search(text or "")
    return None if match is None else f"{match.group(1)}-01-01"


def _year_end(text: str | None) -> str | None:
    years = _YEAR.findall(text or "")
    return None if not years else f"{max(years)}-12-31"


def register_date_functions(conn: sqlite3.Connection) -> None:
    """Register the free-text date helpers `day_start`/`day_end` call; SQL parses ISO dates itself and
    calls these only otherwise."""
    conn.create_function("fl_year_start", 1, _year_start, deterministic=True)
    conn.create_function("fl_year_end", 1, _year_end, deterministic=True)
