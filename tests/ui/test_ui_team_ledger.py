"""The app on a team ledger: File > Connect to team ledger… with the keyboard alone, the seed article's facts
imported through the command line shown in the window, background work reconnecting to the server, and
the password typed into the prompt never reaching settings, the recent list, the title or the log file."""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from factledger.cli import main
from factledger.core import Ledger
from factledger.core.logfile import attach_log_file, log_file
from factledger.core.team import add_team_user, init_team_ledger
from factledger.reading import expand_inputs
from factledger.resources import resource_path
from factledger.ui import connect_dialog
from factledger.ui.connect_dialog import ConnectDialog, TeamAddress, connect_team_ledger
from factledger.ui.recent_ledgers import RecentLedgers
from factledger.ui.services import installed_services

from ..postgres_server import PostgresServer
from .conftest import WindowFactory

SEED = str(resource_path("sample", "sample-article.txt"))
UPDATED = str(resource_path("sample", "sample-article-updated.txt"))
PASSWORD = "Typed-0nly-Pa55"


class Team:
    """A team ledger holding the seed article's facts (imported and accepted through the CLI), and an
    editor login whose password is in no ~/.pgpass: the app must ask for it."""

    def __init__(self, server: PostgresServer, admin_dsn: str, user: str) -> None:
        self.server = server
        self.admin_dsn = admin_dsn
        self.user = user
        self.database = admin_dsn.rsplit("/", 1)[1]

    def address(self) -> TeamAddress:
        return TeamAddress(self.server.host, self.server.port, self.database, self.user, "disable")


