"""ChartQueries: every chart's series query on a `ui.tasks` worker with its own Ledger; stale answers dropped.

A query is a plain function of a `Ledger` (it captures only plain data: a filter, a grouping, a window). The
worker opens its own connection to the session's file with the injected opener (`LedgerServices`), because
SQLite connections are never shared across threads, and the answer comes back by the task's signal. Each chart asks under its own key; a newer question
under a key supersedes the older one (a generation counter drops the older answer, and a queued older task is
cancelled before it starts). `close` cancels and joins everything this object started, so no query outlives
the window that asked it.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from factledger.domain import UserError
from factledger.ui.background import report_failure
from factledger.ui.services import LedgerServices, worker_opener
from factledger.ui.session import LedgerSession
from factledger.ui.tasks import Cancelled, Progress, Task, TaskRunner

if TYPE_CHECKING:
    from factledger.core import Ledger

Query = Callable[["Ledger"], Any]
Deliver = Callable[[Any], None]
Refuse = Callable[[str], None]


class _Skipped:
    """What a task returns when it was cancelled before it opened the ledger."""


SKIPPED = _Skipped()


@dataclass(frozen=True, slots=True)
class _Asked:
    key: str
    generation: int
    deliver: Deliver
    refuse: Refuse | None
    done: threading.Event


class ChartQueries(QObject):
    """Runs chart queries in the background and hands only the newest answer per key to the chart.

    Signals:
        busy_changed: whether any chart is waiting for an answer; carries the new state.

    Attributes:
        runner: the `TaskRunner` the queries run on (the app's, or one of its own when none was given).
    """

    busy_changed = Signal(bool)
    """Some chart started or stopped waiting for an answer; the payload is whether any still waits."""

    def __init__(
        self,
        session: LedgerSession,
        parent: QObject | None = None,
        *,
        runner: TaskRunner | None = None,
        services: LedgerServices | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._services = services
        self._owns_runner = runner is None
        self.runner = runner if runner is not None else TaskRunner(self)
        self._generations = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._asked: dict[Task, _Asked] = {}
        self._closed = False
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def closed(self) -> bool:
        return self._closed

    def in_flight(self) -> int:
        """Work started here that has not returned yet (answered or not): what `close` waits for."""
        return sum(not asked.done.is_set() for asked in self._asked.values())

    def ask(
        self, key: str, label: str, query: Query, deliver: Deliver, *, refuse: Refuse | None = None
    ) -> int:
        """Run `query` off the UI thread; `deliver` gets its answer unless a newer `ask` under `key` came first.

        `refuse` gets the message of a `UserError` (a ledger that vanished, say); any other error is a bug and
        is raised on the UI thread. Returns the generation of this question (0 once closed).
        """
        if self._closed:
            return 0
        generation = next(self._generations)
        self._latest[key] = generation
        for task, asked in self._asked.items():
            if asked.key == key:
                task.cancel()  # a queued older question skips its query; one already running finishes
        path = self._session.ledger.address  # a team ledger reconnects to its server, not to a file
        open_ledger = worker_opener(self._services, self._session.ledger)
        done = threading.Event()

        def work(_progress: Progress, cancelled: Cancelled) -> Any:
            try:
                if cancelled():
                    return SKIPPED
                with open_ledger(path, create=False) as ledger:
                    return query(ledger)
            finally:
                done.set()

        # Slots are given to start() so they are connected before the worker can report back.
        task = self.runner.start(
            label, work, on_finished=self._on_task_finished, on_failed=self._on_task_failed
        )
        self._asked[task] = _Asked(key, generation, deliver, refuse, done)
        self._set_busy()
        return generation

    def is_current(self, key: str, generation: int) -> bool:
        return not self._closed and self._latest.get(key) == generation

    def close(self) -> None:
        """Cancel every question, wait for work already running to return, and drop every later answer."""
        if self._closed:
            return
        self._closed = True
        for task, asked in list(self._asked.items()):
            task.cancel()
            asked.done.wait()
        if self._owns_runner:
            self.runner.shutdown()
        self._set_busy()

    def _take(self) -> _Asked | None:
        task = self.sender()
        asked = self._asked.pop(task, None) if isinstance(task, Task) else None
        self._set_busy()
        if asked is None or not self.is_current(asked.key, asked.generation):
            return None
        return asked

    def _on_task_finished(self, result: object) -> None:
        asked = self._take()
        if asked is not None and result is not SKIPPED:
            asked.deliver(result)

    def _on_task_failed(self, error: BaseException) -> None:
        asked = self._take()

        def refused(expected: UserError) -> None:  # a stale question's refusal is dropped like its answer
            if asked is not None and asked.refuse is not None:
                asked.refuse(expected.message)

        report_failure(error, expected=refused, label="A chart query")

    def _set_busy(self) -> None:
        busy = not self._closed and any(
            self._latest.get(asked.key) == asked.generation for asked in self._asked.values()
        )
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
