"""The self-check's blank-image test, which also judges the installed app's screenshot in check-deb.sh."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QImage

from factledger.ui.selftest_chart import image_is_blank, png_is_blank, render_claims_by_kind


def test_a_single_colour_image_is_blank() -> None:
    """An image of one colour (what a failed grab looks like) counts as blank."""
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image_is_blank(image)


def test_a_null_image_is_blank(tmp_path: Path) -> None:
    """A PNG that does not exist reads as a null image, which is blank."""
    assert png_is_blank(tmp_path / "missing.png")


def test_a_drawn_bar_chart_is_not_blank(tmp_path: Path) -> None:
    """The fallback bar chart of facts per kind writes a PNG that is not blank."""
    target = tmp_path / "chart.png"
    assert render_claims_by_kind({"claim": 3, "statistic": 5}, target) == "pyqtgraph"
    assert not png_is_blank(target)
