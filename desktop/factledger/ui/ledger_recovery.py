"""What the app does when a ledger cannot be used as it is: a damaged file (restore its newest good backup
or save a salvage copy), an empty SQLite file of another program (ask before turning it into a ledger),
and the check of every page that runs in the background after the window opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from factledger.core import LedgerDamaged, NeedsInit
from factledger.domain import UserError

from .background import LedgerWork, told_by
from .services import LedgerServices, services_or_installed
from .tasks import Cancelled, Progress, TaskRunner

if TYPE_CHECKING:
    from factledger.core import Ledger

    from .session import LedgerSession

Choice = Callable[[LedgerDamaged], str | None]
"""Picks "restore", "salvage" or None for a damaged ledger (a message box in the app, a stub in tests)."""
Confirm = Callable[[str], bool]
Tell = Callable[[str], None]
"""Shows a sentence (a message box in the app; tests collect them)."""


def open_ledger_asking(
    parent: QWidget | None,
    path: Path | None,
    *,
    actor: str | None,
    create: bool = True,
    choose: Choice | None = None,
    confirm: Confirm | None = None,
    tell: Tell | None = None,
    services: LedgerServices | None = None,
) -> Ledger | None:
    """Open a ledger with the questions only the person can answer; None when they declined or it failed
    (a sentence was shown). `services` (default: the installed ones) says how ledgers are opened."""
    services = services_or_installed(services)
    confirm = confirm or (lambda text: _ask(parent, text))
    tell = tell or (lambda text: _tell(parent, text))
    try:
        return services.open_ledger(path, actor=actor, create=create, daily_backup=False)
    except NeedsInit as error:
        if not confirm(error.message.replace("(on the command line: add --init)", "").strip()):
            return None
        try:
            return services.open_ledger(path, actor=actor, create=create, init=True, daily_backup=False)
        except UserError as again:
            tell(again.message)
            return None
    except LedgerDamaged as error:
        return recover(parent, error, actor=actor, choose=choose, tell=tell, services=services)
    except UserError as error:
        tell(error.message)
        return None


def recover(
    parent: QWidget | None,
    error: LedgerDamaged,
    *,
    actor: str | None,
    choose: Choice | None = None,
    tell: Tell | None = None,
    services: LedgerServices | None = None,
) -> Ledger | None:
    """Offer to restore the newest good backup (the damaged file is moved aside, never overwritten) or
    to save a salvage copy beside it (the damaged file is only read); open whichever the person picked."""
    services = services_or_installed(services)
    choice = (choose or (lambda e: _choose(parent, e)))(error)
    tell = tell or (lambda text: _tell(parent, text))
    try:
        if choice == "restore" and error.backup is not None:
            aside = services.restore_backup(error.backup, error.path, damaged=True)
            tell(
                f"Restored {error.path.name} from {error.backup.name}."
                + (f" The damaged file was kept as {aside}." if aside else "")
            )
            return services.open_ledger(error.path, actor=actor, create=False)
        if choice == "salvage":
            made, method = services.salvage_copy(error.path)
            tell(
                f"Saved what could be read into {made} ({method}). The damaged file was not changed; "
                "the salvage copy is open now."
            )
            return services.open_ledger(made, actor=actor, create=False)
    except UserError as failed:
        tell(failed.message)
    return None


def _tell(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, "FactLedger", text)


def _ask(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "FactLedger: not a ledger yet",
        f"{text}\n\nTurn it into a FactLedger ledger?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _choose(parent: QWidget | None, error: LedgerDamaged) -> str | None:
    box = QMessageBox(QMessageBox.Icon.Warning, "FactLedger: damaged ledger", error.message, parent=parent)
    restore = (
        box.addButton(f"Restore {error.backup.name}", QMessageBox.ButtonRole.AcceptRole)
        if error.backup is not None
        else None
    )
    salvage = box.addButton("Save a salvage copy", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return "restore"
    if clicked is salvage:
        return "salvage"
    return None


def check_in_background(
    session: LedgerSession, runner: TaskRunner, parent: QWidget, *, services: LedgerServices | None = None
) -> None:
    """Check every page of the open ledger off the UI thread (opening only checked what fit in a
    second), then make the daily backup if one is due; damage found stops every write into it and is
    said once, with what to do. It only reads the ledger (the backup is another file), so it does not
    hold up the writer thread."""
    path = session.path

    def job(ledger: Ledger, _progress: Progress, _cancelled: Cancelled) -> list[str]:
        problems = ledger.integrity_problems()
        if not problems:
            ledger.backup_if_due()  # the daily backup, off the UI thread: a big ledger takes seconds
        return problems

    def finished(problems: list[str]) -> None:
        if problems:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "FactLedger: damaged ledger",
                f"The check of every page found damage in {path} ({problems[0]}). Nothing more will be "
                "written into it. Use File > Restore from backup… to go back to a sound copy.",
                parent=parent,
            )
            box.open()

    work = LedgerWork(runner, services, session=session, tell=told_by(session))
    work.start(f"Checking {path.name}", job, path=session.ledger.address, writes=False, on_finished=finished)


__all__ = ["check_in_background", "open_ledger_asking", "recover"]
