"""File > Restore from backup…, the damaged-ledger choice and the question before adopting an SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from factledger.core import Ledger
from factledger.domain import Document
from factledger.ui.ledger_recovery import open_ledger_asking
from factledger.ui.restore_dialog import RestoreDialog
from factledger.ui.session import LedgerSession
from factledger.ui.tasks import TaskRunner

ARTICLE = "The city will spend $40 million on 12 new bridges by 2027, the mayor said."


def _damage(path: Path, page: int = 6) -> None:
    """Overwrite one page in the middle of a closed ledger with garbage."""
    with path.open("r+b") as handle:
        handle.seek(4096 * page)
        handle.write(b"\xa5" * 4096)


def _filled(path: Path, sources: int = 30) -> None:
    with Ledger.open(path) as ledger:
        for n in range(sources):
            ledger.import_document(Document(text=f"Story {n}: {ARTICLE} " + "More words here. " * 40))
        ledger.backup()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_the_restore_dialog_lists_backups_with_counts_and_restores_one(
    qtbot: QtBot, ledger_path: Path
) -> None:
    """The dialog shows each backup's counts; restoring replaces the open ledger and keeps the old file aside."""
    ledger = Ledger.open(ledger_path)
    ledger.import_document(Document(text=ARTICLE))
    ledger.backup()
    ledger.import_document(Document(text="The port will hire 300 workers next year."))
    session = LedgerSession(ledger)
    runner = TaskRunner()
    dialog = RestoreDialog(session, runner, confirm=lambda _text: True)
    qtbot.addWidget(dialog)
    manual = next(i for i, b in enumerate(dialog.backups) if b.reason == "manual")
    assert dialog.table.item(manual, 2).text() == "1"
    dialog.table.selectRow(manual)
    with qtbot.waitSignal(dialog.restored) as signal:
        assert dialog.restore_selected()
    assert session.ledger.info().sources == 1
    aside = Path(signal.args[0])
    assert aside.exists() and ".before-restore-" in aside.name
    session.ledger.close()


def test_a_declined_restore_changes_nothing(qtbot: QtBot, ledger: Ledger) -> None:
    """Answering No to the confirmation leaves the ledger and its folder as they were."""
    ledger.import_document(Document(text=ARTICLE))
    ledger.backup()
    session = LedgerSession(ledger)
    dialog = RestoreDialog(session, TaskRunner(), confirm=lambda _text: False)
    qtbot.addWidget(dialog)
    assert not dialog.restore_selected()
    assert session.ledger is ledger and ledger.info().sources == 1
    assert not [p for p in ledger.path.parent.iterdir() if "before-restore" in p.name]


def test_a_damaged_ledger_offers_its_newest_good_backup_and_restores_it(
    qtbot: QtBot, ledger_path: Path
) -> None:
    """Opening a damaged ledger names the newest good backup; choosing it moves the damaged file aside."""
    _filled(ledger_path)
    _damage(ledger_path)
    offered: list[str] = []
    told: list[str] = []

    def choose(error: object) -> str:
        offered.append(str(getattr(error, "message", "")))
        return "restore"

    opened = open_ledger_asking(None, ledger_path, actor="t", choose=choose, tell=told.append)
    assert opened is not None and "newest good backup" in offered[0]
    assert "damaged file was kept" in told[0]
    assert opened.info().sources == 30 and opened.integrity_problems() == []
    opened.close()
    assert [p for p in ledger_path.parent.iterdir() if ".damaged-" in p.name and p.suffix == ".factledger"]


def test_a_salvage_copy_leaves_the_damaged_file_untouched(qtbot: QtBot, ledger_path: Path) -> None:
    """Choosing a salvage copy opens a new sound file and does not change a byte of the damaged one."""
    _filled(ledger_path)
    _damage(ledger_path)
    before = ledger_path.read_bytes()
    told: list[str] = []
    opened = open_ledger_asking(None, ledger_path, actor="t", choose=lambda _e: "salvage", tell=told.append)
    assert opened is not None and opened.path != ledger_path
    assert opened.integrity_problems() == [] and opened.info().sources > 0
    opened.close()
    assert ledger_path.read_bytes() == before and "was not changed" in told[0]


def test_an_empty_sqlite_file_is_adopted_only_when_the_person_agrees(qtbot: QtBot, tmp_path: Path) -> None:
    """An SQLite file without tables is left alone on No and becomes a ledger on Yes."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")
    conn.close()
    before = path.read_bytes()
    assert open_ledger_asking(None, path, actor="t", confirm=lambda _t: False, tell=print) is None
    assert path.read_bytes() == before
    opened = open_ledger_asking(None, path, actor="t", confirm=lambda _t: True, tell=print)
    assert opened is not None and opened.info().sources == 0
    opened.close()


def test_the_background_check_makes_the_daily_backup_off_the_ui_thread(
    qtbot: QtBot, ledger_path: Path
) -> None:
    """The app opens without the daily backup; the background check finds the file sound and makes it."""
    from factledger.ui.ledger_recovery import check_in_background

    with Ledger.open(ledger_path, daily_backup=False) as ledger:
        ledger.import_document(Document(text=ARTICLE))
    opened = open_ledger_asking(None, ledger_path, actor="t", tell=print)
    assert opened is not None and opened.backups() == []
    session = LedgerSession(opened)
    runner = TaskRunner()
    parent = QWidget()
    qtbot.addWidget(parent)
    check_in_background(session, runner, parent)
    runner.shutdown()
    assert [b.reason for b in opened.backups()] == ["daily"]
    opened.close()
