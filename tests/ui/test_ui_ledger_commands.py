"""Ledger commands out of the window: one way to open a ledger, the recent list, the menus given callables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import grimp
from PySide6.QtCore import QEvent, QObject, QSettings, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFileOpenEvent
from PySide6.QtWidgets import QApplication

from factledger.app import FileOpenFilter
from factledger.core import Ledger
from factledger.ui.recent_ledgers import MAX_RECENT, RecentLedgers


def test_the_recent_list_puts_the_newest_first_without_duplicates_and_keeps_eight(tmp_path: Path) -> None:
    """Remembering a ledger again moves it to the front; the ninth oldest falls off; `last` skips a gone file."""
    recent = RecentLedgers(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    paths = [tmp_path / f"l{n}.factledger" for n in range(MAX_RECENT + 1)]
    for path in paths:
        recent.remember(path)
    recent.remember(paths[3])
    listed = recent.paths()
    assert listed[0] == str(paths[3]) and len(listed) == MAX_RECENT == len(set(listed))
    assert str(paths[0]) not in listed
    assert recent.last() is None  # none of these files exists
    paths[5].write_bytes(b"")
    assert recent.last() == paths[5]


def test_switching_ledgers_uses_the_reviewer_name_in_use_now_not_the_one_at_launch(
    qtbot, make_window, tmp_path: Path
) -> None:
    """The name changed in the preferences after launch is the one written into the other ledger's history."""
    other = tmp_path / "other.factledger"
    Ledger.open(other, actor="Test Reviewer").close()
    window = make_window(actor="Launch Name")
    window.session.ledger.actor = "Renamed Reviewer"
    with qtbot.waitSignal(window.session.ledger_replaced):
        assert window.ledger_commands.switch_to(other, create=False)
    assert window.session.path == other and window.session.ledger.actor == "Renamed Reviewer"
    assert window.ledger_commands.recent.paths()[0] == str(other)


def test_a_file_opened_by_the_system_goes_through_the_same_command(
    qtbot, make_window, tmp_path: Path
) -> None:
    """A double-clicked ledger (QFileOpenEvent) opens as File > Open does, with the current reviewer name; a
    missing one is told, not created."""
    other = tmp_path / "finder.factledger"
    Ledger.open(other, actor="Test Reviewer").close()
    window = make_window(actor="Launch Name")
    window.session.ledger.actor = "Renamed Reviewer"  # the preferences changed it after launch
    handler = FileOpenFilter(window.ledger_commands.open_path)
    with qtbot.waitSignal(window.session.ledger_replaced):
        assert handler.eventFilter(QApplication.instance(), QFileOpenEvent(str(other)))
    assert window.session.path == other and window.session.ledger.actor == "Renamed Reviewer"
    missing = tmp_path / "missing.factledger"
    with qtbot.waitSignal(window.session.failed):
        handler.eventFilter(QApplication.instance(), QFileOpenEvent(str(missing)))
    assert window.session.path == other and not missing.exists()
    assert not handler.eventFilter(QApplication.instance(), QEvent(QEvent.Type.Show))


def test_the_menus_never_import_the_window() -> None:
    """MainMenus gets actions and callables: not even a type-only import of main_window is left in it."""
    graph = grimp.build_graph("factledger", exclude_type_checking_imports=False)
    assert not graph.direct_import_exists(
        importer="factledger.ui.main_menus", imported="factledger.ui.main_window"
    )
    assert graph.direct_import_exists(
        importer="factledger.ui.main_window", imported="factledger.ui.main_menus"
    )


class _UrlCatcher(QObject):
    """Stands in for the system's file manager: records the URLs QDesktopServices is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_open_log_folder_shows_the_log_folder(make_window: Any) -> None:
    """Help > Open log folder makes the folder if need be and hands it to the system's file manager."""
    window = make_window()
    action = window.menus.log_folder_action
    assert action in window.menus.help_menu.actions() and action.text() == "Open &log folder"
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    folder = Path(os.environ["FACTLEDGER_HOME"]) / "logs"
    assert [Path(url.toLocalFile()) for url in catcher.urls] == [folder] and folder.is_dir()
