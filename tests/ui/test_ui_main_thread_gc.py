"""Cycles are freed on the GUI thread only, never by a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from factledger.ui.main_thread_gc import MainThreadCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector can free it


def _garbage_cycle(freed_on: list[str]) -> None:
    node = _Node()
    weakref.finalize(node, lambda: freed_on.append(threading.current_thread().name))


def test_a_worker_allocating_past_the_threshold_does_not_collect(qtbot: Any) -> None:
    """A worker thread allocating far past the collection threshold frees no cycles; the GUI thread frees
    them on its next tick."""
    collector = MainThreadCollector(interval_ms=20)
    collector.start()
    try:
        assert not gc.isenabled()
        freed_on: list[str] = []
        _garbage_cycle(freed_on)

        kept: list[list[object]] = []

        def churn() -> None:
            kept.extend([] for _ in range(50_000))  # live objects: far past generation 0's threshold

        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert freed_on == []
        qtbot.waitUntil(lambda: bool(freed_on), timeout=30_000)  # generous: a loaded machine delays the timer
        assert freed_on == [threading.main_thread().name]
        assert len(kept) == 50_000
    finally:
        collector.stop()
        collector.deleteLater()


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
