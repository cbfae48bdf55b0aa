"""TimelineChart: facts at the date they were stated and commitments as bars to their deadline, by row.

All markers are one `ScatterPlotItem` fed with arrays, and all bars of one fulfilment one `PlotCurveItem`
of line pairs, so 100,000 facts stay a handful of graphics items. Hover and click are resolved with numpy
on those arrays (nearest marker in pixels) rather than pyqtgraph's per-spot objects, which would build
100,000 Python objects on the first hover.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from factledger.core.series import (
    DAY,
    FULFILMENT_ORDER,
    KIND_ORDER,
    Timeline,
    TimelineGrouping,
    TimelinePoint,
)
from factledger.ui.session import LedgerSession

from .axes import RowAxisItem, human_number
from .base import ChartView, plot_widget, style_plot
from .palette import FULFILMENT_BY_CODE, FULFILMENT_COLOURS, OVERDUE, STATUS_BY_CODE, STATUS_COLOURS

SYMBOLS = {"claim": "o", "statistic": "s", "commitment": "d"}
KIND_OFFSET = {"claim": -0.32, "statistic": -0.2, "commitment": -0.08}
BAR_OFFSET = 0.08  # first lane of commitment bars, under the row's markers
LANE_STEP = 0.1
LANES = 4  # overlapping commitments of one row share this many lanes
MARKER_SIZE = 10
HIT_PIXELS = 7.0
NO_GROUP = {
    TimelineGrouping.SUBJECT: "(no subject)",
    TimelineGrouping.COMMITTER: "(no one named)",
    TimelineGrouping.SOURCE: "(no source)",
    TimelineGrouping.STATUS: "(no status)",
}


class TimelineChart(ChartView):
    """Markers coloured by verification status, commitment bars coloured by fulfilment, a "today" line.

    Signals:
        claim_selected: a marker or bar was clicked; carries the claim id.
    """

    claim_selected = Signal(str)
    """A fact was clicked on the timeline; the payload is its claim id."""

    def __init__(self, session: LedgerSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._timeline: Timeline | None = None
        self._marker_y = np.empty(0)
        self._bar_y = np.empty(0)
        self._ranged_for: object = None
        theme = self.theme()
        self._rows = RowAxisItem("left")
        self.plot = plot_widget(theme, {"bottom": pg.DateAxisItem("bottom", utcOffset=0), "left": self._rows})
        item = self.plot.getPlotItem()
        item.invertY(True)
        item.setLabel("bottom", "Date stated (UTC)")
        item.hideButtons()
        self._overdue_halo = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(OVERDUE, width=11))
        self._bars = [
            pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(colour, width=6, cap=Qt.PenCapStyle.FlatCap))
            for colour in FULFILMENT_BY_CODE
        ]
        self._deadlines = pg.ScatterPlotItem(pxMode=True, size=11, symbol="t1", brush=pg.mkBrush(OVERDUE))
        self._markers = pg.ScatterPlotItem(pxMode=True, antialias=True)
        self._today = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen("#ef4444", width=1.5, style=Qt.PenStyle.DashLine),
            label="today",
            labelOpts={"position": 0.97, "color": "#ef4444"},
        )
        for graphic in (self._overdue_halo, *self._bars, self._deadlines, self._markers, self._today):
            item.addItem(graphic)
        self._legend = self._build_legend(item)
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
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)

    # -- data ----------------------------------------------------------------------------------
    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    @property
    def grouping(self) -> TimelineGrouping:
        return TimelineGrouping(self._grouping.currentData())

    def reload(self) -> None:
        timeline = self.ledger.timeline(self.claim_filter, grouping=self.grouping)
        self.show_timeline(timeline)

    def show_timeline(self, timeline: Timeline) -> None:
        """Update the existing items in place; the view range is kept unless the rows changed."""
        self._timeline = timeline
        labels = [NO_GROUP[timeline.grouping] if g is None else g for g in timeline.groups]
        self._rows.set_rows(labels)
        self._set_markers(timeline)
        self._set_bars(timeline)
        self._today.setPos(timeline.today)
        shown = f"{timeline.dated:,} facts"
        if timeline.aggregated:
            shown += f" counted per {_bucket_name(timeline.bucket_seconds)}"
        if timeline.undated:
            shown += f" · {timeline.undated:,} without a date (not shown)"
        self._summary.setText(shown)
        key = (timeline.grouping, timeline.groups, self.claim_filter)
        if key != self._ranged_for:
            self._ranged_for = key
            self._fit(timeline)

    def _set_markers(self, timeline: Timeline) -> None:
        markers = timeline.markers
        offsets = np.array([KIND_OFFSET[str(k)] for k in KIND_ORDER])
        symbols = np.array([SYMBOLS[str(k)] for k in KIND_ORDER], dtype=object)
        self._marker_y = markers.row + offsets[markers.kind] if len(markers) else np.empty(0)
        brushes = np.array([pg.mkBrush(c) for c in STATUS_BY_CODE], dtype=object)
        if timeline.aggregated:
            sizes = np.clip(6.0 + 2.5 * np.log2(markers.count.astype(np.float64)), 6.0, 26.0)
        else:
            sizes = np.full(len(markers), float(MARKER_SIZE))
        self._markers.setData(
            x=markers.x,
            y=self._marker_y,
            size=sizes,
            symbol=symbols[markers.kind],
            brush=brushes[markers.status],
            pen=pg.mkPen(self.theme().background, width=0.8),
        )
        self._markers.setVisible(len(markers) > 0)

    def _set_bars(self, timeline: Timeline) -> None:
        bars = timeline.bars
        drawable = ~np.isnan(bars.start) & ~np.isnan(bars.end)
        self._bar_y = bars.row + BAR_OFFSET + LANE_STEP * _lanes(bars.row, bars.start, bars.end)
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
        xs = [timeline.markers.x, timeline.bars.start, timeline.bars.end, np.array([timeline.today])]
        values = np.concatenate(xs)
        values = values[~np.isnan(values)]
        low, high = float(values.min()), float(values.max())
        pad = max((high - low) * 0.04, 15 * DAY)
        box = self.plot.getPlotItem().getViewBox()
        # The band above the first row is left empty for the legend.
        box.setRange(
            xRange=(low - pad, high + pad), yRange=(-1.6, max(len(timeline.groups), 1) - 0.45), padding=0
        )

    # -- hover and click -------------------------------------------------------------------------
    def hit(self, scene_pos: QPointF) -> str | None:
        """The claim under a scene position: nearest marker within a few pixels, else a bar under it."""
        timeline = self._timeline
        box = self.plot.getPlotItem().getViewBox()
        if timeline is None or not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        px, py = box.viewPixelSize()
        markers = timeline.markers
        if markers.ids and len(markers):
            d2 = ((markers.x - point.x()) / px) ** 2 + ((self._marker_y - point.y()) / py) ** 2
            nearest = int(np.argmin(d2))
            if d2[nearest] <= (MARKER_SIZE / 2 + HIT_PIXELS / 2) ** 2:
                return markers.ids[nearest]
        bars = timeline.bars
        if len(bars):
            inside = (
                (np.abs(self._bar_y - point.y()) / py <= 5)
                & (bars.start <= point.x())
                & (bars.end >= point.x())
            )
            found = np.flatnonzero(inside)
            if found.size:
                return bars.ids[int(found[0])]
        return None

    def marker_scene_pos(self, claim_id: str) -> QPointF:
        """Where a fact's marker is drawn, in scene coordinates (for tests and keyboard focus)."""
        assert self._timeline is not None
        index = self._timeline.markers.ids.index(claim_id)
        view = QPointF(float(self._timeline.markers.x[index]), float(self._marker_y[index]))
        return QPointF(self.plot.getPlotItem().getViewBox().mapViewToScene(view))

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        claim_id = self.hit(scene_pos)
        if claim_id is None:
            QToolTip.hideText()
            return
        point = self.ledger.timeline_point(claim_id)
        if point is not None:
            global_pos = self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos))
            QToolTip.showText(global_pos, tooltip_html(point), self.plot)

    def _on_scene_mouse_clicked(self, event: object) -> None:
        if getattr(event, "button")() != Qt.MouseButton.LeftButton:  # noqa: B009
            return
        claim_id = self.hit(getattr(event, "scenePos")())  # noqa: B009
        if claim_id is not None:
            self.claim_selected.emit(claim_id)

    def _on_grouping_changed(self, _index: int) -> None:
        self.refresh()

    # -- look ------------------------------------------------------------------------------------
    def _build_legend(self, item: pg.PlotItem) -> pg.LegendItem:
        legend = item.addLegend(offset=(8, 4), labelTextColor=self.theme().foreground, colCount=5)
        legend.setBrush(pg.mkBrush(_with_alpha(self.theme().background, 210)))
        for status, colour in STATUS_COLOURS.items():
            sample = pg.ScatterPlotItem(symbol="o", size=10, brush=pg.mkBrush(colour), pen=None)
            legend.addItem(sample, status.label)
        for fulfilment, colour in FULFILMENT_COLOURS.items():
            if fulfilment is not None:
                line = pg.PlotDataItem(pen=pg.mkPen(colour, width=5))
                legend.addItem(line, f"Commitment {fulfilment.label.lower()}")
        overdue = pg.PlotDataItem(pen=pg.mkPen(OVERDUE, width=5))
        legend.addItem(overdue, "Overdue commitment")
        return legend

    def apply_theme(self) -> None:
        theme = self.theme()
        self.plot.setBackground(theme.background)
        style_plot(self.plot.getPlotItem(), theme)
        self._legend.setLabelTextColor(theme.foreground)
        self._legend.setBrush(pg.mkBrush(_with_alpha(theme.background, 210)))
        if self._timeline is not None:
            self._set_markers(self._timeline)

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


