"""The claims table reads the page beside one it holds by seeking from that page's edge, and gets the same rows."""

from __future__ import annotations

from typing import Any

import pytest

from factledger.core import AcceptSuggestion
from factledger.domain import ClaimOrder
from factledger.ui.claim_table_model import ClaimTableModel
from factledger.ui.session import LedgerSession


@pytest.fixture
def model(session: LedgerSession) -> ClaimTableModel:
    """The sample article's facts, all accepted, in a model with three-row pages (so there are many pages)."""
    source_id = session.ledger.sources()[0].id
    for suggestion in session.ledger.suggestions(source_id):
        session.run(AcceptSuggestion(suggestion.id))
    table = ClaimTableModel(session)
    table.PAGE_SIZE = 3
    table.reload()
    assert table.rowCount() > 4 * table.PAGE_SIZE
    return table


def _spy_on_seeks(
    monkeypatch: pytest.MonkeyPatch, session: LedgerSession, *, find_nothing: bool = False
) -> list[str]:
    """The anchors the model seeks from; with `find_nothing`, every seek answers as if its anchor were gone."""
    anchors: list[str] = []
    real = session.ledger.claims_beside

    def spy(claim_id: str, *args: Any, **kwargs: Any) -> Any:
        anchors.append(claim_id)
        return None if find_nothing else real(claim_id, *args, **kwargs)

    monkeypatch.setattr(session.ledger, "claims_beside", spy)
    return anchors


@pytest.mark.parametrize("order", [ClaimOrder(), ClaimOrder("subject"), ClaimOrder("value", descending=True)])
def test_rows_read_upwards_and_downwards_from_a_jump_match_the_ledger_listing(
    monkeypatch: pytest.MonkeyPatch, session: LedgerSession, model: ClaimTableModel, order: ClaimOrder
) -> None:
    """Given a jump to the middle, every row read above and below it is the ledger's row, found by seeking."""
    model.set_order(order)
    listing = [c.id for c in session.ledger.claims(model.claim_filter, order, limit=-1)]
    seeks = _spy_on_seeks(monkeypatch, session)
    middle = len(listing) // 2
    rows = [middle, *range(middle - 1, -1, -1), *range(middle + 1, len(listing))]
    assert [model.claim_id_at(row) for row in rows] == [listing[row] for row in rows]
    pages = -(-len(listing) // model.PAGE_SIZE)
    assert len(seeks) == pages - 1  # only the first page of the jump was counted to


def test_a_seek_that_finds_nothing_falls_back_to_counting_rows(
    monkeypatch: pytest.MonkeyPatch, session: LedgerSession, model: ClaimTableModel
) -> None:
    """Given the fact at a page's edge is gone (a seek answers None), the next page is still the right one."""
    listing = [c.id for c in session.ledger.claims(model.claim_filter, model.order, limit=-1)]
    seeks = _spy_on_seeks(monkeypatch, session, find_nothing=True)
    assert [model.claim_id_at(row) for row in range(len(listing))] == listing
    assert seeks
