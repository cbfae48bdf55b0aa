"""The chart port (`core.chart_store.ChartStore`) on a team ledger: the PostgreSQL twin of `storage.series`.

Same questions, same typed rows (`domain.chart_rows`), same values as a ledger file: a fact's day, a
bucket's number, a deadline's last day and every vocabulary code are computed as SQLite computes them.
What is the SQLite adapter's and engine-neutral is shared, not copied: the row groupings
(`GROUP_EXPRESSIONS`), the vocabulary codes (`_code`, a plain CASE), the figure expression, the numbers
of `domain.chart_rows`. What differs is the engine's:

- dates: an ISO date is read by the server's `factledger_iso_day` (the function behind `claims.stated_day`,
  which already reads dates as SQLite's julianday does); free text ("fiscal 2024") by a regular expression
  doing what `dates_sql.fl_year_start`/`fl_year_end` do in Python (the first, or the largest, year 1800-2099
  standing alone); a month deadline's last day by date arithmetic instead of `date(..., '+1 month', '-1 day')`;
- ordering: NULLs placed as SQLite places them (first ascending) and text compared with the C collation
  (byte order, SQLite's BINARY), so a LIMIT keeps the same facts whatever the database's collation;
- counting: PostgreSQL aggregates by hashing, so a query is one pass over the filtered claims (each
  source's day read once per query); month, quarter and year buckets the `timeline_counts` summary can
  answer (`series_counts.answers`, shared) are read from it, as on a file. The SQLite adapter's per-bucket
  index walks work around a sort-only aggregate PostgreSQL does not have, and are not copied.

Booleans come back as 0/1 integers, as SQLite's do. Placeholders are `%s`, the SQL holds no other `%`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factledger.domain import ClaimFilter, ClaimKind, Fulfilment, Status
from factledger.domain.chart_rows import (
    BUCKET_ORIGIN,
    DAY_SECONDS,
    BarColumns,
    BucketColumns,
    FigureRow,
    LinkPair,
    MarkerColumns,
    MetricKey,
    MetricRow,
    PointRow,
    StatementRow,
    StatusKindCount,
    TimelineExtent,
    VerdictDayCount,
)

from .. import series_counts
from ..dates_sql import figure_sql
from ..series import _ALL_DAYS, _STATED, _code, _covers, _group
from ..series_counts import MONTHS_PER_BUCKET
from .repositories import where_clause
from .session import Session

_ISO_DAY = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}'"
_ISO_MONTH = "'^[0-9]{4}-[0-9]{2}$'"
_ISO_YEAR = "'^[0-9]{4}$'"
_YEAR = "'(?<![0-9])(1[89][0-9][0-9]|20[0-9][0-9])(?![0-9])'"
"""`dates_sql._YEAR` in PostgreSQL's regular expressions (which have lookbehind since 9.6)."""


def _is_iso(expr: str) -> str:
    return f"({expr} ~ {_ISO_DAY} OR {expr} ~ {_ISO_MONTH} OR {expr} ~ {_ISO_YEAR})"


def _year_day(year: str) -> str:
    """Days since 1970 of January 1 of a four-digit year text (1800-2099: no year 0 to mind)."""
    return f"(make_date(({year})::integer, 1, 1) - DATE '1970-01-01')"


def day_of(expr: str) -> str:
    """Days since 1970 of the first day a date text names: `dates_sql.day_number(day_start(expr))`.

    ISO dates as `stated_day` reads them (an ISO-shaped date that is no day, 2024-13-01, is NULL, not a
    year); any other text by its first year standing alone ("fiscal 2024" is 2024-01-01); NULL otherwise.
    """
    return (
        f"(CASE WHEN {_is_iso(expr)} THEN factledger_iso_day({expr}) "
        f"ELSE {_year_day(f'substring({expr} FROM {_YEAR})')} END)"
    )


