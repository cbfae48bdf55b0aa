"""ProgressChart: how far checking has got: facts by status within each kind, and verdicts over time."""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from factledger.core.series import KIND_ORDER, STATUS_ORDER, Progress, day_seconds
from factledger.domain import Status
from factledger.ui.session import LedgerSession

from .base import ChartView, style_plot
from .palette import STATUS_COLOURS
from .queries import ChartQueries


class ProgressChart(ChartView):
    """Left: stacked bars, one per kind, split by status. Right: cumulative verdicts by day given."""

    title = "verification progress"

    def __init__(
        self, session: LedgerSession, parent: QWidget | None = None, *, queries: ChartQueries | None = None
    ) -> None:
        super().__init__(session, parent, queries=queries)
        self.progress: Progress | None = None
        theme = self.theme()
        self.layout_widget = pg.GraphicsLayoutWidget()
        self.layout_widget.setBackground(theme.background)
        self._bars_plot = self.layout_widget.addPlot(title="Facts by status")
        self._bars_plot.getAxis("left").setTicks(
            [[(i, k.value.capitalize()) for i, k in enumerate(KIND_ORDER)]]
        )
        self._bars_plot.setLabel("bottom", "facts")
        self._time_plot = self.layout_widget.addPlot(
            title="Verdicts over time", axisItems={"bottom": pg.DateAxisItem("bottom", utcOffset=0)}
        )
        self._time_plot.setLabel("left", "facts (cumulative)")
        self._time_plot.setLabel("bottom", "day the verdict was given (UTC)")
        self._legend = self._bars_plot.addLegend(offset=(-8, 8), labelTextColor=theme.foreground)
        self._time_legend = self._time_plot.addLegend(offset=(8, 8), labelTextColor=theme.foreground)
        self._stack = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6)
        self._bars_plot.addItem(self._stack)
        for status, colour in STATUS_COLOURS.items():
            self._legend.addItem(pg.BarGraphItem(x=[], height=[], width=1, brush=colour), status.label)
        self._checked = self._time_plot.plot(
            pen=pg.mkPen("#3b82f6", width=2),
            symbol="o",
            symbolSize=6,
            symbolBrush="#3b82f6",
            name="any verdict",
        )
        verified = STATUS_COLOURS[Status.VERIFIED]
        self._verified = self._time_plot.plot(
            pen=pg.mkPen(verified, width=2.5), symbol="o", symbolSize=6, symbolBrush=verified, name="verified"
        )
        for plot in (self._bars_plot, self._time_plot):
            plot.hideButtons()
            style_plot(plot, theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layout_widget)

    def reload(self) -> None:
        claim_filter = self.claim_filter
        self.ask(lambda ledger: ledger.progress(claim_filter), self.show_progress)

    def show_progress(self, progress: Progress) -> None:
        self.progress = progress
        x0, widths, ys, brushes = [], [], [], []
        for row, kind in enumerate(KIND_ORDER):
            left = 0
            for status in STATUS_ORDER:
                n = progress.count(status, kind)
                if n:
                    x0.append(left)
                    widths.append(n)
                    ys.append(row)
                    brushes.append(pg.mkBrush(STATUS_COLOURS[status]))
                    left += n
        self._stack.setOpts(x0=x0, width=widths, y=ys, height=0.6, brushes=brushes, pen=None)
        days = np.array([day_seconds(date.fromisoformat(d)) for d in progress.days])
        self._checked.setData(days, np.cumsum(progress.checked_per_day))
        self._verified.setData(days, np.cumsum(progress.verified_per_day))
        self._bars_plot.autoRange()
        self._time_plot.autoRange()

    def apply_theme(self) -> None:
        theme = self.theme()
        self.layout_widget.setBackground(theme.background)
        for plot in (self._bars_plot, self._time_plot):
            style_plot(plot, theme)
        for legend in (self._legend, self._time_legend):
            legend.setLabelTextColor(theme.foreground)

    def export_item(self) -> pg.GraphicsLayout:
        return self.layout_widget.ci