@pytest.fixture
def team(
    postgres_server: PostgresServer,
    postgres_dsn: str,
    login_role: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Team:
    init_team_ledger(postgres_dsn)
    user = f"ui_editor_{postgres_dsn[-6:]}"
    login_role.append(user)
    add_team_user(postgres_dsn, user, "editor", password=PASSWORD)
    assert main(["--ledger", postgres_dsn, "import", SEED]) == 0
    assert main(["--ledger", postgres_dsn, "accept", "all"]) == 0
    # libpq must find no password of its own: no ~/.pgpass, no PGPASSWORD
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICEFILE", raising=False)
    return Team(postgres_server, postgres_dsn, user)


def _type_into_dialog(
    qtbot: Any, address: TeamAddress, errors: list[BaseException], *, cancel: bool = False
) -> Callable[[], None]:
    """Fills the modal connect dialog once it is up, by keys alone: type, Tab to the next field, Enter.
    A failed check closes the dialog and lands in `errors` (an exception inside exec() would hang it)."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectDialog):
            QTimer.singleShot(20, fill)
            return
        try:
            keys(dialog)
        except BaseException as error:
            errors.append(error)
            dialog.reject()

    def keys(dialog: ConnectDialog) -> None:
        assert dialog.focusWidget() is dialog.host
        if cancel:
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
            return
        steps: list[tuple[str, object]] = [
            ("host", address.host),
            ("port", str(address.port)),
            ("database", address.database),
            ("user", address.user),
        ]
        for name, text in steps:
            widget = dialog.focusWidget()
            assert widget is getattr(dialog, name) or widget.parent() is getattr(dialog, name)
            qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(widget, str(text))
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.tls
        wanted = connect_dialog.TLS_MODES.index(address.sslmode)
        for _ in connect_dialog.TLS_MODES:  # the arrow keys pick the TLS mode
            if dialog.tls.currentIndex() == wanted:
                break
            key = Qt.Key.Key_Up if dialog.tls.currentIndex() > wanted else Qt.Key.Key_Down
            qtbot.keyClick(dialog.tls, key)
        assert dialog.url() == address.url()
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter connects
        assert not dialog.isVisible(), "Enter did not accept the dialog"

    return fill


def test_connecting_by_keyboard_shows_the_team_ledgers_facts_and_stores_no_password(
    qtbot: Any,
    make_window: WindowFactory,
    settings: QSettings,
    team: Team,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Connect through the dialog (the password is asked since libpq has none), see the CLI's facts, import
    and export in the background on the team ledger, and find the password nowhere it could be kept."""
    handler = attach_log_file(logging.getLogger("factledger"), level=logging.DEBUG)
    asked: list[str] = []

    def answer(_parent: object, why: str) -> str:
        asked.append(why)
        return PASSWORD

    monkeypatch.setattr(connect_dialog, "ask_password", answer)
    try:
        window = make_window()
        errors: list[BaseException] = []
        QTimer.singleShot(0, _type_into_dialog(qtbot, team.address(), errors))
        connected = window.ledger_commands.connect_team_ledger()
        if errors:
            raise errors[0]
        assert connected
        ledger = window.session.ledger
        assert asked and "asks for a password" in asked[0]
        assert ledger.actor == team.user and not ledger.address.is_file
        url = team.address().url()
        assert ledger.location == url and window.windowTitle() == f"FactLedger — {url}"
        with Ledger.open(team.admin_dsn) as admin:
            facts = admin.count_claims()
        assert facts > 0
        qtbot.waitUntil(lambda: window.table.model.rowCount() == facts, timeout=10000)

        # a background import reopens the ledger through its address: the server, as the same person
        with qtbot.waitSignal(window.import_flow.import_finished, timeout=60000):
            window.import_flow.start(expand_inputs([UPDATED]))
        with Ledger.open(team.admin_dsn) as admin:
            (source,) = admin.sources()
            assert len(admin.versions(source.id)) == 2

        # a background export too
        export = window.menus.open_export()
        target = tmp_path / "team-sheet.csv"
        export.path.setText(str(target))
        with qtbot.waitSignal(export.export_finished, timeout=30000) as exported:
            export.start_export()
        with target.open(encoding="utf-8-sig", newline="") as handle:
            assert len(list(csv.DictReader(handle))) == exported.args[1]
        export.close()

        assert RecentLedgers(settings).paths()[0] == url
        assert not any(Path(tmp_path).glob("postgresql*")) and not Path("postgresql:").exists()
    finally:
        logging.getLogger("factledger").removeHandler(handler)
        handler.close()
    settings.sync()
    kept = Path(settings.fileName()).read_text(encoding="utf-8")
    assert team.database in kept and PASSWORD not in kept
    assert PASSWORD not in log_file().read_text(encoding="utf-8") if log_file().exists() else True
    assert PASSWORD not in repr(ledger.address) and PASSWORD not in str(ledger.address)


def test_a_wrong_password_is_a_sentence_and_the_window_keeps_its_ledger(
    qtbot: Any, make_window: WindowFactory, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mistyped password: the server's refusal is told in a sentence, without the password, and the
    window stays on its ledger file, still working."""
    window = make_window()
    before = window.session.ledger
    told: list[str] = []
    window.session.failed.connect(told.append)
    monkeypatch.setattr(connect_dialog, "ask_password", lambda _parent, _why: "not-the-password")
    assert not window.ledger_commands.switch_to_team(team.address().url())
    assert told and "refused the password" in told[0] and "not-the-password" not in told[0]
    assert window.session.ledger is before and not before.closed
    assert window.windowTitle() == f"FactLedger — {before.path.name}"
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=60000):
        window.import_flow.start(expand_inputs([SEED]))
    assert before.count_claims() == 0 and len(before.sources()) == 1


def test_escape_cancels_the_dialog_and_nothing_is_asked(
    qtbot: Any, make_window: WindowFactory, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Esc closes the dialog: no connection, no password prompt, the same ledger."""
    window = make_window()
    before = window.session.ledger
    monkeypatch.setattr(connect_dialog, "ask_password", lambda *_: pytest.fail("no password was wanted"))
    errors: list[BaseException] = []
    QTimer.singleShot(0, _type_into_dialog(qtbot, team.address(), errors, cancel=True))
    assert not window.ledger_commands.connect_team_ledger()
    assert errors == []
    assert window.session.ledger is before


def test_a_password_found_by_libpq_is_used_without_asking(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the password in a PGPASSFILE, connecting asks nothing; the address keeps no password."""
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(
        f"{team.server.host}:{team.server.port}:{team.database}:{team.user}:{PASSWORD}\n", encoding="utf-8"
    )
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    told: list[str] = []
    ledger = connect_team_ledger(
        None,
        team.address().url(),
        services=installed_services(),
        tell=told.append,
        ask=lambda *_: pytest.fail("libpq had the password"),
    )
    assert ledger is not None and told == []
    try:
        assert ledger.actor == team.user
        with ledger.reopen() as again:  # what a worker does
            assert again.count_claims() == ledger.count_claims() > 0
    finally:
        ledger.close()


def test_connect_is_enabled_only_with_host_database_and_user(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    """Connect stays disabled (Enter does nothing) until host, database and user are filled; the dialog
    renders offscreen."""
    dialog = ConnectDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.host.clear()
    assert not dialog.connect_button.isEnabled()
    dialog.accept()
    assert dialog.result() != ConnectDialog.DialogCode.Accepted
    dialog.host.setText("db.example.org")
    dialog.database.setText("newsdesk")
    dialog.user.setText("anna")
    assert dialog.connect_button.isEnabled()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "connect.png"))
