"""ChartView: what every chart tab shares: the session, the current filter, staleness and export."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGraphicsItem, QWidget

from factledger.core import Ledger
from factledger.domain import ClaimFilter
from factledger.ui.session import LedgerSession

from .export import export_chart
from .palette import Theme, theme_for


class ChartView(QWidget):
    """A chart of the open ledger that redraws from `Ledger` series when told its data is stale.

    Subclasses implement `reload` (query and update their items in place) and `export_item`.
    """

    def __init__(self, session: LedgerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._filter = ClaimFilter()
        self.stale = True

    @property
    def ledger(self) -> Ledger:
        return self._session.ledger

    @property
    def claim_filter(self) -> ClaimFilter:
        return self._filter

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        self._filter = claim_filter
        self.stale = True

    def refresh(self) -> None:
        """Re-query and redraw now (the panel calls this for the visible tab only)."""
        self.stale = False
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def export_item(self) -> QGraphicsItem | pg.GraphicsLayout:
        raise NotImplementedError

    def export(self, path: Path | str) -> Path:
        return export_chart(self.export_item(), path)

    def theme(self) -> Theme:
        return theme_for(self)

    def apply_theme(self) -> None:
        """Recolour background, axes and text; called on construction and when the palette changes."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_theme()
        super().changeEvent(event)


def style_plot(plot: pg.PlotItem, theme: Theme) -> None:
    """Axis pens and label colours from the palette, a faint grid, no auto SI prefixes on dates."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(theme.muted))
        axis.setTextPen(pg.mkPen(theme.foreground))
    plot.showGrid(x=True, y=True, alpha=0.12)
    plot.titleLabel.setAttr("color", theme.foreground.name())


def plot_widget(theme: Theme, axis_items: dict[str, pg.AxisItem]) -> pg.PlotWidget:
    widget = pg.PlotWidget(axisItems=axis_items, background=theme.background)
    widget.setAntialiasing(True)
    style_plot(widget.getPlotItem(), theme)
    return widget
