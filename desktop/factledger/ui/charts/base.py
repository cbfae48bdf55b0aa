"""ChartView: what every chart tab shares: the session, the current filter, staleness and export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QEventLoop, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QGraphicsView, QToolTip, QWidget

from factledger.domain import ClaimFilter
from factledger.ui.session import LedgerSession

from .export import export_chart
from .palette import Theme, theme_for
from .queries import ChartQueries, Deliver, Query

if TYPE_CHECKING:
    from factledger.core import Ledger


class ChartView(QWidget):
    """A chart of the open ledger that redraws from `Ledger` series when told its data is stale.

    Subclasses implement `reload` (ask their query through `ask` and draw the answer in place) and
    `export_item`. Queries run in the background (`ChartQueries`); a chart built without one gets its own,
    which it closes with itself.

    Signals:
        drawn: the answer to the chart's newest query was drawn.
    """

    drawn = Signal()
    """The newest query's answer is on screen (tests and the self-check wait for it)."""

    title = "chart"

    def __init__(
        self, session: LedgerSession, parent: QWidget | None = None, *, queries: ChartQueries | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._filter = ClaimFilter()
        self.stale = True
        self._owns_queries = queries is None
        self.queries = queries if queries is not None else ChartQueries(session, self)
        self._key = f"{type(self).__name__}@{id(self):x}"
        self.note = ""  # why the chart is empty, when a query was refused

    @property
    def ledger(self) -> Ledger:
        return self._session.ledger

    @staticmethod
    def show_hover(view: QGraphicsView, scene_pos: QPointF, text: str | None) -> None:
        """The chart's hover text as a tooltip at the pointer over `view`; hidden where nothing is hit."""
        if text is None:
            QToolTip.hideText()
            return
        QToolTip.showText(view.mapToGlobal(view.mapFromScene(scene_pos)), text, view)

    @staticmethod
    def left_click_at(event: object) -> QPointF | None:
        """Where a pyqtgraph scene click with the left button landed (None for any other button)."""
        if getattr(event, "button")() != Qt.MouseButton.LeftButton:  # noqa: B009
            return None
        position: QPointF = getattr(event, "scenePos")()  # noqa: B009
        return position

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

    def ask(self, query: Query, deliver: Deliver, *, part: str = "") -> int:
        """Run `query` in the background and draw its answer with `deliver`, unless a newer ask came first."""

        def draw(answer: object) -> None:
            self.note = ""
            deliver(answer)
            self.drawn.emit()

        return self.queries.ask(
            self._key + part, f"Updating {self.title}", query, draw, refuse=self._on_query_refused
        )

    def wait_until_drawn(self, timeout_ms: int = 30_000) -> bool:
        """Block in a local event loop until the newest answer is drawn (for the headless self-check)."""
        if not self.queries.busy:
            return True
        loop = QEventLoop()
        self.queries.busy_changed.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        while self.queries.busy and timer.isActive():
            loop.exec()
        self.queries.busy_changed.disconnect(loop.quit)
        return not self.queries.busy

    def _on_query_refused(self, message: str) -> None:
        self.note = message
        self.drawn.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._owns_queries:
            self.queries.close()
        super().closeEvent(event)

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


def combo_index(combo: QComboBox, key: object) -> int:
    """The row whose data equals `key`, else -1.

    Not `QComboBox.findData`: a Python tuple is stored as an opaque object that Qt compares by identity, so
    `findData` misses an equal tuple built later (the picker fell back to its first metric while the plot
    drew the chosen one whenever the chart reloaded, as after adding evidence).
    """
    return next((row for row in range(combo.count()) if combo.itemData(row) == key), -1)
