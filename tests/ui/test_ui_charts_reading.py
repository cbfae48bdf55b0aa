"""Charts a reader can trust: pledges counted once, points unless a series, real dates, integer counts,
tooltips and click-through on every chart, legends that never cover the data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt

from factledger.core import Ledger, operations
from factledger.domain import ClaimKind, Document, Status
from factledger.ui.charts import ChartsPanel
from factledger.ui.charts.axes import CountAxisItem, DayAxisItem, RowAxisItem
from factledger.ui.session import LedgerSession

FIRST = (
    "Japan has committed to invest $550 billion in the United States by 2029, the White House said. "
    "Toyota committed to invest another $10 billion in the United States. "
    "Since setting up its first plant in 1984, Toyota has invested approximately $50 billion in the U.S. "
    "Exports were 12,000 vehicles in 2022, 14,500 in 2023 and 16,707 in 2024, the ministry said."
)
SECOND = (
    "Japan's pledge is $500 billion, a negotiator said. Toyota expects to commit at least $10 billion. "
    "Toyota will move ahead with investments at or over $10 billion."
)


def _span(text: str, quote: str) -> dict[str, int]:
    start = text.index(quote)
    return {"start": start, "end": start + len(quote)}


@pytest.fixture
def charts(qtbot, tmp_path: Path) -> Iterator[tuple[ChartsPanel, dict[str, str]]]:
    """A panel at 1280x720 over two sources: a pledge in two figures, one restated three times, a series."""
    ledger = Ledger.open(tmp_path / "charts.factledger", actor="Test Reviewer")
    first = ledger.import_document(Document(text=FIRST, title="Fact sheet", published="2025-07-23"))
    second = ledger.import_document(Document(text=SECOND, title="Nikkei report", published="2025-09-05"))
    assert first.source_id and second.source_id
    ids: dict[str, str] = {}

    def log(name: str, source: str, text: str, quote: str, **fields: object) -> None:
        ids[name], _ = ledger.log_claim(source_id=source, **_span(text, quote), **fields)

    pledge = {"kind": "commitment", "unit": "USD"}
    log(
        "japan_550",
        first.source_id,
        FIRST,
        "invest $550 billion",
        **pledge,
        committer="Japan",
        subject="Japan",
        amount=550e9,
        deadline="2029",
    )
    log(
        "japan_500",
        second.source_id,
        SECOND,
        "$500 billion",
        **pledge,
        committer="Japan",
        subject="Japan",
        amount=500e9,
    )
    for name, text, source, quote in (
        ("toyota_1", FIRST, first.source_id, "invest another $10 billion"),
        ("toyota_2", SECOND, second.source_id, "commit at least $10 billion"),
        ("toyota_3", SECOND, second.source_id, "at or over $10 billion"),
    ):
        log(name, source, text, quote, **pledge, committer="Toyota", subject="Toyota", amount=10e9)
    log(
        "since_1984",
        first.source_id,
        FIRST,
        "approximately $50 billion",
        kind="statistic",
        subject="Toyota",
        value=50e9,
        unit="USD",
        period="1984",
    )
    log(
        "toyota_10",
        first.source_id,
        FIRST,
        "another $10 billion",
        kind="statistic",
        subject="Toyota",
        value=10e9,
        unit="USD",
    )
    for year, quote, value in (
        ("2022", "12,000", 12000),
        ("2023", "14,500", 14500),
        ("2024", "16,707", 16707),
    ):
        log(
            f"exports_{year}",
            first.source_id,
            FIRST,
            quote,
            kind="statistic",
            subject="Exports",
            value=value,
            unit="vehicles",
            period=year,
        )
    for n, (name, status) in enumerate(
        (("exports_2022", Status.VERIFIED), ("exports_2023", Status.VERIFIED), ("toyota_1", Status.FALSE))
    ):
        moment = datetime(2025, 11, 3 + 2 * n, 10, tzinfo=UTC)
        ledger.clock = lambda moment=moment: moment.isoformat().replace("+00:00", "Z")
        reason = None if status == Status.VERIFIED else "the filing says otherwise"
        ledger.set_status(ids[name], status=status, reason=reason)
    session = LedgerSession(ledger)
    panel = ChartsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1280, 720)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel, ids
    panel.shutdown()
    ledger.close()


def _show(qtbot, panel: ChartsPanel, index: int) -> None:
    chart = panel.charts[index]
    panel.tabs.setCurrentIndex(index)
    if chart.stale or chart.queries.busy:
        with qtbot.waitSignal(chart.drawn, timeout=10_000):
            panel.refresh_now()
    qtbot.waitUntil(lambda: not chart.queries.busy, timeout=10_000)
    qtbot.wait(20)


def _click(qtbot, view, scene_pos: QPointF) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_pos))


def test_the_tracker_counts_restatements_once_and_writes_the_conflict_on_its_bar(qtbot, charts) -> None:
    """Japan reads 500–550 bn (one pledge, two statements), Toyota 10 bn once, never a sum of restatements."""
    panel, _ = charts
    _show(qtbot, panel, 3)
    chart = panel.commitments
    assert [t.committer for t in chart.shown] == ["Japan", "Toyota"]
    assert chart.labels == [
        "500 bn – 550 bn · 1 pledge, 2 statements · sources disagree",
        "10 bn · 1 pledge, 3 statements",
    ]
    japan, toyota = chart.shown
    assert (japan.pledged, japan.pledged_high, toyota.pledged) == (500e9, 550e9, 10e9)


def test_a_tracker_label_sits_on_its_bars_row(qtbot, charts) -> None:
    """Each amount is written just above its own bar, inside that row's band, and each row is named."""
    panel, _ = charts
    _show(qtbot, panel, 3)
    chart = panel.commitments
    box = chart.plot.getPlotItem().getViewBox()
    for row, label in enumerate(chart._labels):
        label_rect = label.sceneBoundingRect()
        bar_top = box.mapViewToScene(QPointF(0, row - 0.25)).y()
        previous_bar_bottom = box.mapViewToScene(QPointF(0, row - 0.75)).y()
        assert previous_bar_bottom <= label_rect.top() and label_rect.bottom() <= bar_top + 1
    rows = chart._rows
    assert rows.tickStrings(rows.tickValues(-0.5, 1.5, 400)[0][1], 1, 1) == ["Japan", "Toyota"]


