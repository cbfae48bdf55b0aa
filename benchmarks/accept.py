"""Benchmark: Accept (A) in the main window on a source with 1,000+ open suggestions, offscreen.

Run from the repo root: `QT_QPA_PLATFORM=offscreen PYTHONPATH=desktop .venv/bin/python benchmarks/accept.py`.

A deterministic article of 500 sentences in paragraphs of five, each with a company, a count and a money
figure, is imported
(about 1,000-1,500 suggestions on one source). The window is shown at 1450x900 with that source open; each
sample is one A key press on the reader until Qt has processed every event it caused (the edit, every
panel's update, the repaint). Target: median <= 100 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from _bench import emit, samples_ms
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from factledger.core import Ledger
from factledger.reading import expand_inputs
from factledger.ui.main_window import MainWindow
from factledger.ui.session import LedgerSession

SENTENCES = 500
RUNS = 21
TARGET_MS = 100.0


def article() -> str:
    """Sentences that each carry figures extraction suggests: a count of units and an amount of money."""
    lines = []
    for i in range(SENTENCES):
        lines.append(
            f"Company {i % 37} said it sold {1000 + i * 7:,} vehicles in {2000 + i % 25} and would invest "
            f"${1 + i % 9} billion in plant number {i}."
        )
    # Paragraphs of five sentences, as in a long news article.
    return "\n\n".join(" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)) + "\n"


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "accept.sqlite"
        text = Path(folder) / "long-article.txt"
        text.write_text(article(), encoding="utf-8")
        ledger = Ledger.open(path, actor="Bench")
        ledger.import_inputs(expand_inputs([text]))
        source_id = ledger.sources()[0].id
        open_count = len(ledger.suggestions(source_id))
        session = LedgerSession(ledger)
        window = MainWindow(session, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1450, 900)
        window.show()
        window.sources.select_source(source_id)
        app.processEvents()
        reader = window.reader.text
        reader.setFocus()

        def accept() -> None:
            QTest.keyClick(reader, Qt.Key.Key_A)
            app.processEvents()

        values = samples_ms(accept, RUNS, warmup=2)
        median = sorted(values)[len(values) // 2]
        emit(
            f"Accept (A) with {open_count:,} open suggestions on the source",
            values,
            target=f"<= {TARGET_MS:.0f} ms",
            met=median <= TARGET_MS,
            note="one key press until every event it caused was processed (edit, panels, repaint)",
        )
        window.close()
        app.processEvents()
        ledger.close()


if __name__ == "__main__":
    main()
