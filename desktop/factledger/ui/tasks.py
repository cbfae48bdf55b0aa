"""The one way into the background: plain work functions on a thread pool, results back by signal.

A work function receives two plain callables, `progress(done, total, label)` and `cancelled()`, and never a
widget. Anything that touches the ledger opens its own `Ledger` inside the work function, because SQLite
connections are never shared across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

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
    """Starts tasks on its own thread pool and keeps them alive until they report back.

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
        self._tasks: list[Task] = []
        self._waiting: list[_Runnable] = []

    def start(self, label: str, work: Work) -> Task:
        """Run `work` in the background from the next event-loop turn; connect to the returned task meanwhile.

        The work is handed to a thread only once control is back in the event loop. A signal emitted by
        another thread reaches only the connections that exist at that moment, so starting at once would
        let a quick import finish before its caller had connected `finished`, and the result would be lost.
        """
        task = Task(label, self)
        # Bound methods of objects on the UI thread: the cross-thread emit is queued to this thread.
        task.finished.connect(self._on_task_finished)
        task.failed.connect(self._on_task_finished)
        self._tasks.append(task)
        self._waiting.append(_Runnable(task, work))
        QTimer.singleShot(0, self, self._launch_waiting)
        self.active_changed.emit(len(self._tasks))
        self.task_started.emit(task)
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
        `finished`/`failed` signal arrives afterwards and what was imported before the cancel is announced.
        """
        self.cancel_all()
        self._launch_waiting()
        self._pool.waitForDone()

    def _launch_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for runnable in waiting:
            self._pool.start(runnable)

    def _on_task_finished(self, _payload: object) -> None:
        task = self.sender()
        if not isinstance(task, Task):
            return
        task.done = True
        if task in self._tasks:
            self._tasks.remove(task)
            self.active_changed.emit(len(self._tasks))
        task.deleteLater()
