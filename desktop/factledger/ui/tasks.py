"""The one way into the background: plain work functions on thread pools, results back by signal.

A work function receives two plain callables, `progress(done, total, label)` and `cancelled()`, and never a
widget. Work that touches the ledger goes through `ui.background.LedgerWork`, which opens the worker's own
connection (SQLite connections are never shared across threads) with the opener the app injected, and
runs every write on one writer thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]


class Task(QObject):
    """One piece of background work as the UI sees it: progress, result or error, and a cancel.

    Signals:
        progressed: (done, total, label) while the work runs.
        finished: the work returned; carries its result.
        failed: the work raised; carries the exception (a UserError is expected, anything else a bug).
    """

    progressed = Signal(int, int, str)
    """The work reported progress: done, total and what it is working on."""
    finished = Signal(object)
    """The work returned; the payload is its result."""
    failed = Signal(object)
    """The work raised; the payload is the exception."""

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        """Ask the work to stop at its next check; what it finished so far stays finished."""
        self._cancel.set()

    def check_cancelled(self) -> bool:
        """Safe to call from the worker thread: a threading.Event, not a Qt object."""
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Work) -> None:
        super().__init__()
        self._task = task
        self._work = work

    def run(self) -> None:
        task = self._task
        try:
            result = self._work(task.progressed.emit, task.check_cancelled)
        except Exception as error:  # handed to the UI thread, which tells expected errors from bugs
            task.failed.emit(error)
        else:
            task.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks on its own thread pools and keeps them alive until they report back.

    Reads run on a small pool; writes run one at a time on a pool of one thread (the single writer), so two
    background writers never wait on each other's SQLite lock and their effects land in the order asked.

    Signals:
        active_changed: the number of running tasks changed.
        task_started: a task was started; carries the Task.
    """

    active_changed = Signal(int)
    """The number of running tasks changed; the payload is the new number."""
    task_started = Signal(object)
    """A task was started; the payload is the `Task`, so a status bar can follow it."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # Two threads on a two-core laptop: an import and an export can overlap without starving the UI.
        self._pool.setMaxThreadCount(max_threads)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._tasks: list[Task] = []

    def start(
        self,
        label: str,
        work: Work,
        *,
        on_progressed: Callable[[int, int, str], None] | None = None,
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        writes: bool = False,
    ) -> Task:
        """Run `work` in the background; the `on_*` slots hear its progress and outcome on the UI thread.

        `writes` queues it on the single writer thread (after every write asked before it); reads share
        the pool and may run beside a write.

        Pass the slots here rather than connecting to the returned task: a signal emitted by the worker
        reaches only the connections that exist at that moment, so a quick import could finish before a
        connection made after `start` returns, and its result would be lost (an import that never reports back).
        """
        task = Task(label, self)
        # Slots on the UI thread: the cross-thread emit is queued to it. The caller's slots come first, so
        # they run before the runner's own, which lets the task go.
        for signal, slot in (
            (task.progressed, on_progressed),
            (task.finished, on_finished),
            (task.failed, on_failed),
        ):
            if slot is not None:
                signal.connect(slot)
        task.finished.connect(self._on_task_finished)
        task.failed.connect(self._on_task_finished)
        self._tasks.append(task)
        self.active_changed.emit(len(self._tasks))
        self.task_started.emit(task)
        (self._writer if writes else self._pool).start(_Runnable(task, work))
        return task

    @property
    def tasks(self) -> list[Task]:
        return list(self._tasks)

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel()

    def shutdown(self) -> None:
        """Cancel everything and join the threads, so no work outlives the window that started it.

        Queued work still runs but sees the cancel at its first check, so every task reports back: its
        `finished`/`failed` signal is queued to the UI thread, and what was imported before the cancel is
        announced when the event loop next runs.
        """
        self.cancel_all()
        self._writer.waitForDone()
        self._pool.waitForDone()

    def _on_task_finished(self, _payload: object) -> None:
        task = self.sender()
        if not isinstance(task, Task):
            return
        task.done = True
        if task in self._tasks:
            self._tasks.remove(task)
            self.active_changed.emit(len(self._tasks))
        task.deleteLater()
