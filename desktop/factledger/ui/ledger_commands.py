"""LedgerCommands: new, open, switch to and reopen a recent ledger, the same way from every place that asks.

File > New, File > Open, File > Connect to team ledger…, File > Open recent and the file-open handler (a ledger double-clicked in the
Finder) all come here, so "open a ledger" is written once: with the reviewer name in use now (changed in
the preferences since launch, maybe), the questions only the person can answer (`open_ledger_asking`), and
the recent list updated whenever the session's ledger is replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from .background import told_by
from .connect_dialog import AskPassword, ConnectDialog, connect_team_ledger, is_team_address
from .ledger_recovery import open_ledger_asking
from .recent_ledgers import RecentLedgers
from .services import LedgerServices, services_or_installed
from .session import LedgerSession

LEDGER_FILTER = "FactLedger ledgers (*.sqlite *.factledger);;All files (*)"


class LedgerCommands(QObject):
    """The ledger-level commands over the session, a `RecentLedgers` store and the injected services.

    Attributes:
        recent: the recent-ledgers store (its QSettings were injected by whoever built the window).
    """

    def __init__(
        self,
        session: LedgerSession,
        recent: RecentLedgers,
        *,
        services: LedgerServices | None = None,
        dialog_parent: QWidget | None = None,
        tell: Callable[[str], None] | None = None,
        ask_password: AskPassword | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ask_password = ask_password  # None: the password prompt (tests answer it themselves)
        self._session = session
        self.recent = recent
        self._services = services  # None: the installed ones, looked up when a ledger is opened
        self._dialog_parent = dialog_parent
        self._tell = tell or told_by(session)
        # Every replacement (a switch here, a restore, a recovery) puts the new file first in the list.
        session.ledger_replaced.connect(self.remember_current)

    def new_ledger(self) -> bool:
        """Ask where to create a ledger, then switch to it."""
        chosen, _ = QFileDialog.getSaveFileName(
            self._dialog_parent, "New ledger", self._start_folder(), LEDGER_FILTER
        )
        return bool(chosen) and self.switch_to(Path(chosen), create=True)

    def open_ledger(self) -> bool:
        """Ask which ledger to open, then switch to it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self._dialog_parent, "Open ledger", self._start_folder(), LEDGER_FILTER
        )
        return bool(chosen) and self.switch_to(Path(chosen), create=False)

    def _start_folder(self) -> str:
        """Where the file dialogs start: beside the open ledger file (a team ledger has none: home)."""
        ledger = self._session.ledger
        return str(ledger.path.parent if ledger.address.is_file else Path.home())

    def connect_team_ledger(self) -> bool:
        """File > Connect to team ledger…: ask for the server's address, then connect and switch to it."""
        dialog = ConnectDialog(self._dialog_parent, settings=self.recent.settings)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            url = dialog.url()
        finally:
            dialog.deleteLater()
        return self.switch_to_team(url)

    def switch_to_team(self, url: str) -> bool:
        """Connect to the team ledger at `url` (asking for a password only when libpq has none) and show
        it; False if refused (the sentence was told) or cancelled, leaving the open ledger in place."""
        ledger = connect_team_ledger(
            self._dialog_parent,
            url,
            services=services_or_installed(self._services),
            tell=self._tell,
            ask=self._ask_password,
        )
        if ledger is None:
            return False
        self._session.replace_ledger(ledger)
        return True

    def open_recent(self, entry: str) -> bool:
        """File > Open recent: a ledger file, or a team ledger by its URL (which holds no password)."""
        if is_team_address(entry):
            return self.switch_to_team(entry)
        return self.switch_to(Path(entry), create=False)

    def open_path(self, path: Path) -> bool:
        """A ledger the system asked to open (a double-click in the Finder): an existing file, never made."""
        return self.switch_to(path, create=False)

    def switch_to(self, path: Path, *, create: bool) -> bool:
        """Open `path` as the ledger shown, with the reviewer name in use now; False if declined or refused
        (the reason was told), leaving the open ledger in place."""
        ledger = open_ledger_asking(
            self._dialog_parent,
            path,
            actor=self._session.ledger.actor,
            create=create,
            tell=self._tell,
            services=self._services,
        )
        if ledger is None:
            return False
        self._session.replace_ledger(ledger)
        return True

    def recent_paths(self) -> list[str]:
        """The recently opened ledgers, newest first, for File > Open recent."""
        return self.recent.paths()

    def remember_current(self) -> None:
        """Put the session's ledger first among the recent ones (a team ledger by its URL, no password)."""
        self.recent.remember(self._session.ledger.location)
