"""ImportFlow: runs imports in the background on the open ledger's file and reports what happened."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from factledger.core.article_inputs import import_summary, split_articles
from factledger.domain import Changes, UserError
from factledger.reading import ImportInput

from .background import LedgerJob, LedgerWork, on_ledger
from .services import LedgerServices, services_or_installed
from .session import LedgerSession
from .tasks import Cancelled, Progress, Task, TaskRunner, Work

if TYPE_CHECKING:
    from factledger.core import ImportResult, Ledger


def import_job(inputs: Sequence[ImportInput]) -> LedgerJob:
    """The background half: imports the inputs on the worker's own connection, reporting each one."""
    items = list(inputs)

    def job(ledger: Ledger, progress: Progress, cancelled: Cancelled) -> list[ImportResult]:
        return ledger.import_inputs(
            items,
            progress=lambda done, total, result: progress(done, total, result.label),
            cancelled=cancelled,
        )

    return job


def import_work(
    path: Path, actor: str, inputs: Sequence[ImportInput], services: LedgerServices | None = None
) -> Work:
    """`import_job` as a task's work on its own connection to `path` (scripts and tests run it directly)."""
    return on_ledger(services_or_installed(services).open_ledger, path, actor, import_job(inputs))


class ImportFlow(QObject):
    """Starts imports and turns their results into `Changes` on the session and failure reports.

    Signals:
        import_failed: one input could not be imported; carries its label and the reason.
        import_finished: an import run ended; carries the list of ImportResult.
        summary_ready: after import_finished, the sentence for the status line.
    """

    import_failed = Signal(str, str)
    """One input failed; the payload is its label and the sentence saying why."""
    import_finished = Signal(object)
    """An import run ended (maybe cancelled); the payload is the list of ImportResult."""
    summary_ready = Signal(str)
    """The sentence saying what an import run did (imported, duplicates, skipped, failed, cancelled)."""

    def __init__(
        self,
        session: LedgerSession,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        services: LedgerServices | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._work = LedgerWork(runner, services, session=session)

    def start(self, given: Sequence[ImportInput]) -> Task | None:
        """Import the articles among the inputs; data and project files are skipped and said so."""
        inputs, skipped = split_articles(given)
        if not inputs:
            if skipped:
                self.summary_ready.emit(import_summary([], skipped, requested=0))
            else:
                self._session.tell("There was nothing to import in what was dropped or pasted.")
            return None
        label = inputs[0].label if len(inputs) == 1 else f"{len(inputs)} inputs"
        ledger = self._session.ledger
        requested = len(inputs)

        def finished(results: list[ImportResult]) -> None:
            self._on_task_finished(results)
            self.summary_ready.emit(
                import_summary([r.outcome for r in results], skipped, requested=requested)
            )

        return self._work.start(
            f"Importing {label}",
            import_job(inputs),
            path=ledger.address,
            actor=ledger.actor,
            writes=True,
            on_finished=finished,
            on_expected=self._on_task_refused,
        )

    def _on_task_finished(self, results: list[ImportResult]) -> None:
        changes = Changes()
        for result in results:
            changes = changes | result.changes
            if result.source_id:
                changes = changes | Changes(sources=frozenset({result.source_id}))
            if result.outcome == "failed":
                self.import_failed.emit(result.label, result.message)
            if result.edit is not None:  # a new version of a source: undoable like the ledger's other edits
                self._session.push_applied(
                    result.edit, Changes(), text=f"New version of {result.title or result.label}"
                )
        self._session.notify(changes)
        self.import_finished.emit(results)

    def _on_task_refused(self, error: UserError) -> None:
        """An expected error stopped the whole run (the ledger is locked, say): one failure line."""
        self.import_failed.emit("Import", error.message)
        self.import_finished.emit([])
