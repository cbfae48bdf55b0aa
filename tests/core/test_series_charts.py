"""Chart series on fixture ledgers: stated dates, grouping, overdue commitments, conflicts, progress."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from factledger.core import Ledger
from factledger.core.series import (
    FULFILMENT_ORDER,
    KIND_ORDER,
    STATUS_ORDER,
    TimelineGrouping,
    day_seconds,
)
from factledger.domain import ClaimFilter, ClaimKind, Document, Fulfilment, Status, UserError
from factledger.storage.sqlite_store import sqlite_database

FIRST = (
    "Japan has committed to invest $550 billion in the United States by 2029, the White House said. "
    "Toyota will build a plant in Kentucky by 2027, its chief executive said. "
    "Only 16,707 American-made vehicles were exported to Japan in 2024, the ministry said."
)
SECOND = (
    "Japan's pledge is $500 billion, a Japanese negotiator said. "
    "Exports of US vehicles to Japan were 16,707 in 2024, according to customs data. "
    "A minister said the deal was historic."
)
TODAY = date(2026, 1, 15)


def _span(text: str, quote: str) -> dict[str, int]:
    start = text.index(quote)
    return {"start": start, "end": start + len(quote)}


RAW_SQL: dict[int, Callable[[str, list[object]], None]] = {}
"""How to write raw SQL (`?` placeholders) into each open fixture ledger, by `id(ledger)`: what older
ledgers and other tools may hold, that the Ledger API refuses to write."""


def _raw_sql(ledger: Ledger, sql: str, params: list[object] | None = None) -> None:
    RAW_SQL[id(ledger)](sql, params or [])


@pytest.fixture(params=["sqlite", "postgresql"])
def fixture_ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Ledger, dict[str, str]]]:
    """Two sources a year apart; a pledge restated with another amount; one commitment overdue. On a
    ledger file and on a team ledger (the same chart tests for both engines of the chart port)."""
    if request.param == "sqlite":
        ledger = Ledger.open(tmp_path / "series.factledger", actor="Test Reviewer")

        def in_file(sql: str, params: list[object]) -> None:
            sqlite_database(ledger.store).execute(sql, params)

        RAW_SQL[id(ledger)] = in_file
    else:
        import psycopg

        from factledger.core.team import init_team_ledger

        url = request.getfixturevalue("postgres_dsn")
        init_team_ledger(url)
        ledger = Ledger.open(url, actor="Test Reviewer")

        def on_server(sql: str, params: list[object]) -> None:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(sql.replace("?", "%s"), params)

        RAW_SQL[id(ledger)] = on_server
    first = ledger.import_document(
        Document(text=FIRST, title="White House fact sheet", published="2025-07-23")
    )
    second = ledger.import_document(Document(text=SECOND, title="Nikkei report", published="2025-09-05"))
    assert first.source_id and second.source_id
    ids: dict[str, str] = {}
    ids["pledge_550"], _ = ledger.log_claim(
        source_id=first.source_id,
        kind="commitment",
        **_span(FIRST, "invest $550 billion"),
        subject="Japan investment",
        committer="Japan",
        amount=550e9,
        unit="USD",
        deadline="2029",
        fulfilment="announced",
    )
    ids["plant"], _ = ledger.log_claim(
        source_id=first.source_id,
        kind="commitment",
        **_span(FIRST, "build a plant in Kentucky"),
        subject="Toyota plant",
        committer="Toyota",
        amount=10e9,
        unit="USD",
        deadline="2025-12",
        fulfilment="in_progress",
    )
    ids["exports_1"], _ = ledger.log_claim(
        source_id=first.source_id,
        kind="statistic",
        **_span(FIRST, "16,707"),
        subject="US vehicle exports",
        value=16707,
        unit="vehicles",
        period="2024",
        speaker="ministry",
    )
    ids["pledge_500"], _ = ledger.log_claim(
        source_id=second.source_id,
        kind="commitment",
        **_span(SECOND, "$500 billion"),
        subject="Japan investment",
        committer="Japan",
        amount=500e9,
        unit="USD",
        deadline="2029",
        stated_on="2025-09-04",
    )
    ids["exports_2"], _ = ledger.log_claim(
        source_id=second.source_id,
        kind="statistic",
        **_span(SECOND, "16,707"),
        subject="US vehicle exports",
        value=16707,
        unit="vehicles",
        period="2024",
    )
    ids["historic"], _ = ledger.log_claim(
        source_id=second.source_id,
        kind="claim",
        **_span(SECOND, "the deal was historic"),
        speaker="A minister",
    )
    yield ledger, ids
    ledger.close()
    del RAW_SQL[id(ledger)]


def test_a_fact_sits_at_its_stated_date_or_its_sources_published_date(fixture_ledger) -> None:
    """The timeline x is the claim's own date when set, else the day its source was published."""
    ledger, ids = fixture_ledger
    markers = ledger.timeline(today=TODAY).markers
    x = dict(zip(markers.ids, markers.x, strict=True))
    assert x[ids["pledge_500"]] == day_seconds(date(2025, 9, 4))
    assert x[ids["exports_1"]] == day_seconds(date(2025, 7, 23))
    assert x[ids["historic"]] == day_seconds(date(2025, 9, 5))
    assert list(markers.x) == sorted(markers.x)


