"""Charts panel: clicking a marker selects its fact, charts render real facts, big ledgers and soak."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from factledger.core import Ledger, operations
from factledger.core.series import (
    CommitmentBars,
    Timeline,
    TimelineGrouping,
    TimelineMarkers,
    day_seconds,
)
from factledger.domain import Changes, ClaimFilter, ClaimKind, Document
from factledger.ui.charts import ChartsPanel, ProgressChart, TimelineChart
from factledger.ui.charts.timeline_text import summary_text
from factledger.ui.session import LedgerSession

TEXT = (
    "Japan has committed to invest $550 billion in the United States by 2029, the White House said. "
    "Only 16,707 American-made vehicles were exported to Japan in 2024, the ministry said."
)


def _fixture_session(tmp_path: Path) -> tuple[LedgerSession, dict[str, str]]:
    ledger = Ledger.open(tmp_path / "charts.factledger", actor="Test Reviewer")
    result = ledger.import_document(Document(text=TEXT, title="Fact sheet", published="2025-07-23"))
    assert result.source_id
    ids = {}
    start = TEXT.index("invest $550 billion")
    ids["pledge"], _ = ledger.log_claim(
        source_id=result.source_id,
        kind="commitment",
        start=start,
        end=start + 19,
        subject="Japan investment",
        committer="Japan",
        amount=550e9,
        unit="USD",
        deadline="2029",
    )
    start = TEXT.index("16,707")
    ids["exports"], _ = ledger.log_claim(
        source_id=result.source_id,
        kind="statistic",
        start=start,
        end=start + 6,
        subject="US vehicle exports",
        value=16707,
        unit="vehicles",
        period="2024",
        stated_on="2025-03-01",
    )
    ledger.set_status(ids["exports"], status="verified")
    return LedgerSession(ledger), ids


def _distinct_colours(image: QImage, step: int = 3) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_clicking_a_marker_emits_claim_selected_with_its_id(qtbot, tmp_path: Path) -> None:
    """Given a timeline with two facts, when the statistic's marker is clicked, its id is announced."""
    session, ids = _fixture_session(tmp_path)
    panel = ChartsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    with qtbot.waitSignal(panel.timeline.drawn, timeout=5000):
        panel.refresh_now()
    chart = panel.timeline
    view = chart.plot
    scene_pos = chart.marker_scene_pos(ids["exports"])
    pos = view.mapFromScene(scene_pos)
    with qtbot.waitSignal(panel.claim_selected, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [ids["exports"]]
    session.ledger.close()


def test_the_progress_chart_renders_the_sample_articles_facts(qtbot, session) -> None:
    """Given the sample article's suggestions accepted and one verified, the grabbed chart is not blank.

    The plain-text sample has no publication date, so the timeline would rightly leave it out.
    """
    session.run(operations.accept_all())
    first = session.ledger.claims(limit=1)[0]
    session.run(operations.set_status(claim_id=first.id, status="verified"))
    chart = ProgressChart(session)
    qtbot.addWidget(chart)
    chart.resize(900, 500)
    chart.show()
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.refresh()
    assert chart.progress is not None and chart.progress.total == session.ledger.count_claims() > 1
    assert _distinct_colours(chart.layout_widget.grab().toImage()) >= 4


def test_the_timeline_draws_facts_in_their_status_colours(qtbot, tmp_path: Path) -> None:
    """A verified statistic, an unverified commitment with its bar and the today line: many colours."""
    session, _ = _fixture_session(tmp_path)
    chart = TimelineChart(session)
    qtbot.addWidget(chart)
    chart.resize(900, 500)
    chart.show()
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.refresh()
    assert chart.timeline is not None and chart.timeline.dated == 2
    assert _distinct_colours(chart.plot.grab().toImage()) >= 6
    session.ledger.close()


def test_every_tab_exports_png_and_svg(qtbot, tmp_path: Path) -> None:
    """Each chart writes a non-empty PNG and an SVG that is XML."""
    session, _ = _fixture_session(tmp_path)
    panel = ChartsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    for index in range(panel.tabs.count()):
        with qtbot.waitSignal(panel.charts[index].drawn, timeout=5000):
            panel.tabs.setCurrentIndex(index)
            panel.refresh_now()
        png = panel.export_current(tmp_path / f"chart{index}.png")
        svg = panel.export_current(tmp_path / f"chart{index}.svg")
        assert QImage(str(png)).width() >= 1600
        assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    session.ledger.close()


def test_the_panel_follows_the_filter_and_refreshes_when_claims_change(qtbot, tmp_path: Path) -> None:
    """A kind filter narrows the timeline; a status change reaches the chart through `changed`."""
    session, ids = _fixture_session(tmp_path)
    panel = ChartsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.timeline.drawn, timeout=5000):
        panel.set_filter(ClaimFilter(kinds=frozenset({ClaimKind.COMMITMENT})))
    assert panel.timeline.timeline is not None
    assert panel.timeline.timeline.markers.ids == (ids["pledge"],)
    assert int(panel.timeline.timeline.markers.status[0]) == 0  # unverified
    with qtbot.waitSignal(panel.timeline.drawn, timeout=5000):
        session.run(operations.set_status(claim_id=ids["pledge"], status="in_review"))
        assert panel.timeline.stale
    assert int(panel.timeline.timeline.markers.status[0]) == 1  # in review, from a fresh query
    session.ledger.close()


