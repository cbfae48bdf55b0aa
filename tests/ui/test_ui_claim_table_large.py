"""A 100,000-fact ledger: the table opens and reaches its last row without loading the table into memory."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from factledger.core import Ledger
from factledger.reading import expand_inputs
from factledger.resources import sample_article_path
from factledger.ui.claim_table_view import ClaimTableView
from factledger.ui.session import LedgerSession

CLAIMS = 100_000


@pytest.fixture
def big_ledger(tmp_path: Path) -> Path:
    """One real source through the core, then 100,000 claim rows pointing into it in one executemany."""
    path = tmp_path / "big.sqlite"
    with Ledger.open(path, actor="Test") as ledger:
        ledger.import_inputs(expand_inputs([sample_article_path()]))
        source = ledger.source(ledger.sources()[0].id)
    quote = source.text[0:20]
    rows = [
        (
            f"clm_{i:07d}",
            source.id,
            ("claim", "statistic", "commitment")[i % 3],
            quote,
            0,
            20,
            f"Statement number {i:07d}",
            float(i),
            "2025-01-01T00:00:00",
            f"2025-01-01T00:00:{i % 60:02d}",
        )
        for i in range(CLAIMS)
    ]
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, value, created_at, '
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.close()
    return path


def test_table_scrolls_to_the_last_of_100000_rows_with_a_small_cache(qtbot, big_ledger: Path) -> None:
    """Given 100,000 facts, the table counts them all, shows the last row, and holds only a few pages."""
    ledger = Ledger.open(big_ledger)
    view = ClaimTableView(LedgerSession(ledger))
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    model = view.model
    assert model.rowCount() == CLAIMS
    model.sort(2, Qt.SortOrder.AscendingOrder)
    last = model.index(CLAIMS - 1, 2)
    view.table.scrollTo(last, QAbstractItemView.ScrollHint.PositionAtBottom)
    qtbot.waitExposed(view)
    assert last.data() == f"Statement number {CLAIMS - 1:07d}"
    assert view.table.rowAt(view.table.viewport().height() - 2) >= CLAIMS - 30
    assert model.cached_rows <= model.PAGE_SIZE * model.MAX_PAGES
    assert model.cached_rows < CLAIMS // 20
    ledger.close()


def test_a_fact_chosen_elsewhere_is_found_deep_in_100000_rows_without_paging(qtbot, big_ledger: Path) -> None:
    """Given the table at its first page, a fact near the end (picked in a chart, say) is selected and shown."""
    ledger = Ledger.open(big_ledger)
    view = ClaimTableView(LedgerSession(ledger))
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    model = view.model
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.claim_id_at(0) == "clm_0000000"
    target = "clm_0098765"
    row = model.row_of(target)
    assert row == 98_765
    assert model.claim_id_at(row) == target
    assert model.cached_rows <= model.PAGE_SIZE * 2
    ledger.close()