def test_a_fact_without_any_date_is_counted_as_undated_not_drawn(tmp_path: Path) -> None:
    """A source with no published date and a claim with no date cannot be placed in time."""
    with Ledger.open(tmp_path / "undated.factledger") as ledger:
        source = ledger.import_document(Document(text="The bridge cost 40 million euros, officials said."))
        assert source.source_id
        ledger.log_claim(
            source_id=source.source_id, kind="claim", **_span("The bridge cost 40 million", "bridge")
        )
        timeline = ledger.timeline(today=TODAY)
        assert (timeline.dated, timeline.undated, len(timeline.markers)) == (0, 1, 0)


def test_markers_carry_kind_and_status_codes(fixture_ledger) -> None:
    """Status changes show on the next timeline: codes index STATUS_ORDER and KIND_ORDER."""
    ledger, ids = fixture_ledger
    ledger.set_status(ids["exports_1"], status="verified")
    markers = ledger.timeline(today=TODAY).markers
    at = markers.ids.index(ids["exports_1"])
    assert STATUS_ORDER[markers.status[at]] is Status.VERIFIED
    assert KIND_ORDER[markers.kind[at]] is ClaimKind.STATISTIC
    other = markers.ids.index(ids["historic"])
    assert STATUS_ORDER[markers.status[other]] is Status.UNVERIFIED


def test_rows_group_by_subject_or_by_committer(fixture_ledger) -> None:
    """By subject, both pledges share a row; by committer, claims fall back to their speaker."""
    ledger, ids = fixture_ledger
    by_subject = ledger.timeline(today=TODAY)
    assert by_subject.groups == ("Japan investment", "Toyota plant", "US vehicle exports", None)
    rows = dict(zip(by_subject.markers.ids, by_subject.markers.row, strict=True))
    assert rows[ids["pledge_550"]] == rows[ids["pledge_500"]] == 0
    assert by_subject.groups[rows[ids["historic"]]] is None

    by_committer = ledger.timeline(grouping=TimelineGrouping.COMMITTER, today=TODAY)
    rows = dict(zip(by_committer.markers.ids, by_committer.markers.row, strict=True))
    assert by_committer.groups[rows[ids["historic"]]] == "A minister"
    assert by_committer.groups[rows[ids["plant"]]] == "Toyota"


def test_a_commitment_past_its_deadline_and_not_fulfilled_is_overdue(fixture_ledger) -> None:
    """Due 2025-12 (end of December) is overdue on 2026-01-15; due 2029 is not; fulfilled never is."""
    ledger, ids = fixture_ledger
    bars = ledger.timeline(today=TODAY).bars
    overdue = dict(zip(bars.ids, bars.overdue, strict=True))
    assert overdue == {ids["pledge_550"]: False, ids["plant"]: True, ids["pledge_500"]: False}
    at = bars.ids.index(ids["plant"])
    assert bars.end[at] == day_seconds(date(2025, 12, 31))
    assert bars.start[at] == day_seconds(date(2025, 7, 23))
    assert FULFILMENT_ORDER[bars.fulfilment[at]] is Fulfilment.IN_PROGRESS

    ledger.edit_claim(ids["plant"], fulfilment="fulfilled")
    bars = ledger.timeline(today=TODAY).bars
    assert not bars.overdue[bars.ids.index(ids["plant"])]
    assert not ledger.timeline(today=date(2025, 12, 31)).bars.overdue.any()


def test_a_deadline_written_in_words_ends_with_the_year_it_names(fixture_ledger) -> None:
    """ "by the end of 2027" is due on 2027-12-31; a deadline with no year has no bar end."""
    ledger, ids = fixture_ledger
    _raw_sql(ledger, "UPDATE claims SET deadline = 'by the end of 2027' WHERE id = ?", [ids["plant"]])
    _raw_sql(ledger, "UPDATE claims SET deadline = 'within five years' WHERE id = ?", [ids["pledge_500"]])
    bars = ledger.timeline(today=TODAY).bars
    assert bars.end[bars.ids.index(ids["plant"])] == day_seconds(date(2027, 12, 31))
    assert np.isnan(bars.end[bars.ids.index(ids["pledge_500"])])


