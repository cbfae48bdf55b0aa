"""File > Connect to team ledger…: the address of a team ledger on a PostgreSQL server, and the connection.

The dialog asks for host, port, database, user and TLS mode, never a password: libpq finds one in its own
places first (`~/.pgpass`, `PGPASSFILE`, service files). Only when the server still asks for one (or refuses
the one libpq found) is the person asked, and their answer lives in memory only, inside the open ledger's
private address, so background work reconnects as the same person. The fields typed last are remembered in
the injected QSettings for the next time; the password never is.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from factledger.domain import UserError

from .services import LedgerServices

if TYPE_CHECKING:
    from factledger.core import Ledger

TLS_MODES = ("disable", "prefer", "require", "verify-full")
"""libpq's `sslmode` values offered: no TLS, TLS when offered (libpq's default), TLS required, and TLS
with the server's certificate and name checked (the one to use across an untrusted network)."""
DEFAULT_PORT = 5432
SETTINGS_PREFIX = "team/last_"
"""QSettings keys of the fields typed last (host, port, database, user, sslmode); never a password."""

AskPassword = Callable[[QWidget | None, str], "str | None"]
"""Asks for a password with a sentence saying why; None when the person cancelled."""

_PASSWORD_WANTED = ("asks for a password", "refused the password")
"""Words of the connection sentences (storage.postgres.connection) after which typing a password may help."""


@dataclass(frozen=True, slots=True)
class TeamAddress:
    """The parts of a team ledger's address the dialog asks for."""

    host: str
    port: int
    database: str
    user: str
    sslmode: str = "prefer"

    def url(self) -> str:
        """The `postgresql://user@host:port/database?sslmode=...` URL (never with a password)."""
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        user = quote(self.user, safe="")
        database = quote(self.database, safe="")
        return f"postgresql://{user}@{host}:{self.port}/{database}?sslmode={self.sslmode}"


class ConnectDialog(QDialog):
    """Host, port, database, user and TLS mode of a team ledger; Connect (Enter) or Cancel (Esc).

    The tab order follows the fields top to bottom, then the buttons; Connect is the default button and
    stays disabled until host, database and user are filled in.
    """

    def __init__(self, parent: QWidget | None = None, *, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to team ledger")
        self._settings = settings
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("db.example.org")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setPlaceholderText("newsdesk")
        self.user = QLineEdit(self)
        self.tls = QComboBox(self)
        self.tls.addItems(TLS_MODES)
        self.tls.setCurrentText("prefer")
        for widget, name in (
            (self.host, "host"),
            (self.port, "port"),
            (self.database, "database"),
            (self.user, "user"),
            (self.tls, "TLS mode"),
        ):
            widget.setAccessibleName(name)

        form = QFormLayout()
        form.addRow("&Host:", self.host)
        form.addRow("&Port:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&User:", self.user)
        form.addRow("&TLS:", self.tls)
        note = QLabel(
            "No password is asked here: FactLedger uses ~/.pgpass (or PGPASSFILE) and service files when "
            "they have one, and otherwise asks when connecting. A password is never stored.",
            self,
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText("&Connect")
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.host, self.port)
        QWidget.setTabOrder(self.port, self.database)
        QWidget.setTabOrder(self.database, self.user)
        QWidget.setTabOrder(self.user, self.tls)
        QWidget.setTabOrder(self.tls, self.buttons)
        for line in (self.host, self.database, self.user):
            line.textChanged.connect(self._update_button)
        self._fill_from_settings()
        self._update_button()
        self.host.setFocus()
        self.resize(460, self.sizeHint().height())

    def address(self) -> TeamAddress:
        return TeamAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=self.tls.currentText(),
        )

    def url(self) -> str:
        """The address typed, as a URL without a password."""
        return self.address().url()

    def accept(self) -> None:
        if not self.connect_button.isEnabled():  # Enter in an incomplete form does nothing
            return
        self._remember()
        super().accept()

    def _update_button(self) -> None:
        filled = all(line.text().strip() for line in (self.host, self.database, self.user))
        self.connect_button.setEnabled(filled)

    def _fill_from_settings(self) -> None:
        settings = self._settings
        self.user.setText(_login_name())
        if settings is None:
            return
        for line, key in ((self.host, "host"), (self.database, "database"), (self.user, "user")):
            value = settings.value(SETTINGS_PREFIX + key, "")
            if value:
                line.setText(str(value))
        port = settings.value(SETTINGS_PREFIX + "port", DEFAULT_PORT)
        try:
            self.port.setValue(int(str(port)))
        except ValueError:
            self.port.setValue(DEFAULT_PORT)
        mode = str(settings.value(SETTINGS_PREFIX + "sslmode", "prefer"))
        self.tls.setCurrentText(mode if mode in TLS_MODES else "prefer")

    def _remember(self) -> None:
        if self._settings is None:
            return
        typed = self.address()
        for key, value in (
            ("host", typed.host),
            ("port", typed.port),
            ("database", typed.database),
            ("user", typed.user),
            ("sslmode", typed.sslmode),
        ):
            self._settings.setValue(SETTINGS_PREFIX + key, value)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""


def ask_password(parent: QWidget | None, why: str) -> str | None:
    """The password prompt: echo off, nothing stored; None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        "Password for the team ledger",
        f"{why}\n\nPassword (used for this connection only, never stored):",
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def wants_password(sentence: str) -> bool:
    """True for a refused connection that a typed password may put right (none found, or a wrong one)."""
    return any(words in sentence for words in _PASSWORD_WANTED)


def connect_team_ledger(
    parent: QWidget | None,
    url: str,
    *,
    services: LedgerServices,
    tell: Callable[[str], None],
    ask: AskPassword | None = None,
) -> Ledger | None:
    """Open the team ledger at `url`: with libpq's own password sources first, then (when the server asks
    for a password or refuses the one found) with one the person types. None when refused (the sentence was
    told) or cancelled; the typed password is handed to the opener only, never shown, stored or logged."""
    try:
        return services.open_ledger(url, create=False, daily_backup=False)
    except UserError as error:
        if not wants_password(error.message):
            tell(error.message)
            return None
        why = error.message
    password = (ask or ask_password)(parent, why)
    if password is None:
        return None
    try:
        return services.open_ledger(url, create=False, daily_backup=False, password=password)
    except UserError as error:
        tell(error.message)
        return None


def is_team_address(text: str) -> bool:
    """True for a `postgresql://` or `postgres://` URL (a recent-ledger entry, a `--ledger` argument)."""
    return urlsplit(text.strip()).scheme.lower() in ("postgresql", "postgres")


__all__ = [
    "TLS_MODES",
    "ConnectDialog",
    "TeamAddress",
    "ask_password",
    "connect_team_ledger",
    "is_team_address",
    "wants_password",
]
