"""LedgerSession: owns the open Ledger and its undo stack, and announces every change with one signal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from factledger.core import Edit
from factledger.domain import Changes, UserError

if TYPE_CHECKING:
    from factledger.core import Ledger


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
    """The open ledger for the UI, and the only way the window changes it: `run` an edit.

    An edit built by `core.operations` is applied, put on the undo stack (unless it cannot be undone,
    like deleting a source) and announced; a refusal (`UserError`) is reported here, never by the caller.
    Sentences about work that is not an edit (a failed export, nothing to import) go through `tell`.

    Signals:
        changed: a mutation happened; carries the `Changes` it returned.
        ledger_replaced: a different ledger file was opened; everything shown is stale.
        failed: an expected error (a `UserError`) stopped an edit, undo or redo, or a sentence was told;
            carries its message.

    Attributes:
        ledger: the open `Ledger` (lives on the UI thread; background work opens its own).
        undo_stack: the `QUndoStack` of applied edits.
    """

    changed = Signal(object)
    """A mutation happened; the payload is the `Changes` it returned."""
    ledger_replaced = Signal()
    """Another ledger file was opened; every panel must reload."""
    failed = Signal(str)
    """An edit, undo or redo hit an expected error, or `tell` was called; the payload is the message to show."""

    def __init__(self, ledger: Ledger, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.undo_stack = QUndoStack(self)

    @property
    def path(self) -> Path:
        return self.ledger.path

    def run(self, edit: Edit | Callable[[], Edit], *, initiator: str | None = None) -> Changes | None:
        """Apply an edit, put it on the undo stack and announce what changed; None when it was refused.

        `edit` may be a builder (`lambda: operations.edit_claim(...)`) when building it checks typed
        values: a refusal while building is reported like one while applying. `initiator` names what the
        person did, in their words, for Edit ▸ Undo (the edit's own description otherwise). An edit that
        cannot be undone is applied once and kept off the stack; the edits already on it stay.
        A `UserError` is shown through `failed`; nothing is pushed and nothing was written.
        """
        try:
            built = edit if isinstance(edit, Edit) else edit()
            changes = self.ledger.apply(built)
        except UserError as error:
            self.failed.emit(error.message)
            return None
        if built.undoable:
            self.undo_stack.push(EditCommand(self, built, initiator))
        self.changed.emit(changes)
        return changes

    def tell(self, message: str) -> None:
        """Show the person a sentence about work that is not an edit (nothing to import, a file not saved)."""
        self.failed.emit(message)

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
