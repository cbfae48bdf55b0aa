"""MainMenus: the menu bar, its actions and shortcuts, and what each file-level command does."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from factledger import __version__
from factledger.reading import expand_inputs

from .export_dialog import ExportDialog
from .help_dialogs import HOW_TO_CHECK, HelpDialog, shortcut_sheet
from .ledger_recovery import open_ledger_asking
from .preferences_dialog import PreferencesDialog
from .restore_dialog import RestoreDialog
from .version_actions import VersionActions

if TYPE_CHECKING:
    from .main_window import MainWindow

RECENT_KEY = "ledgers/recent"
MAX_RECENT = 8
IMPORT_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.eml *.docx);;All files (*)"


def recent_ledgers(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    items: list[object] = (
        [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    )
    return [str(item) for item in items if item]


def last_ledger(settings: QSettings) -> Path | None:
    """The ledger used last, if its file is still there: the app opens it when launched without --ledger."""
    for path in recent_ledgers(settings):
        if Path(path).is_file():
            return Path(path)
    return None


def remember_ledger(settings: QSettings, path: Path) -> None:
    recent = [str(path), *(p for p in recent_ledgers(settings) if p != str(path))]
    settings.setValue(RECENT_KEY, recent[:MAX_RECENT])


class MainMenus(QObject):
    """Owns the actions so MainWindow stays an assembly of panels."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.export_dialog: ExportDialog | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        bar = window.menuBar()
        session = window.session
        file_menu = bar.addMenu("&File")
        self.new_action = self._action(
            file_menu, "&New ledger…", QKeySequence.StandardKey.New, self.new_ledger
        )
        self.open_action = self._action(
            file_menu, "&Open ledger…", QKeySequence.StandardKey.Open, self.open_ledger
        )
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, "&Import…", "Ctrl+I", self.import_files)
        self.export_action = self._action(file_menu, "&Export fact sheet…", "Ctrl+E", self.open_export)
        self.restore_action = self._action(file_menu, "Restore from &backup…", None, self.open_restore)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, window.close)
        edit_menu = bar.addMenu("&Edit")
        self.undo_action = session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.paste_action = self._action(
            edit_menu, "&Paste article", QKeySequence.StandardKey.Paste, window.paste_clipboard
        )
        self.find_action = self._action(
            edit_menu, "&Find…", QKeySequence.StandardKey.Find, window.focus_search
        )
        edit_menu.addSeparator()
        self._action(edit_menu, "Pr&eferences…", QKeySequence.StandardKey.Preferences, self.open_preferences)
        source_menu = bar.addMenu("&Source")
        source_menu.addActions(list(window.sources.source_actions.actions))
        self.version_actions = VersionActions(
            session, window.runner, window.sources.current_source_id, window
        )
        source_menu.addSeparator()
        source_menu.addActions(list(self.version_actions.actions))
        self.fact_menu = bar.addMenu("F&act")
        window.fact_actions.fill_menu(self.fact_menu)
        view_menu = bar.addMenu("&View")
        view_menu.addAction(window.failures_dock.toggleViewAction())
        help_menu = bar.addMenu("&Help")
        self.shortcuts_action = self._action(
            help_menu, "&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents, self.show_shortcuts
        )
        self._action(help_menu, "&How to check a fact", None, self.show_how_to)
        help_menu.addSeparator()
        self._action(help_menu, "&About FactLedger", None, self.about)
        self.help_dialog: HelpDialog | None = None

    def _action(self, menu: QMenu, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- ledgers ------------------------------------------------------------------------------------------
    def new_ledger(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._window,
            "New ledger",
            str(self._window.session.path.parent),
            "FactLedger ledgers (*.sqlite *.factledger);;All files (*)",
        )
        if chosen:
            self.switch_to(Path(chosen), create=True)

    def open_ledger(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self._window,
            "Open ledger",
            str(self._window.session.path.parent),
            "FactLedger ledgers (*.sqlite *.factledger);;All files (*)",
        )
        if chosen:
            self.switch_to(Path(chosen), create=False)

    def switch_to(self, path: Path, *, create: bool) -> bool:
        session = self._window.session
        ledger = open_ledger_asking(
            self._window, path, actor=session.ledger.actor, create=create, tell=session.tell
        )
        if ledger is None:  # declined, or a sentence was shown
            return False
        session.replace_ledger(ledger)  # the window remembers it among the recent ledgers
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_ledgers(self._window.settings):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.switch_to(Path(p), create=False))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent ledgers").setEnabled(False)

    # -- import / export ----------------------------------------------------------------------------------
    def import_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self._window, "Import articles", "", IMPORT_FILTER)
        if chosen:
            self._window.import_flow.start(expand_inputs(chosen))

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self._window.session, self._window.runner, self._window)
        dialog.export_finished.connect(self._on_export_dialog_export_finished)
        self.export_dialog = dialog
        dialog.show()
        return dialog

    def open_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self._window.session, self._window.runner, self._window)
        dialog.restored.connect(
            lambda aside: self._window.statusBar().showMessage(
                f"Restored from backup; the previous file was kept as {aside}" if aside else "Restored", 10000
            )
        )
        dialog.open()
        return dialog

    def _on_export_dialog_export_finished(self, path: str, rows: int) -> None:
        self._window.statusBar().showMessage(f"Exported {rows:,} facts to {path}", 8000)

    # -- preferences and about ----------------------------------------------------------------------------
    def open_preferences(self) -> PreferencesDialog:
        session = self._window.session
        dialog = PreferencesDialog(
            self._window.settings, current_name=session.ledger.actor, parent=self._window
        )
        dialog.accepted.connect(lambda: setattr(session.ledger, "actor", dialog.reviewer_name()))
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def show_shortcuts(self) -> HelpDialog:
        menus = [a.menu() for a in self._window.menuBar().actions()]
        actions = [a for menu in menus if isinstance(menu, QMenu) for a in menu.actions()]
        return self._show_help("Keyboard shortcuts", shortcut_sheet(actions))

    def show_how_to(self) -> HelpDialog:
        return self._show_help("How to check a fact", HOW_TO_CHECK)

    def _show_help(self, title: str, page: str) -> HelpDialog:
        dialog = HelpDialog(title, page, self._window)
        self.help_dialog = dialog
        dialog.show()
        return dialog

    def about(self) -> None:
        QMessageBox.about(
            self._window,
            "About FactLedger",
            f"<h3>FactLedger {__version__}</h3><p>Find, verify and export the facts in news articles. Every fact "
            "keeps its exact quote, its sourcing and the history of how it was checked.</p>"
            f"<p>Ledger: {self._window.session.path}</p>",
        )
