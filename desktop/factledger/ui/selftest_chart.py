"""The self-check's one Qt step: draw a chart of the ledger offscreen, save it as PNG, prove it is not blank.

Kept apart from `selftest` so the rest of the check imports no Qt. It exercises the UI's own timeline chart
(`factledger.ui.charts`) and its PNG export when that package is present; a build without it (or an older
tree) still gets a plain pyqtgraph bar chart, which proves the Qt platform plugin, fonts and pyqtgraph work.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

# Must be set before the first Qt import: the self-check runs on machines with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from factledger.core import Ledger

# A real chart has background, axes, labels and bars: far more than this share of pixels differ from the
# most common colour, and more than this many colours appear. A blank or failed render has one colour.
MIN_FOREIGN_SHARE = 0.005
MIN_COLOURS = 3


class BlankChartError(Exception):
    """The rendered image is empty, one colour, or could not be written."""


def image_is_blank(image: QImage) -> bool:
    """True when `image` is null or (nearly) a single colour: what a failed render or screenshot looks like."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return True
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.width() * rgb.height())
    colours, counts = np.unique(pixels, return_counts=True)
    foreign_share = 1.0 - counts.max() / pixels.size
    return len(colours) < MIN_COLOURS or foreign_share < MIN_FOREIGN_SHARE


def png_is_blank(path: Path) -> bool:
    """`image_is_blank` for a PNG on disk (the installed app's screenshot in check-deb.sh)."""
    _application()
    return image_is_blank(QImage(str(path)))


def render_ledger_chart(ledger: Ledger, path: Path) -> str:
    """Draw a chart of `ledger` into `path` and return which chart it was. Raises if it came out blank."""
    if importlib.util.find_spec("factledger.ui.charts") is None:
        return render_claims_by_kind(ledger.info().by_kind, path)
    from factledger.ui.charts import TimelineChart
    from factledger.ui.session import LedgerSession

    _application()
    session = LedgerSession(ledger)
    chart = TimelineChart(session)
    chart.resize(900, 500)
    chart.show()
    chart.refresh()
    chart.wait_until_drawn()
    QApplication.processEvents()
    written = chart.export(path)
    chart.close()
    chart.deleteLater()
    if png_is_blank(written):
        raise BlankChartError("the timeline chart exported a blank PNG")
    return "timeline"


def render_claims_by_kind(counts: Mapping[str, int], path: Path) -> str:
    """Draw facts per kind as a bar chart into `path`; returns which renderer drew it. Raises if blank."""
    if not counts:
        raise BlankChartError("there are no facts to chart")
    _application()
    widget = pg.PlotWidget(background="w")
    kinds = sorted(counts)
    heights = [counts[k] for k in kinds]
    widget.addItem(pg.BarGraphItem(x=list(range(len(kinds))), height=heights, width=0.6, brush="#2B5C8A"))
    widget.getAxis("bottom").setTicks([list(enumerate(kinds))])
    widget.setLabel("left", "facts")
    widget.setTitle("Facts by kind")
    widget.resize(640, 400)
    widget.show()
    QApplication.processEvents()
    image = widget.grab().toImage()
    widget.close()
    widget.deleteLater()
    if image_is_blank(image):
        raise BlankChartError("the chart rendered blank")
    if not image.save(str(path), "PNG"):
        raise BlankChartError(f"the chart could not be written to {path}")
    return "pyqtgraph"


_KEEP_ALIVE: list[QApplication] = []  # a QApplication lives as long as its Python object


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _KEEP_ALIVE.append(QApplication(["factledger-selftest"]))
    return _KEEP_ALIVE[0]


__all__ = [
    "BlankChartError",
    "image_is_blank",
    "png_is_blank",
    "render_claims_by_kind",
    "render_ledger_chart",
]