def test_the_timeline_follows_the_tables_filter(fixture_ledger) -> None:
    """Only statistics when the filter says so; bars only come from commitments the filter keeps."""
    ledger, ids = fixture_ledger
    timeline = ledger.timeline(ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC})), today=TODAY)
    assert set(timeline.markers.ids) == {ids["exports_1"], ids["exports_2"]}
    assert len(timeline.bars) == 0
    assert timeline.groups == ("US vehicle exports",)


def test_many_facts_are_counted_per_time_bucket(fixture_ledger) -> None:
    """Above max_markers the markers become buckets whose counts add up to every dated fact."""
    ledger, _ = fixture_ledger
    timeline = ledger.timeline(today=TODAY, max_markers=3)
    assert timeline.aggregated and timeline.bucket_seconds == 86_400.0
    assert timeline.markers.ids == ()
    assert int(timeline.markers.count.sum()) == timeline.dated == 6


def test_hovering_a_marker_reads_quote_speaker_and_source(fixture_ledger) -> None:
    """The tooltip record joins the fact with its source title."""
    ledger, ids = fixture_ledger
    point = ledger.timeline_point(ids["exports_1"])
    assert point is not None
    assert (point.quote, point.speaker, point.source_title) == (
        "16,707",
        "ministry",
        "White House fact sheet",
    )
    assert point.stated_on == "2025-07-23"
    assert ledger.timeline_point("clm_missing") is None


def test_metrics_flag_a_pledge_given_with_different_amounts_by_two_sources(fixture_ledger) -> None:
    """$550 billion in one source and $500 billion in another is a conflict; equal exports are not."""
    ledger, _ = fixture_ledger
    metrics = {(m.subject, m.unit): m for m in ledger.metrics()}
    assert metrics[("Japan investment", "USD")].conflicted
    assert metrics[("Japan investment", "USD")].sources == 2
    assert not metrics[("US vehicle exports", "vehicles")].conflicted
    assert not metrics[("Toyota plant", "USD")].conflicted


def test_figures_give_one_series_per_source_and_name_the_conflict(fixture_ledger) -> None:
    """Each source is a series; the conflict lists both values and both claims."""
    ledger, ids = fixture_ledger
    figures = ledger.figures(subject="Japan investment", unit="USD")
    assert [s.source_title for s in figures.series] == ["White House fact sheet", "Nikkei report"]
    assert [p.value for s in figures.series for p in s.points] == [550e9, 500e9]
    (conflict,) = figures.conflicts
    assert conflict.values == (500e9, 550e9)
    assert set(conflict.claim_ids) == {ids["pledge_550"], ids["pledge_500"]}


def test_a_figure_sits_at_the_start_of_the_period_it_describes(fixture_ledger) -> None:
    """16,707 vehicles "in 2024" is drawn at 2024, not at the day it was reported."""
    ledger, _ = fixture_ledger
    figures = ledger.figures(subject="US vehicle exports", unit="vehicles")
    assert {p.x for s in figures.series for p in s.points} == {day_seconds(date(2024, 1, 1))}
    assert figures.conflicts == ()


def test_progress_counts_by_status_and_kind_and_verdicts_per_day(fixture_ledger) -> None:
    """A verdict counts on the day it was given; unverified facts count only in the totals."""
    ledger, ids = fixture_ledger
    ledger.set_status(ids["exports_1"], status="verified")
    ledger.set_status(ids["historic"], status="disputed", reason="No source for it.")
    progress = ledger.progress()
    assert progress.total == 6
    assert progress.count(Status.VERIFIED, ClaimKind.STATISTIC) == 1
    assert progress.by_kind()[ClaimKind.COMMITMENT] == 3
    assert progress.by_status()[Status.UNVERIFIED] == 4
    assert len(progress.days) == 1
    assert (progress.verified_per_day, progress.checked_per_day) == ((1,), (2,))
    assert progress.verified_cumulative == (1,)


