"""Cycles are freed on the GUI thread only, never by a worker that happens to allocate."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
import weakref
from pathlib import Path
from typing import Any

from factledger.ui import main_thread_gc
from factledger.ui.main_thread_gc import MainThreadCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector can free it


def _garbage_cycle(freed_on: list[str]) -> None:
    node = _Node()
    weakref.finalize(node, lambda: freed_on.append(threading.current_thread().name))


_WORKER_PROBE = """
import gc, json, threading, weakref
from PySide6.QtCore import QCoreApplication, QDeadlineTimer
from factledger.ui import main_thread_gc
from factledger.ui.main_thread_gc import MainThreadCollector

class Node:
    def __init__(self):
        self.me = self

app = QCoreApplication([])
collector = MainThreadCollector(interval_ms=20)
collector.start()
freed_on = []
node = Node()
weakref.finalize(node, lambda: freed_on.append(threading.current_thread().name))
del node
kept = []
worker = threading.Thread(target=lambda: kept.extend([] for _ in range(50_000)), name="worker")
worker.start()
worker.join()
after_worker = list(freed_on)
enabled_while_started = gc.isenabled()
deadline = QDeadlineTimer(60_000)
while not freed_on and not deadline.hasExpired():
    app.processEvents()
    threading.Event().wait(0.005)
collector.stop()
print(json.dumps({"after_worker": after_worker, "freed_on": freed_on, "enabled": enabled_while_started}))
"""


def test_a_worker_allocating_past_the_threshold_does_not_collect() -> None:
    """A worker that allocates far past the threshold frees nothing; the GUI thread's timer frees the cycle.

    Run in a fresh interpreter: what the collector sees depends on the process's whole garbage-collector
    state, which a long test session shapes in ways this test should not depend on.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    package_root = Path(main_thread_gc.__file__).parents[2]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package_root), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", _WORKER_PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["enabled"] is False
    assert report["after_worker"] == []
    assert report["freed_on"] == ["MainThread"]


def test_stop_collects_and_gives_collection_back(qtbot: Any) -> None:
    """Stopping the collector frees pending cycles on the GUI thread and restores automatic collection."""
    was_enabled = gc.isenabled()
    collector = MainThreadCollector(interval_ms=60_000)
    collector.start()
    freed_on: list[str] = []
    _garbage_cycle(freed_on)
    collector.stop()
    collector.deleteLater()
    assert freed_on == [threading.main_thread().name]
    assert gc.isenabled() == was_enabled


def test_nothing_is_collected_below_the_threshold(qtbot: Any) -> None:
    """A collection is due only once allocations pass the threshold, and not again straight after one."""
    collector = MainThreadCollector(interval_ms=60_000)
    collector.start()
    try:
        gc.collect()
        assert collector.collect_due() is None
        junk = [[] for _ in range(gc.get_threshold()[0] + 10)]
        assert collector.collect_due() is not None  # generation 0 (or older) was due
        assert collector.collect_due() is None
        del junk
    finally:
        collector.stop()
        collector.deleteLater()
