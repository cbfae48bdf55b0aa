"""Renders the SVG app icon into the PNG sizes, .ico and .icns the installers need, at build time."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[1]


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """One square, transparent, antialiased rendering of the whole SVG."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def save(image: QImage, path: Path, fmt: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), fmt):  # type: ignore[call-overload]  # stubs say bytes; PySide6 wants str
        raise SystemExit(f"render_icons: Qt could not write {path} as {fmt}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--svg", type=Path, default=ROOT / "resources" / "icons" / "factledger.svg")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "icons")
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(args.svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {args.svg} is not a valid SVG")
    for size in HICOLOR_SIZES:
        save(
            render(renderer, size), args.out / "hicolor" / f"{size}x{size}" / "apps" / "factledger.png", "PNG"
        )
    # Windows and macOS icons through Qt's own ico/icns writers, so no extra library is needed.
    save(render(renderer, 256), args.out / "factledger.ico", "ICO")
    save(render(renderer, 1024), args.out / "factledger.icns", "ICNS")
    del app
    print(f"render_icons: wrote {len(HICOLOR_SIZES)} PNG sizes, .ico and .icns to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
