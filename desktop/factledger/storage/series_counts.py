"""Timeline extent and per-bucket counts read from the `timeline_counts` summary instead of the claims.

The summary answers only what it keys: filters on kind, status and subject, rows by subject or status, and
buckets of whole summary months (month, quarter, year). Callers check `answers` first and fall back to the
claims otherwise. Facts whose date is free text are a few rows keyed by their text, parsed here.
"""

from __future__ import annotations

import json
import math
from typing import Any

from sqlite_utils import Database

from factledger.domain import ClaimFilter
from factledger.domain.chart_rows import BucketColumns, TimelineExtent

from .claims import where_clause
from .dates_sql import BUCKET_ORIGIN, MONTH_DAYS, iso_day
from .timeline_counts import TABLE

__all__ = [
    "MONTHS_PER_BUCKET",
    "SUMMARY_GROUPS",
    "BucketColumns",
    "answers",
    "bucket_columns",
    "commitment_count",
    "extent",
]

SUMMARY_GROUPS = frozenset({"subject", "status"})
MONTHS_PER_BUCKET = {MONTH_DAYS: 1, 3 * MONTH_DAYS: 3, 12 * MONTH_DAYS: 12}
"""Bucket widths (days) the summary can count, as whole summary months."""
_FAR = 100_000_000


def answers(claim_filter: ClaimFilter, *, group_by: str = "subject") -> bool:
    """Whether the summary holds what this filter and row grouping need (kind, status, subject only)."""
    return (
        group_by in SUMMARY_GROUPS
        and not claim_filter.attributions
        and not claim_filter.source_ids
        and not claim_filter.date_from
        and not claim_filter.date_to
        and not (claim_filter.text and claim_filter.text.strip())
    )


def _where(claim_filter: ClaimFilter, *extra: str) -> tuple[str, list[Any]]:
    # the summary has the filter's columns under the same names: aliased `claims`, the clause fits as is
    where, params = where_clause(claim_filter)
    return " AND ".join((where, *extra)), params


def _free_days(db: Database, where: str, params: list[Any], day_of: str) -> list[tuple[int | None, int]]:
    """(day, facts) of the facts dated by free text or not at all; `day_of` parses `claims.stated`."""
    return db.execute(
        f"SELECT {day_of}, claims.n FROM {TABLE} AS claims WHERE {where} AND claims.month IS NULL", params
    ).fetchall()


def _month_last_day(month: int) -> int | None:
    return math.ceil(BUCKET_ORIGIN + (month + 1) * MONTH_DAYS) - 1 if month >= 0 else None


def _month_first_day(month: int) -> int | None:
    return math.ceil(BUCKET_ORIGIN + month * MONTH_DAYS) if month >= 0 else None


def extent(db: Database, claim_filter: ClaimFilter, *, day_of: str) -> TimelineExtent:
    """(dated facts, undated facts, first day, last day), as `series.timeline_extent` without a window.

    The first and last day are exact: the summary names the first and last month, and only that month's
    own-dated facts (an index range) and sources (a few) are looked at to find the day within it.
    """
    where, params = _where(claim_filter)
    dated, low, high = db.execute(
        f"SELECT total(n), min(month), max(month) FROM {TABLE} AS claims "
        f"WHERE {where} AND claims.month IS NOT NULL",
        params,
    ).fetchone()
    days: list[int] = []
    undated = 0
    for day, n in _free_days(db, where, params, day_of):
        if day is None:
            undated += int(n)
        else:
            dated += n
            days.append(int(day))
    if low is not None:
        days += _plain_bounds(db, claim_filter, int(low), int(high))
    return TimelineExtent(int(dated), undated, (min(days) if days else None), (max(days) if days else None))


def commitment_count(db: Database, claim_filter: ClaimFilter) -> int:
    """How many filtered commitments there are, dated or not (the summary counts every fact)."""
    where, params = _where(claim_filter, "claims.kind = 'commitment'")
    return int(db.execute(f"SELECT total(n) FROM {TABLE} AS claims WHERE {where}", params).fetchone()[0])