def test_hovering_and_clicking_a_pledge_names_it_and_opens_its_first_statement(qtbot, charts) -> None:
    """The tooltip says the sources disagree and it is counted once; a click announces its first statement."""
    panel, ids = charts
    _show(qtbot, panel, 3)
    chart = panel.commitments
    where = chart.segment_scene_pos(0)
    text = chart.hover_text(where)
    assert text is not None and "Sources disagree: 500 bn vs 550 bn" in text and "counted once" in text
    with qtbot.waitSignal(panel.claim_selected, timeout=2000) as blocker:
        _click(qtbot, chart.plot, where)
    assert blocker.args == [ids["japan_550"]]


def test_figures_are_points_unless_one_series_over_time(qtbot, charts) -> None:
    """ "$50 billion since 1984" and "$10 billion" are not joined; exports for 2022, 2023, 2024 are one line."""
    panel, ids = charts
    _show(qtbot, panel, 1)
    chart = panel.figures
    chart.select_metric("Toyota", "USD")
    qtbot.waitUntil(lambda: chart.figures is not None and chart.figures.subject == "Toyota", timeout=5000)
    assert chart.lines == 0 and chart.drawn_figures == 5
    assert not any(series.joined for series in chart.figures.series)
    assert [p.claim_id for s in chart.figures.series for p in s.points if p.stretch] == [ids["since_1984"]]
    chart.select_metric("Exports", "vehicles")
    qtbot.waitUntil(lambda: chart.figures is not None and chart.figures.subject == "Exports", timeout=5000)
    assert chart.lines == 1 and chart.drawn_figures == 3


def test_the_metric_box_and_the_plot_agree_after_evidence_and_reload(qtbot, charts) -> None:
    """An undated source's figure is drawn and counted; a reload keeps the chosen metric in box and plot."""
    panel, _ = charts
    _show(qtbot, panel, 1)
    chart = panel.figures
    session = panel._session
    text = "Japan's pledge was put at $600 billion by one analyst."
    undated = session.ledger.import_document(Document(text=text, title="Analyst note"))
    assert undated.source_id
    chart.select_metric("Japan", "USD")
    qtbot.waitUntil(lambda: chart.figures is not None and chart.figures.subject == "Japan", timeout=5000)
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        session.run(
            operations.log_claim(
                source_id=undated.source_id,
                kind="statistic",
                **_span(text, "$600 billion"),
                subject="Japan",
                value=600e9,
                unit="USD",
            )
        )
    qtbot.waitUntil(lambda: not chart.queries.busy, timeout=5000)
    assert chart.picker_text.startswith("Japan · USD (3)") and "sources disagree" in chart.picker_text
    assert chart.figures is not None and chart.figures.subject == "Japan" and chart.drawn_figures == 3


def test_a_figure_tooltip_quotes_it_and_a_click_opens_it(qtbot, charts) -> None:
    """Hovering the 2023 exports figure quotes it with its period; clicking announces its id."""
    panel, ids = charts
    _show(qtbot, panel, 1)
    chart = panel.figures
    chart.select_metric("Exports", "vehicles")
    qtbot.waitUntil(lambda: chart.figures is not None and chart.figures.subject == "Exports", timeout=5000)
    where = chart.figure_scene_pos(ids["exports_2023"])
    text = chart.hover_text(where)
    assert text is not None and "14,500" in text and "Period: 2023" in text
    with qtbot.waitSignal(panel.claim_selected, timeout=2000) as blocker:
        _click(qtbot, chart.plot, where)
    assert blocker.args == [ids["exports_2023"]]


