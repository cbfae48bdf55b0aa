"""MainMenus: the menu bar, its actions and shortcuts, and what each file-level command does.

The menus are given the actions and callables they show, never the window: the window assembles panels and
hands over what the menus need, so neither module imports the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMenuBar, QMessageBox, QWidget

from factledger import __version__
from factledger.reading import ImportInput, expand_inputs

from .export_dialog import ExportDialog
from .help_dialogs import HOW_TO_CHECK, HelpDialog, shortcut_sheet
from .ledger_commands import LedgerCommands
from .preferences_dialog import PreferencesDialog
from .recent_ledgers import RecentLedgers
from .restore_dialog import RestoreDialog
from .services import LedgerServices
from .session import LedgerSession
from .tasks import TaskRunner
from .version_actions import VersionActions

IMPORT_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.eml *.docx);;All files (*)"


def recent_ledgers(settings: QSettings) -> list[str]:
    """The recently opened ledgers, newest first (see `RecentLedgers`)."""
    return RecentLedgers(settings).paths()


def last_ledger(settings: QSettings) -> Path | None:
    """The ledger used last, if its file is still there: the app opens it when launched without --ledger."""
    return RecentLedgers(settings).last()


def remember_ledger(settings: QSettings, path: Path) -> None:
    """Put `path` first among the recent ledgers."""
    RecentLedgers(settings).remember(path)


@dataclass(frozen=True, slots=True)
class MenuCalls:
    """What the menus ask of the window they sit in, as plain callables.

    Attributes:
        close: closes the window (File > Quit).
        paste: imports what the clipboard holds.
        find: moves the focus to the facts search.
        import_inputs: imports the chosen files.
        show_message: a sentence in the status line for some milliseconds.
        open_log_folder: shows the folder of the log file in the system's file manager.
    """

    close: Callable[[], object]
    paste: Callable[[], object]
    find: Callable[[], object]
    import_inputs: Callable[[Sequence[ImportInput]], object]
    show_message: Callable[[str, int], None]
    open_log_folder: Callable[[], object]


class MainMenus(QObject):
    """Owns the menu actions; the commands they run are the injected `LedgerCommands`, dialogs, and calls.

    Attributes:
        version_actions: the Source menu's versions actions (given, shown here).
        export_dialog, preferences_dialog, help_dialog: the last such dialog opened, for tests and reuse.
    """

    def __init__(
        self,
        bar: QMenuBar,
        dialog_parent: QWidget,
        *,
        session: LedgerSession,
        settings: QSettings,
        commands: LedgerCommands,
        runner: TaskRunner,
        services: LedgerServices | None,
        calls: MenuCalls,
        source_actions: Sequence[QAction],
        version_actions: VersionActions,
        fill_fact_menu: Callable[[QMenu], None],
        view_actions: Sequence[QAction],
    ) -> None:
        super().__init__(dialog_parent)
        self._bar = bar
        self._parent = dialog_parent
        self._session = session
        self._settings = settings
        self._commands = commands
        self._runner = runner
        self._services = services
        self._calls = calls
        self.export_dialog: ExportDialog | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        file_menu = bar.addMenu("&File")
        self.new_action = self._action(
            file_menu, "&New ledger…", QKeySequence.StandardKey.New, commands.new_ledger
        )
        self.open_action = self._action(
            file_menu, "&Open ledger…", QKeySequence.StandardKey.Open, commands.open_ledger
        )
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.connect_action = self._action(
            file_menu, "&Connect to team ledger…", None, commands.connect_team_ledger
        )
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, "&Import…", "Ctrl+I", self.import_files)
        self.export_action = self._action(file_menu, "&Export fact sheet…", "Ctrl+E", self.open_export)
        self.restore_action = self._action(file_menu, "Restore from &backup…", None, self.open_restore)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, calls.close)
        edit_menu = bar.addMenu("&Edit")
        self.undo_action = session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.paste_action = self._action(
            edit_menu, "&Paste article", QKeySequence.StandardKey.Paste, calls.paste
        )
        self.find_action = self._action(edit_menu, "&Find…", QKeySequence.StandardKey.Find, calls.find)
        edit_menu.addSeparator()
        self._action(edit_menu, "Pr&eferences…", QKeySequence.StandardKey.Preferences, self.open_preferences)
        source_menu = bar.addMenu("&Source")
        source_menu.addActions(list(source_actions))
        self.version_actions = version_actions
        source_menu.addSeparator()
        source_menu.addActions(list(version_actions.actions))
        self.fact_menu = bar.addMenu("F&act")
        fill_fact_menu(self.fact_menu)
        view_menu = bar.addMenu("&View")
        view_menu.addActions(list(view_actions))
        self.help_menu = bar.addMenu("&Help")
        self.shortcuts_action = self._action(
            self.help_menu, "&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents, self.show_shortcuts
        )
        self._action(self.help_menu, "&How to check a fact", None, self.show_how_to)
        self.help_menu.addSeparator()
        self.log_folder_action = self._action(self.help_menu, "Open &log folder", None, calls.open_log_folder)
        self.log_folder_action.setStatusTip(
            "Show the folder of FactLedger's log file, to attach it to a report"
        )
        self._action(self.help_menu, "&About FactLedger", None, self.about)
        self.help_dialog: HelpDialog | None = None

    def _action(self, menu: QMenu, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self._parent)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- ledgers ------------------------------------------------------------------------------------------
    def switch_to(self, path: Path, *, create: bool) -> bool:
        """Open another ledger in the window (see `LedgerCommands.switch_to`)."""
        return self._commands.switch_to(path, create=create)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self._commands.recent_paths():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self._commands.open_recent(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent ledgers").setEnabled(False)

    # -- import / export ----------------------------------------------------------------------------------
    def import_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self._parent, "Import articles", "", IMPORT_FILTER)
        if chosen:
            self._calls.import_inputs(expand_inputs(chosen))

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self._session, self._runner, self._parent, services=self._services)
        dialog.export_finished.connect(self._on_export_dialog_export_finished)
        self.export_dialog = dialog
        dialog.show()
        return dialog

    def open_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self._session, self._runner, self._parent, services=self._services)
        dialog.restored.connect(
            lambda aside: self._calls.show_message(
                f"Restored from backup; the previous file was kept as {aside}" if aside else "Restored", 10000
            )
        )
        dialog.open()
        return dialog

    def _on_export_dialog_export_finished(self, path: str, rows: int) -> None:
        self._calls.show_message(f"Exported {rows:,} facts to {path}", 8000)

    # -- preferences and about ----------------------------------------------------------------------------
    def open_preferences(self) -> PreferencesDialog:
        session = self._session
        dialog = PreferencesDialog(self._settings, current_name=session.ledger.actor, parent=self._parent)
        dialog.accepted.connect(lambda: setattr(session.ledger, "actor", dialog.reviewer_name()))
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def show_shortcuts(self) -> HelpDialog:
        menus = [a.menu() for a in self._bar.actions()]
        actions = [a for menu in menus if isinstance(menu, QMenu) for a in menu.actions()]
        return self._show_help("Keyboard shortcuts", shortcut_sheet(actions))

    def show_how_to(self) -> HelpDialog:
        return self._show_help("How to check a fact", HOW_TO_CHECK)

    def _show_help(self, title: str, page: str) -> HelpDialog:
        dialog = HelpDialog(title, page, self._parent)
        self.help_dialog = dialog
        dialog.show()
        return dialog

    def about(self) -> None:
        QMessageBox.about(
            self._parent,
            "About FactLedger",
            f"<h3>FactLedger {__version__}</h3><p>Find, verify and export the facts in news articles. Every fact "
            "keeps its exact quote, its sourcing and the history of how it was checked.</p>"
            f"<p>Ledger: {self._session.ledger.location}</p>",
        )
