"""Writing a chart to PNG (pyqtgraph's ImageExporter) or SVG (Qt's SVG generator), chosen by the suffix."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from factledger.domain import UserError

EXPORT_FORMATS = {".png": "PNG image (*.png)", ".svg": "SVG drawing (*.svg)"}
PNG_WIDTH = 1600


def export_chart(item: QGraphicsItem | pg.GraphicsLayout, path: Path | str) -> Path:
    """PNG at a print-friendly width, or SVG; any other suffix is a user's mistake with a clear message."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise UserError(f"Charts export to PNG or SVG; name the file {target.stem}.png or {target.stem}.svg.")
    if not target.parent.is_dir():
        raise UserError(f"Cannot write the chart to {target}: the folder does not exist.")
    if suffix == ".png":
        exporter = pg_exporters.ImageExporter(item)
        exporter.params["width"] = max(int(exporter.params["width"]), PNG_WIDTH)
        exporter.export(str(target))
    else:
        _write_svg(item, target)
    if not target.exists():
        raise UserError(f"Cannot write the chart to {target}; choose a folder you can write to.")
    return target


def _write_svg(item: QGraphicsItem | pg.GraphicsLayout, target: Path) -> None:
    """Paint the item's part of the scene into Qt's SVG generator: vector paths and text.

    pyqtgraph's SVGExporter (0.14 with Qt 6.11) fails on the closing "Z" of a view box's clip path.
    """
    scene = item.scene()
    source = item.sceneBoundingRect()
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("FactLedger chart")
    painter = QPainter(generator)
    try:
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()
