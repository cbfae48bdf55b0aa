"""The sources list sizes its count columns for the largest count, wherever that source sits."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from factledger.ui.session import LedgerSession
from factledger.ui.sources_panel import SourcesPanel


def test_count_columns_fit_the_largest_count_even_far_down(
    qtbot: Any, session: LedgerSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count columns are wide enough for the largest count even when its source is far down the list."""
    (real,) = session.ledger.sources()
    many = [dataclasses.replace(real, id=f"src_{n}", claim_count=n % 7) for n in range(300)]
    many.append(dataclasses.replace(real, id="src_big", claim_count=1_234_567, suggestion_count=98_765))
    monkeypatch.setattr(session.ledger, "sources", lambda: many)
    panel = SourcesPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    metrics = panel.tree.fontMetrics()
    assert panel.tree.columnWidth(1) > metrics.horizontalAdvance("1234567")
    assert panel.tree.columnWidth(2) > metrics.horizontalAdvance("98765")
