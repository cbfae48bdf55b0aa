"""Legends above a plot wrap to as many columns as the plot's width holds, so no entry is cut off."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

SAMPLE_WIDTH = 20
"""pyqtgraph's ItemSample is 20 px wide; the label sits to its right."""

SPACING = 12


def legend_columns(legend: pg.LegendItem, width: float) -> int:
    """How many legend columns fit in `width` pixels: every column as wide as the widest entry."""
    if not legend.items:
        return 1
    # The text item's own width: the LabelItem itself is stretched to its column once laid out.
    widest = (
        max(label.item.boundingRect().width() for _sample, label in legend.items) + SAMPLE_WIDTH + SPACING
    )
    return max(1, min(len(legend.items), int(width // widest)))


def fit_legend(legend: pg.LegendItem, width: float) -> None:
    """Re-flow `legend` for `width` pixels; nothing moves when the column count stays the same."""
    columns = legend_columns(legend, width)
    if columns != legend.columnCount:
        legend.setColumnCount(columns)


class LegendFitter(QObject):
    """Re-flows a plot's legend as its view is resized, before the view lays out its plot.

    The fit must come first: a view sizes its plot item to the viewport, but never below the plot's
    minimum, so a plot laid out while the legend still had many rows (just after a narrow size) would
    stay taller than the view and lose its date axis below the edge.
    """

    def __init__(self, view: QWidget, legend: pg.LegendItem, reserved: Callable[[], float]) -> None:
        super().__init__(view)
        self._legend = legend
        self._reserved = reserved  # width beside the legend (the row axis), asked at each resize
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            fit_legend(self._legend, event.size().width() - self._reserved())
        return False
