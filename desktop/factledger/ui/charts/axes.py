"""Axis items of the charts: amounts written as people read them, and named rows on a timeline."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics

_SCALES = ((1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k"))


def human_number(value: float) -> str:
    """550e9 reads "550 bn", 16707 reads "16.7 k": the way figures appear in the articles themselves."""
    if not math.isfinite(value):
        return ""
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:.3g}" if value != int(value) else f"{int(value)}"


class AmountAxisItem(pg.AxisItem):  # type: ignore[misc]
    """A value axis whose tick labels use k / m / bn / tn instead of scientific notation."""

    def __init__(self, orientation: str = "left", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [human_number(v * scale) for v in values]


class RowAxisItem(pg.AxisItem):  # type: ignore[misc]
    """The timeline's left axis: one named row per subject or committer, at integer positions."""

    def __init__(self, orientation: str = "left", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self._labels: tuple[str, ...] = ()

    def set_rows(self, labels: Sequence[str]) -> None:
        self._labels = tuple(self._elide(label) for label in labels)
        self.setTicks([[(float(i), label) for i, label in enumerate(self._labels)], []])
        # Size the axis for its longest label up front: auto-expansion only catches up after a repaint.
        metrics = QFontMetrics(self.style.get("tickFont") or QFont())
        widest = max((metrics.horizontalAdvance(label) for label in self._labels), default=0)
        self.setWidth(widest + 18)

    @staticmethod
    def _elide(label: str, limit: int = 28) -> str:
        return label if len(label) <= limit else label[: limit - 1] + "…"
