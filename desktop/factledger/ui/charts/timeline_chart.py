"""TimelineChart: facts at the date they were stated and commitments as bars to their deadline, by row.

Markers are a fixed set of scatter items fed with arrays (`MarkerLayer`), and all bars of one fulfilment one
`PlotCurveItem` of line pairs, so 100,000 facts stay a handful of graphics items. Hover and click are
resolved with numpy on those arrays (nearest marker in pixels) rather than pyqtgraph's per-spot objects,
which would build 100,000 Python objects on the first hover.

The first answer covers every date; once the view is zoomed or panned to where that answer is too coarse
(counted per bucket) or does not reach, the visible range (with a margin) is asked for again, 150 ms after
the last move, so zooming into a dense period brings back single facts. Rows keep their place across those
answers: a window's rows are mapped onto the rows of the answer for every date.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from factledger.core.series import (
    DAY,
    FULFILMENT_ORDER,
    MAX_MARKERS,
    Timeline,
    TimelineGrouping,
)
from factledger.ui.session import LedgerSession

from .axes import DayAxisItem, RowAxisItem
from .base import ChartView, plot_widget, style_plot
from .legend_fit import LegendFitter
from .palette import FULFILMENT_BY_CODE, FULFILMENT_COLOURS, OVERDUE, STATUS_COLOURS
from .queries import ChartQueries
from .timeline_markers import MARKER_SIZE, Buckets, MarkerLayer, collapse_buckets, marker_y
from .timeline_text import NO_GROUP, bucket_tooltip_html, summary_text, tooltip_html

WINDOW_DELAY_MS = 150
"""Zoom and pan re-ask for the visible range this long after the last move: one query per gesture."""
WINDOW_MARGIN = 0.25
"""The range asked for reaches this share of the visible width beyond each edge, so small pans need no query."""
BAR_OFFSET = 0.08  # first lane of commitment bars, under the row's markers
LANE_STEP = 0.1
LANES = 4  # overlapping commitments of one row share this many lanes
HIT_PIXELS = 7.0


class TimelineChart(ChartView):
    """Markers coloured by verification status, commitment bars coloured by fulfilment, a "today" line.

    Signals:
        claim_selected: a marker or bar was clicked; carries the claim id.
    """

    claim_selected = Signal(str)
    """A fact was clicked on the timeline; the payload is its claim id."""

    title = "timeline"

    def __init__(
        self, session: LedgerSession, parent: QWidget | None = None, *, queries: ChartQueries | None = None
    ) -> None:
        super().__init__(session, parent, queries=queries)
        self._timeline: Timeline | None = None
        self._groups: list[
            str | None
        ] = []  # rows as drawn: those of the every-date answer, then any new ones
        self._marker_y = np.empty(0)
        self._buckets: Buckets | None = None
        self._bar_y = np.empty(0)
        self._ranged_for: object = None
        self._whole_pending = False
        self.max_markers = MAX_MARKERS  # above this many facts in range, they are counted per bucket
        theme = self.theme()
        self._rows = RowAxisItem("left")
        self.plot = plot_widget(theme, {"bottom": DayAxisItem("bottom"), "left": self._rows})
        item = self.plot.getPlotItem()
        item.invertY(True)
        item.setLabel("bottom", "Date stated (UTC)")
        item.getViewBox().setLimits(minXRange=2 * DAY)  # facts are dated by the day: no finer zoom
        item.hideButtons()
        self._overdue_halo = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(OVERDUE, width=11))
        self._bars = [
            pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(colour, width=6, cap=Qt.PenCapStyle.FlatCap))
            for colour in FULFILMENT_BY_CODE
        ]
        self._deadlines = pg.ScatterPlotItem(pxMode=True, size=11, symbol="t1", brush=pg.mkBrush(OVERDUE))
        for graphic in (self._overdue_halo, *self._bars, self._deadlines):
            item.addItem(graphic)
        self._markers = MarkerLayer(item, theme.background)
        self._today = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen("#ef4444", width=1.5, style=Qt.PenStyle.DashLine),
            label="today",
            labelOpts={"position": 0.97, "color": "#ef4444"},
        )
        item.addItem(self._today)
        self._legend = self._build_legend(item)
        # The legend spans the plot area only: the row axis to its left is not its room.
        LegendFitter(self.plot, self._legend, lambda: max(self._rows.width(), 80.0))
        self._grouping = QComboBox()
        for grouping in TimelineGrouping:
            self._grouping.addItem(f"Rows by {grouping.value}", grouping)
        self._grouping.currentIndexChanged.connect(self._on_grouping_changed)
        self._summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self._grouping)
        bar.addStretch(1)
        bar.addWidget(self._summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        self._window_timer = QTimer(self)
        self._window_timer.setSingleShot(True)
        self._window_timer.setInterval(WINDOW_DELAY_MS)
        self._window_timer.timeout.connect(self._on_window_timer_timeout)
        item.getViewBox().sigXRangeChanged.connect(self._on_view_x_range_changed)
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)

    # -- data ----------------------------------------------------------------------------------
    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    @property
    def grouping(self) -> TimelineGrouping:
        return TimelineGrouping(self._grouping.currentData())

    @property
    def summary(self) -> str:
        return self._summary.text()

    def reload(self) -> None:
        """Ask for every date; a zoomed-in view asks for its own range once this answer is drawn."""
        claim_filter, grouping, most = self.claim_filter, self.grouping, self.max_markers
        self._whole_pending = True
        self._window_timer.stop()
        self.ask(
            lambda ledger: ledger.timeline(claim_filter, grouping=grouping, max_markers=most),
            self._on_whole_answered,
        )

    def visible_range(self) -> tuple[float, float]:
        low, high = self.plot.getPlotItem().getViewBox().viewRange()[0]
        return float(low), float(high)

    def needs_window(self, visible: tuple[float, float]) -> bool:
        """Whether the drawn answer is too coarse for, or does not reach, the visible x-range."""
        timeline = self._timeline
        if timeline is None or self._whole_pending:
            return False
        low, high = visible
        if timeline.window is not None:
            fetched_low, fetched_high = timeline.window
            if low < fetched_low or high > fetched_high:
                return True
        elif not timeline.aggregated:
            return False  # every dated fact is already drawn
        else:
            fetched_low = (
                float(timeline.markers.x.min()) - timeline.bucket_seconds if len(timeline.markers) else low
            )
            fetched_high = (
                float(timeline.markers.x.max()) + timeline.bucket_seconds if len(timeline.markers) else high
            )
        return timeline.aggregated and (high - low) < (fetched_high - fetched_low) / 2

    def ask_window(self, visible: tuple[float, float]) -> None:
        """Ask for the visible range plus a margin; the answer replaces what is drawn, rows kept in place."""
        low, high = visible
        margin = (high - low) * WINDOW_MARGIN
        window = (low - margin, high + margin)
        claim_filter, grouping, most = self.claim_filter, self.grouping, self.max_markers
        self.ask(
            lambda ledger: ledger.timeline(claim_filter, grouping=grouping, window=window, max_markers=most),
            self._on_window_answered,
        )

    def show_timeline(self, timeline: Timeline) -> None:
        """Draw an answer for every date: its rows become the chart's rows; the view is kept unless they changed."""
        self._whole_pending = False
        self._groups = list(timeline.groups)
        self._draw(timeline)
        key = (timeline.grouping, timeline.groups, self.claim_filter)
        if key != self._ranged_for:
            self._ranged_for = key
            self._fit(timeline)
        self._check_window()

    def _on_whole_answered(self, timeline: Timeline) -> None:
        self.show_timeline(timeline)

    def _on_window_answered(self, timeline: Timeline) -> None:
        self._draw(timeline)

    def _draw(self, timeline: Timeline) -> None:
        self._timeline = timeline
        index = {group: n for n, group in enumerate(self._groups)}
        for group in timeline.groups:
            if group not in index:  # a row that appeared since the every-date answer goes last
                index[group] = len(self._groups)
                self._groups.append(group)
        to_row = np.array([index[g] for g in timeline.groups], dtype=np.int32)
        labels = [NO_GROUP[timeline.grouping] if g is None else g for g in self._groups]
        self._rows.set_rows(labels)
        markers = timeline.markers
        rows = to_row[markers.row] if len(markers) else np.empty(0, dtype=np.int32)
        if timeline.aggregated:
            self._buckets = collapse_buckets(markers, rows)
            self._marker_y = np.empty(0)
            self._markers.show_buckets(self._buckets)
        else:
            self._buckets = None
            self._marker_y = marker_y(markers, rows)
            self._markers.show_singles(markers, self._marker_y)
        bar_rows = to_row[timeline.bars.row] if len(timeline.bars) else np.empty(0, dtype=np.int32)
        self._set_bars(timeline, bar_rows)
        self._today.setPos(timeline.today)
        self._summary.setText(summary_text(timeline))

    def _set_bars(self, timeline: Timeline, rows: np.ndarray) -> None:
        bars = timeline.bars
        drawable = ~np.isnan(bars.start) & ~np.isnan(bars.end)
        self._bar_y = rows + BAR_OFFSET + LANE_STEP * _lanes(rows, bars.start, bars.end)
        for code, curve in enumerate(self._bars):
            wanted = drawable & (bars.fulfilment == (code if code < len(FULFILMENT_ORDER) else -1))
            curve.setData(*_pairs(bars.start[wanted], bars.end[wanted], self._bar_y[wanted]))
            curve.setVisible(bool(wanted.any()))
        overdue = drawable & bars.overdue
        self._overdue_halo.setData(*_pairs(bars.start[overdue], bars.end[overdue], self._bar_y[overdue]))
        late = bars.overdue & ~np.isnan(bars.end)
        self._deadlines.setData(x=bars.end[late], y=self._bar_y[late])
        # Empty items stay hidden: pyqtgraph's SVG exporter cannot write an empty path.
        self._overdue_halo.setVisible(bool(overdue.any()))
        self._deadlines.setVisible(bool(late.any()))

    def _fit(self, timeline: Timeline) -> None:
        values = np.concatenate([timeline.markers.x, timeline.bars.start, timeline.bars.end])
        values = values[~np.isnan(values)]
        if values.size:
            low, high = float(values.min()), float(values.max())
            # "Today" is in view when it is near the facts; far from them it would squeeze them to a sliver.
            if low - (high - low) / 2 - 30 * DAY <= timeline.today <= high + (high - low) / 2 + 30 * DAY:
                low, high = min(low, timeline.today), max(high, timeline.today)
        else:
            low = high = timeline.today
        pad = max((high - low) * 0.04, 15 * DAY)
        box = self.plot.getPlotItem().getViewBox()
        box.setRange(
            xRange=(low - pad, high + pad), yRange=(-0.6, max(len(self._groups), 1) - 0.45), padding=0
        )

    def _check_window(self) -> None:
        visible = self.visible_range()
        if self.needs_window(visible):
            self.ask_window(visible)

    def _on_view_x_range_changed(self, *_args: object) -> None:
        self._window_timer.start()

    def _on_window_timer_timeout(self) -> None:
        self._check_window()

    # -- hover and click -------------------------------------------------------------------------
    def _view_point(self, scene_pos: QPointF) -> tuple[float, float, float, float] | None:
        box = self.plot.getPlotItem().getViewBox()
        if self._timeline is None or not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        px, py = box.viewPixelSize()
        return point.x(), point.y(), px, py

    def hit(self, scene_pos: QPointF) -> str | None:
        """The claim under a scene position: nearest marker within a few pixels, else a bar under it."""
        timeline = self._timeline
        where = self._view_point(scene_pos)
        if timeline is None or where is None:
            return None
        x, y, px, py = where
        markers = timeline.markers
        if markers.ids and len(markers):
            d2 = ((markers.x - x) / px) ** 2 + ((self._marker_y - y) / py) ** 2
            nearest = int(np.argmin(d2))
            if d2[nearest] <= (MARKER_SIZE / 2 + HIT_PIXELS / 2) ** 2:
                return markers.ids[nearest]
        bars = timeline.bars
        if len(bars):
            inside = (np.abs(self._bar_y - y) / py <= 5) & (bars.start <= x) & (bars.end >= x)
            found = np.flatnonzero(inside)
            if found.size:
                return bars.ids[int(found[0])]
        return None

    def hit_bucket(self, scene_pos: QPointF) -> int | None:
        """The counted marker under a scene position (index into `buckets`), when facts are counted."""
        buckets = self._buckets
        where = self._view_point(scene_pos)
        if buckets is None or not len(buckets) or where is None:
            return None
        x, y, px, py = where
        d2 = ((buckets.x - x) / px) ** 2 + ((buckets.y - y) / py) ** 2
        nearest = int(np.argmin(d2))
        return nearest if d2[nearest] <= (13 + HIT_PIXELS / 2) ** 2 else None

    @property
    def buckets(self) -> Buckets | None:
        return self._buckets

    def marker_scene_pos(self, claim_id: str) -> QPointF:
        """Where a fact's marker is drawn, in scene coordinates (for tests and keyboard focus)."""
        assert self._timeline is not None
        index = self._timeline.markers.ids.index(claim_id)
        view = QPointF(float(self._timeline.markers.x[index]), float(self._marker_y[index]))
        return QPointF(self.plot.getPlotItem().getViewBox().mapViewToScene(view))

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        self.show_hover(self.plot, scene_pos, self._hover_text(scene_pos))

    def _hover_text(self, scene_pos: QPointF) -> str | None:
        bucket = self.hit_bucket(scene_pos)
        if bucket is not None and self._buckets is not None and self._timeline is not None:
            return bucket_tooltip_html(self._buckets, bucket, self._timeline, self._groups)
        claim_id = self.hit(scene_pos)
        if claim_id is None:
            return None
        # A lookup by primary key on the UI thread's own ledger: well under a millisecond at a million claims.
        point = self.ledger.timeline_point(claim_id)
        return None if point is None else tooltip_html(point)

    def _on_scene_mouse_clicked(self, event: object) -> None:
        scene_pos = self.left_click_at(event)
        if scene_pos is None:
            return
        bucket = self.hit_bucket(scene_pos)
        if bucket is not None and self._buckets is not None and self._timeline is not None:
            # A counted marker opens up: zoom to its bucket, and the re-query brings back single facts.
            centre, width = float(self._buckets.x[bucket]), self._timeline.bucket_seconds
            self.plot.getPlotItem().getViewBox().setXRange(centre - width, centre + width, padding=0)
            return
        claim_id = self.hit(scene_pos)
        if claim_id is not None:
            self.claim_selected.emit(claim_id)

    def _on_grouping_changed(self, _index: int) -> None:
        self.refresh()

    # -- look ------------------------------------------------------------------------------------
    def _build_legend(self, item: pg.PlotItem) -> pg.LegendItem:
        # Above the plot, in the plot item's title row, so it never covers the rows it explains.
        legend = pg.LegendItem(offset=None, labelTextColor=self.theme().foreground, colCount=7)
        item.layout.removeItem(item.titleLabel)  # the chart has no title; its row holds the legend
        item.titleLabel.hide()
        item.layout.addItem(legend, 0, 1)
        for status, colour in STATUS_COLOURS.items():
            sample = pg.ScatterPlotItem(symbol="o", size=10, brush=pg.mkBrush(colour), pen=None)
            legend.addItem(sample, status.label.split(" (")[0])
        # Bars are commitments (a dot is a fact), so their labels name only the fulfilment: short enough
        # for two legend rows above a plot of ordinary width.
        for fulfilment, colour in FULFILMENT_COLOURS.items():
            if fulfilment is not None:
                line = pg.PlotDataItem(pen=pg.mkPen(colour, width=5))
                legend.addItem(line, fulfilment.label.lower().replace("partially", "partly"))
        overdue = pg.PlotDataItem(pen=pg.mkPen(OVERDUE, width=5))
        legend.addItem(overdue, "overdue")
        return legend

    def apply_theme(self) -> None:
        theme = self.theme()
        self.plot.setBackground(theme.background)
        style_plot(self.plot.getPlotItem(), theme)
        self._legend.setLabelTextColor(theme.foreground)
        self._legend.setBrush(pg.mkBrush(_with_alpha(theme.background, 210)))
        self._markers.set_background(theme.background)

    def export_item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()


def _lanes(rows: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Greedy interval packing per row, so bars that overlap in time sit on separate lanes."""
    lanes = np.zeros(rows.size)
    free_at: dict[int, list[float]] = {}
    for index in np.lexsort((start, rows)):
        if np.isnan(start[index]):
            continue
        row_lanes = free_at.setdefault(int(rows[index]), [])
        finish = float(end[index]) if not np.isnan(end[index]) else float(start[index])
        lane = next((n for n, free in enumerate(row_lanes) if free < start[index]), len(row_lanes))
        if lane >= LANES:
            lane = int(np.argmin(row_lanes))
        if lane == len(row_lanes):
            row_lanes.append(finish)
        else:
            row_lanes[lane] = max(row_lanes[lane], finish)
        lanes[index] = lane
    return lanes


def _pairs(start: np.ndarray, end: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Interleave (start, end) and (y, y) so `connect="pairs"` draws one segment per commitment."""
    xs = np.empty(start.size * 2)
    ys = np.empty(start.size * 2)
    xs[0::2], xs[1::2] = start, end
    ys[0::2] = ys[1::2] = y
    return xs, ys


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


__all__ = ["TimelineChart", "tooltip_html"]
