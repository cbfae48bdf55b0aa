"""The claims table model: a correct Qt model that pages rows on demand and follows the ledger."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factledger.core import AcceptSuggestion, operations
from factledger.domain import ClaimFilter, ClaimKind, Status
from factledger.ui.claim_table_model import COLUMNS, ClaimTableModel
from factledger.ui.session import LedgerSession


def _accept_all(session: LedgerSession) -> int:
    source_id = session.ledger.sources()[0].id
    stored = session.ledger.suggestions(source_id)
    for suggestion in stored:
        session.run(AcceptSuggestion(suggestion.id))
    return len(stored)


def test_model_passes_qtmodeltester(qtmodeltester, session: LedgerSession) -> None:
    """Given accepted facts, the model satisfies every structural check of pytest-qt's model tester."""
    _accept_all(session)
    model = ClaimTableModel(session)
    qtmodeltester.check(model, force_py=True)


def test_model_shows_every_accepted_fact(session: LedgerSession) -> None:
    """Each accepted suggestion becomes one row showing its statement."""
    count = _accept_all(session)
    model = ClaimTableModel(session)
    assert count > 3
    assert model.rowCount() == count
    statements = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert statements == {c.statement for c in session.ledger.claims(limit=1000)}


def test_sorting_requeries_in_the_ledger_order(session: LedgerSession) -> None:
    """Sorting by statement ascending gives the rows in the ledger's own statement order."""
    _accept_all(session)
    model = ClaimTableModel(session)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    shown = [model.claim_id_at(r) for r in range(model.rowCount())]
    from factledger.domain import ClaimOrder

    expected = [
        c.id for c in session.ledger.claims(ClaimFilter(), ClaimOrder("statement", False), limit=1000)
    ]
    assert shown == expected


def test_filter_by_kind_counts_only_that_kind(session: LedgerSession) -> None:
    """A kind filter narrows the row count to the facts of that kind."""
    _accept_all(session)
    model = ClaimTableModel(session)
    model.set_filter(ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC})))
    assert model.rowCount() == session.ledger.count_claims(
        ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC}))
    )
    assert all(model.index(r, 0).data() == "Statistic" for r in range(model.rowCount()))


def test_status_change_announces_exactly_the_changed_row(qtbot, session: LedgerSession) -> None:
    """Changing one fact's status (sorted by statement, so rows stay put) emits dataChanged for its row only."""
    _accept_all(session)
    model = ClaimTableModel(session)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    row = 2
    claim_id = model.claim_id_at(row)
    assert claim_id is not None
    with qtbot.waitSignal(model.dataChanged) as blocker:
        session.run(operations.set_status(claim_id=claim_id, status=Status.VERIFIED))
    top, bottom = blocker.args[0], blocker.args[1]
    assert (top.row(), bottom.row()) == (row, row)
    assert (top.column(), bottom.column()) == (0, len(COLUMNS) - 1)
    assert model.index(row, 1).data() == "Verified"


def test_undo_of_an_accept_removes_the_row(session: LedgerSession) -> None:
    """Undoing an accept takes the fact out of the table again."""
    count = _accept_all(session)
    model = ClaimTableModel(session)
    session.undo_stack.undo()
    assert model.rowCount() == count - 1
