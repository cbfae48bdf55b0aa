"""Source > Versions… and Check for changes: fetch web sources again off the UI thread, show what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from factledger.domain import Changes, UserError

from .background import LedgerJob, LedgerWork, told_by
from .services import LedgerServices
from .session import LedgerSession
from .tasks import Cancelled, Progress, TaskRunner
from .versions_dialog import VersionsDialog

if TYPE_CHECKING:
    from factledger.core import Ledger, RefreshResult


def refresh_job(source_ids: list[str] | None) -> LedgerJob:
    """The background half, on the worker's own connection: fetch the sources again, add changed versions."""

    def job(ledger: Ledger, progress: Progress, cancelled: Cancelled) -> list[RefreshResult]:
        return ledger.refresh(
            source_ids,
            progress=lambda done, total, result: progress(done, total, result.label),
            cancelled=cancelled,
        )

    return job


def refresh_summary(results: list[RefreshResult]) -> str:
    """What a check found, one line per source, for the message box (and the tests)."""
    if not results:
        return "No source in this ledger has a web address to check."
    return "\n".join(r.message for r in results)


class VersionActions(QObject):
    """The versions actions of the Source menu; `current` says which source they act on."""

    def __init__(
        self,
        session: LedgerSession,
        runner: TaskRunner,
        current: Callable[[], str | None],
        parent: QWidget,
        *,
        services: LedgerServices | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._work = LedgerWork(runner, services, session=session, tell=told_by(session))
        self._current = current
        self._parent = parent
        self.dialog: VersionsDialog | None = None
        self.last_results: list[RefreshResult] = []
        self.versions_action = QAction("&Versions…", parent)
        self.versions_action.setStatusTip("Read each version of the source and what changed between them")
        self.versions_action.triggered.connect(self.show_versions)
        self.check_action = QAction("Check for &changes", parent)
        self.check_action.setStatusTip(
            "Fetch the source's web page again and add a version if its text changed"
        )
        self.check_action.triggered.connect(lambda: self.check(all_sources=False))
        self.check_all_action = QAction("Check &all sources for changes", parent)
        self.check_all_action.setStatusTip("Fetch every web source again; changed ones get a new version")
        self.check_all_action.triggered.connect(lambda: self.check(all_sources=True))

    @property
    def actions(self) -> tuple[QAction, ...]:
        return (self.versions_action, self.check_action, self.check_all_action)

    def show_versions(self) -> None:
        source_id = self._current()
        if source_id is None:
            return
        try:
            self.dialog = VersionsDialog(self._session.ledger, source_id, self._parent)
        except UserError as error:
            self._session.tell(error.message)
            return
        self.dialog.show()

    def check(self, *, all_sources: bool, quiet: bool = False) -> None:
        source_id = self._current()
        if not all_sources and source_id is None:
            self._session.tell("Choose a source in the sources list to check it for changes.")
            return
        ledger = self._session.ledger
        self._quiet = quiet
        self._work.start(
            "Checking sources for changes",
            refresh_job(None if all_sources else [str(source_id)]),
            path=ledger.address,
            actor=ledger.actor,
            writes=True,
            on_finished=self._on_finished,
        )

    def _on_finished(self, results: list[RefreshResult]) -> None:
        self.last_results = results
        for result in results:
            if result.edit is not None:
                self._session.push_applied(result.edit, result.changes, text=f"New version of {result.label}")
        self._session.notify(Changes(sources=frozenset(r.source_id for r in results)))
        if not getattr(self, "_quiet", False):
            QMessageBox.information(self._parent, "Check for changes", refresh_summary(results))
