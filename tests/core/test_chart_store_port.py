"""Chart series depend on the `ChartStore` port only: no SQLite in core's chart modules, storage's
`ChartRepository` offers exactly the port's methods, and an in-memory store drives every series."""

from __future__ import annotations

import ast
import inspect
import math
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import factledger.core.chart_store as chart_store
import factledger.core.pledges as pledges
import factledger.core.series as series
from factledger.core.chart_store import ChartStore
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
from factledger.storage.series import ChartRepository

FORBIDDEN = ("sqlite3", "sqlite_utils", "factledger.storage")


def _imports(module: object) -> set[str]:
    tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))  # type: ignore[arg-type]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_chart_modules_import_no_sqlite_and_no_storage() -> None:
    """core.series, core.pledges and the port name no SQLite library and no storage module, even for types."""
    for module in (series, pledges, chart_store):
        imported = _imports(module)
        assert not {name for name in imported if name.startswith(FORBIDDEN)}, module.__name__
    assert "factledger.domain.chart_rows" in _imports(series)  # the scan does see imports


def test_the_sqlite_repository_offers_exactly_the_ports_methods() -> None:
    """Every port method exists on `ChartRepository` with the same parameters (what a second engine copies)."""
    wanted = {
        name for name, _ in inspect.getmembers(ChartStore, inspect.isfunction) if not name.startswith("_")
    }
    offered = {
        name
        for name, _ in inspect.getmembers(ChartRepository, inspect.isfunction)
        if not name.startswith("_")
    }
    assert wanted and wanted == offered
    for name in wanted:
        port = inspect.signature(getattr(ChartStore, name))
        adapter = inspect.signature(getattr(ChartRepository, name))
        assert list(port.parameters) == list(adapter.parameters), name
        assert [p.kind for p in port.parameters.values()] == [p.kind for p in adapter.parameters.values()], (
            name
        )


