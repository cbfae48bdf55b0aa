"""Every chart series is the same on a team ledger as on a ledger file built the same way.

Both ledgers are built through the public `Ledger` API from the seed article plus a few hundred generated
facts (own ISO days, months and years, facts dated by their source's date, free-text and missing source
dates, every kind, status and fulfilment, units, periods, verdicts on several days, links), with ids and
clock made deterministic so that the two ledgers hold the same rows. The date expressions are also
compared one by one with SQLite's on texts no Ledger API call can store (free-text deadlines, lenient days).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest

from factledger.core import Ledger
from factledger.core.series import Timeline, TimelineGrouping
from factledger.core.team import init_team_ledger
from factledger.domain import ClaimFilter, Document
from factledger.reading import expand_inputs
from factledger.resources import resource_path
from factledger.storage.dates_sql import day_end, day_number, day_start, register_date_functions
from factledger.storage.postgres import charts as pg_charts

N = 300
TODAY = date(2026, 6, 15)
ID_MODULES = ("edits", "importing", "versions", "source_edits", "related")
KINDS = ("claim", "commitment", "statistic")
STATUSES = ("unverified", "in_review", "verified", "partly_true", "disputed", "false", "unverifiable")
FULFILMENTS = (None, "announced", "in_progress", "fulfilled", "partially_fulfilled", "stalled", "broken")
PUBLISHED = ("2023-04-05", "fiscal 2021", None, "2019-11", "2024-02-29T08:00:00Z")
SUBJECTS = ("exports", "budget", "schools", None)
UNITS = ("EUR", "%", None)


def _deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ids from a counter (the same sequence on each build), so the two ledgers' rows have the same ids."""
    counter = itertools.count()

    def new_id(prefix: str) -> str:
        return f"{prefix}_{next(counter):08d}"

    for name in ID_MODULES:
        monkeypatch.setattr(f"factledger.core.{name}.new_id", new_id)


def _clock() -> Callable[[], str]:
    ticks = itertools.count()

    def now() -> str:
        tick = next(ticks)
        return f"2026-0{1 + tick // 400 % 5}-{10 + tick // 40 % 10:02d}T{tick % 24:02d}:{tick % 60:02d}:00Z"

    return now


