"""ProgressChart: how far checking has got: facts by status within each kind, and verdicts over time."""

from __future__ import annotations

import dataclasses
import html
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from factledger.core.series import DAY, KIND_ORDER, STATUS_ORDER, Progress, day_seconds
from factledger.domain import ClaimKind, Status
from factledger.ui.session import LedgerSession

from .axes import CountAxisItem, DayAxisItem, date_label
from .base import ChartView, style_plot
from .legend_fit import LegendFitter
from .palette import STATUS_COLOURS
from .queries import ChartQueries

if TYPE_CHECKING:
    from factledger.core import Ledger

ANY_VERDICT = "#3b82f6"
BAR_HEIGHT = 0.6
HIT_PIXELS = 9.0
KIND_PLURALS = {
    ClaimKind.CLAIM: "claims",
    ClaimKind.STATISTIC: "statistics",
    ClaimKind.COMMITMENT: "commitments",
}


class ProgressChart(ChartView):
    """Left: stacked bars, one per kind, split by status. Right: cumulative verdicts by the day given.

    Signals:
        claim_selected: a bar segment or a day was clicked; carries the id of a fact it counts.
    """

    claim_selected = Signal(str)
    """A segment or a day was clicked; the payload is the id of one of the facts it counts."""

    title = "verification progress"

    def __init__(
        self, session: LedgerSession, parent: QWidget | None = None, *, queries: ChartQueries | None = None
    ) -> None:
        super().__init__(session, parent, queries=queries)
        self.progress: Progress | None = None
        self._segments: list[tuple[int, float, float, Status]] = []  # row, start, end, status
        self._days = np.empty(0)
        self._cumulative = np.empty(0)
        theme = self.theme()
        self.layout_widget = pg.GraphicsLayoutWidget()
        self.layout_widget.setBackground(theme.background)
        self._bars_plot = self.layout_widget.addPlot(
            row=0, col=0, title="Facts by status", axisItems={"bottom": CountAxisItem("bottom")}
        )
        self._bars_plot.getAxis("left").setTicks(
            [[(i, k.value.capitalize()) for i, k in enumerate(KIND_ORDER)], []]
        )
        self._bars_plot.invertY(True)
        self._bars_plot.setLabel("bottom", "facts")
        self._time_plot = self.layout_widget.addPlot(
            row=0,
            col=1,
            title="Verdicts over time",
            axisItems={"bottom": DayAxisItem("bottom"), "left": CountAxisItem("left")},
        )
        self._time_plot.setLabel("left", "verdicts (running total)")
        self._time_plot.setLabel("bottom", "day the verdict was given (UTC)")
        self.layout_widget.ci.layout.setColumnStretchFactor(0, 1)
        self.layout_widget.ci.layout.setColumnStretchFactor(1, 1)
        # One legend under both plots: it never covers a bar or a point.
        self._legend = pg.LegendItem(offset=None, labelTextColor=theme.foreground, colCount=9)
        self.layout_widget.addItem(self._legend, row=1, col=0, colspan=2)
        self._stack = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT)
        self._bars_plot.addItem(self._stack)
        for status, colour in STATUS_COLOURS.items():
            # "Partly true", not "Partly true (misleading)": short entries keep the legend to few rows.
            sample = pg.BarGraphItem(x=[], height=[], width=1, brush=colour, pen=None)
            self._legend.addItem(sample, status.label.split(" (")[0])
        self._checked = self._time_plot.plot(pen=pg.mkPen(ANY_VERDICT, width=2))
        verified = STATUS_COLOURS[Status.VERIFIED]
        self._verified = self._time_plot.plot(pen=pg.mkPen(verified, width=2.5))
        self._checked_days = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(ANY_VERDICT), pen=None)
        self._verified_days = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(verified), pen=None)
        for spots in (self._checked_days, self._verified_days):
            self._time_plot.addItem(spots)
        self._legend.addItem(self._checked, "any verdict, running total")
        self._legend.addItem(self._verified, "verified, running total")
        for plot in (self._bars_plot, self._time_plot):
            plot.hideButtons()
            plot.setMenuEnabled(False)
            style_plot(plot, theme)
        self._time_plot.getViewBox().setLimits(minXRange=4 * DAY)
        LegendFitter(self.layout_widget, self._legend, lambda: 40.0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layout_widget)
        self.layout_widget.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.layout_widget.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self.apply_theme()

    @property
    def bars_plot(self) -> pg.PlotItem:
        return self._bars_plot

    @property
    def time_plot(self) -> pg.PlotItem:
        return self._time_plot

    def reload(self) -> None:
        claim_filter = self.claim_filter
        self.ask(lambda ledger: ledger.progress(claim_filter), self.show_progress)

    def show_progress(self, progress: Progress) -> None:
        self.progress = progress
        x0, widths, ys, brushes = [], [], [], []
        self._segments = []
        for row, kind in enumerate(KIND_ORDER):
            left = 0
            for status in STATUS_ORDER:
                n = progress.count(status, kind)
                if n:
                    x0.append(left)
                    widths.append(n)
                    ys.append(row)
                    brushes.append(pg.mkBrush(STATUS_COLOURS[status]))
                    self._segments.append((row, float(left), float(left + n), status))
                    left += n
        self._stack.setOpts(x0=x0, width=widths, y=ys, height=BAR_HEIGHT, brushes=brushes, pen=None)
        most = max(progress.by_kind().values(), default=0)
        self._bars_plot.getViewBox().setLimits(xMin=0)
        self._bars_plot.setRange(
            xRange=(0, max(most, 1) * 1.04), yRange=(-0.6, len(KIND_ORDER) - 0.4), padding=0
        )
        self._days = np.array([day_seconds(date.fromisoformat(d)) for d in progress.days])
        self._cumulative = np.cumsum(np.asarray(progress.checked_per_day, dtype=np.float64))
        verified = np.cumsum(np.asarray(progress.verified_per_day, dtype=np.float64))
        self._checked.setData(*_steps(self._days, self._cumulative))
        self._verified.setData(*_steps(self._days, verified))
        self._checked_days.setData(x=self._days, y=self._cumulative)
        self._verified_days.setData(x=self._days, y=verified)
        if self._days.size:
            low, high = float(self._days.min()), float(self._days.max())
            pad = max((high - low) * 0.05, 3 * DAY)
            top = float(self._cumulative.max())
            self._time_plot.setRange(xRange=(low - pad, high + pad), yRange=(0, top * 1.08 + 1), padding=0)
        else:
            today = day_seconds(date.today())
            self._time_plot.setRange(xRange=(today - 7 * DAY, today), yRange=(0, 1), padding=0)

    # -- hover and click -----------------------------------------------------------------------
    def hit_segment(self, scene_pos: QPointF) -> tuple[ClaimKind, Status, int] | None:
        """(kind, status, facts) of the bar segment under a scene position."""
        box = self._bars_plot.getViewBox()
        if self.progress is None or not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        row = round(point.y())
        if abs(point.y() - row) > BAR_HEIGHT / 2:
            return None
        for segment_row, start, end, status in self._segments:
            if segment_row == row and start <= point.x() <= end:
                return KIND_ORDER[row], status, int(end - start)
        return None

    def hit_day(self, scene_pos: QPointF) -> int | None:
        """Index into the progress's days of the day point nearest a scene position, within a few pixels."""
        box = self._time_plot.getViewBox()
        if not self._days.size or not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        px, py = box.viewPixelSize()
        d2 = ((self._days - point.x()) / px) ** 2 + ((self._cumulative - point.y()) / py) ** 2
        nearest = int(np.argmin(d2))
        return nearest if d2[nearest] <= HIT_PIXELS**2 else None

    def segment_scene_pos(self, kind: ClaimKind, status: Status) -> QPointF:
        row = KIND_ORDER.index(kind)
        start, end = next((s, e) for r, s, e, st in self._segments if r == row and st == status)
        view = QPointF((start + end) / 2, float(row))
        return QPointF(self._bars_plot.getViewBox().mapViewToScene(view))

    def day_scene_pos(self, index: int) -> QPointF:
        view = QPointF(float(self._days[index]), float(self._cumulative[index]))
        return QPointF(self._time_plot.getViewBox().mapViewToScene(view))

    def hover_text(self, scene_pos: QPointF) -> str | None:
        progress = self.progress
        if progress is None:
            return None
        segment = self.hit_segment(scene_pos)
        if segment is not None:
            kind, status, n = segment
            of = progress.by_kind()[kind]
            colour = STATUS_COLOURS[status]
            return (
                f"<span style='color:{colour}'>●</span> <b>{html.escape(status.label)}</b>: {n:,} of {of:,} "
                f"{KIND_PLURALS[kind]}<br>Click to open the latest of them."
            )
        day = self.hit_day(scene_pos)
        if day is not None:
            given, verified = progress.checked_per_day[day], progress.verified_per_day[day]
            when = date_label(float(self._days[day]), 0.0)
            return (
                f"<b>{when}</b>: {given:,} verdict{'' if given == 1 else 's'} given ({verified:,} verified)"
                f"<br>{int(self._cumulative[day]):,} so far<br>Click to open the latest of them."
            )
        return None

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        self.show_hover(self.layout_widget, scene_pos, self.hover_text(scene_pos))

    def _on_scene_mouse_clicked(self, event: object) -> None:
        scene_pos = self.left_click_at(event)
        if scene_pos is None:
            return
        segment = self.hit_segment(scene_pos)
        if segment is not None:
            narrowed = dataclasses.replace(
                self.claim_filter, kinds=frozenset({segment[0]}), statuses=frozenset({segment[1]})
            )

            def first_of_segment(ledger: Ledger) -> list[str]:
                return ledger.claims(narrowed, limit=1).ids()

            self.ask(first_of_segment, self._on_clicked_answered, part="click")
            return
        day = self.hit_day(scene_pos)
        if day is not None and self.progress is not None:
            claim_filter, iso = self.claim_filter, self.progress.days[day]
            self.ask(
                lambda ledger: ledger.verdict_claims(claim_filter, day=iso),
                self._on_clicked_answered,
                part="click",
            )

    def _on_clicked_answered(self, ids: list[str]) -> None:
        if ids:
            self.claim_selected.emit(ids[0])

    def apply_theme(self) -> None:
        theme = self.theme()
        self.layout_widget.setBackground(theme.background)
        for plot in (self._bars_plot, self._time_plot):
            style_plot(plot, theme)
            plot.setTitle(plot.titleLabel.text, color=theme.foreground)  # re-rendered in the new colour
        self._legend.setLabelTextColor(theme.foreground)

    def export_item(self) -> pg.GraphicsLayout:
        return self.layout_widget.ci


def _steps(days: np.ndarray, totals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A running total as steps: it holds its value until the next day with a verdict, then rises."""
    if not days.size:
        return np.empty(0), np.empty(0)
    xs = np.repeat(days, 2)[1:]
    ys = np.repeat(totals, 2)[:-1]
    return xs, ys