def _plain_bounds(db: Database, claim_filter: ClaimFilter, low_month: int, high_month: int) -> list[int]:
    """First and last day of the facts with an ISO date (own or their source's), given their months."""
    where, params = where_clause(claim_filter)
    # apart: alone, min() and max() are index lookups; together they would walk the whole index. The
    # filter's columns are all in claims_chart_day, so its day order stops at the first match; left to
    # itself the planner picks the kind or status index and reads every row of that kind (~0.5 s at 1M)
    own = [
        db.execute(
            f"SELECT {aggregate}(claims.stated_day) FROM claims INDEXED BY claims_chart_day WHERE {where} "
            "AND claims.stated_day BETWEEN ? AND ?",
            [*params, -_FAR, _FAR],
        ).fetchone()[0]
        for aggregate in ("min", "max")
    ]
    sources = f"""
        SELECT day FROM (SELECT {iso_day("sources.published")} AS day, sources.id AS id FROM sources) AS s
         WHERE day BETWEEN ? AND ? AND EXISTS (
               SELECT 1 FROM claims WHERE claims.source_id = s.id AND claims.stated_on IS NULL AND {where})
         ORDER BY day {{}} LIMIT 1"""
    # only the sources dated in the first (last) month can hold the first (last) source-dated fact
    first_bound = _month_last_day(low_month)
    last_bound = _month_first_day(high_month)
    first = db.execute(
        sources.format("ASC"), [-_FAR, _FAR if first_bound is None else first_bound, *params]
    ).fetchone()
    last = db.execute(
        sources.format("DESC"), [-_FAR if last_bound is None else last_bound, _FAR, *params]
    ).fetchone()
    return [int(d) for d in (*own, first and first[0], last and last[0]) if d is not None]


def bucket_columns(
    db: Database, claim_filter: ClaimFilter, *, group: str, bucket_days: float, day_of: str, codes: str
) -> BucketColumns:
    """Counts per bucket over every date (buckets from `BUCKET_ORIGIN`), by bucket.

    `group` is the grouping's column (`claims.subject` or `claims.status`); `codes` the kind and status
    code expressions (columns `kind_code`, `status_code`). The counts come back as one JSON array per
    column: tens of thousands of row tuples would cost more in Python's cycle collector than in SQLite.
    """
    months = MONTHS_PER_BUCKET[bucket_days]
    where, params = _where(claim_filter)
    if months == 1 and group == "claims.subject":
        # a summary row is already one month, subject, status and kind: read in index order, nothing to group
        plain = f"""
            SELECT claims.month AS b, {codes}, claims.subject AS grp, claims.n AS n FROM {TABLE} AS claims
             WHERE {where} AND claims.month IS NOT NULL ORDER BY claims.month"""
    else:
        plain = f"""
            SELECT claims.month / {months} AS b, {codes}, {group} AS grp, sum(claims.n) AS n
              FROM {TABLE} AS claims WHERE {where} AND claims.month IS NOT NULL
             GROUP BY b, grp, claims.status, claims.kind ORDER BY b"""
    arrays = db.execute(
        "SELECT json_group_array(b), json_group_array(kind_code), json_group_array(status_code), "
        f"json_group_array(grp), json_group_array(n) FROM ({plain})",
        params,
    ).fetchone()
    columns = BucketColumns(*(json.loads(a) for a in arrays))
    free = f"""
        SELECT CAST((day - ?) / ? AS INTEGER) AS b, kind_code, status_code, grp, sum(n) FROM (
            SELECT {day_of} AS day, {codes}, claims.kind AS kind, claims.status AS status, {group} AS grp,
                   claims.n AS n FROM {TABLE} AS claims WHERE {where} AND claims.month IS NULL)
         WHERE day IS NOT NULL GROUP BY b, grp, status, kind"""
    extra = {
        (b, kind, status, grp): n
        for b, kind, status, grp, n in db.execute(free, [BUCKET_ORIGIN, bucket_days, *params])
    }
    if not extra:
        return columns
    # the few facts dated in free text join the counts of their bucket, or add a row of their own
    rows = [
        (b, kind, status, grp, n + extra.pop((b, kind, status, grp), 0))
        for b, kind, status, grp, n in zip(*columns, strict=True)
    ]
    rows += [(b, kind, status, grp, n) for (b, kind, status, grp), n in extra.items()]
    return BucketColumns.of_rows(sorted(rows, key=_bucket))


def _bucket(row: tuple[int, int, int, str | None, int]) -> int:
    return row[0]
