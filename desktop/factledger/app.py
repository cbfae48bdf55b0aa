"""Composition root of the desktop app: QApplication, settings, the log file, the means to open ledgers
(`LedgerServices`, injected into the UI), the open ledger, the main window, crash handling."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from factledger import __version__
from factledger.domain import UserError
from factledger.resources import resource_path

if TYPE_CHECKING:
    from factledger.core import Ledger
    from factledger.ui.services import LedgerServices

log = logging.getLogger("factledger")

SCREENSHOT_ENV = "FACTLEDGER_SCREENSHOT"
"""A headless hook for tests and packaging checks: grab the main window to this PNG after first show, then quit."""


def ledger_services() -> LedgerServices:
    """How the UI opens ledgers and restores backups: the SQLite engine's today, chosen here only.

    The UI imports none of this at runtime (import-linter holds it to "ui never imports storage").
    """
    from factledger.core.backups import restore_backup, salvage_copy
    from factledger.core.ledger import Ledger
    from factledger.ui.services import LedgerServices

    return LedgerServices(open_ledger=Ledger.open, restore_backup=restore_backup, salvage_copy=salvage_copy)


def set_up_logging() -> Path:
    """Messages to stderr as before, and FactLedger's messages and every bug to the rotating log file.

    Libraries (trafilatura, htmldate, pdfminer, charset_normalizer) log chatter at INFO: only their warnings
    reach the terminal and the file; FactLedger's own messages keep INFO. Returns the log file's path.
    """
    from factledger.core.logfile import attach_log_file, log_file

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)
    attach_log_file(logging.getLogger(), level=logging.INFO)
    return log_file()


def install_crash_handler() -> None:
    """Anything that reaches here is a bug: log it with its traceback and tell the person, then keep going."""
    from factledger.ui.background import already_logged

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if isinstance(error, UserError):  # escaped a handler: not a bug, still only the person's sentence
            log.info("Not handled where it arose: %s", error.message)
            QMessageBox.warning(None, "FactLedger", error.message)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        if not already_logged(error):  # a background bug was logged with the worker's traceback already
            log.error("Unexpected error (a bug in FactLedger):\n%s", details)
        if QApplication.instance() is not None:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                "FactLedger hit a bug",
                "Something went wrong inside FactLedger. Your ledger is safe: every change is saved "
                "as one transaction. Please report this with the details below.",
            )
            box.setDetailedText(details)
            box.exec()

    sys.excepthook = handle


class FileOpenFilter(QObject):
    """Opens the ledger macOS Finder asks for: a double-clicked .factledger arrives as a QFileOpenEvent."""

    def __init__(self, open_path: Callable[[Path], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_path = open_path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self._open_path(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


def open_launch_ledger(
    given: Path | None, remembered: Path | None, reviewer: str | None, services: LedgerServices | None = None
) -> Ledger | None:
    """The ledger named on the command line; else the one used last; else the default one.

    A remembered ledger that no longer opens is passed over with a message (naming it, so it can be opened
    or restored deliberately), rather than leaving the app unable to start without --ledger. Each open asks
    what only the person can answer (adopting an empty SQLite file, recovering a damaged ledger).
    """
    from factledger.ui.ledger_recovery import open_ledger_asking

    if given is not None or remembered is None:
        return open_ledger_asking(None, given, actor=reviewer, services=services)

    def passed_over(text: str) -> None:
        QMessageBox.warning(
            None, "FactLedger", f"{text}\n\nThe default ledger is opened instead of {remembered}."
        )

    opened = open_ledger_asking(
        None, remembered, actor=reviewer, create=False, tell=passed_over, services=services
    )
    return opened if opened is not None else open_ledger_asking(None, None, actor=reviewer, services=services)


def _warn(text: str) -> None:
    QMessageBox.warning(None, "FactLedger", text)


def run_app(*, ledger_path: str | None, argv: list[str]) -> int:
    """Open the ledger (the default one unless a path is given) in the main window and run until it closes."""
    from factledger.ui.connect_dialog import connect_team_ledger, is_team_address
    from factledger.ui.ledger_recovery import check_in_background
    from factledger.ui.main_thread_gc import MainThreadCollector
    from factledger.ui.main_window import MainWindow
    from factledger.ui.preferences_dialog import REVIEWER_KEY
    from factledger.ui.recent_ledgers import RecentLedgers
    from factledger.ui.services import install_services
    from factledger.ui.session import LedgerSession

    set_up_logging()
    services = ledger_services()
    install_services(services)  # the default for UI parts built without explicit services
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("FactLedger")
    app.setOrganizationName("FactLedger")
    app.setApplicationVersion(__version__)
    install_crash_handler()
    icon = resource_path("icons", "factledger.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    settings = QSettings("FactLedger", "FactLedger")
    reviewer = str(settings.value(REVIEWER_KEY, "") or "") or None
    # Without --ledger, the ledger used last (File > Open recent's first entry), else the default one.
    remembered = RecentLedgers(settings).last()
    if ledger_path and is_team_address(ledger_path):  # a team ledger: libpq's passwords, else a prompt
        ledger = connect_team_ledger(None, ledger_path, services=services, tell=_warn)
    else:
        ledger = open_launch_ledger(
            Path(ledger_path) if ledger_path else None, remembered, reviewer, services
        )
    if ledger is None:  # refused with a sentence, or the person declined to init or recover
        return 2
    session = LedgerSession(ledger)
    window = MainWindow(session, settings, services=services)
    window.show()
    for notice in ledger.notices:
        window.statusBar().showMessage(notice, 15000)
    if not os.environ.get(SCREENSHOT_ENV) and ledger.address.is_file:  # a server checks its own pages
        check_in_background(session, window.runner, window, services=services)
    # Installed before exec(): a double-click launch delivers the event as soon as the loop starts. It opens
    # the file as File > Open does (with the reviewer name in use then, not the one read at launch).
    app.installEventFilter(FileOpenFilter(window.ledger_commands.open_path, app))
    screenshot = os.environ.get(SCREENSHOT_ENV)
    if screenshot:
        sources = window.sources.source_ids()
        if sources:
            window.sources.select_source(sources[0])
        QTimer.singleShot(800, lambda: (window.grab().save(screenshot), window.close(), app.quit()))
    else:
        window.show_welcome_if_first_launch()
    collector = MainThreadCollector(app)
    collector.start()
    try:
        return app.exec()
    finally:
        collector.stop()
        session.ledger.close()