class MemoryCharts:
    """A second engine in a few lines: fixed rows, and a note of what core asked for."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, dict[str, object]]] = []

    def timeline_extent(
        self, claim_filter: ClaimFilter, *, window: tuple[int, int] | None = None
    ) -> TimelineExtent:
        self.asked.append(("extent", {"window": window}))
        return TimelineExtent(dated=2, undated=1, first=20_000, last=20_010)

    def timeline_markers(
        self, claim_filter: ClaimFilter, *, group_by: str, limit: int, window: tuple[int, int] | None = None
    ) -> MarkerColumns:
        self.asked.append(("markers", {"group_by": group_by, "limit": limit}))
        return MarkerColumns(("clm_a", "clm_b"), (20_000, 20_010), (1, 2), (0, 2), ("Japan", None))

    def timeline_buckets(
        self,
        claim_filter: ClaimFilter,
        *,
        group_by: str,
        bucket_days: float,
        window: tuple[int, int] | None = None,
    ) -> BucketColumns:
        self.asked.append(("buckets", {"group_by": group_by, "bucket_days": bucket_days}))
        return BucketColumns([10], [0], [0], ["Japan"], [2])

    def commitment_count(self, claim_filter: ClaimFilter) -> int:
        return 1

    def commitment_bars(
        self, claim_filter: ClaimFilter, *, group_by: str, today: str, limit: int
    ) -> BarColumns:
        self.asked.append(("bars", {"today": today}))
        return BarColumns(("clm_a",), (20_000,), (None,), (-1,), (1,), ("Toyota",), (None,), ("USD",))

    def point(self, claim_id: str) -> PointRow | None:
        if claim_id != "clm_a":
            return None
        return PointRow(
            *("clm_a", "commitment", "verified", "quote", "statement", None, "plant", "Toyota"),
            *(None, 10e9, "USD", "2027", "in_progress", "2025-07-23T08:00", "Fact sheet", None),
        )

    def metrics(self, claim_filter: ClaimFilter) -> list[MetricRow]:
        return [MetricRow("Exports", "cars", 2, 2), MetricRow("Japan", "USD", 1, 1)]

    def conflicted_metrics(self, claim_filter: ClaimFilter) -> set[MetricKey]:
        return {MetricKey("Exports", "cars")}

    def figures(self, claim_filter: ClaimFilter, *, subject: str, unit: str | None) -> list[FigureRow]:
        x = datetime(2024, 1, 1, tzinfo=UTC).timestamp()
        return [
            FigureRow("clm_c", "src_1", "One", 16707.0, "2024", x, None, 1, "Exports were 16,707 in 2024."),
            FigureRow("clm_d", "src_2", "Two", 15000.0, "2024", x, None, 1, "Exports were 15,000."),
            FigureRow("clm_e", "src_2", "Two", 900.0, None, None, None, 1, None),
        ]

    def status_kind_counts(self, claim_filter: ClaimFilter) -> list[StatusKindCount]:
        return [StatusKindCount("verified", "claim", 3), StatusKindCount("false", "statistic", 1)]

    def verdict_day_counts(self, claim_filter: ClaimFilter) -> list[VerdictDayCount]:
        return [VerdictDayCount("2026-01-02", "verified", 3), VerdictDayCount("2026-01-03", "false", 1)]

    def verdict_claim_ids(self, claim_filter: ClaimFilter, *, day: str, limit: int) -> list[str]:
        return ["clm_a"][:limit]

    def commitment_statements(self, claim_filter: ClaimFilter, *, today: str) -> list[StatementRow]:
        return [
            ("clm_1", "src_1", "Japan", "USD", "investment", 550e9, None, None, "2029-12-31", 0),
            ("clm_2", "src_2", "Japan", "USD", "investment", 500e9, None, None, "2029-12-31", 0),
            ("clm_3", "src_1", "Toyota", "USD", "plant", 10e9, "fulfilled", None, None, 0),
        ]

    def commitment_links(self, claim_filter: ClaimFilter, *, kinds: Sequence[str]) -> list[LinkPair]:
        return [LinkPair("clm_2", "clm_1")] if "contradicts" in kinds else []


def _store() -> MemoryCharts:
    store = MemoryCharts()
    _typed: ChartStore = store  # the fake is a ChartStore as far as the type checker is concerned
    return store


def test_an_in_memory_store_drives_the_timeline() -> None:
    """Markers sit at their day (x in seconds), codes become enums' positions, counted buckets are centred."""
    store = _store()
    timeline = series.timeline(store, ClaimFilter(), today=date(2026, 1, 15))
    assert list(timeline.markers.x) == [20_000 * DAY_SECONDS, 20_010 * DAY_SECONDS]
    assert timeline.groups == ("Japan", "Toyota", None)
    assert list(timeline.markers.row) == [0, 2] and list(timeline.bars.row) == [1]
    assert (timeline.dated, timeline.undated, timeline.aggregated) == (2, 1, False)
    assert list(timeline.bars.overdue) == [True] and math.isnan(timeline.bars.end[0])
    assert ("bars", {"today": "2026-01-15"}) in store.asked

    counted = series.timeline(store, ClaimFilter(), today=date(2026, 1, 15), max_markers=1)
    assert counted.aggregated and counted.bucket_seconds == DAY_SECONDS  # an 11-day span: day buckets
    assert list(counted.markers.x) == [(BUCKET_ORIGIN + 10.5) * DAY_SECONDS]
    assert list(counted.markers.count) == [2]

    point = series.timeline_point(store, "clm_a")
    assert point is not None
    assert (point.kind, point.status, point.fulfilment, point.stated_on) == (
        ClaimKind.COMMITMENT,
        Status.VERIFIED,
        Fulfilment.IN_PROGRESS,
        "2025-07-23",
    )
    assert series.timeline_point(store, "clm_gone") is None


def test_an_in_memory_store_drives_figures_progress_and_the_tracker() -> None:
    """Metrics carry the port's conflict flags; figures, progress and pledges are computed in core."""
    store = _store()
    metrics = series.metrics(store, ClaimFilter())
    assert [(m.subject, m.conflicted) for m in metrics] == [("Exports", True), ("Japan", False)]

    figures = series.figures(store, ClaimFilter(), subject="Exports", unit="cars")
    assert [c.values for c in figures.conflicts] == [(15000.0, 16707.0)]
    assert [len(s.points) for s in figures.series] == [1, 2]
    assert math.isnan(figures.series[1].points[1].x)

    progress = series.progress(store, ClaimFilter())
    assert progress.total == 4 and progress.days == ("2026-01-02", "2026-01-03")
    assert progress.verified_per_day == (3, 0) and progress.checked_per_day == (3, 1)
    assert series.verdict_claims(store, ClaimFilter(), day="2026-01-02") == ["clm_a"]

    totals = series.commitments(store, ClaimFilter(), today=date(2026, 1, 15))
    japan = next(t for t in totals if t.committer == "Japan")
    assert (japan.commitments, japan.pledged, japan.pledged_high, japan.conflicted) == (1, 500e9, 550e9, 1)
    toyota = next(t for t in totals if t.committer == "Toyota")
    assert (toyota.delivered, toyota.fulfilled) == (10e9, 1)
