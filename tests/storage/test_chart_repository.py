"""`ChartRepository` answers every chart query with typed domain rows, and the date SQL of one module agrees
with the calendar and with the schema."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.domain import ClaimFilter, ClaimKind, Status
from factledger.domain.chart_rows import (
    BUCKET_ORIGIN,
    MONTH_DAYS,
    BarColumns,
    BucketColumns,
    FigureRow,
    LinkPair,
    MarkerColumns,
    MetricKey,
    MetricRow,
    PointRow,
    StatusKindCount,
    TimelineExtent,
    VerdictDayCount,
)
from factledger.domain.ledger_counts import LedgerCounts
from factledger.storage import dates_sql, open_database
from factledger.storage.ledger_counts import LedgerCountsRepository
from factledger.storage.series import ChartRepository

SOURCES = (("src_a", "Fact sheet", "2025-07-23"), ("src_b", "Report", "spring 2021"), ("src_c", None, None))
CLAIMS = (
    # id, source, kind, subject, committer, stated_on, value, amount, unit, period, deadline, fulfilment, status
    ("clm_1", "src_a", "commitment", "Japan", "Japan", None, None, 550e9, "USD", None, "2029", None, "verified"),
    ("clm_2", "src_b", "commitment", "Japan", "Japan", "2025-09-04", None, 500e9, "USD", None, "2024-03", None, "false"),
    ("clm_3", "src_a", "statistic", "Exports", None, None, 16707.0, None, "cars", "2024", None, None, "unverified"),
    ("clm_4", "src_b", "statistic", "Exports", None, "fiscal 2023", 15000.0, None, "cars", "2024", None, None, "unverified"),
    ("clm_5", "src_c", "claim", None, None, None, None, None, None, None, None, None, "unverified"),
)  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """Two pledges of Japan (one overdue), two disagreeing export figures, an undated claim, one link."""
    database = open_database(tmp_path / "charts.factledger")
    for n, (source_id, title, published) in enumerate(SOURCES):
        database.execute(
            "INSERT INTO sources (id, title, outlet, published, imported_at, text, content_sha256, media_type) "
            "VALUES (?, ?, 'Outlet', ?, 'x', 'text', ?, 'text/plain')",
            [source_id, title, published, f"sha{n}"],
        )
    for (
        claim_id,
        source,
        kind,
        subject,
        committer,
        stated,
        value,
        amount,
        unit,
        period,
        due,
        done,
        status,
    ) in CLAIMS:
        database.execute(
            'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, subject, committer, '
            "stated_on, value, amount, unit, period, deadline, fulfilment, status, verified_at, created_at, "
            "updated_at) VALUES (?, ?, ?, 't', 0, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')",
            [
                claim_id,
                source,
                kind,
                f"Statement {claim_id}",
                subject,
                committer,
                stated,
                value,
                amount,
                unit,
                period,
                due,
                done,
                status,
                "2026-01-02T10:00:00Z" if status != "unverified" else None,
            ],
        )
    database.execute(
        "INSERT INTO links (id, from_claim, to_claim, kind, created_at) VALUES ('lnk_1', 'clm_2', 'clm_1', "
        "'contradicts', 'x')"
    )
    yield database
    database.conn.close()


def _day(day: date) -> int:
    return (day - date(1970, 1, 1)).days


def test_timeline_answers_are_typed_rows_of_the_facts(db: Database) -> None:
    """Extent, markers, buckets and bars come back as domain rows holding the facts' days and codes."""
    charts = ChartRepository(db)
    everything = ClaimFilter()
    extent = charts.timeline_extent(everything)
    assert isinstance(extent, TimelineExtent)
    # clm_5 has no date of its own nor a dated source; "fiscal 2023" falls back to its year
    assert extent == TimelineExtent(
        dated=4, undated=1, first=_day(date(2023, 1, 1)), last=_day(date(2025, 9, 4))
    )

    markers = charts.timeline_markers(everything, group_by="subject", limit=10)
    assert isinstance(markers, MarkerColumns)
    assert list(markers.ids) == ["clm_4", "clm_1", "clm_3", "clm_2"]
    assert list(markers.days) == [
        _day(date(2023, 1, 1)),
        *[_day(date(2025, 7, 23))] * 2,
        _day(date(2025, 9, 4)),
    ]
    assert list(markers.kinds) == [
        list(ClaimKind).index(ClaimKind(k)) for k in ("statistic", "commitment", "statistic", "commitment")
    ]
    assert list(markers.statuses) == [
        list(Status).index(Status(s)) for s in ("unverified", "verified", "unverified", "false")
    ]
    assert list(markers.groups) == ["Exports", "Japan", "Exports", "Japan"]
    windowed = charts.timeline_markers(
        everything, group_by="subject", limit=10, window=(_day(date(2025, 1, 1)), _day(date(2025, 12, 31)))
    )
    assert list(windowed.ids) == ["clm_1", "clm_3", "clm_2"]

    buckets = charts.timeline_buckets(everything, group_by="status", bucket_days=12 * MONTH_DAYS)
    assert isinstance(buckets, BucketColumns)
    assert sum(buckets.counts) == 4
    per_bucket: dict[int, int] = {}
    for bucket, n in zip(buckets.buckets, buckets.counts, strict=True):
        per_bucket[bucket] = per_bucket.get(bucket, 0) + n
    assert per_bucket == {
        int((_day(date(2023, 1, 1)) - BUCKET_ORIGIN) / (12 * MONTH_DAYS)): 1,
        int((_day(date(2025, 7, 23)) - BUCKET_ORIGIN) / (12 * MONTH_DAYS)): 3,
    }

    commitments = ClaimFilter(kinds=frozenset({ClaimKind.COMMITMENT}))
    assert charts.commitment_count(commitments) == 2
    bars = charts.commitment_bars(commitments, group_by="committer", today="2026-01-15", limit=10)
    assert isinstance(bars, BarColumns)
    assert list(bars.ids) == ["clm_1", "clm_2"]
    assert list(bars.made) == [_day(date(2025, 7, 23)), _day(date(2025, 9, 4))]
    assert list(bars.due) == [
        datetime(y, m, d, tzinfo=UTC).timestamp() for y, m, d in ((2029, 12, 31), (2024, 3, 31))
    ]
    assert list(bars.overdue) == [0, 1]
    assert list(bars.fulfilments) == [-1, -1]
    assert list(bars.groups) == ["Japan", "Japan"] and list(bars.units) == ["USD", "USD"]
    assert list(bars.amounts) == [550e9, 500e9]


