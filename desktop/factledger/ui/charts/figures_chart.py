"""FiguresChart: one metric (subject and unit) over the periods it describes, one series per source."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from factledger.core import Ledger
from factledger.core.series import Figures, Metric
from factledger.ui.session import LedgerSession

from .axes import AmountAxisItem, human_number
from .base import ChartView, plot_widget, style_plot
from .palette import OVERDUE, SERIES_COLOURS
from .queries import ChartQueries

MetricKey = tuple[str, str | None]


class FiguresChart(ChartView):
    """Pick a metric; each source's values are a line of markers; a conflict is a red span with its values.

    Signals:
        claim_selected: a figure's marker was clicked; carries the claim id.
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
        self._picker = QComboBox()
        self._picker.setMinimumContentsLength(30)
        self._picker.currentIndexChanged.connect(self._on_picker_changed)
        self._note = QLabel()
        self.plot = plot_widget(
            self.theme(), {"bottom": pg.DateAxisItem("bottom", utcOffset=0), "left": AmountAxisItem("left")}
        )
        self.plot.getPlotItem().hideButtons()
        self.plot.getPlotItem().setLabel("bottom", "Period described (else date stated)")
        self._legend = self.plot.getPlotItem().addLegend(
            offset=(8, 8), labelTextColor=self.theme().foreground
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Metric:"))
        bar.addWidget(self._picker, 1)
        bar.addWidget(self._note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)

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
        index = self._picker.findData((subject, unit))
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
        index = self._picker.findData((figures.subject, figures.unit)) if figures is not None else -1
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
        self.figures = figures
        if figures is None:
            self._note.setText("No figures with a subject in this filter.")
            return
        subject, unit = figures.subject, figures.unit
        item.setLabel("left", f"{subject} ({unit or 'no unit'})")
        for n, series in enumerate(figures.series):
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            xs = np.array([p.x for p in series.points])
            ys = np.array([p.value for p in series.points])
            line = pg.PlotDataItem(
                xs,
                ys,
                pen=pg.mkPen(colour, width=2),
                symbol="o",
                symbolSize=10,
                symbolBrush=pg.mkBrush(colour),
                symbolPen=pg.mkPen(self.theme().background),
                name=series.source_title or series.source_id,
                data=[p.claim_id for p in series.points],
            )
            line.sigPointsClicked.connect(self._on_points_clicked)
            item.addItem(line)
            self._items.append(line)
        for conflict in figures.conflicts:
            if np.isnan(conflict.x):
                continue
            span = pg.PlotDataItem(
                [conflict.x, conflict.x],
                [conflict.values[0], conflict.values[-1]],
                pen=pg.mkPen(OVERDUE, width=3, style=Qt.PenStyle.DotLine),
            )
            values = " vs ".join(human_number(v) for v in conflict.values)
            label = pg.TextItem(f"conflict: {values}", color=OVERDUE, anchor=(-0.05, 0.5))
            label.setPos(conflict.x, (conflict.values[0] + conflict.values[-1]) / 2)
            for graphic in (span, label):
                item.addItem(graphic)
                self._items.append(graphic)
        count = len(figures.conflicts)
        self._note.setText(f"{count} conflict{'s' if count != 1 else ''}" if count else "sources agree")
        item.autoRange()

    def _on_points_clicked(self, _item: object, points: list[pg.SpotItem], _event: object) -> None:
        if len(points):
            self.claim_selected.emit(str(points[0].data()))

    def apply_theme(self) -> None:
        self.plot.setBackground(self.theme().background)
        style_plot(self.plot.getPlotItem(), self.theme())
        self._legend.setLabelTextColor(self.theme().foreground)

    def export_item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()
