"""A fact chosen on a chart is selected everywhere: the table row, the reader's span and the inspector."""

from __future__ import annotations

from factledger.core import Ledger, operations


def test_a_fact_chosen_on_the_timeline_is_selected_in_table_reader_and_inspector(
    qtbot, make_window, sample_ledger: Ledger
) -> None:
    """When the charts panel announces a fact, the table selects its row, the reader and inspector show it."""
    window = make_window(sample_ledger.path)
    window.session.run(operations.accept_all())
    claims = window.session.ledger.claims(limit=100)
    chosen = claims[len(claims) // 2]
    window.charts.claim_selected.emit(chosen.id)
    table = window.table
    current = table.table.selectionModel().currentIndex()
    assert current.isValid() and table.model.claim_id_at(current.row()) == chosen.id
    assert table.table.selectionModel().isRowSelected(current.row())
    assert window.inspector.claim is not None and window.inspector.claim.id == chosen.id
    reader = window.reader
    assert reader.source is not None and reader.source.id == chosen.source_id
    assert reader.selected_claim_id == chosen.id
    assert reader.text.textCursor().selectedText() == chosen.quote.replace("\n", "\u2029")
