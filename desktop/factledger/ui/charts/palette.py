"""Colours of the charts: one per verification status and fulfilment, readable on light and dark palettes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from factledger.core.series import FULFILMENT_ORDER, STATUS_ORDER
from factledger.domain import Fulfilment, Status

# Mid-lightness hues that keep their contrast on white and on near-black backgrounds.
STATUS_COLOURS: dict[Status, str] = {
    Status.UNVERIFIED: "#8a94a6",
    Status.IN_REVIEW: "#3b82f6",
    Status.VERIFIED: "#16a34a",
    Status.PARTLY_TRUE: "#f59e0b",
    Status.DISPUTED: "#a855f7",
    Status.FALSE: "#dc2626",
    Status.UNVERIFIABLE: "#0891b2",
}
FULFILMENT_COLOURS: dict[Fulfilment | None, str] = {
    None: "#8a94a6",
    Fulfilment.ANNOUNCED: "#60a5fa",
    Fulfilment.IN_PROGRESS: "#2563eb",
    Fulfilment.FULFILLED: "#16a34a",
    Fulfilment.PARTIALLY_FULFILLED: "#84cc16",
    Fulfilment.STALLED: "#f59e0b",
    Fulfilment.BROKEN: "#7f1d1d",
}
OVERDUE = "#ef4444"
SERIES_COLOURS = ("#2563eb", "#f97316", "#16a34a", "#db2777", "#0891b2", "#a855f7", "#ca8a04", "#64748b")
"""Categorical colours for one series per source, in order."""

STATUS_BY_CODE = [STATUS_COLOURS[s] for s in STATUS_ORDER]
FULFILMENT_BY_CODE = [FULFILMENT_COLOURS[f] for f in FULFILMENT_ORDER] + [FULFILMENT_COLOURS[None]]
"""Indexed by fulfilment code; code -1 (not set) picks the last entry."""


@dataclass(frozen=True, slots=True)
class Theme:
    """Background, text and grid colours taken from the widget's palette, so dark mode follows the desktop."""

    background: QColor
    foreground: QColor
    muted: QColor

    @property
    def dark(self) -> bool:
        return self.background.lightness() < 128


def theme_for(widget: QWidget) -> Theme:
    palette = widget.palette()
    background = palette.color(QPalette.ColorRole.Base)
    foreground = palette.color(QPalette.ColorRole.Text)
    muted = QColor(foreground)
    muted.setAlpha(90)
    return Theme(background=background, foreground=foreground, muted=muted)
