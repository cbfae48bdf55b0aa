"""Benchmark: rendering the word-level diff of two versions of a 10,000-word article in the versions view.

Run from the repo root: `QT_QPA_PLATFORM=offscreen PYTHONPATH=desktop .venv/bin/python benchmarks/versions_diff.py`.
The two versions are those of reanchoring.py (the sample article repeated to 10,000 words, edited in many
places). Timed: the diff, building the marked text, and one full repaint of a shown 900×640 view.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _bench import emit, samples_ms
from PySide6.QtWidgets import QApplication
from reanchoring import versions

from factledger.ui.diff_view import DiffView


def main() -> None:
    app = QApplication.instance() or QApplication([])
    old, new = versions()
    view = DiffView()
    view.resize(900, 640)
    view.show()
    app.processEvents()

    def render() -> None:
        view.show_diff(old, new)
        view.viewport().repaint()

    times = samples_ms(render, 9)
    emit(
        f"versions view: word diff of {len(old.split()):,} words rendered",
        times,
        target="<= 100 ms",
        met=sorted(times)[4] <= 100,
        note=f"{view.changes} marked changes",
    )
    view.close()


if __name__ == "__main__":
    main()