def test_no_rows_are_empty_columns(db: Database) -> None:
    """A filter nothing matches gives empty columns, not a missing answer."""
    charts = ChartRepository(db)
    nothing = ClaimFilter(subject="no such subject")
    assert charts.timeline_markers(nothing, group_by="subject", limit=10) == MarkerColumns((), (), (), (), ())
    assert len(charts.commitment_bars(nothing, group_by="subject", today="2026-01-15", limit=10).ids) == 0
    assert charts.timeline_extent(nothing) == TimelineExtent(0, 0, None, None)


def test_point_metrics_figures_progress_and_tracker_rows_are_typed(db: Database) -> None:
    """The hover, the metric picker, a metric's figures, the progress counts and the tracker's input."""
    charts = ChartRepository(db)
    everything = ClaimFilter()
    point = charts.point("clm_1")
    assert isinstance(point, PointRow)
    assert (point.kind, point.status, point.stated, point.source_title, point.outlet) == (
        "commitment",
        "verified",
        "2025-07-23",
        "Fact sheet",
        "Outlet",
    )
    assert charts.point("clm_missing") is None

    metrics = charts.metrics(everything)
    assert all(isinstance(m, MetricRow) for m in metrics)
    assert metrics == [MetricRow("Exports", "cars", 2, 2), MetricRow("Japan", "USD", 2, 2)]
    conflicted = charts.conflicted_metrics(everything)
    assert conflicted == {MetricKey("Exports", "cars"), MetricKey("Japan", "USD")}
    assert all(isinstance(key, MetricKey) for key in conflicted)

    figures = charts.figures(everything, subject="Exports", unit="cars")
    assert all(isinstance(f, FigureRow) for f in figures)
    assert {(f.claim_id, f.value, f.measured) for f in figures} == {
        ("clm_3", 16707.0, 1),
        ("clm_4", 15000.0, 1),
    }
    assert {f.x for f in figures} == {
        datetime(2024, 1, 1, tzinfo=UTC).timestamp()
    }  # the period, not the day said
    pledges = charts.figures(everything, subject="Japan", unit="USD")
    assert {(f.claim_id, f.measured) for f in pledges} == {("clm_1", 0), ("clm_2", 0)}

    counts = charts.status_kind_counts(everything)
    assert all(isinstance(c, StatusKindCount) for c in counts)
    assert sorted(counts) == sorted(
        [
            StatusKindCount("verified", "commitment", 1),
            StatusKindCount("false", "commitment", 1),
            StatusKindCount("unverified", "statistic", 2),
            StatusKindCount("unverified", "claim", 1),
        ]
    )
    verdicts = charts.verdict_day_counts(everything)
    assert verdicts == [
        VerdictDayCount("2026-01-02", "false", 1),
        VerdictDayCount("2026-01-02", "verified", 1),
    ]
    assert all(isinstance(v, VerdictDayCount) for v in verdicts)
    # both verdicts at one moment: latest first, then by id
    assert charts.verdict_claim_ids(everything, day="2026-01-02", limit=5) == ["clm_1", "clm_2"]
    assert charts.verdict_claim_ids(everything, day="2026-01-03", limit=5) == []

    statements = sorted(charts.commitment_statements(everything, today="2026-01-15"))
    assert [s[0] for s in statements] == ["clm_1", "clm_2"]
    assert [(s[8], bool(s[9])) for s in statements] == [("2029-12-31", False), ("2024-03-31", True)]
    links = charts.commitment_links(everything, kinds=("restates", "contradicts"))
    assert links == [LinkPair("clm_2", "clm_1")] and isinstance(links[0], LinkPair)
    assert charts.commitment_links(everything, kinds=("restates",)) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-07-23", date(2025, 7, 23)),
        ("2019-12-31T23:00", date(2019, 12, 31)),
        ("1988-07", date(1988, 7, 1)),
        ("1975", date(1975, 1, 1)),
        ("1950-02-03", date(1950, 2, 3)),
        ("fiscal 2004", None),
        (None, None),
    ],
)
def test_iso_day_is_days_since_1970_of_the_first_day_named(
    db: Database, text: str | None, day: date | None
) -> None:
    """The one day expression (column, summary and queries) counts days from 1970 as the calendar does."""
    (got,) = db.execute(f"SELECT {dates_sql.iso_day(':t')}", {"t": text}).fetchone()
    assert got == (None if day is None else _day(day))