def _build(ledger: Ledger) -> None:
    """The seed article with its suggestions accepted, a few generated sources and N generated facts."""
    ledger.clock = _clock()
    (seed,) = ledger.import_inputs(expand_inputs([str(resource_path("sample", "sample-article.txt"))]))
    assert seed.source_id is not None
    for suggestion in ledger.suggestions(seed.source_id)[:-2]:
        ledger.accept(suggestion.id)
    text = " ".join(f"Paragraph {i} says the figure rose by {i * 3} percent." for i in range(60))
    sources = [seed.source_id]
    for n, published in enumerate(PUBLISHED):
        result = ledger.import_document(
            Document(text=f"{text} Edition {n}.", title=f"Edition {n}", published=published), []
        )
        assert result.source_id is not None
        sources.append(result.source_id)
    ids: list[str] = []
    for i in range(N):
        source = ledger.source(sources[(i // 3) % len(sources)])  # every kind from every source
        start = (i * 37) % (len(source.text) - 40)
        kind = KINDS[i % 3]
        fields: dict[str, object] = {
            "statement": f"generated fact {i}",
            "subject": SUBJECTS[i % 4],
            "speaker": f"speaker {i % 6}",
        }
        if i % 5:  # every fifth fact has no own date: its source's (or none)
            fields["stated_on"] = (
                f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                f"{2010 + i % 15}-{1 + i % 12:02d}",
                f"{2000 + i % 25}",
            )[i % 3]
        if i % 4 != 3:
            fields["value"] = float(i % 17) * (10 if i % 2 else 1)
            fields["unit"] = UNITS[i % 3]
            fields["period"] = (None, f"{2018 + i % 6}", f"{2020 + i % 4}-{1 + i % 12:02d}", "Q3")[i % 4]
        if kind == "commitment":
            fields["committer"] = None if i % 7 == 0 else f"ministry {i % 4}"
            fields["amount"] = float(1000 * (i % 9))
            fields["deadline"] = (None, f"{2024 + i % 5}", f"{2025 + i % 3}-{1 + i % 12:02d}", "2026-06-15")[
                i % 4
            ]
            fields["fulfilment"] = FULFILMENTS[i % 7]
            if i % 11 == 0:
                fields["delivered"] = float(100 * (i % 5))
        claim_id, _ = ledger.log_claim(
            source_id=source.id, start=start, end=start + 30, kind=kind, quote=None, **fields
        )
        ids.append(claim_id)
        status = STATUSES[(i * 5) % 7]
        if status != "unverified":
            ledger.set_status(claim_id, status=status, reason="checked")
    for a, b in zip(ids[2::9], ids[5::9], strict=False):
        ledger.link(a, b, kind="restates" if len(a) % 2 else "contradicts")
    commitments = [c for c in ids[2::3]]
    for a, b in itertools.pairwise(commitments[::10]):
        ledger.link(a, b, kind="contradicts")


@pytest.fixture
def both(
    postgres_dsn: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Ledger, Ledger]]:
    init_team_ledger(postgres_dsn)
    ledgers = []
    for where in (tmp_path / "charts.factledger", postgres_dsn):
        _deterministic(monkeypatch)
        ledger = Ledger.open(where, actor="Test Reviewer")
        _build(ledger)
        ledgers.append(ledger)
    try:
        yield ledgers[0], ledgers[1]
    finally:
        for ledger in ledgers:
            ledger.close()


def _seen(timeline: Timeline) -> str:
    """What a timeline draws, as text: every field, markers as rows. Aggregated markers (one per bucket,
    row, status and kind) are sorted: within a bucket their order is the engine's, and each is drawn on
    its own; single markers keep their order (earliest first, then by id), which the limit depends on."""
    markers = timeline.markers
    rows = list(
        zip(
            markers.x.tolist(),
            markers.kind.tolist(),
            markers.status.tolist(),
            markers.row.tolist(),
            markers.count.tolist(),
            strict=True,
        )
    )
    if timeline.aggregated:
        rows.sort()
    fields = [
        (name, getattr(timeline, name))
        for name in Timeline.__slots__
        if name != "markers"  # type: ignore[attr-defined]
    ]
    return repr((markers.ids, rows, fields))


FILTERS = (
    ClaimFilter(),
    ClaimFilter(kinds=frozenset({"commitment"})),
    ClaimFilter(statuses=frozenset({"verified", "false"}), subject="exports"),
    ClaimFilter(date_from="2018-01-01", date_to="2022-12-31"),
    ClaimFilter(text="generated fact"),
)


def test_every_chart_series_is_the_same_on_both_engines(both: tuple[Ledger, Ledger]) -> None:
    """Timeline, metrics, figures, progress, commitments and verdicts are equal on SQLite and PostgreSQL under every filter."""
    file, team = both
    assert team.count_claims() == file.count_claims() > N
    for claim_filter in FILTERS:
        for grouping in TimelineGrouping:
            for max_markers in (10_000, 40):  # markers, then buckets
                mine = team.timeline(claim_filter, grouping=grouping, today=TODAY, max_markers=max_markers)
                theirs = file.timeline(claim_filter, grouping=grouping, today=TODAY, max_markers=max_markers)
                assert _seen(mine) == _seen(theirs), (claim_filter, grouping, max_markers)
        windowed = file.timeline(claim_filter, today=TODAY, window=(1.5e9, 1.7e9), max_markers=30)
        assert _seen(team.timeline(claim_filter, today=TODAY, window=(1.5e9, 1.7e9), max_markers=30)) == (
            _seen(windowed)
        )
        metrics = file.metrics(claim_filter)
        assert team.metrics(claim_filter) == metrics
        for metric in metrics:
            assert repr(team.figures(claim_filter, subject=metric.subject, unit=metric.unit)) == repr(
                file.figures(claim_filter, subject=metric.subject, unit=metric.unit)
            )
        progress = file.progress(claim_filter)
        assert team.progress(claim_filter) == progress
        assert team.commitments(claim_filter, today=TODAY) == file.commitments(claim_filter, today=TODAY)
    days = {event.at[:10] for event in file.history(file.claims(limit=1)[0].id)} | {
        "2026-01-10",
        "2026-03-14",
    }
    for day in sorted(days):
        assert team.verdict_claims(ClaimFilter(), day=day, limit=50) == file.verdict_claims(
            ClaimFilter(), day=day, limit=50
        )
    for claim in file.claims(limit=400):
        assert team.timeline_point(claim.id) == file.timeline_point(claim.id)
    assert team.timeline_point("clm_missing") is None


TEXTS = (
    "2024-02-30",
    "2024-13-01",
    "2024-02",
    "2024-00",
    "2023-02",
    "2024",
    "0000-03",
    "2024-05-06T10:00:00Z",
    "fiscal 2024",
    "2019-2021 plan",
    "by 1899 or 2101",
    "12019 and 2020x",
    "Q3",
    "soon",
    "2025-13-45",
    "spring 2021",
    "",
    None,
)


def test_the_date_expressions_read_every_text_as_sqlite_does(postgres_dsn: str) -> None:
    """PostgreSQL reads ISO, month, year and free-text dates to the same day as SQLite."""
    init_team_ledger(postgres_dsn)
    lite = sqlite3.connect(":memory:")
    register_date_functions(lite)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        for text in TEXTS:
            expected = lite.execute(
                f"SELECT {day_number(day_start('?1'))}, {day_end('?1')}", [text]
            ).fetchone()
            got = conn.execute(
                f"SELECT {pg_charts.day_of('%(t)s::text')}, {pg_charts.day_end('%(t)s::text')}", {"t": text}
            ).fetchone()
            assert got == expected, text
    lite.close()