def _bucket_name(seconds: float) -> str:
    days = seconds / DAY
    return {1.0: "day", 7.0: "week", 30.4375: "month", 91.3125: "quarter"}.get(days, "year")


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def tooltip_html(point: TimelinePoint) -> str:
    """Quote, speaker, source and verification of one fact, escaped (quotes come from articles)."""
    lines = [f"<b>“{html.escape(point.quote)}”</b>"]
    who = point.speaker or point.committer
    if who:
        lines.append(f"— {html.escape(who)}")
    source = point.source_title or "untitled source"
    if point.outlet:
        source += f", {point.outlet}"
    lines.append(f"<i>{html.escape(source)}</i>" + (f" · {point.stated_on}" if point.stated_on else ""))
    figure = point.value if point.value is not None else point.amount
    if figure is not None:
        lines.append(f"{human_number(figure)} {html.escape(point.unit or '')}".strip())
    colour = STATUS_COLOURS[point.status]
    status = f"<span style='color:{colour}'>●</span> {point.status.label} · {point.kind.value}"
    if point.fulfilment is not None:
        status += f" · {point.fulfilment.label}"
    if point.deadline:
        status += f" · due {html.escape(point.deadline)}"
    lines.append(status)
    return "<br>".join(lines)


__all__ = ["TimelineChart", "tooltip_html"]
