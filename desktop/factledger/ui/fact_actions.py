"""FactActions: every triage and checking command as one QAction with its shortcut, for menus and context menus.

The same actions sit in the Fact menu, the reader's context menu and the facts table's context menu, so a
shortcut is shown wherever the command is, and works wherever the focus is (text fields keep their keys).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from factledger.domain import ClaimKind

if TYPE_CHECKING:
    from .main_window import MainWindow


class FactActions(QObject):
    """Owns the actions; each one calls the window's panels, which do the (undoable) work."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        reader = window.reader
        self.next_action = self._make("&Next suggestion", "J", reader.next_suggestion)
        self.previous_action = self._make("&Previous suggestion", "K", reader.previous_suggestion)
        self.accept_action = self._make("&Accept suggestion", "A", window.accept_suggestion)
        self.accept_edit_action = self._make("Accept with &edits…", "E", reader.accept_current_with_edit)
        self.dismiss_action = self._make("&Dismiss suggestion", "D", reader.dismiss_current)
        self.why_action = self._make("&Why suggested?", "W", reader.explain_current)
        self.log_actions = {
            kind: self._make(f"Log selection as {label}", key, self._logger(kind))
            for kind, label, key in (
                (ClaimKind.CLAIM, "&claim", "1"),
                (ClaimKind.STATISTIC, "&statistic", "2"),
                (ClaimKind.COMMITMENT, "co&mmitment", "3"),
            )
        }
        self.status_action = self._make("Set &status…", "S", window.set_status_of_chosen)
        self.evidence_action = self._make("Add e&vidence…", "V", window.add_evidence_to_chosen)
        self.link_action = self._make("&Link facts…", "Ctrl+L", window.link_chosen)
        self.delete_action = self._make("De&lete fact", "Ctrl+Del", window.delete_chosen)
        self.check_action = self._make("&Check ledger", "Ctrl+K", window.check_ledger)
        self.reader_action = self._make("Go to &reader", "Esc", window.focus_reader)
        self.table_action = self._make("Go to facts &table", "Ctrl+T", window.focus_table)

    def _make(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)  # active even while the menu bar is hidden or a panel has focus
        return action

    def _logger(self, kind: ClaimKind) -> Callable[[], object]:
        return lambda: self._window.reader.log_typed(kind)

    @property
    def suggestion_actions(self) -> tuple[QAction, ...]:
        return (
            self.next_action,
            self.previous_action,
            self.accept_action,
            self.accept_edit_action,
            self.dismiss_action,
            self.why_action,
        )

    @property
    def fact_actions(self) -> tuple[QAction, ...]:
        return (self.status_action, self.evidence_action, self.link_action, self.delete_action)

    def fill_menu(self, menu: QMenu) -> None:
        """The Fact menu: suggestions, logging, the chosen facts, the ledger, moving focus."""
        menu.addActions(list(self.suggestion_actions))
        menu.addSeparator()
        menu.addActions(list(self.log_actions.values()))
        menu.addSeparator()
        menu.addActions(list(self.fact_actions))
        menu.addSeparator()
        menu.addAction(self.check_action)
        menu.addSeparator()
        menu.addActions([self.reader_action, self.table_action])

    def reader_menu(self, menu: QMenu) -> None:
        """Appended to the reader's own Copy / Select All menu."""
        menu.addSeparator()
        menu.addActions(list(self.suggestion_actions))
        menu.addSeparator()
        menu.addActions(list(self.log_actions.values()))
        menu.addSeparator()
        menu.addActions(list(self.fact_actions))

    def table_menu(self, menu: QMenu) -> None:
        menu.addActions(list(self.fact_actions))
        menu.addSeparator()
        menu.addAction(self.check_action)
