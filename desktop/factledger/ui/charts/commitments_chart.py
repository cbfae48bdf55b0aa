"""CommitmentsChart: per committer, the amount pledged against the amount shown delivered, in one unit."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from factledger.core.series import CommitmentTotal
from factledger.domain import Fulfilment
from factledger.ui.session import LedgerSession

from .axes import AmountAxisItem
from .base import ChartView, plot_widget, style_plot
from .palette import FULFILMENT_COLOURS
from .queries import ChartQueries

PLEDGED = "#94a3b8"
NOBODY = "(no one named)"


class CommitmentsChart(ChartView):
    """Grouped bars: pledged (grey), delivered (green) and partly fulfilled with no delivered amount
    recorded (lime, shown apart because how much of them arrived is unknown).

    Amounts in different units are never added: a unit picker chooses which to show.
    """

    title = "commitments tracker"

    def __init__(
        self, session: LedgerSession, parent: QWidget | None = None, *, queries: ChartQueries | None = None
    ) -> None:
        super().__init__(session, parent, queries=queries)
        self.totals: list[CommitmentTotal] = []
        self._unit = QComboBox()
        self._unit.currentIndexChanged.connect(self._on_unit_changed)
        self.plot = plot_widget(self.theme(), {"left": AmountAxisItem("left")})
        item = self.plot.getPlotItem()
        item.hideButtons()
        self._legend = item.addLegend(offset=(-8, 8), labelTextColor=self.theme().foreground)
        self._bars = {
            name: pg.BarGraphItem(x=[], height=[], width=0.26, brush=colour, pen=None, name=label)
            for name, colour, label in (
                ("pledged", PLEDGED, "Pledged"),
                ("delivered", FULFILMENT_COLOURS[Fulfilment.FULFILLED], "Delivered"),
                (
                    "partly",
                    FULFILMENT_COLOURS[Fulfilment.PARTIALLY_FULFILLED],
                    "Partly fulfilled, delivery not recorded",
                ),
            )
        }
        for bar in self._bars.values():
            item.addItem(bar)
        bar_row = QHBoxLayout()
        bar_row.addWidget(QLabel("Unit:"))
        bar_row.addWidget(self._unit)
        bar_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar_row)
        layout.addWidget(self.plot, 1)

    def reload(self) -> None:
        claim_filter = self.claim_filter
        self.ask(lambda ledger: ledger.commitments(claim_filter), self.show_totals)

    def show_totals(self, totals: list[CommitmentTotal]) -> None:
        self.totals = totals
        current = self._unit.currentData()
        units: list[str | None] = []
        for total in self.totals:
            if total.unit not in units:
                units.append(total.unit)
        self._unit.blockSignals(True)
        self._unit.clear()
        for unit in units:
            self._unit.addItem(unit or "no unit", unit)
        found = self._unit.findData(current) if current is not None else -1
        self._unit.setCurrentIndex(max(found, 0) if units else -1)
        self._unit.blockSignals(False)
        self._draw()

    def _on_unit_changed(self, _index: int) -> None:
        self._draw()

    def _draw(self) -> None:
        unit = self._unit.currentData()
        shown = [t for t in self.totals if t.unit == unit] if self._unit.count() else []
        xs = list(range(len(shown)))
        self._bars["pledged"].setOpts(x=[x - 0.28 for x in xs], height=[t.pledged for t in shown])
        self._bars["delivered"].setOpts(x=xs, height=[t.delivered for t in shown])
        self._bars["partly"].setOpts(x=[x + 0.28 for x in xs], height=[t.partly_delivered for t in shown])
        item = self.plot.getPlotItem()
        labels = [
            (
                x,
                f"{t.committer or NOBODY}\n{t.commitments} pledge{'' if t.commitments == 1 else 's'}"
                + (f", {t.overdue} overdue" if t.overdue else ""),
            )
            for x, t in zip(xs, shown, strict=True)
        ]
        bottom = item.getAxis("bottom")
        bottom.setTicks([labels, []])
        # Two-line tick labels (committer, then counts): room for both lines under the bars.
        bottom.setHeight(2 * self.fontMetrics().height() + 16)
        item.setLabel("left", f"amount ({unit or 'no unit'})")
        item.autoRange()

    def apply_theme(self) -> None:
        self.plot.setBackground(self.theme().background)
        style_plot(self.plot.getPlotItem(), self.theme())
        self._legend.setLabelTextColor(self.theme().foreground)

    def export_item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()
