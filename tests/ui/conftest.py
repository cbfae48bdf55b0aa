"""Fixtures for the widget tests: offscreen Qt, fresh ledgers in tmp_path, injected settings, main windows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from factledger.core import Ledger
from factledger.reading import expand_inputs
from factledger.resources import sample_article_path
from factledger.ui.main_window import MainWindow
from factledger.ui.session import LedgerSession

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def _qt_hygiene(qt_hygiene: Any) -> Iterator[None]:
    """No widget, timer or background thread of one test may act during the next one."""
    yield
    qt_hygiene.close_windows_and_join()


@pytest.fixture
def sample_ledger(tmp_path: Path, qt_hygiene: Any) -> Iterator[Ledger]:
    """A ledger holding the bundled sample article with its open suggestions."""
    ledger = Ledger.open(tmp_path / "ledger.sqlite", actor="Test Reviewer")
    ledger.import_inputs(expand_inputs([sample_article_path()]))
    yield ledger
    qt_hygiene.delete_closed_widgets()  # widgets showing this ledger go before it closes
    ledger.close()


@pytest.fixture
def session(sample_ledger: Ledger) -> LedgerSession:
    return LedgerSession(sample_ledger)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot: Any, settings: QSettings, tmp_path: Path, qt_hygiene: Any) -> Iterator[WindowFactory]:
    """Builds shown main windows on ledgers in tmp_path; closes them (joining their tasks) and their ledgers."""
    sessions: list[LedgerSession] = []

    def make(
        ledger_path: Path | None = None,
        *,
        window_settings: QSettings | None = None,
        actor: str = "Ada Reviewer",
    ) -> MainWindow:
        ledger = Ledger.open(ledger_path or tmp_path / "window.factledger", actor=actor)
        session = LedgerSession(ledger)
        sessions.append(session)
        window = MainWindow(session, window_settings or settings)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    qt_hygiene.close_windows_and_join()
    for session in sessions:
        session.ledger.close()
