"""Charts read from the `timeline_counts` summary answer exactly what counting the claims answers."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.core import Ledger
from factledger.core.series import BUCKET_ORIGIN, Timeline, TimelineGrouping, day_seconds
from factledger.domain import ClaimFilter, ClaimKind, Status
from factledger.storage import series, series_counts
from factledger.storage.series_counts import BucketColumns
from factledger.storage.sqlite_store import sqlite_database

TODAY = date(2026, 1, 15)
STATED = (
    None,
    None,
    "1961-02-03",
    "1988-07",
    "1975",
    "fiscal 2004",
    "soon",
    "2025-13-45",
    "2019-12-31T23:00",
)
PUBLISHED = ("2025-07-23", "1999-01", "1950", "spring 1971", None, "2012-10-10")
FILTERS = [
    ClaimFilter(),
    ClaimFilter(kinds=frozenset({ClaimKind.COMMITMENT})),
    ClaimFilter(statuses=frozenset({Status.VERIFIED, Status.FALSE}), kinds=frozenset({ClaimKind.CLAIM})),
    ClaimFilter(subject="rail"),
]


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    """300 facts from 1950 to 2025: own dates of every form, source dates, free text, no date."""
    rng = random.Random(17)
    with Ledger.open(tmp_path / "summary.factledger") as ledger:
        db = sqlite_database(ledger.store)
        for n in range(12):
            db.execute(
                "INSERT INTO sources (id, title, published, imported_at, text, content_sha256, media_type) "
                "VALUES (?, ?, ?, '2026-01-01', 'text', ?, 'text/plain')",
                [f"src_{n}", f"Report {n}", PUBLISHED[n % len(PUBLISHED)], f"sha{n}"],
            )
        for n in range(300):
            stated = rng.choice(STATED) or (
                None if rng.random() < 0.5 else f"{rng.randint(1950, 2025)}-{rng.randint(1, 12):02d}-01"
            )
            db.execute(
                'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, subject, speaker, '
                "stated_on, status, created_at, updated_at) "
                "VALUES (?, ?, ?, 't', 0, 1, 's', ?, ?, ?, ?, 'x', 'x')",
                [
                    f"clm_{n:03d}",
                    f"src_{rng.randrange(12)}",
                    rng.choice(list(ClaimKind)).value,
                    rng.choice(("rail", "jobs", None)),
                    rng.choice(("minister", None)),
                    stated,
                    rng.choice(list(Status)).value,
                ],
            )
        yield ledger


def _multiset(columns: BucketColumns) -> Counter[tuple[object, ...]]:
    return Counter(zip(*columns, strict=True))


def _from_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(series_counts, "answers", lambda *args, **kwargs: False)


@pytest.mark.parametrize("bucket_days", sorted(series_counts.MONTHS_PER_BUCKET))
@pytest.mark.parametrize("group_by", ["subject", "status"])
@pytest.mark.parametrize("claim_filter", FILTERS)
def test_month_quarter_and_year_buckets_equal_the_claims_count(
    ledger: Ledger,
    monkeypatch: pytest.MonkeyPatch,
    bucket_days: float,
    group_by: str,
    claim_filter: ClaimFilter,
) -> None:
    """Every bucket width the summary serves gives the counts the per-claim query gives."""
    db: Database = sqlite_database(ledger.store)
    args = {"group_by": group_by, "first_day": BUCKET_ORIGIN, "bucket_days": bucket_days}
    summary = series.timeline_bucket_columns(db, claim_filter, **args)
    _from_claims(monkeypatch)
    direct = series.timeline_bucket_columns(db, claim_filter, **args)
    assert _multiset(summary) == _multiset(direct)
    assert sum(summary.counts) > 0 or claim_filter != ClaimFilter()
    assert list(summary.buckets) == sorted(summary.buckets)


@pytest.mark.parametrize("claim_filter", FILTERS)
def test_extent_and_commitment_count_equal_the_claims_count(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch, claim_filter: ClaimFilter
) -> None:
    """Dated and undated facts, the exact first and last day, and the commitments agree."""
    db: Database = sqlite_database(ledger.store)
    summary = (series.timeline_extent(db, claim_filter), series.commitment_count(db, claim_filter))
    _from_claims(monkeypatch)
    direct = (series.timeline_extent(db, claim_filter), series.commitment_count(db, claim_filter))
    assert summary == direct
    assert summary[0][2] is not None


def _answer(timeline: Timeline) -> tuple[object, ...]:
    m = timeline.markers
    rows = sorted(
        zip(m.x.tolist(), m.kind.tolist(), m.status.tolist(), m.row.tolist(), m.count.tolist(), strict=True)
    )
    return (
        timeline.dated,
        timeline.undated,
        timeline.bucket_seconds,
        timeline.groups,
        rows,
        len(timeline.bars),
    )


@pytest.mark.parametrize(
    "window",
    [
        None,
        (day_seconds(date(1900, 1, 1)), day_seconds(date(2100, 1, 1))),  # holds every fact: summary
        (day_seconds(date(1960, 3, 10)), day_seconds(date(2001, 6, 20))),  # cuts months: from the claims
    ],
)
@pytest.mark.parametrize("grouping", list(TimelineGrouping))
def test_the_aggregated_timeline_is_the_same_from_the_summary(
    ledger: Ledger,
    monkeypatch: pytest.MonkeyPatch,
    grouping: TimelineGrouping,
    window: tuple[float, float] | None,
) -> None:
    """The whole timeline answer (markers, counts, rows, bucket width) does not depend on where it is read;
    the summary serves it unless the grouping or a window cutting through the facts needs the claims."""
    reads: list[float] = []
    original = series_counts.bucket_columns

    def spy(*args: object, **kwargs: object) -> BucketColumns:
        reads.append(float(kwargs["bucket_days"]))  # type: ignore[arg-type]
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(series_counts, "bucket_columns", spy)
    summary = ledger.timeline(today=TODAY, max_markers=0, grouping=grouping, window=window)
    cuts = window is not None and window[0] > day_seconds(date(1950, 1, 1))
    assert bool(reads) == (grouping in (TimelineGrouping.SUBJECT, TimelineGrouping.STATUS) and not cuts)
    _from_claims(monkeypatch)
    direct = ledger.timeline(today=TODAY, max_markers=0, grouping=grouping, window=window)
    assert summary.aggregated and summary.bucket_seconds > 86_400.0 * 30
    assert _answer(summary) == _answer(direct)


def test_edits_through_the_ledger_show_on_the_next_aggregated_timeline(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A status set through the ledger and a source's new date move the summary's counts like the claims'."""
    ledger.set_status("clm_001", status="verified")
    sqlite_database(ledger.store).execute("UPDATE sources SET published = '1955-05-05' WHERE id = 'src_0'")
    summary = ledger.timeline(today=TODAY, max_markers=0)
    _from_claims(monkeypatch)
    assert _answer(summary) == _answer(ledger.timeline(today=TODAY, max_markers=0))
