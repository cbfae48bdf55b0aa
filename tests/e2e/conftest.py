"""End-to-end tests run the real window offscreen (or the real process under Xvfb)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _qt_hygiene(qt_hygiene: Any) -> Iterator[None]:
    """No window, timer or import thread of one test may act during the next one."""
    yield
    qt_hygiene.close_windows_and_join()
