"""SQL behind the charts: timeline rows, figures by metric, verification progress and commitment totals.

Every query takes the claims table's `ClaimFilter` (through `where_clause`) so charts show what the table
shows. Dates become POSIX seconds in SQL (`julianday`), vocabularies become small integer codes in the
order their enum declares them, so the core can hand numpy arrays to the UI without a Python loop per row.
"""

from __future__ import annotations

import math
import re
import sqlite3
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from factledger.domain import ClaimFilter, ClaimKind, Fulfilment, Status

from . import series_counts
from .claims import where_clause
from .series_counts import BucketColumns
from .timeline_counts import BUCKET_ORIGIN

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
_ISO_DAY = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
_ISO_MONTH = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]'"
_ISO_YEAR = "'[0-9][0-9][0-9][0-9]'"
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _day_start(expr: str) -> str:
    """First day a date names: 2029 is 2029-01-01; free text ("fiscal 2024") falls back to its year."""
    return (
        f"CASE WHEN {expr} GLOB {_ISO_DAY} THEN substr({expr}, 1, 10) "
        f"WHEN {expr} GLOB {_ISO_MONTH} THEN {expr} || '-01' "
        f"WHEN {expr} GLOB {_ISO_YEAR} THEN {expr} || '-01-01' "
        f"ELSE fl_year_start({expr}) END"
    )


def _day_end(expr: str) -> str:
    """Last day a deadline names: "by 2029" is due on 2029-12-31, 2029-03 on 2029-03-31."""
    return (
        f"CASE WHEN {expr} GLOB {_ISO_DAY} THEN substr({expr}, 1, 10) "
        f"WHEN {expr} GLOB {_ISO_MONTH} THEN date({expr} || '-01', '+1 month', '-1 day') "
        f"WHEN {expr} GLOB {_ISO_YEAR} THEN {expr} || '-12-31' "
        f"ELSE fl_year_end({expr}) END"
    )


def _seconds(day_expr: str) -> str:
    return f"((julianday({day_expr}) - 2440587.5) * 86400.0)"


def _code(column: str, vocabulary: type[StrEnum]) -> str:
    cases = " ".join(f"WHEN '{member.value}' THEN {index}" for index, member in enumerate(vocabulary))
    return f"(CASE {column} {cases} ELSE -1 END)"


def _year_start(text: str | None) -> str | None:
    match = _YEAR.search(text or "")
    return None if match is None else f"{match.group(1)}-01-01"


def _year_end(text: str | None) -> str | None:
    years = _YEAR.findall(text or "")
    return None if not years else f"{max(years)}-12-31"


def _prepare(db: Database) -> None:
    """Register the free-text date helpers; SQL handles ISO dates itself and calls these only otherwise."""
    conn: sqlite3.Connection = db.conn
    conn.create_function("fl_year_start", 1, _year_start, deterministic=True)
    conn.create_function("fl_year_end", 1, _year_end, deterministic=True)


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
    "src_day AS MATERIALIZED (SELECT sources.id AS id, CAST(julianday("
    + _day_start("sources.published")
    + ") - 2440587.5 AS INTEGER) AS day FROM sources)"
)
_FALLBACK_DAY = (
    "CASE WHEN claims.stated_on IS NULL THEN (SELECT CAST(julianday("
    + _day_start("sources.published")
    + ") - 2440587.5 AS INTEGER) FROM sources WHERE sources.id = claims.source_id) "
    "ELSE CAST(julianday(" + _day_start("claims.stated_on") + ") - 2440587.5 AS INTEGER) END"
)
_REST_DAY = (
    "CASE WHEN claims.stated_on IS NULL THEN src_day.day "
    "ELSE CAST(julianday(" + _day_start("claims.stated_on") + ") - 2440587.5 AS INTEGER) END"
)


def _rest(select: str, where: str) -> str:
    """CTEs `src_day` and `rest`: facts without an own ISO date, `day` first, each parsed once."""
    return (
        f"{_SOURCE_DAYS}, rest AS MATERIALIZED (SELECT {_REST_DAY} AS day, {select} FROM claims "
        f"LEFT JOIN src_day ON src_day.id = claims.source_id WHERE {where} AND claims.stated_day IS NULL)"
    )


