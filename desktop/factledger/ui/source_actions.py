"""The actions on the chosen source: correct its details, save its original file, delete it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from factledger.core import operations
from factledger.domain import ClaimFilter, UserError

from .session import LedgerSession
from .source_dialog import SourceDetailsDialog


class SourceActions(QObject):
    """One set of QActions shared by the Source menu and the sources list's context menu.

    `current` says which source they act on; they are enabled only while there is one.
    """

    def __init__(self, session: LedgerSession, current: Callable[[], str | None], parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._current = current
        self._parent = parent
        self.dialog: SourceDetailsDialog | None = None
        self.details_action = QAction("Source &details…", parent)
        self.details_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.details_action.setStatusTip("Correct the title, outlet, address, publication date or authors")
        self.details_action.triggered.connect(self.edit_details)
        self.save_original_action = QAction("&Save original file…", parent)
        self.save_original_action.setStatusTip("Save the file exactly as it was imported")
        self.save_original_action.triggered.connect(self.save_original)
        self.delete_action = QAction("D&elete source…", parent)
        self.delete_action.setStatusTip("Remove the source with its facts and suggestions (cannot be undone)")
        self.delete_action.triggered.connect(self.delete)
        self.update_enabled()

    @property
    def actions(self) -> tuple[QAction, ...]:
        return (self.details_action, self.save_original_action, self.delete_action)

    def update_enabled(self) -> None:
        has_source = self._current() is not None
        for action in self.actions:
            action.setEnabled(has_source)

    def edit_details(self) -> None:
        source_id = self._current()
        if source_id is None:
            return
        dialog = SourceDetailsDialog(self._session.ledger.source(source_id), self._parent)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.values():
            return
        reason = dialog.reason.text().strip() or None
        self._session.run(
            lambda: operations.edit_source(source_id=source_id, reason=reason, **dialog.values()),
            initiator="Edit source details",
        )

    def save_original(self) -> None:
        source_id = self._current()
        if source_id is None:
            return
        source = self._session.ledger.source(source_id)
        original = self._session.ledger.original(source_id)
        if original is None:
            self._session.tell("This source was pasted as text; there is no original file to save.")
            return
        suggested = source.file_name or f"{source_id}.txt"
        path, _ = QFileDialog.getSaveFileName(self._parent, "Save original file", suggested)
        if path:
            try:
                Path(path).write_bytes(original)
            except OSError as error:
                self._session.tell(f"Could not save {path}: {error.strerror or error}.")

    def delete(self) -> None:
        source_id = self._current()
        if source_id is None:
            return
        # This source's counts only: summarising every source costs most of a second at 100,000 of them.
        ledger = self._session.ledger
        try:
            source = ledger.source(source_id)
        except UserError as error:  # gone meanwhile (another window, a script)
            self._session.tell(error.message)
            return
        facts = ledger.count_claims(ClaimFilter(source_ids=frozenset({source_id})))
        open_suggestions = len(ledger.suggestions(source_id))
        name = source.title or source.file_name or source_id
        answer = QMessageBox.question(
            self._parent,
            "Delete source",
            f"Delete “{name}” with its {facts:,} facts and {open_suggestions:,} open "
            "suggestions?\n\nThis cannot be undone; the history keeps a record of what was removed.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._session.run(operations.delete_source(source_id=source_id))