def test_verdicts_over_time_has_real_dates_and_whole_counts(qtbot, charts) -> None:
    """The date axis reads days such as "3 Nov 2025"; the count axis reads 0, 1, 2, 3 and nothing between."""
    panel, _ = charts
    _show(qtbot, panel, 2)
    plot = panel.progress.time_plot
    bottom, left = plot.getAxis("bottom"), plot.getAxis("left")
    assert isinstance(bottom, DayAxisItem) and isinstance(left, CountAxisItem)
    (low, high), (y_low, y_high) = plot.getViewBox().viewRange()
    spacing, ticks = bottom.tickValues(low, high, bottom.width() or 600)[0]
    labels = bottom.tickStrings(ticks, 1, spacing)
    assert labels and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} 2025", label) for label in labels)
    for y_spacing, values in left.tickValues(y_low, y_high, 400):
        assert all(v == int(v) for v in values)
        assert all(s.isdigit() for s in left.tickStrings(values, 1, y_spacing))


def test_a_one_day_range_still_ticks_a_date_not_a_time() -> None:
    """Zoomed to hours of one day, the axis names that day rather than "00:00:00"."""
    axis = DayAxisItem("bottom")
    day = datetime(2026, 1, 3, tzinfo=UTC).timestamp()
    spacing, ticks = axis.tickValues(day - 3600, day + 3600, 600)[0]
    assert axis.tickStrings(ticks, 1, spacing) == ["3 Jan 2026"]
    counts = CountAxisItem("left")
    assert counts.tickValues(0, 3, 400) == [(1.0, [0.0, 1.0, 2.0, 3.0])]


def test_progress_tooltips_and_clicks_reach_the_facts(qtbot, charts) -> None:
    """A status segment and a verdict day each say what they count and open one of their facts."""
    panel, ids = charts
    _show(qtbot, panel, 2)
    chart = panel.progress
    where = chart.segment_scene_pos(ClaimKind.COMMITMENT, Status.FALSE)
    text = chart.hover_text(where)
    assert text is not None and "False" in text and "1 of 5 commitments" in text
    with qtbot.waitSignal(panel.claim_selected, timeout=5000) as blocker:
        _click(qtbot, chart.layout_widget, where)
    assert blocker.args == [ids["toyota_1"]]
    day = chart.day_scene_pos(1)
    text = chart.hover_text(day)
    assert text is not None and text.startswith("<b>5 Nov 2025</b>: 1 verdict given (1 verified)")
    with qtbot.waitSignal(panel.claim_selected, timeout=5000) as blocker:
        _click(qtbot, chart.layout_widget, day)
    assert blocker.args == [ids["exports_2023"]]


def test_no_legend_covers_a_data_point_at_1280_by_720(qtbot, charts) -> None:
    """The timeline's, the figures' and the tracker's legends lie outside every marker and bar."""
    panel, ids = charts
    _show(qtbot, panel, 0)
    timeline = panel.timeline
    legend = timeline._legend.sceneBoundingRect()
    assert timeline.timeline is not None and len(timeline.timeline.markers) > 5
    for claim_id in timeline.timeline.markers.ids:
        assert not legend.contains(timeline.marker_scene_pos(claim_id))
    assert legend.bottom() <= timeline.plot.getPlotItem().getViewBox().sceneBoundingRect().top() + 1
    assert legend.height() < 0.2 * timeline.plot.height()
    _show(qtbot, panel, 1)
    figures = panel.figures
    figures.select_metric("Exports", "vehicles")
    qtbot.waitUntil(
        lambda: figures.figures is not None and figures.figures.subject == "Exports", timeout=5000
    )
    for year in ("2022", "2023", "2024"):
        assert not figures._legend.sceneBoundingRect().contains(
            figures.figure_scene_pos(ids[f"exports_{year}"])
        )
    _show(qtbot, panel, 3)
    tracker = panel.commitments
    box = tracker.plot.getPlotItem().getViewBox().sceneBoundingRect()
    assert not tracker._legend.sceneBoundingRect().intersects(box)


def test_rows_closer_than_a_line_of_text_are_named_sparsely(qtbot) -> None:
    """Sixty rows in 300 pixels: only every n-th is named, at least a line of text apart."""
    axis = RowAxisItem("left")
    axis.set_rows([f"subject {n}" for n in range(60)])
    spacing, ticks = axis.tickValues(-0.5, 59.5, 300)[0]
    pixels_apart = spacing * 300 / 60
    assert len(ticks) < 60 and pixels_apart >= axis._metrics().height()
    assert axis.tickStrings(ticks[:2], 1, spacing) == ["subject 0", f"subject {int(spacing)}"]
    assert len(axis.tickValues(-0.5, 59.5, 60 * 40)[0][1]) == 60
