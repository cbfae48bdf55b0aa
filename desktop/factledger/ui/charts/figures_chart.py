"""FiguresChart: one metric (subject and unit) over the periods it describes, one colour per source.

Figures are points; a line joins a source's figures only when they are one series over time
(`core.series.is_series_over_time`). A figure with no date at all (neither a period nor a date stated, nor a
dated source) is still drawn, as a dashed level across the plot labelled "no date", so every figure the
metric picker counts is on the plot. A conflict is a red span between the disagreeing values.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from factledger.core.series import DAY, FigurePoint, Figures, Metric
from factledger.ui.session import LedgerSession

from .axes import AmountAxisItem, DayAxisItem, human_number
from .base import ChartView, combo_index, plot_widget, style_plot
from .legend_fit import LegendFitter, fit_legend
from .palette import OVERDUE, SERIES_COLOURS
from .queries import ChartQueries
from .timeline_text import tooltip_html

if TYPE_CHECKING:
    from factledger.core import Ledger

MetricKey = tuple[str, str | None]
HIT_PIXELS = 9.0


class FiguresChart(ChartView):
    """Pick a metric; each source's figures are markers of its colour; a conflict is a red span with its values.

    Signals:
        claim_selected: a figure was clicked; carries the claim id.
    """

    claim_selected = Signal(str)
    """A figure was clicked; the payload is its claim id."""

    title = "figures"

    def __init__(
        self, session: LedgerSession, parent: QWidget | None = None, *, queries: ChartQueries | None = None
    ) -> None:
        super().__init__(session, parent, queries=queries)
        self.figures: Figures | None = None
        self._metrics: list[Metric] = []
        self._items: list[pg.GraphicsObject] = []
        self._dated: list[tuple[float, float, str]] = []  # x, value, claim id of every marker drawn
        self._undated: list[tuple[float, str]] = []  # value, claim id of every "no date" level drawn
        self.lines = 0  # how many series are drawn joined
        self._picker = QComboBox()
        self._picker.setMinimumContentsLength(30)
        self._picker.currentIndexChanged.connect(self._on_picker_changed)
        self._note = QLabel()
        self.plot = plot_widget(
            self.theme(), {"bottom": DayAxisItem("bottom"), "left": AmountAxisItem("left")}
        )
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setLabel("bottom", "Period described (else date stated)")
        item.getViewBox().setLimits(minXRange=4 * DAY)
        self._legend = self._build_legend(item)
        LegendFitter(self.plot, self._legend, self._legend_reserved)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Metric:"))
        bar.addWidget(self._picker, 1)
        bar.addWidget(self._note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)

    def _legend_reserved(self) -> float:
        return float(self.plot.getPlotItem().getAxis("left").width()) + 20

    @property
    def picker_text(self) -> str:
        return self._picker.currentText()

    @property
    def drawn_figures(self) -> int:
        """Figures on the plot: markers and "no date" levels (what the picker's count must match)."""
        return len(self._dated) + len(self._undated)

    def reload(self) -> None:
        """Ask for the metrics and, in the same trip, the figures of the one that will be picked."""
        claim_filter = self.claim_filter
        current: MetricKey | None = self._picker.currentData()

        def query(ledger: Ledger) -> tuple[list[Metric], Figures | None]:
            found = ledger.metrics(claim_filter)
            keys = [(m.subject, m.unit) for m in found]
            chosen = current if current in keys else (keys[0] if keys else None)
            if chosen is None:
                return found, None
            return found, ledger.figures(claim_filter, subject=chosen[0], unit=chosen[1])

        self.ask(query, self._on_metrics_answered)

    def select_metric(self, subject: str, unit: str | None) -> None:
        index = combo_index(self._picker, (subject, unit))
        if index >= 0:
            self._picker.setCurrentIndex(index)

    def _on_metrics_answered(self, answer: tuple[list[Metric], Figures | None]) -> None:
        self._metrics, figures = answer
        self._picker.blockSignals(True)
        self._picker.clear()
        for metric in self._metrics:
            flag = "  ⚠ sources disagree" if metric.conflicted else ""
            self._picker.addItem(
                f"{metric.subject} · {metric.unit or 'no unit'} ({metric.figures}){flag}",
                (metric.subject, metric.unit),
            )
        index = combo_index(self._picker, (figures.subject, figures.unit)) if figures is not None else -1
        self._picker.setCurrentIndex(max(index, 0) if self._metrics else -1)
        self._picker.blockSignals(False)
        self.show_figures(figures)

    def _on_picker_changed(self, _index: int) -> None:
        chosen: MetricKey | None = self._picker.currentData()
        if chosen is None:
            self.show_figures(None)
            return
        claim_filter = self.claim_filter
        subject, unit = chosen
        self.ask(lambda ledger: ledger.figures(claim_filter, subject=subject, unit=unit), self.show_figures)

    def show_figures(self, figures: Figures | None) -> None:
        item = self.plot.getPlotItem()
        for old in self._items:
            item.removeItem(old)
        self._items.clear()
        self._legend.clear()
        self._dated, self._undated = [], []
        self.lines = 0
        self.figures = figures
        if figures is None:
            self._note.setText("No figures with a subject in this filter.")
            return
        subject, unit = figures.subject, figures.unit
        item.setLabel("left", f"{subject} ({unit or 'no unit'})")
        background = self.theme().background
        for n, series in enumerate(figures.series):
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            dated = [p for p in series.points if not math.isnan(p.x)]
            name = series.source_title or "untitled source"
            graphic = pg.PlotDataItem(
                np.array([p.x for p in dated]),
                np.array([p.value for p in dated]),
                pen=pg.mkPen(colour, width=2) if series.joined else None,
                symbol="o",
                symbolSize=11,
                symbolBrush=pg.mkBrush(colour),
                symbolPen=pg.mkPen(background, width=1),
                name=name,
            )
            self.lines += series.joined
            self._add(graphic)
            self._legend.addItem(graphic, name)
            self._dated.extend((p.x, p.value, p.claim_id) for p in dated)
            for point in dated:
                if point.stretch:  # a running total: say where it starts, so no one reads it as that year's
                    label = pg.TextItem(f"since {point.period}", color=colour, anchor=(-0.1, 1.1))
                    label.setPos(point.x, point.value)
                    self._add(label)
            for point in series.points:
                if math.isnan(point.x):
                    self._add_undated(point, colour)
        self._label_stacks()
        # The entries changed: re-flow them for the plot's width now (the fitter acts on resizes only).
        fit_legend(self._legend, self.plot.width() - self._legend_reserved())
        for conflict in figures.conflicts:
            if math.isnan(conflict.x):
                continue  # the disagreeing values are "no date" levels, named in the note
            span = pg.PlotDataItem(
                [conflict.x, conflict.x],
                [conflict.values[0], conflict.values[-1]],
                pen=pg.mkPen(OVERDUE, width=3, style=Qt.PenStyle.DotLine),
            )
            values = " vs ".join(human_number(v) for v in conflict.values)
            label = pg.TextItem(f"conflict: {values}", color=OVERDUE, anchor=(-0.05, 0.5))
            label.setPos(conflict.x, (conflict.values[0] + conflict.values[-1]) / 2)
            self._add(span)
            self._add(label)
        self._note.setText(_note(figures))
        self._fit()

    def _add(self, graphic: pg.GraphicsObject) -> None:
        self.plot.getPlotItem().addItem(graphic)
        self._items.append(graphic)

    def _label_stacks(self) -> None:
        """Figures drawn on one spot (the same value stated several times on one day) say how many they are."""
        stacks: dict[tuple[float, float], int] = {}
        for x, value, _ in self._dated:
            stacks[x, value] = stacks.get((x, value), 0) + 1
        foreground = self.theme().foreground
        for (x, value), count in stacks.items():
            if count > 1:
                label = pg.TextItem(f"×{count}", color=foreground, anchor=(-0.35, 0.5))
                label.setPos(x, value)
                self._add(label)

    def _add_undated(self, point: FigurePoint, colour: str) -> None:
        level = pg.InfiniteLine(
            pos=point.value,
            angle=0,
            movable=False,
            pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
            label=f"no date: {human_number(point.value)}",
            labelOpts={"position": 0.02, "color": colour, "anchors": [(0, 1), (0, 1)]},
        )
        self._add(level)
        self._undated.append((point.value, point.claim_id))

    def _fit(self) -> None:
        xs = [x for x, _, _ in self._dated]
        values = [v for _, v, _ in self._dated] + [v for v, _ in self._undated]
        box = self.plot.getPlotItem().getViewBox()
        if xs:
            low, high = min(xs), max(xs)
            pad = max((high - low) * 0.08, 20 * DAY)
            # Room to the right for the last conflict's label.
            box.setXRange(
                low - pad, high + pad * (3 if self.figures and self.figures.conflicts else 1), padding=0
            )
        if values:
            bottom, top = min(0.0, min(values)), max(values)
            box.setYRange(bottom, top * 1.12 if top > 0 else 1.0, padding=0)

    # -- hover and click -----------------------------------------------------------------------
    def hit(self, scene_pos: QPointF) -> str | None:
        """The figure under a scene position: the nearest marker within a few pixels, else a "no date" level."""
        box = self.plot.getPlotItem().getViewBox()
        if not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        px, py = box.viewPixelSize()
        best: tuple[float, str] | None = None
        for x, value, claim_id in self._dated:
            d2 = ((x - point.x()) / px) ** 2 + ((value - point.y()) / py) ** 2
            if d2 <= HIT_PIXELS**2 and (best is None or d2 < best[0]):
                best = (d2, claim_id)
        if best is None:
            for value, claim_id in self._undated:
                d2 = ((value - point.y()) / py) ** 2
                if d2 <= (HIT_PIXELS / 2) ** 2 and (best is None or d2 < best[0]):
                    best = (d2, claim_id)
        return None if best is None else best[1]

    def figure_scene_pos(self, claim_id: str) -> QPointF:
        """Where a figure is drawn, in scene coordinates (tests, keyboard focus)."""
        box = self.plot.getPlotItem().getViewBox()
        for x, value, found in self._dated:
            if found == claim_id:
                return QPointF(box.mapViewToScene(QPointF(x, value)))
        for value, found in self._undated:
            if found == claim_id:
                left = box.viewRange()[0][0]
                width = box.viewRange()[0][1] - left
                return QPointF(box.mapViewToScene(QPointF(left + width * 0.5, value)))
        raise KeyError(claim_id)

    def hover_text(self, scene_pos: QPointF) -> str | None:
        claim_id = self.hit(scene_pos)
        if claim_id is None or self.figures is None:
            return None
        point = self.ledger.timeline_point(claim_id)
        if point is None:
            return None
        figure = next(p for s in self.figures.series for p in s.points if p.claim_id == claim_id)
        about = f"<br>Period: {html.escape(figure.period)}" if figure.period else ""
        return tooltip_html(point) + about + "<br>Click to open this fact."

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        self.show_hover(self.plot, scene_pos, self.hover_text(scene_pos))

    def _on_scene_mouse_clicked(self, event: object) -> None:
        scene_pos = self.left_click_at(event)
        if scene_pos is None:
            return
        claim_id = self.hit(scene_pos)
        if claim_id is not None:
            self.claim_selected.emit(claim_id)

    # -- look ------------------------------------------------------------------------------------
    def _build_legend(self, item: pg.PlotItem) -> pg.LegendItem:
        # Above the plot, in the title row: one entry per source never covers a figure.
        legend = pg.LegendItem(offset=None, labelTextColor=self.theme().foreground, colCount=4)
        item.layout.removeItem(item.titleLabel)
        item.titleLabel.hide()
        item.layout.addItem(legend, 0, 1)
        return legend

    def apply_theme(self) -> None:
        self.plot.setBackground(self.theme().background)
        style_plot(self.plot.getPlotItem(), self.theme())
        self._legend.setLabelTextColor(self.theme().foreground)

    def export_item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()


def _note(figures: Figures) -> str:
    count = len(figures.conflicts)
    if not count:
        return "sources agree"
    values = "; ".join(" vs ".join(human_number(v) for v in c.values) for c in figures.conflicts[:3])
    return f"{count} conflict{'s' if count != 1 else ''}: {values}"