def day_end(expr: str) -> str:
    """The last day a deadline names, as SQLite's `dates_sql.day_end` text: 2029 is 2029-12-31, 2029-02
    is 2029-02-28, "fiscal 2028-2029" is 2029-12-31; an ISO day is its first ten characters, as stored."""
    month_end = (
        f"(make_date(CASE WHEN substr({expr}, 1, 4) = '0000' THEN -1 ELSE substr({expr}, 1, 4)::integer END, "
        f"substr({expr}, 6, 2)::integer, 1) + INTERVAL '1 month' - INTERVAL '1 day')"
    )
    largest_year = f"(SELECT max(m[1]) FROM regexp_matches({expr}, {_YEAR}, 'g') AS m)"
    return (
        f"(CASE WHEN {expr} ~ {_ISO_DAY} THEN substr({expr}, 1, 10) "
        f"WHEN {expr} ~ {_ISO_MONTH} THEN CASE WHEN substr({expr}, 6, 2) BETWEEN '01' AND '12' "
        f"THEN {expr} || '-' || to_char(extract(day FROM {month_end}), 'FM00') END "
        f"WHEN {expr} ~ {_ISO_YEAR} THEN {expr} || '-12-31' "
        f"ELSE {largest_year} || '-12-31' END)"
    )


def day_seconds(day_text: str) -> str:
    """POSIX seconds of a `YYYY-MM-DD` day text's UTC midnight (`dates_sql.day_seconds`), NULL for no day."""
    return f"(factledger_iso_day({day_text})::double precision * {DAY_SECONDS})"


SOURCE_DAYS = f"WITH src_day AS MATERIALIZED (SELECT sources.id AS id, {day_of('sources.published')} AS day FROM sources)"
"""Each source's day, read once per query (a few thousand sources) rather than once per fact borrowing it."""
FACT_DAY = (
    "COALESCE(claims.stated_day, CASE WHEN claims.stated_on IS NULL THEN src_day.day "
    f"ELSE {day_of('claims.stated_on')} END)"
)
"""The day a fact was stated: its own date, else (no own date at all) its source's. Needs `SOURCE_DAYS`
and `_FROM` (a LEFT JOIN: a fact of a source that is gone is undated, not dropped)."""

_FROM = "claims LEFT JOIN src_day ON src_day.id = claims.source_id"
_FENCE = "OFFSET 0"
"""Ends a subquery whose columns the outer query names more than once: PostgreSQL would otherwise inline
the subquery and compute a day (a regular expression, a function call) once per mention, not once."""
_FIGURE = figure_sql("claims")
_C = 'COLLATE "C"'


def _filtered(claim_filter: ClaimFilter, *extra: str) -> tuple[str, list[Any]]:
    where, params = where_clause(claim_filter)
    return " AND ".join((where, *extra)), params


def _codes() -> str:
    return f"{_code('claims.kind', ClaimKind)} AS kind_code, {_code('claims.status', Status)} AS status_code"


