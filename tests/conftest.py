"""Fixtures every test area shares: fresh ledgers in tmp_path and the optional shared corpus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared real-world corpus; tests that need it skip when a clone has none beside it."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present beside this checkout")
    return CORPUS


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
