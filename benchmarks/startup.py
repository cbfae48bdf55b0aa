"""Benchmark: cold start to the first painted main window, against bare PySide6 windows, in fresh processes.

Run from the repo root: `QT_QPA_PLATFORM=offscreen PYTHONPATH=desktop .venv/bin/python benchmarks/startup.py`.

Each sample is a new Python process, timed from launch until it prints that a window received its first
paint event (an application-wide event filter installed before `factledger.app.run_app` builds the
window). Baselines, also new processes: a bare `QMainWindow` after importing every module the app had
imported at its first paint ("same imports"), and a bare window importing only PySide6 ("empty").
Settings and data live in a temporary home so no real preferences or welcome dialog interfere.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bench import emit
from make_ledger import build_ledger

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5

_WATCH = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            with open(sys.argv[1] + ".modules", "w") as out:
                out.write("\\n".join(sorted(sys.modules)))
            print("PAINTED", flush=True)
            QApplication.instance().quit()
        return False

app = QApplication(sys.argv[:1])
watch = FirstPaint()
app.installEventFilter(watch)
"""

APP = (
    _WATCH
    + """
from factledger.app import run_app
sys.exit(run_app(ledger_path=sys.argv[2], argv=sys.argv[:1]))
"""
)

SAME_IMPORTS = (
    _WATCH
    + """
import importlib
for name in open(sys.argv[2]).read().split():
    try:
        importlib.import_module(name)
    except Exception:
        pass
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.exec()
"""
)

EMPTY = (
    _WATCH
    + """
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.exec()
"""
)


def first_paint_ms(code: str, *args: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "PAINTED":
            elapsed = (time.perf_counter() - start) * 1000
            break
    else:
        raise SystemExit(f"the process exited ({process.wait()}) without painting a window")
    process.wait(timeout=60)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000, help="size of the ledger the app opens")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ledger = folder / "startup.factledger"
        build_ledger(args.claims, ledger)
        env = {
            **os.environ,
            "HOME": str(folder),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_DATA_HOME": str(folder / "data"),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "FACTLEDGER_SCREENSHOT": str(folder / "shot.png"),
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(ROOT / "desktop"), os.environ.get("PYTHONPATH")])
            ),
        }
        marker = str(folder / "app")
        first_paint_ms(APP, marker, str(ledger), env=env)  # warms the OS file cache, like any second launch
        modules = marker + ".modules"
        app, same, empty = [], [], []
        for _ in range(args.runs):  # interleaved, so machine noise hits every variant alike
            app.append(first_paint_ms(APP, marker, str(ledger), env=env))
            same.append(first_paint_ms(SAME_IMPORTS, str(folder / "same"), modules, env=env))
            empty.append(first_paint_ms(EMPTY, str(folder / "empty"), env=env))
        count = len(Path(modules).read_text().split())
        app_median = sorted(app)[args.runs // 2]
        emit(
            f"cold start to first painted window ({args.claims:,}-claim ledger)",
            app,
            baseline=same,
            target="<= 1.3x a bare PySide6 window with the same imports",
            met=app_median <= 1.3 * sorted(same)[args.runs // 2],
            note=f"same imports: {count} modules the app had loaded at first paint",
        )
        emit(
            "  cold start vs an empty PySide6 window (stretch)",
            app,
            baseline=empty,
            target="<= 2x an empty window (stretch)",
            met=app_median <= 2 * sorted(empty)[args.runs // 2],
        )


if __name__ == "__main__":
    main()
