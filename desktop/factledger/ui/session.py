"""LedgerSession: owns the open Ledger and its undo stack, and announces every change with one signal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from factledger.core import Edit, Ledger
from factledger.domain import Changes, UserError


class EditCommand(QUndoCommand):
    """The one adapter from a Qt-free `Edit` to Qt's undo stack; the session does the applying."""

    def __init__(self, session: LedgerSession, edit: Edit, text: str | None = None) -> None:
        super().__init__(text or edit.description)
        self._session = session
        self._edit = edit
        self._first = True
        self.error: UserError | None = None

    def redo(self) -> None:
        if self._first:
            # The first apply happened before the push, so a failing edit never reaches the stack.
            self._first = False
            return
        self._session._run(self._edit, undo=False)

    def undo(self) -> None:
        self._session._run(self._edit, undo=True)


class LedgerSession(QObject):
    """The open ledger for the UI: every mutation goes through `apply` so it is undoable and announced.

    Signals:
        changed: a mutation happened; carries the `Changes` it returned.
        ledger_replaced: a different ledger file was opened; everything shown is stale.
        failed: an expected error (a `UserError`) stopped an edit, undo or redo; carries its message.

    Attributes:
        ledger: the open `Ledger` (lives on the UI thread; background work opens its own).
        undo_stack: the `QUndoStack` of applied edits.
    """

    changed = Signal(object)
    """A mutation happened; the payload is the `Changes` it returned."""
    ledger_replaced = Signal()
    """Another ledger file was opened; every panel must reload."""
    failed = Signal(str)
    """An edit, undo or redo hit an expected error; the payload is the message to show."""

    def __init__(self, ledger: Ledger, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.undo_stack = QUndoStack(self)

    @property
    def path(self) -> Path:
        return self.ledger.path

    def apply(self, edit: Edit, *, text: str | None = None) -> Changes:
        """Apply an edit, push it for undo and announce it; a UserError propagates and nothing is pushed."""
        changes = self.ledger.apply(edit)
        self.undo_stack.push(EditCommand(self, edit, text))
        self.changed.emit(changes)
        return changes

    def try_apply(self, edit: Edit | Callable[[], Edit], *, text: str | None = None) -> Changes | None:
        """Apply an edit (or build it first); an expected error is announced by `failed` and returns None."""
        try:
            return self.apply(edit if isinstance(edit, Edit) else edit(), text=text)
        except UserError as error:
            self.failed.emit(error.message)
            return None

    def push_applied(self, edit: Edit, changes: Changes, *, text: str | None = None) -> None:
        """Put an edit a background worker already applied (on its own connection) on the undo stack, and
        announce it: undo reverts it here like any other edit (a new version of a source, say)."""
        self.undo_stack.push(EditCommand(self, edit, text))
        self.notify(changes)

    def notify(self, changes: Changes) -> None:
        """Announce changes made outside the undo stack (imports done by a background worker)."""
        if not changes.empty:
            self.changed.emit(changes)

    def replace_ledger(self, ledger: Ledger) -> None:
        """Switch to another ledger file: the old one closes and the undo history is cleared."""
        old = self.ledger
        self.undo_stack.clear()
        self.ledger = ledger
        if old is not ledger:
            old.close()
        self.ledger_replaced.emit()
        self.changed.emit(Changes(ledger_replaced=True))

    def _run(self, edit: Edit, *, undo: bool) -> None:
        try:
            changes = self.ledger.revert(edit) if undo else self.ledger.apply(edit)
        except UserError as error:
            self.failed.emit(error.message)
            return
        self.changed.emit(changes)