class ChartRepository:
    """The chart queries over one team-ledger session, each answering a typed row (`domain.chart_rows`).

    Implements core's `ChartStore` port structurally, like `storage.series.ChartRepository`; owned by
    the thread that owns the session, like every repository.
    """

    def __init__(self, session: Session) -> None:
        self._db = session

    def _rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._db.execute(sql, params).fetchall()
        return rows

    def timeline_extent(
        self, claim_filter: ClaimFilter, *, window: tuple[int, int] | None = None
    ) -> TimelineExtent:
        """Dated and undated filtered facts and the first and last day (dated ones within `window`)."""
        where, params = _filtered(claim_filter)
        low, high = window or _ALL_DAYS
        inside = "day BETWEEN %s AND %s"
        row = self._rows(
            f"""{SOURCE_DAYS} SELECT count(*) FILTER (WHERE {inside}), count(*) FILTER (WHERE day IS NULL),
                       min(day) FILTER (WHERE {inside}), max(day) FILTER (WHERE {inside})
                  FROM (SELECT {FACT_DAY} AS day FROM {_FROM} WHERE {where} {_FENCE}) AS facts""",
            [low, high, low, high, low, high, *params],
        )[0]
        return TimelineExtent(int(row[0]), int(row[1]), row[2], row[3])

    def timeline_markers(
        self, claim_filter: ClaimFilter, *, group_by: str, limit: int, window: tuple[int, int] | None = None
    ) -> MarkerColumns:
        """Dated facts, earliest first (then by id), at most `limit`, those stated within `window`."""
        where, params = _filtered(claim_filter)
        sql = f"""{SOURCE_DAYS}
            SELECT id, day, kind_code, status_code, grp FROM (
                SELECT claims.id AS id, {FACT_DAY} AS day, {_codes()}, {_group(group_by)} AS grp
                  FROM {_FROM} WHERE {where} {_FENCE}) AS facts
             WHERE day BETWEEN %s AND %s ORDER BY day, id {_C} LIMIT %s"""
        return MarkerColumns.of_rows(self._rows(sql, [*params, *(window or _ALL_DAYS), limit]))

    def timeline_buckets(
        self,
        claim_filter: ClaimFilter,
        *,
        group_by: str,
        bucket_days: float,
        window: tuple[int, int] | None = None,
    ) -> BucketColumns:
        """Dated facts counted per bucket `bucket_days` wide (numbered from `BUCKET_ORIGIN`), by bucket.

        The bucket is SQLite's `CAST((day - origin) / width AS INTEGER)`: a double division truncated
        toward zero. Within a bucket, rows come by group, status and kind (as the SQLite adapter's summary
        gives them; its other paths differ there, and core draws each row on its own, so only the bucket
        order is promised).
        """
        if (
            bucket_days in MONTHS_PER_BUCKET
            and series_counts.answers(claim_filter, group_by=group_by)
            and (window is None or _covers(window, self.timeline_extent(claim_filter)))
        ):
            return self._summary_buckets(claim_filter, group_by, bucket_days)
        where, params = _filtered(claim_filter)
        facts = f"""{SOURCE_DAYS}
            SELECT trunc((day - {BUCKET_ORIGIN})::double precision / %s)::integer AS b, grp, status, kind,
                   count(*) AS n FROM (
                SELECT {FACT_DAY} AS day, claims.kind AS kind, claims.status AS status,
                       {_group(group_by)} AS grp
                  FROM {_FROM} WHERE {where} {_FENCE}) AS facts
             WHERE day BETWEEN %s AND %s GROUP BY b, grp, status, kind"""
        return self._counted(facts, [float(bucket_days), *params, *(window or _ALL_DAYS)])

    def _summary_buckets(self, claim_filter: ClaimFilter, group_by: str, bucket_days: float) -> BucketColumns:
        """Month, quarter and year buckets from the `timeline_counts` summary the server keeps (one row per
        month, subject, status and kind): whole months per bucket (a month's number divided, as SQLite's
        adapter does), and the few free-text dates parsed into their bucket. Asked only when the filter
        and grouping are the summary's columns and no window leaves a fact out (`series_counts.answers`)."""
        where, params = _filtered(claim_filter)
        group = _group(group_by)
        facts = f"""
            SELECT b, grp, status, kind, sum(n) AS n FROM (
                SELECT CASE WHEN claims.month IS NOT NULL THEN claims.month / %s
                            ELSE trunc(({day_of("claims.stated")} - {BUCKET_ORIGIN})::double precision / %s)::integer
                       END AS b, {group} AS grp, claims.status AS status, claims.kind AS kind, claims.n AS n
                  FROM timeline_counts AS claims WHERE {where} {_FENCE}) AS summary
             WHERE b IS NOT NULL GROUP BY b, grp, status, kind"""
        return self._counted(facts, [MONTHS_PER_BUCKET[bucket_days], float(bucket_days), *params])

    def _counted(self, facts: str, params: list[Any]) -> BucketColumns:
        """Counts (b, grp, status, kind, n) as bucket columns with the vocabularies' codes, by bucket."""
        sql = f"""
            SELECT b, {_code("kind", ClaimKind)}, {_code("status", Status)}, grp, n FROM ({facts}) AS counted
             ORDER BY b, grp {_C} NULLS FIRST, status {_C}, kind {_C}"""
        rows = self._rows(sql, params)
        return BucketColumns.of_rows([(int(b), k, s, g, int(n)) for b, k, s, g, n in rows])

    def commitment_count(self, claim_filter: ClaimFilter) -> int:
        """How many filtered commitments there are (to decide whether bars are drawable)."""
        where, params = _filtered(claim_filter, "claims.kind = 'commitment'")
        return int(self._rows(f"SELECT count(*) FROM claims WHERE {where}", params)[0][0])

    def commitment_bars(
        self, claim_filter: ClaimFilter, *, group_by: str, today: str, limit: int
    ) -> BarColumns:
        """Filtered commitments by day made (undated first, as SQLite sorts NULLs), at most `limit`;
        overdue when the deadline's last day is before `today` (ISO) and it is not fulfilled."""
        where, params = _filtered(claim_filter, "claims.kind = 'commitment'")
        sql = f"""{SOURCE_DAYS}
            SELECT id, made, {day_seconds("due")}, fulfilment_code,
                   (due IS NOT NULL AND due < %s {_C} AND fulfilment IS DISTINCT FROM 'fulfilled')::integer,
                   grp, amount, unit FROM (
                SELECT claims.id AS id, {FACT_DAY} AS made, {day_end("claims.deadline")} AS due,
                       {_code("claims.fulfilment", Fulfilment)} AS fulfilment_code,
                       claims.fulfilment AS fulfilment, {_group(group_by)} AS grp, claims.amount AS amount,
                       claims.unit AS unit
                  FROM {_FROM} WHERE {where} {_FENCE}) AS commitments
             ORDER BY made NULLS FIRST, id {_C} LIMIT %s"""
        return BarColumns.of_rows(self._rows(sql, [today, *params, limit]))

    def point(self, claim_id: str) -> PointRow | None:
        """What a hover over one fact says; None when there is no such fact."""
        rows = self._rows(
            f"""SELECT claims.id, claims.kind, claims.status, claims.quote, claims.statement, claims.speaker,
                       claims.subject, claims.committer, claims.value, claims.amount, claims.unit,
                       claims.deadline, claims.fulfilment, {_STATED} AS stated, sources.title, sources.outlet
                  FROM claims JOIN sources ON sources.id = claims.source_id WHERE claims.id = %s""",
            [claim_id],
        )
        return PointRow._make(rows[0]) if rows else None

    def metrics(self, claim_filter: ClaimFilter) -> list[MetricRow]:
        """Every subject+unit that has figures, most figures first, then by subject and unit."""
        where, params = _filtered(claim_filter, f"{_FIGURE} IS NOT NULL", "claims.subject IS NOT NULL")
        sql = f"""
            SELECT claims.subject, claims.unit, count(*), count(DISTINCT claims.source_id) FROM claims
             WHERE {where} GROUP BY claims.subject, claims.unit
             ORDER BY count(*) DESC, claims.subject {_C}, claims.unit {_C} NULLS FIRST"""
        return [MetricRow(s, u, int(f), int(n)) for s, u, f, n in self._rows(sql, params)]

    def conflicted_metrics(self, claim_filter: ClaimFilter) -> set[MetricKey]:
        """The metrics for which one period (as stored) has different values in different sources."""
        where, params = _filtered(claim_filter, f"{_FIGURE} IS NOT NULL", "claims.subject IS NOT NULL")
        sql = f"""
            SELECT DISTINCT claims.subject, claims.unit FROM claims WHERE {where}
             GROUP BY claims.subject, claims.unit, claims.period
            HAVING min(claims.source_id) <> max(claims.source_id) AND min({_FIGURE}) <> max({_FIGURE})"""
        return {MetricKey(s, u) for s, u in self._rows(sql, params)}

    def figures(self, claim_filter: ClaimFilter, *, subject: str, unit: str | None) -> list[FigureRow]:
        """The figures of one metric, by source (its published text, then id), then x, then id.

        x is the period's first day when it names one, else the day the fact was stated, in seconds.
        """
        where, params = _filtered(
            claim_filter,
            f"{_FIGURE} IS NOT NULL",
            "claims.subject = %s",
            "claims.unit IS NOT DISTINCT FROM %s",
        )
        sql = f"""{SOURCE_DAYS}
            SELECT id, source_id, title, figure, period, x, qualifier, measured, statement FROM (
                SELECT claims.id AS id, claims.source_id AS source_id, sources.title AS title,
                       {_FIGURE} AS figure, claims.period AS period,
                       COALESCE({day_of("claims.period")}::double precision * {DAY_SECONDS},
                                ({FACT_DAY})::double precision * {DAY_SECONDS}) AS x,
                       claims.qualifier AS qualifier, (claims.value IS NOT NULL)::integer AS measured,
                       claims.statement AS statement, sources.published AS published
                  FROM {_FROM} JOIN sources ON sources.id = claims.source_id WHERE {where}) AS figures
             ORDER BY COALESCE(published, '') {_C}, source_id {_C}, x NULLS FIRST, id {_C}"""
        return list(map(FigureRow._make, self._rows(sql, [*params, subject, unit])))

    def status_kind_counts(self, claim_filter: ClaimFilter) -> list[StatusKindCount]:
        """Filtered facts per status and kind."""
        where, params = _filtered(claim_filter)
        sql = f"""SELECT claims.status, claims.kind, count(*) FROM claims WHERE {where}
                   GROUP BY 1, 2 ORDER BY claims.status {_C}, claims.kind {_C}"""
        return [StatusKindCount(s, k, int(n)) for s, k, n in self._rows(sql, params)]

    def verdict_day_counts(self, claim_filter: ClaimFilter) -> list[VerdictDayCount]:
        """Verdicts per day given (`verified_at`) and status, oldest first."""
        where, params = _filtered(claim_filter, "claims.verified_at IS NOT NULL")
        sql = f"""SELECT substr(claims.verified_at, 1, 10), claims.status, count(*) FROM claims WHERE {where}
                   GROUP BY 1, 2
                   ORDER BY substr(claims.verified_at, 1, 10) {_C}, claims.status {_C}"""
        return [VerdictDayCount(d, s, int(n)) for d, s, n in self._rows(sql, params)]

    def verdict_claim_ids(self, claim_filter: ClaimFilter, *, day: str, limit: int) -> list[str]:
        """Filtered facts given a verdict on `day` (ISO), latest first."""
        where, params = _filtered(
            claim_filter, f"claims.verified_at >= %s {_C}", f"claims.verified_at < %s {_C}"
        )
        sql = f"""SELECT claims.id FROM claims WHERE {where}
                   ORDER BY claims.verified_at {_C} DESC, claims.id {_C} LIMIT %s"""
        return [str(r[0]) for r in self._rows(sql, [*params, day, day + "\uffff", limit])]

    def commitment_statements(self, claim_filter: ClaimFilter, *, today: str) -> list[StatementRow]:
        """Every filtered commitment as the tracker groups it, in no particular order (fields of
        `CommitmentStatement`); the committer falls back to the speaker, overdue as in `commitment_bars`."""
        where, params = _filtered(claim_filter, "claims.kind = 'commitment'")
        sql = f"""
            SELECT id, source_id, who, unit, subject, amount, fulfilment, delivered, due,
                   COALESCE((due < %s {_C})::integer, 0) FROM (
                SELECT claims.id AS id, claims.source_id AS source_id,
                       COALESCE(claims.committer, claims.speaker) AS who, claims.unit AS unit,
                       claims.subject AS subject, claims.amount AS amount, claims.fulfilment AS fulfilment,
                       claims.delivered AS delivered, {day_end("claims.deadline")} AS due
                  FROM claims WHERE {where} {_FENCE}) AS commitments"""
        return self._rows(sql, [today, *params])

    def commitment_links(self, claim_filter: ClaimFilter, *, kinds: Sequence[str]) -> list[LinkPair]:
        """Links of `kinds` whose both ends are filtered commitments, oldest first (by link id)."""
        if not kinds:
            return []
        where, params = _filtered(claim_filter, "claims.kind = 'commitment'")
        marks = ", ".join("%s" for _ in kinds)
        sql = f"""
            SELECT links.from_claim, links.to_claim FROM links
             WHERE links.kind IN ({marks})
               AND EXISTS (SELECT 1 FROM claims WHERE claims.id = links.from_claim AND {where})
               AND EXISTS (SELECT 1 FROM claims WHERE claims.id = links.to_claim AND {where})
             ORDER BY links.id {_C}"""
        return [LinkPair(str(a), str(b)) for a, b in self._rows(sql, [*kinds, *params, *params])]


__all__ = ["FACT_DAY", "SOURCE_DAYS", "ChartRepository", "day_end", "day_of", "day_seconds"]