def _synthetic_timeline(count: int) -> Timeline:
    rng = np.random.default_rng(7)
    start = day_seconds(date(2020, 1, 1))
    markers = TimelineMarkers(
        ids=tuple(f"clm_{i}" for i in range(count)),
        x=np.sort(start + rng.integers(0, 5 * 365, count) * 86_400.0),
        kind=rng.integers(0, 3, count).astype(np.int8),
        status=rng.integers(0, 7, count).astype(np.int8),
        row=rng.integers(0, 40, count).astype(np.int32),
        count=np.ones(count, dtype=np.int32),
    )
    bars = CommitmentBars(
        ids=("clm_0",),
        start=np.array([start]),
        end=np.array([start + 400 * 86_400.0]),
        fulfilment=np.array([1], dtype=np.int8),
        overdue=np.array([True]),
        row=np.array([0], dtype=np.int32),
        amount=np.array([1e9]),
        units=("USD",),
    )
    return Timeline(
        grouping=TimelineGrouping.SUBJECT,
        groups=tuple(f"subject {i:02d}" for i in range(40)),
        markers=markers,
        bars=bars,
        dated=count,
        undated=0,
        aggregated=False,
        bucket_seconds=0.0,
        today=start + 1000 * 86_400.0,
    )


def test_a_timeline_of_100000_markers_builds_and_paints(qtbot, session) -> None:
    """100,000 markers are one scatter item; the chart paints and hit-testing still answers."""
    chart = TimelineChart(session)
    qtbot.addWidget(chart)
    chart.resize(1000, 600)
    chart.show()
    chart.show_timeline(_synthetic_timeline(100_000))
    assert not chart.plot.grab().isNull()
    marker = chart.marker_scene_pos("clm_500")
    assert chart.hit(marker) is not None


def test_soak_100000_change_signals_and_10000_repaints(qtbot, tmp_path: Path) -> None:
    """A storm of `changed` signals coalesces into few refreshes and repeated repaints do not crash."""
    session, ids = _fixture_session(tmp_path)
    panel = ChartsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(240, 160)
    panel.show()
    with qtbot.waitSignal(panel.timeline.drawn, timeout=5000):
        panel.refresh_now()
    changes = Changes(claims=frozenset({ids["pledge"]}))
    for n in range(100_000):
        session.changed.emit(changes)
        if n % 10_000 == 0:
            qtbot.wait(1)
    qtbot.waitUntil(lambda: not panel.timeline.stale and not panel.queries.busy, timeout=5000)
    plot = panel.timeline.plot
    for _ in range(10_000):
        plot.viewport().repaint()
    assert panel.timeline.timeline is not None and len(panel.timeline.timeline.markers) == 2
    session.ledger.close()


def test_a_chart_query_answers_from_the_background_and_a_superseded_answer_is_dropped(
    qtbot, tmp_path: Path
) -> None:
    """Two quick refreshes: only the newer question is drawn, and `updating…` shows while it runs."""
    session, ids = _fixture_session(tmp_path)
    panel = ChartsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    drawn: list[tuple[str, ...]] = []
    panel.timeline.drawn.connect(lambda: drawn.append(panel.timeline.timeline.markers.ids))
    panel.timeline.set_filter(ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC})))
    panel.timeline.refresh()
    assert panel.queries.busy and not panel.updating.isHidden()
    panel.timeline.set_filter(ClaimFilter(kinds=frozenset({ClaimKind.COMMITMENT})))
    panel.timeline.refresh()
    qtbot.waitUntil(lambda: not panel.queries.busy and panel.queries.in_flight() == 0, timeout=5000)
    assert drawn == [(ids["pledge"],)]
    assert panel.updating.isHidden()
    session.ledger.close()


def test_zooming_into_a_counted_period_asks_again_and_shows_single_facts(qtbot, tmp_path: Path) -> None:
    """Counted per bucket over every date, the view zoomed to March 2025 re-queries and draws the statistic."""
    session, ids = _fixture_session(tmp_path)
    panel = ChartsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    chart = panel.timeline
    chart.max_markers = 1
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        panel.refresh_now()
    assert chart.timeline is not None and chart.timeline.aggregated and chart.buckets is not None
    assert "counted per" in chart.summary
    start = day_seconds(date(2025, 2, 20))
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.plot.getPlotItem().getViewBox().setXRange(start, start + 20 * 86_400.0, padding=0)
    assert chart.timeline.window is not None and not chart.timeline.aggregated
    assert chart.timeline.markers.ids == (ids["exports"],)
    assert chart.hit(chart.marker_scene_pos(ids["exports"])) == ids["exports"]
    session.ledger.close()


def test_closing_the_panel_with_a_query_in_flight_joins_it_and_draws_nothing(qtbot, tmp_path: Path) -> None:
    """Closed right after asking: the work has returned when `close` returns, and its answer is dropped."""
    session, _ = _fixture_session(tmp_path)
    panel = ChartsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh_now()
    assert panel.queries.busy
    panel.close()
    assert panel.queries.in_flight() == 0 and not panel.queries.busy
    assert panel.queries.runner.tasks == [] or all(t.check_cancelled() for t in panel.queries.runner.tasks)
    qtbot.waitUntil(lambda: panel.queries.runner.tasks == [], timeout=5000)
    assert panel.timeline.timeline is None
    session.ledger.close()


def test_the_summary_says_when_commitment_bars_were_left_out() -> None:
    """A timeline with more commitments than bars drawn names how many were not drawn."""
    timeline = _synthetic_timeline(10)
    omitted = Timeline(**{**{f: getattr(timeline, f) for f in timeline.__slots__}, "bars_omitted": 6_000})
    assert "6,000 commitment bars not drawn" in summary_text(omitted)