def test_commitments_tracker_counts_a_pledge_reported_with_two_figures_once_as_a_conflict(
    fixture_ledger,
) -> None:
    """Japan's $550 billion and $500 billion in two reports are one pledge in conflict, never $1.05 trillion."""
    ledger, ids = fixture_ledger
    ledger.edit_claim(ids["plant"], fulfilment="fulfilled")
    ledger.edit_claim(ids["pledge_500"], fulfilment="partially_fulfilled")
    totals = {(t.committer, t.unit): t for t in ledger.commitments(today=TODAY)}
    japan, toyota = totals[("Japan", "USD")], totals[("Toyota", "USD")]
    assert (japan.commitments, japan.statements, japan.conflicted) == (1, 2, 1)
    assert (japan.pledged, japan.pledged_high, japan.delivered, japan.partly_delivered) == (
        500e9,
        550e9,
        0.0,
        500e9,
    )
    (pledge,) = japan.pledges
    assert pledge.amounts == (500e9, 550e9) and set(pledge.claim_ids) == {
        ids["pledge_550"],
        ids["pledge_500"],
    }
    assert (toyota.pledged, toyota.delivered, toyota.fulfilled, toyota.overdue) == (10e9, 10e9, 1, 0)
    assert ledger.commitments(today=date(2030, 1, 1))[0].overdue == 1


def test_a_recorded_delivered_amount_is_what_the_tracker_shows_delivered(fixture_ledger) -> None:
    """$120 billion of Japan's partly kept pledge arrived: delivered, and no longer counted as unknown."""
    ledger, ids = fixture_ledger
    ledger.edit_claim(ids["pledge_500"], fulfilment="partially_fulfilled", delivered="120,000,000,000")
    ledger.edit_claim(ids["plant"], fulfilment="fulfilled", delivered=7.5e9)  # fulfilled, for less
    totals = {(t.committer, t.unit): t for t in ledger.commitments(today=TODAY)}
    japan, toyota = totals[("Japan", "USD")], totals[("Toyota", "USD")]
    assert (japan.pledged, japan.pledged_high, japan.delivered, japan.partly_delivered) == (
        500e9,
        550e9,
        120e9,
        0.0,
    )
    assert (toyota.pledged, toyota.delivered, toyota.fulfilled) == (10e9, 7.5e9, 1)
    assert ledger.claim(ids["pledge_500"]).delivered == 120e9


def test_a_delivered_amount_is_a_number_and_never_negative(fixture_ledger) -> None:
    """A delivered amount that is negative or not a number is refused and the claim keeps none."""
    ledger, ids = fixture_ledger
    with pytest.raises(UserError, match="cannot be negative"):
        ledger.edit_claim(ids["pledge_500"], delivered=-5)
    with pytest.raises(UserError, match="not a number"):
        ledger.edit_claim(ids["pledge_500"], delivered="most of it")
    assert ledger.claim(ids["pledge_500"]).delivered is None


def test_aggregated_buckets_count_facts_dated_by_their_own_day_and_by_their_source(fixture_ledger) -> None:
    """Counts per bucket, row and status add up per row whether the date is the claim's or its source's."""
    ledger, _ = fixture_ledger
    single = ledger.timeline(today=TODAY)
    counted = ledger.timeline(today=TODAY, max_markers=0)
    assert counted.aggregated and counted.groups == single.groups
    per_row = np.bincount(counted.markers.row, weights=counted.markers.count, minlength=len(single.groups))
    assert list(per_row) == list(np.bincount(single.markers.row, minlength=len(single.groups)))
    buckets = np.floor(single.markers.x / counted.bucket_seconds)
    assert set(np.floor(counted.markers.x / counted.bucket_seconds)) == set(buckets)


def test_a_window_keeps_only_the_facts_stated_in_it(fixture_ledger) -> None:
    """Asking for July 2025 leaves out the September facts; the source-dated ones follow their source."""
    ledger, ids = fixture_ledger
    july = (day_seconds(date(2025, 7, 1)), day_seconds(date(2025, 7, 31)))
    timeline = ledger.timeline(today=TODAY, window=july)
    assert set(timeline.markers.ids) == {ids["pledge_550"], ids["plant"], ids["exports_1"]}
    assert timeline.dated == 3 and timeline.window == july


def test_a_source_date_edit_moves_the_facts_that_have_no_date_of_their_own(fixture_ledger) -> None:
    """A fact with no date of its own (raw SQL, older ledgers) is looked up: a new published date moves it."""
    ledger, ids = fixture_ledger
    _raw_sql(ledger, "UPDATE claims SET stated_on = NULL WHERE id = ?", [ids["historic"]])
    _raw_sql(ledger, "UPDATE sources SET published = '2024-01-02' WHERE title = 'Nikkei report'")
    markers = ledger.timeline(today=TODAY).markers
    x = dict(zip(markers.ids, markers.x, strict=True))
    assert x[ids["historic"]] == day_seconds(date(2024, 1, 2))
    assert x[ids["pledge_500"]] == day_seconds(date(2025, 9, 4))
