"""Background ledger work: injected opener, one writer thread, and the one split of expected errors from bugs."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QSettings

from factledger.app import ledger_services, set_up_logging
from factledger.core import Ledger
from factledger.core.logfile import log_file
from factledger.domain import UserError
from factledger.reading import expand_inputs
from factledger.resources import sample_article_path
from factledger.ui.background import LedgerWork, told_by
from factledger.ui.services import LedgerServices
from factledger.ui.session import LedgerSession
from factledger.ui.tasks import TaskRunner


class RecordingOpener:
    """Opens ledgers like the app does and remembers each path and thread, so a test sees who opened what."""

    def __init__(self) -> None:
        self.opened: list[tuple[Path, int]] = []

    def __call__(self, path: Any = None, **options: Any) -> Ledger:
        # a worker is handed the open ledger's address: str() of a file's address is its path
        self.opened.append((Path(str(path)), threading.get_ident()))
        return Ledger.open(path, **options)


def _services(opener: RecordingOpener) -> LedgerServices:
    real = ledger_services()
    return LedgerServices(
        open_ledger=opener, restore_backup=real.restore_backup, salvage_copy=real.salvage_copy
    )


@pytest.fixture
def app_log() -> Any:
    """The app's logging set-up (stderr and the rotating file), undone after the test."""
    root = logging.getLogger()
    before = list(root.handlers)
    path = set_up_logging()
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            handler.close()
            root.removeHandler(handler)


def _log_text(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_an_import_opens_its_worker_connection_through_the_injected_opener(qtbot, tmp_path: Path) -> None:
    """The window's import never opens a ledger itself: the opener the app injected opens it, off the UI thread."""
    from factledger.ui.main_window import MainWindow

    opener = RecordingOpener()
    path = tmp_path / "injected.factledger"
    session = LedgerSession(Ledger.open(path, actor="Ada Reviewer"))
    window = MainWindow(
        session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), services=_services(opener)
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000) as finished:
        window.import_flow.start(expand_inputs([sample_article_path()]))
    assert [r.outcome for r in finished.args[0]] == ["imported"]
    assert [p for p, _ in opener.opened] == [path]
    assert opener.opened[0][1] != threading.get_ident()
    window.runner.shutdown()
    window.close()
    session.ledger.close()


def test_writes_run_one_at_a_time_in_the_order_asked_while_a_read_runs_beside_them(
    qtbot, sample_ledger: Ledger
) -> None:
    """Two writes never overlap and keep their order (one writer thread); a read is not held up behind them."""
    session = LedgerSession(sample_ledger)
    runner = TaskRunner()
    work = LedgerWork(runner, session=session)
    events: list[str] = []
    gate = threading.Event()

    def write(name: str) -> Any:
        def job(ledger: Ledger, _progress: Any, _cancelled: Any) -> str:
            events.append(f"{name} start")
            if name == "first":
                gate.wait(10)
            time.sleep(0.05)
            events.append(f"{name} end")
            return name

        return job

    def read(ledger: Ledger, _progress: Any, _cancelled: Any) -> int:
        events.append("read")
        gate.set()  # the first write waits for this read: a read queued behind the writer would deadlock
        return ledger.count_claims()

    done: list[object] = []
    runner_args = {"path": session.path, "on_finished": done.append}
    work.start("first write", write("first"), writes=True, **runner_args)
    work.start("second write", write("second"), writes=True, **runner_args)
    work.start("a read", read, writes=False, **runner_args)
    qtbot.waitUntil(lambda: len(done) == 3, timeout=20000)
    writes = [e for e in events if e != "read"]
    assert writes == ["first start", "first end", "second start", "second end"]
    assert "read" in events and events.index("read") < events.index("first end")
    runner.shutdown()