def test_free_text_dates_and_deadlines_fall_back_to_their_year(db: Database) -> None:
    """ "fiscal 2024" starts on 2024-01-01; "by 2027 or 2029" is due on the last day of 2029; seconds are UTC."""
    dates_sql.register_date_functions(db.conn)
    start = db.execute(f"SELECT {dates_sql.day_start(':t')}", {"t": "fiscal 2024"}).fetchone()[0]
    end = db.execute(f"SELECT {dates_sql.day_end(':t')}", {"t": "by 2027 or 2029"}).fetchone()[0]
    month_end = db.execute(f"SELECT {dates_sql.day_end(':t')}", {"t": "2024-02"}).fetchone()[0]
    seconds = db.execute(f"SELECT {dates_sql.day_seconds(':t')}", {"t": "2024-02-29"}).fetchone()[0]
    assert (start, end, month_end) == ("2024-01-01", "2029-12-31", "2024-02-29")
    assert seconds == datetime(2024, 2, 29, tzinfo=UTC).timestamp()


def test_the_schema_uses_the_same_day_and_figure_expressions_as_the_queries(db: Database) -> None:
    """The generated `stated_day` column and the figures' partial index are written from `dates_sql`, so
    the index serves the chart queries and the summary counts the days they count."""
    claims_sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    index_sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims_figures'").fetchone()[0]
    assert dates_sql.iso_day("stated_on") in claims_sql
    assert f"{dates_sql.figure_sql()} IS NOT NULL" in index_sql
    plan = db.execute(
        f"EXPLAIN QUERY PLAN SELECT count(*) FROM claims WHERE {dates_sql.figure_sql('claims')} IS NOT NULL "
        "AND claims.subject IS NOT NULL"
    ).fetchall()
    assert any("claims_figures" in str(row[-1]) for row in plan)


def test_ledger_counts_are_one_typed_row(db: Database) -> None:
    """What `factledger info` reports: rows per table and facts per status and kind."""
    counts = LedgerCountsRepository(db).counts()
    assert counts == LedgerCounts(
        sources=3,
        claims=5,
        suggestions=0,
        evidence=0,
        history=0,
        dismissed=0,
        by_status={"false": 1, "unverified": 3, "verified": 1},
        by_kind={"claim": 1, "commitment": 2, "statistic": 2},
    )
