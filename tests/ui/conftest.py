"""Fixtures for the widget tests: offscreen Qt, fresh ledgers in tmp_path, injected settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from factledger.core import Ledger
from factledger.reading import expand_inputs
from factledger.resources import sample_article_path
from factledger.ui.session import LedgerSession


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
