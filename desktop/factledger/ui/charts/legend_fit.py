"""Legends above a plot wrap to as many columns as the plot's width holds, so no entry is cut off."""

from __future__ import annotations

import pyqtgraph as pg

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
    """Re-flow `legend` for `width` pixels (pyqtgraph re-lays it out only when the count changes)."""
    legend.setColumnCount(legend_columns(legend, width))
