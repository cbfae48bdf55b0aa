"""A real FactLedger main window (offscreen) that keeps writing to its ledger: the app side of lock tests.

Run as `python window_process.py LEDGER SECONDS WORKDIR`. Every tick it imports a new article through the
window's own import flow (a background thread opens a second connection, as the app does), accepts an
open suggestion through the session, and notes whether the ledger's -wal is still there (it may only
go when the last connection closes, and this window's connection stays open throughout). Prints one JSON
line: ticks, imports, accepted, wal_missing, errors.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from factledger.core import Ledger, operations
    from factledger.reading import expand_inputs
    from factledger.ui.main_thread_gc import MainThreadCollector
    from factledger.ui.main_window import MainWindow
    from factledger.ui.session import LedgerSession

    path, seconds, work = Path(sys.argv[1]), float(sys.argv[2]), Path(sys.argv[3])
    app = QApplication([sys.argv[0]])
    settings = QSettings(str(work / "window.ini"), QSettings.Format.IniFormat)
    session = LedgerSession(Ledger.open(path, actor="window"))
    window = MainWindow(session, settings)
    window.show()
    collector = MainThreadCollector(app)
    collector.start()
    wal = path.with_name(path.name + "-wal")
    state: dict[str, object] = {"ticks": 0, "imports": 0, "accepted": 0, "wal_missing": 0}
    errors: list[str] = []
    session.failed.connect(errors.append)
    window.import_flow.import_failed.connect(lambda label, why: errors.append(f"{label}: {why}"))

    def tick() -> None:
        n = int(state["ticks"])  # type: ignore[call-overload]
        state["ticks"] = n + 1
        if not wal.exists():
            state["wal_missing"] = int(state["wal_missing"]) + 1  # type: ignore[call-overload]
        article = work / f"window-{n}.txt"
        article.write_text(f"Window article {n}: the council will spend ${n + 3} million on {n} new buses.\n")
        if window.import_flow.start(expand_inputs([str(article)])) is not None:
            state["imports"] = int(state["imports"]) + 1  # type: ignore[call-overload]
        ledger = session.ledger
        for source in ledger.sources()[-3:]:
            open_ones = ledger.suggestions(source.id)
            if open_ones:
                if session.run(operations.accept(suggestion_id=open_ones[0].id)) is not None:
                    state["accepted"] = int(state["accepted"]) + 1  # type: ignore[call-overload]
                break

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(150)

    def finish() -> None:
        timer.stop()
        window.runner.shutdown()
        if not wal.exists():
            state["wal_missing"] = int(state["wal_missing"]) + 1  # type: ignore[call-overload]
        window.close()
        app.quit()

    QTimer.singleShot(int(seconds * 1000), finish)
    app.exec()
    collector.stop()
    session.ledger.close()
    state["errors"] = errors
    print(json.dumps(state), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