def test_a_bug_in_a_background_task_lands_in_the_log_file_with_its_traceback(
    qtbot, sample_ledger: Ledger, app_log: Path
) -> None:
    """An unexpected exception is written to the rotating log with the worker's frames, then raised on the UI thread."""
    session = LedgerSession(sample_ledger)
    runner = TaskRunner()
    told: list[str] = []
    session.failed.connect(told.append)

    def exploding_count(ledger: Ledger, _progress: Any, _cancelled: Any) -> int:
        raise RuntimeError(f"boom while counting {ledger.count_claims()} facts")

    with qtbot.captureExceptions() as raised:
        task = LedgerWork(runner, session=session, tell=told_by(session)).start(
            "Counting", exploding_count, path=session.path, writes=False
        )
        qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert [type(e) for _, e, _ in raised] == [RuntimeError]
    text = _log_text(app_log)
    assert app_log == log_file()
    assert "Counting failed (a bug in FactLedger)" in text
    assert (
        "Traceback (most recent call last)" in text
        and "exploding_count" in text
        and "boom while counting" in text
    )
    assert told == []
    runner.shutdown()


def test_an_expected_error_in_a_background_task_is_told_and_not_logged_as_a_bug(
    qtbot, sample_ledger: Ledger, app_log: Path
) -> None:
    """A UserError's sentence reaches the person through the session; the log file holds no bug for it."""
    session = LedgerSession(sample_ledger)
    runner = TaskRunner()

    def refusing(_ledger: Ledger, _progress: Any, _cancelled: Any) -> None:
        raise UserError("The ledger is locked by another program; try again in a moment.")

    with qtbot.waitSignal(session.failed, timeout=10000) as failed:
        LedgerWork(runner, session=session, tell=told_by(session)).start(
            "Refusing", refusing, path=session.path, writes=True
        )
    assert failed.args == ["The ledger is locked by another program; try again in a moment."]
    runner.shutdown()
    text = _log_text(app_log)
    assert "bug in FactLedger" not in text and "Traceback" not in text


def test_the_log_file_is_in_the_overridden_home_during_tests(app_log: Path) -> None:
    """FACTLEDGER_HOME moves the log folder as it moves the data folder, so tests never write the real one."""
    import os

    assert app_log.parent == Path(os.environ["FACTLEDGER_HOME"]) / "logs"
    logging.getLogger("factledger").info("a line for the file")
    assert "a line for the file" in _log_text(app_log)


class _FakeBox:
    """Records what the crash handler would show instead of opening a modal box."""

    shown: ClassVar[list[str]] = []
    Icon = type("Icon", (), {"Critical": 0})

    def __init__(self, _icon: object, _title: str, text: str) -> None:
        _FakeBox.shown.append(text)

    def setDetailedText(self, text: str) -> None:
        _FakeBox.shown.append(text)

    def exec(self) -> int:
        return 0

    @staticmethod
    def warning(_parent: object, _title: str, text: str) -> None:
        _FakeBox.shown.append(text)


def test_the_crash_handler_logs_a_bug_once_and_a_stray_user_error_not_at_all(
    qapp: Any, app_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A UserError that escaped its handler is shown, not logged as a bug; a bug the background already
    logged is shown without a second log entry; any other bug is logged with its traceback."""
    import sys

    from factledger import app
    from factledger.ui.background import log_bug

    monkeypatch.setattr(app, "QMessageBox", _FakeBox)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    _FakeBox.shown = []
    app.install_crash_handler()
    stray = UserError("That file is not a ledger.")
    sys.excepthook(UserError, stray, None)
    logged = RuntimeError("already logged in the worker")
    log_bug(logged, "Importing")
    sys.excepthook(RuntimeError, logged, None)
    fresh = KeyError("a bug on the UI thread")
    sys.excepthook(KeyError, fresh, None)
    text = _log_text(app_log)
    stray_lines = [line for line in text.splitlines() if "That file is not a ledger." in line]
    assert stray_lines and all(" INFO " in line and "bug" not in line for line in stray_lines)
    assert text.count("already logged in the worker") == 1 and text.count("a bug on the UI thread") == 1
    assert text.count("(a bug in FactLedger)") == 2
    assert _FakeBox.shown[0] == "That file is not a ledger." and len(_FakeBox.shown) == 5
