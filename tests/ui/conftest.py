"""Fixtures for the widget tests: offscreen Qt, fresh ledgers in tmp_path, injected settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from factledger.core import Ledger  # noqa: E402
from factledger.reading import expand_inputs  # noqa: E402
from factledger.resources import sample_article_path  # noqa: E402
from factledger.ui.session import LedgerSession  # noqa: E402


@pytest.fixture
def sample_ledger(tmp_path: Path) -> Iterator[Ledger]:
    """A ledger holding the bundled sample article with its open suggestions."""
    ledger = Ledger.open(tmp_path / "ledger.sqlite", actor="Test Reviewer")
    ledger.import_inputs(expand_inputs([sample_article_path()]))
    yield ledger
    ledger.close()


@pytest.fixture
def session(sample_ledger: Ledger) -> LedgerSession:
    return LedgerSession(sample_ledger)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
