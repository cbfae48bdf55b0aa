"""SQL behind the charts: timeline rows, figures by metric, verification progress and commitment totals.

Every query takes the claims table's `ClaimFilter` (through `where_clause`) so charts show what the table
shows. Dates become days or POSIX seconds in SQL (`dates_sql`), vocabularies become small integer codes in
the order their enum declares them, so the core can hand numpy arrays to the UI without a Python loop per
row. Answers are typed rows (`domain.chart_rows`); `ChartRepository` offers them to core's `ChartStore` port.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from factledger.domain import ClaimFilter, ClaimKind, Fulfilment, Status
from factledger.domain.chart_rows import (
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

from . import series_counts
from .claims import where_clause
from .dates_sql import (
    BUCKET_ORIGIN,
    DAY_SECONDS,
    day_end,
    day_number,
    day_seconds,
    day_start,
    figure_sql,
    register_date_functions,
)

GROUP_EXPRESSIONS: dict[str, str] = {
    "subject": "claims.subject",
    "committer": "COALESCE(claims.committer, claims.speaker)",
    "source": "(SELECT COALESCE(sources.title, sources.id) FROM sources WHERE sources.id = claims.source_id)",
    "status": "claims.status",
}
"""Row keys of the timeline; `committer` falls back to the speaker so plain claims get a row of their owner."""

# The date a claim was stated: its own date, else (only then: COALESCE stops early) its source's date.
_STATED = (
    "COALESCE(claims.stated_on, (SELECT sources.published FROM sources WHERE sources.id = claims.source_id))"
)


def _code(column: str, vocabulary: type[StrEnum]) -> str:
    cases = " ".join(f"WHEN '{member.value}' THEN {index}" for index, member in enumerate(vocabulary))
    return f"(CASE {column} {cases} ELSE -1 END)"


def _prepare(db: Database) -> None:
    """Register the free-text date helpers the day expressions call."""
    register_date_functions(db.conn)


def _filtered(claim_filter: ClaimFilter, *extra: str) -> tuple[str, list[Any]]:
    where, params = where_clause(claim_filter)
    return " AND ".join((where, *extra)), params


def _group(group_by: str) -> str:
    try:
        return GROUP_EXPRESSIONS[group_by]
    except KeyError:
        raise ValueError(f"unknown timeline grouping {group_by!r}") from None


# The day a fact was stated, as days since 1970-01-01. Own ISO dates come from the indexed generated
# column `stated_day`; only the rest (no own date: its source's; free text: its year) is parsed here,
# so a million dated facts are bucketed from the index without parsing a date. Each source's date is
# parsed once (`src_day`, a few thousand rows) rather than once per fact that borrows it.
_SOURCE_DAYS = (
    f"src_day AS MATERIALIZED (SELECT sources.id AS id, {day_number(day_start('sources.published'))} AS day "
    "FROM sources)"
)
_FALLBACK_DAY = (
    f"CASE WHEN claims.stated_on IS NULL THEN (SELECT {day_number(day_start('sources.published'))} "
    f"FROM sources WHERE sources.id = claims.source_id) ELSE {day_number(day_start('claims.stated_on'))} END"
)
_REST_DAY = (
    "CASE WHEN claims.stated_on IS NULL THEN src_day.day "
    f"ELSE {day_number(day_start('claims.stated_on'))} END"
)


def _rest(select: str, where: str) -> str:
    """CTEs `src_day` and `rest`: facts without an own ISO date, `day` first, each parsed once."""
    return (
        f"{_SOURCE_DAYS}, rest AS MATERIALIZED (SELECT {_REST_DAY} AS day, {select} FROM claims "
        f"LEFT JOIN src_day ON src_day.id = claims.source_id WHERE {where} AND claims.stated_day IS NULL)"
    )


_ALL_DAYS = (-100_000_000, 100_000_000)
_TEXT_DAY = day_number(day_start("claims.stated"))
"""Day of a summary row's free-text date (`timeline_counts.stated`), parsed as the claims' dates are."""


def _summary_answers(
    db: Database, claim_filter: ClaimFilter, group_by: str, window: tuple[int, int] | None
) -> bool:
    """Whether the `timeline_counts` summary can answer: its filter and grouping, and a window (if any)
    that holds every dated fact, so that it leaves none out and the answer is the unwindowed one."""
    if not series_counts.answers(claim_filter, group_by=group_by):
        return False
    return window is None or _covers(window, series_counts.extent(db, claim_filter, day_of=_TEXT_DAY))


def _covers(window: tuple[int, int] | None, extent: TimelineExtent) -> bool:
    """Whether `window` holds every dated fact of `extent` (then it changes no answer)."""
    _, _, first, last = extent
    return window is None or first is None or last is None or (window[0] <= first and last <= window[1])


def _dated_union(select_a: str, select_b: str, where: str) -> str:
    """Facts with an own ISO date (an index range) and the rest (parsed once each), `day` first.

    The rest is MATERIALIZED so the source lookup runs once per fact, not once per mention of `day`.
    """
    return (
        f"WITH {_rest(select_a, where)} "
        f"SELECT claims.stated_day AS day, {select_a} FROM claims "
        f"WHERE {where} AND claims.stated_day BETWEEN ? AND ? "
        f"UNION ALL SELECT day, {select_b} FROM rest WHERE day BETWEEN ? AND ?"
    )


def _day_range(window: tuple[int, int] | None) -> list[int]:
    return list(window or _ALL_DAYS)


def timeline_marker_rows(
    db: Database,
    claim_filter: ClaimFilter,
    *,
    group_by: str,
    limit: int,
    window: tuple[int, int] | None = None,
) -> MarkerColumns:
    """(ids, days, kind codes, status codes, groups) of dated facts, earliest first, at most `limit`.

    `window` keeps the facts stated from its first to its last day (days since 1970-01-01).
    """
    _prepare(db)
    where, params = _filtered(claim_filter)
    columns = (
        f"claims.id AS id, {_code('claims.kind', ClaimKind)} AS kind_code, "
        f"{_code('claims.status', Status)} AS status_code, {_group(group_by)} AS grp"
    )
    days = _day_range(window)
    union = _dated_union(columns, "id, kind_code, status_code, grp", where)
    sql = f"SELECT id, day, kind_code, status_code, grp FROM ({union}) ORDER BY day, id LIMIT ?"
    return MarkerColumns.of_rows(db.execute(sql, [*params, *params, *days, *days, limit]).fetchall())


def timeline_bucket_columns(
    db: Database,
    claim_filter: ClaimFilter,
    *,
    group_by: str,
    first_day: int,
    bucket_days: float,
    window: tuple[int, int] | None = None,
) -> BucketColumns:
    """(bucket numbers, kind codes, status codes, groups, counts): dated facts counted per time bucket.

    Bucket n covers the days from `first_day + n * bucket_days`, earliest bucket first. Month, quarter and
    year buckets of what the `timeline_counts` summary holds are read from it (see `series_counts`).
    """
    _prepare(db)
    if (
        first_day == BUCKET_ORIGIN
        and bucket_days in series_counts.MONTHS_PER_BUCKET
        and _summary_answers(db, claim_filter, group_by, window)
    ):
        codes = (
            f"{_code('claims.kind', ClaimKind)} AS kind_code, {_code('claims.status', Status)} AS status_code"
        )
        return series_counts.bucket_columns(
            db, claim_filter, group=_group(group_by), bucket_days=bucket_days, day_of=_TEXT_DAY, codes=codes
        )
    return BucketColumns.of_rows(_bucket_rows(db, claim_filter, group_by, first_day, bucket_days, window))


def _bucket_rows(
    db: Database,
    claim_filter: ClaimFilter,
    group_by: str,
    first_day: int,
    bucket_days: float,
    window: tuple[int, int] | None,
) -> list[tuple[int, int, int, str | None, int]]:
    """Per-bucket counts from the claims. SQLite groups by sorting (it has no hash aggregate), so facts
    with an own ISO date are counted one bucket at a time from the `claims_chart_day` index (a day range
    each: many small in-memory sorts instead of one of a million entries); the facts dated by their source
    or by free text are counted in one query, merged."""
    codes = f"{_code('kind', ClaimKind)}, {_code('status', Status)}"
    where, params = _filtered(claim_filter)
    low, high = _day_range(window)
    counts: dict[tuple[int, int, int, str | None], int] = {}
    if claim_filter.text and claim_filter.text.strip():
        # the full-text condition would be evaluated again for every bucket: one sorted pass instead
        own = f"""
            SELECT CAST((day - ?) / ? AS INTEGER) AS b, {codes}, grp, count(*) FROM (
                SELECT claims.stated_day AS day, claims.kind AS kind, claims.status AS status,
                       {_group(group_by)} AS grp
                  FROM claims WHERE {where} AND claims.stated_day BETWEEN ? AND ?)
             GROUP BY b, grp, status, kind"""
        for b, kind, status, grp, n in db.execute(own, [first_day, bucket_days, *params, low, high]):
            counts[(b, kind, status, grp)] = n
    else:
        for b, first, last in _own_buckets(db, where, params, first_day, bucket_days, low, high):
            per_bucket = f"""
                SELECT {codes}, grp, count(*) FROM (
                    SELECT claims.kind AS kind, claims.status AS status, {_group(group_by)} AS grp
                      FROM claims INDEXED BY claims_chart_day
                     WHERE {where} AND claims.stated_day BETWEEN ? AND ?)
                 GROUP BY grp, status, kind"""
            for kind, status, grp, n in db.execute(per_bucket, [*params, first, last]):
                counts[(b, kind, status, grp)] = n
    rest = f"""
        WITH {_rest(f"claims.kind AS kind, claims.status AS status, {_group(group_by)} AS grp", where)}
        SELECT CAST((day - ?) / ? AS INTEGER) AS b, {codes}, grp, count(*) FROM rest
         WHERE day BETWEEN ? AND ? GROUP BY b, grp, status, kind"""
    for b, kind, status, grp, n in db.execute(rest, [*params, first_day, bucket_days, low, high]):
        key = (b, kind, status, grp)
        counts[key] = counts.get(key, 0) + n
    return sorted(((b, kind, status, grp, n) for (b, kind, status, grp), n in counts.items()), key=_first)


def _first(row: tuple[int, int, int, str | None, int]) -> int:
    return row[0]


def _own_buckets(
    db: Database, where: str, params: list[Any], first_day: int, bucket_days: float, low: int, high: int
) -> list[tuple[int, int, int]]:
    """(bucket number, first day, last day) of every bucket between the first and last own-dated fact."""
    bounds = [
        db.execute(
            f"SELECT {aggregate}(claims.stated_day) FROM claims WHERE {where} "
            "AND claims.stated_day BETWEEN ? AND ?",
            [*params, low, high],
        ).fetchone()[0]
        for aggregate in ("min", "max")
    ]
    if bounds[0] is None:
        return []
    buckets = []
    for b in range(
        int((bounds[0] - first_day) // bucket_days), int((bounds[1] - first_day) // bucket_days) + 1
    ):
        # the days d with int((d - first_day) / bucket_days) == b, as the rest query computes them
        first = max(low, math.ceil(first_day + b * bucket_days))
        last = min(high, math.ceil(first_day + (b + 1) * bucket_days) - 1)
        if first <= last:
            buckets.append((b, first, last))
    return buckets


def timeline_extent(
    db: Database, claim_filter: ClaimFilter, *, window: tuple[int, int] | None = None
) -> TimelineExtent:
    """(dated facts, undated facts, first day, last day) of the filtered claims (dated ones in `window`)."""
    _prepare(db)
    if series_counts.answers(claim_filter):
        summary = series_counts.extent(db, claim_filter, day_of=_TEXT_DAY)
        if _covers(window, summary):
            return summary
    where, params = _filtered(claim_filter)
    days = _day_range(window)
    # three queries: alone, min() and max() are index lookups and count(*) a plain index walk
    own = [
        db.execute(
            f"SELECT {aggregate} FROM claims WHERE {where} AND claims.stated_day BETWEEN ? AND ?",
            [*params, *days],
        ).fetchone()[0]
        for aggregate in ("count(*)", "min(claims.stated_day)", "max(claims.stated_day)")
    ]
    rest = db.execute(
        f"WITH {_rest('claims.kind AS kind', where)} "  # covered by the index: no row reads
        "SELECT count(day), count(*) - count(day), min(day), max(day) FROM rest "
        "WHERE day IS NULL OR day BETWEEN ? AND ?",
        [*params, *days],
    ).fetchone()
    firsts = [d for d in (own[1], rest[2]) if d is not None]
    lasts = [d for d in (own[2], rest[3]) if d is not None]
    return TimelineExtent(
        int(own[0]) + int(rest[0]),
        int(rest[1]),
        min(firsts) if firsts else None,
        max(lasts) if lasts else None,
    )


def commitment_count(db: Database, claim_filter: ClaimFilter) -> int:
    """How many filtered commitments there are (an index count), to decide whether bars are drawable."""
    if series_counts.answers(claim_filter):
        return series_counts.commitment_count(db, claim_filter)
    where, params = _filtered(claim_filter, "claims.kind = 'commitment'")
    return int(db.execute(f"SELECT count(*) FROM claims WHERE {where}", params).fetchone()[0])


def commitment_rows(
    db: Database, claim_filter: ClaimFilter, *, group_by: str, today: str, limit: int
) -> BarColumns:
    """(ids, made days, due x, fulfilment codes, overdue 0/1, groups, amounts, units) of filtered commitments.

    Overdue: the deadline's last day is before `today` and the commitment is not fulfilled.
    """
    _prepare(db)
    where, params = _filtered(claim_filter, "claims.kind = 'commitment'")
    sql = f"""
        SELECT id, made, {day_seconds("due")}, fulfilment_code,
               due IS NOT NULL AND due < ? AND fulfilment IS NOT 'fulfilled', grp, amount, unit FROM (
            SELECT claims.id AS id, COALESCE(claims.stated_day, {_FALLBACK_DAY}) AS made,
                   {day_end("claims.deadline")} AS due,
                   {_code("claims.fulfilment", Fulfilment)} AS fulfilment_code, claims.fulfilment AS fulfilment,
                   {_group(group_by)} AS grp, claims.amount AS amount, claims.unit AS unit
              FROM claims WHERE {where})
         ORDER BY 2, id LIMIT ?"""
    return BarColumns.of_rows(db.execute(sql, [today, *params, limit]).fetchall())


def point_row(db: Database, claim_id: str) -> PointRow | None:
    """Everything a hover tooltip says about one fact, joined with its source."""
    row = db.execute(
        f"""SELECT claims.id, claims.kind, claims.status, claims.quote, claims.statement, claims.speaker,
                   claims.subject, claims.committer, claims.value, claims.amount, claims.unit, claims.deadline,
                   claims.fulfilment, {_STATED} AS stated, sources.title AS source_title,
                   sources.outlet AS outlet
              FROM claims JOIN sources ON sources.id = claims.source_id WHERE claims.id = ?""",
        [claim_id],
    ).fetchone()
    return None if row is None else PointRow._make(row)


_FIGURE = figure_sql("claims")


def metric_rows(db: Database, claim_filter: ClaimFilter) -> list[MetricRow]:
    """(subject, unit, figures, sources) of every subject+unit that has numbers, most figures first."""
    where, params = _filtered(claim_filter, f"{_FIGURE} IS NOT NULL", "claims.subject IS NOT NULL")
    sql = f"""
        SELECT claims.subject, claims.unit, count(*), count(DISTINCT claims.source_id) FROM claims
         WHERE {where} GROUP BY claims.subject, claims.unit ORDER BY count(*) DESC, claims.subject, claims.unit"""
    return list(map(MetricRow._make, db.execute(sql, params)))


def conflicted_metric_keys(db: Database, claim_filter: ClaimFilter) -> set[MetricKey]:
    """Subject+unit pairs where one period has different values in different sources.

    "More than one distinct" is asked as min <> max (both are never NULL here): the groups then stream
    in `claims_figures` index order with no per-group b-tree of distinct values to build.
    """
    where, params = _filtered(claim_filter, f"{_FIGURE} IS NOT NULL", "claims.subject IS NOT NULL")
    sql = f"""
        SELECT DISTINCT subject, unit FROM (
            SELECT claims.subject AS subject, claims.unit AS unit FROM claims WHERE {where}
             GROUP BY claims.subject, claims.unit, claims.period
            HAVING min(claims.source_id) <> max(claims.source_id) AND min({_FIGURE}) <> max({_FIGURE}))"""
    return set(map(MetricKey._make, db.execute(sql, params)))


def figure_rows(
    db: Database, claim_filter: ClaimFilter, *, subject: str, unit: str | None
) -> list[FigureRow]:
    """The figures of one metric, by source then x (see `FigureRow`)."""
    _prepare(db)
    where, params = _filtered(
        claim_filter, f"{_FIGURE} IS NOT NULL", "claims.subject = ?", "claims.unit IS ?"
    )
    sql = f"""
        SELECT id, source_id, title, figure, period,
               COALESCE({day_seconds(day_start("period"))}, stated * {DAY_SECONDS}), qualifier, measured, statement FROM (
            SELECT claims.value IS NOT NULL AS measured, claims.statement AS statement, claims.id AS id, claims.source_id AS source_id, sources.title AS title,
                   {_FIGURE} AS figure, claims.period AS period, claims.qualifier AS qualifier,
                   COALESCE(claims.stated_day, {_FALLBACK_DAY}) AS stated, sources.published AS published
              FROM claims JOIN sources ON sources.id = claims.source_id WHERE {where})
         ORDER BY COALESCE(published, ''), source_id, 6, id"""
    return list(map(FigureRow._make, db.execute(sql, [*params, subject, unit])))


def status_kind_counts(db: Database, claim_filter: ClaimFilter) -> list[StatusKindCount]:
    """(status, kind, count) of the filtered claims."""
    where, params = _filtered(claim_filter)
    sql = f"SELECT claims.status, claims.kind, count(*) FROM claims WHERE {where} GROUP BY 1, 2"
    return list(map(StatusKindCount._make, db.execute(sql, params)))


def verdict_day_counts(db: Database, claim_filter: ClaimFilter) -> list[VerdictDayCount]:
    """(day, status, count) of verdicts by the day they were given (`verified_at`), oldest first."""
    where, params = _filtered(claim_filter, "claims.verified_at IS NOT NULL")
    sql = f"""SELECT substr(claims.verified_at, 1, 10), claims.status, count(*) FROM claims WHERE {where}
               GROUP BY 1, 2 ORDER BY 1, 2"""
    return list(map(VerdictDayCount._make, db.execute(sql, params)))


def verdict_claim_ids(db: Database, claim_filter: ClaimFilter, *, day: str, limit: int) -> list[str]:
    """Ids of filtered facts whose verdict was given on `day` (ISO), latest verdict first."""
    where, params = _filtered(claim_filter, "claims.verified_at >= ?", "claims.verified_at < ?")
    sql = f"SELECT claims.id FROM claims WHERE {where} ORDER BY claims.verified_at DESC, claims.id LIMIT ?"
    return [str(r[0]) for r in db.execute(sql, [*params, day, day + "\uffff", limit]).fetchall()]


def commitment_statement_rows(db: Database, claim_filter: ClaimFilter, *, today: str) -> list[StatementRow]:
    """(id, source id, committer, unit, subject, amount, fulfilment, delivered, due day, overdue) per
    filtered commitment, in no particular order: what the tracker groups into pledges. Plain rows in the
    order of `CommitmentStatement`'s fields: there are 100,000s of them (see `StatementRow`).

    The committer falls back to the speaker (as on the timeline); overdue as in `commitment_rows`. Each
    distinct deadline is parsed once (`dues`, a handful of rows) rather than once per commitment.
    """
    _prepare(db)
    kind = "+claims.kind" if _commitments_are_many(db) else "claims.kind"
    where, params = _filtered(claim_filter, f"{kind} = 'commitment'")
    sql = f"""
        WITH dues AS MATERIALIZED (
            SELECT deadline, {day_end("deadline")} AS due FROM (
                SELECT DISTINCT claims.deadline AS deadline FROM claims
                 WHERE {where} AND claims.deadline IS NOT NULL))
        SELECT claims.id, claims.source_id, COALESCE(claims.committer, claims.speaker), claims.unit,
               claims.subject, claims.amount, claims.fulfilment, claims.delivered, dues.due,
               COALESCE(dues.due < ?, 0)
          FROM claims LEFT JOIN dues ON dues.deadline = claims.deadline
         WHERE {where}"""
    return db.execute(sql, [*params, today, *params]).fetchall()


SCAN_SHARE = 8
"""Commitments read for the tracker come from one pass over the claims table once they are at least one in
this many claims; fewer come through the kind index."""


def _commitments_are_many(db: Database) -> bool:
    """Whether the tracker's statements are read faster in one pass over the table than through the kind index.

    The statements need columns no index holds, so through the kind index each costs a hop into the table;
    when commitments are a large share of the claims (a third on the benchmark ledger), those hops visit
    nearly every page anyway, in a less friendly order, and a straight pass is about twice as fast. Counting
    stops at the share that decides it, so the check costs a bounded walk of the kind index.
    """
    last = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM claims").fetchone()[0]
    enough = max(1, int(last) // SCAN_SHARE)
    sql = "SELECT COUNT(*) FROM (SELECT 1 FROM claims WHERE claims.kind = 'commitment' LIMIT ?)"
    return bool(db.execute(sql, [enough]).fetchone()[0] >= enough)


def commitment_link_pairs(
    db: Database, claim_filter: ClaimFilter, *, kinds: tuple[str, ...]
) -> list[LinkPair]:
    """(from, to) of the links of `kinds` whose both ends are filtered commitments (restates, contradicts).

    Each end is looked up by id, link by link: links are few next to the commitments they join, so listing
    the filtered commitments first (as `IN (SELECT ...)` would) costs more than the links themselves.
    """
    where, params = _filtered(claim_filter, "claims.kind = 'commitment'")
    marks = ", ".join("?" for _ in kinds)
    sql = f"""
        SELECT links.from_claim, links.to_claim FROM links
         WHERE links.kind IN ({marks})
           AND EXISTS (SELECT 1 FROM claims WHERE claims.id = links.from_claim AND {where})
           AND EXISTS (SELECT 1 FROM claims WHERE claims.id = links.to_claim AND {where})
         ORDER BY links.id"""
    return [LinkPair(str(a), str(b)) for a, b in db.execute(sql, [*kinds, *params, *params])]


class ChartRepository:
    """The chart queries over one ledger connection, each answering a typed row (`domain.chart_rows`).

    It is what core's `ChartStore` port asks of storage (core never sees the `Database`): the SQL is in
    the functions above, which take the database first so the summary and claims paths can be compared
    on one connection. Owned by the thread that owns the connection, like every repository.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    def timeline_extent(
        self, claim_filter: ClaimFilter, *, window: tuple[int, int] | None = None
    ) -> TimelineExtent:
        """Dated and undated filtered facts and the first and last day (dated ones within `window`)."""
        return timeline_extent(self._db, claim_filter, window=window)

    def timeline_markers(
        self, claim_filter: ClaimFilter, *, group_by: str, limit: int, window: tuple[int, int] | None = None
    ) -> MarkerColumns:
        """Dated facts, earliest first, at most `limit`, those stated within `window` (days) when given."""
        return timeline_marker_rows(self._db, claim_filter, group_by=group_by, limit=limit, window=window)

    def timeline_buckets(
        self,
        claim_filter: ClaimFilter,
        *,
        group_by: str,
        bucket_days: float,
        window: tuple[int, int] | None = None,
    ) -> BucketColumns:
        """Dated facts counted per bucket of `bucket_days`, buckets numbered from `BUCKET_ORIGIN`."""
        return timeline_bucket_columns(
            self._db,
            claim_filter,
            group_by=group_by,
            first_day=BUCKET_ORIGIN,
            bucket_days=bucket_days,
            window=window,
        )

    def commitment_count(self, claim_filter: ClaimFilter) -> int:
        """How many filtered commitments there are."""
        return commitment_count(self._db, claim_filter)

    def commitment_bars(
        self, claim_filter: ClaimFilter, *, group_by: str, today: str, limit: int
    ) -> BarColumns:
        """Filtered commitments from when each was made to its deadline, at most `limit`."""
        return commitment_rows(self._db, claim_filter, group_by=group_by, today=today, limit=limit)

    def point(self, claim_id: str) -> PointRow | None:
        """What a hover over one fact says; None when the fact is gone."""
        return point_row(self._db, claim_id)

    def metrics(self, claim_filter: ClaimFilter) -> list[MetricRow]:
        """Every subject+unit that has figures, most figures first."""
        return metric_rows(self._db, claim_filter)

    def conflicted_metrics(self, claim_filter: ClaimFilter) -> set[MetricKey]:
        """The metrics for which one period has different values in different sources."""
        return conflicted_metric_keys(self._db, claim_filter)

    def figures(self, claim_filter: ClaimFilter, *, subject: str, unit: str | None) -> list[FigureRow]:
        """The figures of one metric, by source then x."""
        return figure_rows(self._db, claim_filter, subject=subject, unit=unit)

    def status_kind_counts(self, claim_filter: ClaimFilter) -> list[StatusKindCount]:
        """Filtered facts per status and kind."""
        return status_kind_counts(self._db, claim_filter)

    def verdict_day_counts(self, claim_filter: ClaimFilter) -> list[VerdictDayCount]:
        """Verdicts per day given and status, oldest first."""
        return verdict_day_counts(self._db, claim_filter)

    def verdict_claim_ids(self, claim_filter: ClaimFilter, *, day: str, limit: int) -> list[str]:
        """Filtered facts given a verdict on `day` (ISO), latest first."""
        return verdict_claim_ids(self._db, claim_filter, day=day, limit=limit)

    def commitment_statements(self, claim_filter: ClaimFilter, *, today: str) -> list[StatementRow]:
        """Every filtered commitment as the tracker groups it, in no particular order."""
        return commitment_statement_rows(self._db, claim_filter, today=today)

    def commitment_links(self, claim_filter: ClaimFilter, *, kinds: Sequence[str]) -> list[LinkPair]:
        """Links of `kinds` whose both ends are filtered commitments."""
        return commitment_link_pairs(self._db, claim_filter, kinds=tuple(kinds))
