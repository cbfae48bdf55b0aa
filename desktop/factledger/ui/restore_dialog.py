"""RestoreDialog: File > Restore from backup… lists the open ledger's backups and puts one in its place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factledger.core import BackupInfo
from factledger.domain import UserError

from .services import LedgerServices, services_or_installed
from .session import LedgerSession
from .tasks import TaskRunner

COLUMNS = ("Taken", "Why", "Sources", "Facts", "File")


class RestoreDialog(QDialog):
    """Backups newest first with their date, reason and counts; Restore replaces the open ledger with
    the selected one after a confirmation. The current file is moved aside under a timestamped name.

    Signals:
        restored: a backup was restored; carries where the replaced file was kept ("" if nowhere).
    """

    restored = Signal(str)
    """A backup replaced the ledger; the payload is the path the previous file was moved to."""

    def __init__(
        self,
        session: LedgerSession,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        confirm: Callable[[str], bool] | None = None,
        services: LedgerServices | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self._session = session
        self._runner = runner
        self._services = services
        self._confirm = confirm or self._ask
        self.backups: list[BackupInfo] = session.ledger.backups()
        folder = session.ledger.backup_folder
        intro = QLabel(
            f"Backups of {session.path.name} in {folder}. Restoring keeps the current file beside it "
            "under a new name; nothing is deleted."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, info in enumerate(self.backups):
            local = info.taken_at.astimezone()
            cells = (
                local.strftime("%Y-%m-%d %H:%M"),
                info.reason.replace("-", " "),
                "" if info.sources is None else f"{info.sources:,}",
                "" if info.claims is None else f"{info.claims:,}",
                info.path.name if info.readable else f"{info.path.name} (cannot be read)",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setEnabled(bool(self.backups))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table if self.backups else QLabel("There are no backups of this ledger yet."))
        layout.addWidget(buttons)
        self.resize(720, 360)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        counts = f"{info.sources or 0:,} sources, {info.claims or 0:,} facts"
        if not self._confirm(
            f"Replace {self._session.path.name} with the backup of {when} ({counts})? "
            "The current file is kept beside it under a new name."
        ):
            return False
        return self._restore(info.path)

    def _restore(self, backup: Path) -> bool:
        session = self._session
        path, actor = session.path, session.ledger.actor
        self._runner.shutdown()  # background work holds its own connections to the file: let them end
        session.ledger.close()
        services = services_or_installed(self._services)  # asked when used: building the dialog needs none
        try:
            aside = services.restore_backup(backup, path)
        except UserError as error:
            session.replace_ledger(services.open_ledger(path, actor=actor, create=False))
            QMessageBox.warning(self, "FactLedger", error.message)
            return False
        session.replace_ledger(services.open_ledger(path, actor=actor, create=False))
        self.restored.emit(str(aside or ""))
        self.accept()
        return True

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Restore from backup",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