_ALL_DAYS = (-100_000_000, 100_000_000)
_TEXT_DAY = "CAST(julianday(" + _day_start("claims.stated") + ") - 2440587.5 AS INTEGER)"
"""Day of a summary row's free-text date (`timeline_counts.stated`), parsed as the claims' dates are."""


def _summary_answers(
    db: Database, claim_filter: ClaimFilter, group_by: str, window: tuple[int, int] | None
) -> bool:
    """Whether the `timeline_counts` summary can answer: its filter and grouping, and a window (if any)
    that holds every dated fact, so that it leaves none out and the answer is the unwindowed one."""
    if not series_counts.answers(claim_filter, group_by=group_by):
        return False
    return window is None or _covers(window, series_counts.extent(db, claim_filter, day_of=_TEXT_DAY))


def _covers(window: tuple[int, int] | None, extent: series_counts.Extent) -> bool:
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
) -> list[tuple[str, int, int, int, str | None]]:
    """(id, day, kind code, status code, group) of dated facts, earliest first, at most `limit`.

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
    return db.execute(sql, [*params, *params, *days, *days, limit]).fetchall()


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
) -> tuple[int, int, int | None, int | None]:
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
    return (
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
) -> list[tuple[str, int | None, float | None, int, int, str | None, float | None, str | None]]:
    """(id, made day, due x, fulfilment code, overdue 0/1, group, amount, unit) of filtered commitments.

    Overdue: the deadline's last day is before `today` and the commitment is not fulfilled.
    """
    _prepare(db)
    where, params = _filtered(claim_filter, "claims.kind = 'commitment'")
    sql = f"""
        SELECT id, made, {_seconds("due")}, fulfilment_code,
               due IS NOT NULL AND due < ? AND fulfilment IS NOT 'fulfilled', grp, amount, unit FROM (
            SELECT claims.id AS id, COALESCE(claims.stated_day, {_FALLBACK_DAY}) AS made,
                   {_day_end("claims.deadline")} AS due,
                   {_code("claims.fulfilment", Fulfilment)} AS fulfilment_code, claims.fulfilment AS fulfilment,
                   {_group(group_by)} AS grp, claims.amount AS amount, claims.unit AS unit
              FROM claims WHERE {where})
         ORDER BY 2, id LIMIT ?"""
    return db.execute(sql, [today, *params, limit]).fetchall()


def point_row(db: Database, claim_id: str) -> dict[str, Any] | None:
    """Everything a hover tooltip says about one fact, joined with its source."""
    cursor = db.execute(
        f"""SELECT claims.id, claims.kind, claims.status, claims.quote, claims.statement, claims.speaker,
                   claims.subject, claims.committer, claims.value, claims.amount, claims.unit, claims.deadline,
                   claims.fulfilment, {_STATED} AS stated, sources.title AS source_title,
                   sources.outlet AS outlet
              FROM claims JOIN sources ON sources.id = claims.source_id WHERE claims.id = ?""",
        [claim_id],
    )
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


_FIGURE = "COALESCE(claims.value, claims.amount)"


def metric_rows(db: Database, claim_filter: ClaimFilter) -> list[tuple[str, str | None, int, int]]:
    """(subject, unit, figures, sources) of every subject+unit that has numbers, most figures first."""
    where, params = _filtered(claim_filter, f"{_FIGURE} IS NOT NULL", "claims.subject IS NOT NULL")
    sql = f"""
        SELECT claims.subject, claims.unit, count(*), count(DISTINCT claims.source_id) FROM claims
         WHERE {where} GROUP BY claims.subject, claims.unit ORDER BY count(*) DESC, claims.subject, claims.unit"""
    return db.execute(sql, params).fetchall()


def conflicted_metric_keys(db: Database, claim_filter: ClaimFilter) -> set[tuple[str, str | None]]:
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
    return {(subject, unit) for subject, unit in db.execute(sql, params).fetchall()}


def figure_rows(
    db: Database, claim_filter: ClaimFilter, *, subject: str, unit: str | None
) -> list[tuple[str, str, str | None, float, str | None, float | None, str | None, int, str]]:
    """(claim id, source id, source title, value, period, x, qualifier, is a measured value, statement) of one
    metric, by source then x.

    x is the start of the period the figure refers to when the period names a year or a date, else the
    date the figure was stated. The last column is 1 for a statistic's value, 0 for a commitment's amount.
    """
    _prepare(db)
    where, params = _filtered(
        claim_filter, f"{_FIGURE} IS NOT NULL", "claims.subject = ?", "claims.unit IS ?"
    )
    sql = f"""
        SELECT id, source_id, title, figure, period,
               COALESCE({_seconds(_day_start("period"))}, stated * 86400.0), qualifier, measured, statement FROM (
            SELECT claims.value IS NOT NULL AS measured, claims.statement AS statement, claims.id AS id, claims.source_id AS source_id, sources.title AS title,
                   {_FIGURE} AS figure, claims.period AS period, claims.qualifier AS qualifier,
                   COALESCE(claims.stated_day, {_FALLBACK_DAY}) AS stated, sources.published AS published
              FROM claims JOIN sources ON sources.id = claims.source_id WHERE {where})
         ORDER BY COALESCE(published, ''), source_id, 6, id"""
    return db.execute(sql, [*params, subject, unit]).fetchall()


def status_kind_counts(db: Database, claim_filter: ClaimFilter) -> list[tuple[str, str, int]]:
    """(status, kind, count) of the filtered claims."""
    where, params = _filtered(claim_filter)
    sql = f"SELECT claims.status, claims.kind, count(*) FROM claims WHERE {where} GROUP BY 1, 2"
    return db.execute(sql, params).fetchall()


def verdict_day_counts(db: Database, claim_filter: ClaimFilter) -> list[tuple[str, str, int]]:
    """(day, status, count) of verdicts by the day they were given (`verified_at`), oldest first."""
    where, params = _filtered(claim_filter, "claims.verified_at IS NOT NULL")
    sql = f"""SELECT substr(claims.verified_at, 1, 10), claims.status, count(*) FROM claims WHERE {where}
               GROUP BY 1, 2 ORDER BY 1, 2"""
    return db.execute(sql, params).fetchall()


def verdict_claim_ids(db: Database, claim_filter: ClaimFilter, *, day: str, limit: int) -> list[str]:
    """Ids of filtered facts whose verdict was given on `day` (ISO), latest verdict first."""
    where, params = _filtered(claim_filter, "claims.verified_at >= ?", "claims.verified_at < ?")
    sql = f"SELECT claims.id FROM claims WHERE {where} ORDER BY claims.verified_at DESC, claims.id LIMIT ?"
    return [str(r[0]) for r in db.execute(sql, [*params, day, day + "\uffff", limit]).fetchall()]


def commitment_statement_rows(
    db: Database, claim_filter: ClaimFilter, *, today: str
) -> list[
    tuple[
        str, str, str | None, str | None, str | None, float | None, str | None, float | None, str | None, int
    ]
]:
    """(id, source id, committer, unit, subject, amount, fulfilment, delivered, due day, overdue) per
    filtered commitment, in no particular order: what the tracker groups into pledges.

    The committer falls back to the speaker (as on the timeline); overdue as in `commitment_rows`. Each
    distinct deadline is parsed once (`dues`, a handful of rows) rather than once per commitment.
    """
    _prepare(db)
    kind = "+claims.kind" if _commitments_are_many(db) else "claims.kind"
    where, params = _filtered(claim_filter, f"{kind} = 'commitment'")
    sql = f"""
        WITH dues AS MATERIALIZED (
            SELECT deadline, {_day_end("deadline")} AS due FROM (
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
) -> list[tuple[str, str]]:
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
    return [(str(a), str(b)) for a, b in db.execute(sql, [*kinds, *params, *params]).fetchall()]
