"""Ledger work in the background: each job gets its own connection, writes queue on one writer thread, and one
place tells an expected error (shown to the person) from a bug (logged with its traceback).

Imports, version checks, exports, chart queries and the background check all go through here. A job is a
plain function of a worker `Ledger` plus the task's `progress` and `cancelled`; the connection is opened
with the opener the composition root injected (`LedgerServices.open_ledger`), on the worker thread, and
closed when the job returns, because SQLite connections are never shared across threads. The answer comes
back as the task's Qt signal on the UI thread.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factledger.domain import UserError

from .services import LedgerServices, OpenLedger, installed_services, worker_opener
from .tasks import Cancelled, Progress, Task, TaskRunner, Work

if TYPE_CHECKING:
    from factledger.core import Ledger
    from factledger.core.ledger import LedgerAddress

    from .session import LedgerSession

log = logging.getLogger("factledger.background")

LedgerJob = Callable[["Ledger", Progress, Cancelled], Any]
"""Background work on a worker's own ledger connection: (ledger, progress, cancelled) -> result."""
Expected = Callable[[UserError], None]
"""What to do with an expected error (a sentence for the person)."""

_LOGGED = "_factledger_bug_logged"


def told_by(session: LedgerSession) -> Callable[[str], None]:
    """A sentence shown to the person through `session.tell` (the window's status line and message box).

    The closure holds the session itself, so the sentence goes to whichever ledger the session shows then.
    """

    def tell(message: str) -> None:
        session.tell(message)

    return tell


def on_ledger(open_ledger: OpenLedger, path: Path | LedgerAddress, actor: str | None, job: LedgerJob) -> Work:
    """A task's work that opens its own connection to `path` (never creating the file), runs `job` on it
    and closes it, all on the worker thread. An open ledger is reopened by its `address` (a file's path,
    or a team ledger's connection, password included when one was typed), never by what it displays."""

    def work(progress: Progress, cancelled: Cancelled) -> Any:
        with open_ledger(path, actor=actor, create=False) as ledger:
            return job(ledger, progress, cancelled)

    return work


def log_bug(error: BaseException, label: str) -> None:
    """Write a bug with its traceback to the log (once: the crash handler skips an error logged here)."""
    if getattr(error, _LOGGED, False):
        return
    log.error(
        "%s failed (a bug in FactLedger)",
        label or "Background work",
        exc_info=(type(error), error, error.__traceback__),
    )
    with contextlib.suppress(AttributeError):  # a type with __slots__: may be logged twice, never lost
        setattr(error, _LOGGED, True)


def already_logged(error: BaseException) -> bool:
    """True for a bug `log_bug` already wrote down (the crash handler then only tells the person)."""
    return bool(getattr(error, _LOGGED, False))


def report_failure(error: BaseException, *, expected: Expected | None, label: str = "") -> None:
    """The one split of a failed background job: a `UserError` goes to `expected` (the person reads its
    sentence); anything else is a bug, logged with the worker's traceback and raised again on the UI thread
    so the crash handler tells the person."""
    if isinstance(error, UserError):
        if expected is not None:
            expected(error)
        else:
            log.info("%s: %s", label or "Background work", error.message)
        return
    log_bug(error, label)
    raise error


class LedgerWork:
    """Starts ledger jobs on the app's executor (a `TaskRunner` with one writer thread).

    Workers open their connections with `services.open_ledger` when services were injected, else with the
    engine of `session`'s ledger (see `worker_opener`). `tell` shows an expected error's sentence when a job
    gives no handler of its own (the session's `failed` signal in the app: the window's message box).
    """

    def __init__(
        self,
        runner: TaskRunner,
        services: LedgerServices | None = None,
        *,
        session: LedgerSession | None = None,
        tell: Callable[[str], None] | None = None,
    ) -> None:
        self.runner = runner
        self._services = services
        self._session = session
        self._expected = _shown_by(tell)

    def opener(self) -> OpenLedger:
        """The opener for the next job (asked at each start: the session may have switched ledgers)."""
        if self._session is not None:
            return worker_opener(self._services, self._session.ledger)
        return (self._services or installed_services()).open_ledger

    def start(
        self,
        label: str,
        job: LedgerJob,
        *,
        path: Path | LedgerAddress,
        actor: str | None = None,
        writes: bool,
        on_progressed: Callable[[int, int, str], None] | None = None,
        on_finished: Callable[[Any], None] | None = None,
        on_expected: Expected | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run `job` on its own connection to `path`; `writes` puts it on the single writer thread.

        A failure goes to `on_failed` when given (it may handle its own kinds and pass the rest to `report`),
        else straight to `report` with `on_expected` (default: `tell`).
        """
        expected = on_expected or self._expected

        # The slot holds only plain callables, not this object or the runner: a task's connection that kept
        # its runner alive would let a parentless runner outlive its test or window with queued signals.
        def failed(error: BaseException) -> None:
            report_failure(error, expected=expected, label=label)

        return self.runner.start(
            label,
            on_ledger(self.opener(), path, actor, job),
            writes=writes,
            on_progressed=on_progressed,
            on_finished=on_finished,
            on_failed=on_failed or failed,
        )

    def report(self, error: BaseException, *, expected: Expected | None = None, label: str = "") -> None:
        """`report_failure` with this object's `tell` as the default for expected errors."""
        report_failure(error, expected=expected or self._expected, label=label)


def _shown_by(tell: Callable[[str], None] | None) -> Expected:
    """An expected error's sentence handed to `tell`, or written to the log at INFO when nobody shows it."""

    def expected(error: UserError) -> None:
        if tell is not None:
            tell(error.message)
        else:
            log.info("%s", error.message)

    return expected
