"""Fixtures every test area shares: fresh ledgers in tmp_path and the optional shared corpus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .postgres_server import login_role, postgres_dsn, postgres_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The throw-away PostgreSQL server (skipped with its reason where no binaries exist), for every test area
# that runs on both engines: tests/postgres and the storage contract suite.
__all__ = ["login_role", "postgres_dsn", "postgres_server"]

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared real-world corpus; tests that need it skip when a clone has none beside it."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present beside this checkout")
    return CORPUS


@pytest.fixture(autouse=True, scope="session")
def _ledger_services() -> None:
    """The UI opens ledgers only through the services the app's composition root installs: tests get the same."""
    from factledger.app import ledger_services
    from factledger.ui.services import install_services

    install_services(ledger_services())


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the user's real default ledger."""
    monkeypatch.setenv("FACTLEDGER_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("FACTLEDGER_REVIEWER", "Test Reviewer")


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "test.factledger"


@pytest.fixture
def ledger(ledger_path: Path) -> Iterator[object]:
    from factledger.core import Ledger

    opened = Ledger.open(ledger_path, actor="Test Reviewer")
    yield opened
    opened.close()


class QtHygiene:
    """Ends what a Qt test leaves behind, so nothing of one test can run during the next one.

    pytest-qt closes the widgets a test registered and calls `deleteLater`, but a deferred delete only
    happens in a later event loop, which is usually the next test's `waitSignal`: until then the old
    widgets, their timers and their queued signals are alive against a ledger their fixture has closed.
    """

    def delete_closed_widgets(self) -> None:
        """Carry out pending `deleteLater`s now, while the ledgers those widgets show are still open."""
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def close_windows_and_join(self) -> None:
        """Close every window still shown, join every background task, and delete what was closed."""
        from PySide6.QtWidgets import QApplication

        from factledger.ui.tasks import TaskRunner

        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()
                widget.deleteLater()
            for runner in widget.findChildren(TaskRunner):
                runner.shutdown()
        self.delete_closed_widgets()


@pytest.fixture
def qt_hygiene(qapp: object) -> Iterator[QtHygiene]:
    """Requested by the autouse fixtures of the Qt test areas (tests/ui, tests/e2e).

    Collection runs on the GUI thread during the test, as in the app (`MainThreadCollector`): a cycle
    holding a widget of an earlier test, freed by a chart or import worker, would crash the whole run.
    """
    from factledger.ui.main_thread_gc import MainThreadCollector

    collector = MainThreadCollector()
    collector.start()
    yield QtHygiene()
    collector.stop()
    collector.deleteLater()
