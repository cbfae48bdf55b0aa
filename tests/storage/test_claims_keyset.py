"""Pages read beside a known fact (keyset) and deep pages read through the sort index equal the OFFSET listing."""

from __future__ import annotations

import pytest

from factledger.core import Ledger
from factledger.domain import SORTABLE_COLUMNS, ClaimFilter, ClaimKind, ClaimOrder
from factledger.storage import claims as claims_module

FILTERS = (ClaimFilter(), ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC})))


@pytest.mark.parametrize("column", SORTABLE_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_rows_after_and_before_any_fact_are_its_neighbours_in_the_listing(
    filled: Ledger, column: str, descending: bool
) -> None:
    """The rows after and before any fact are its neighbours in the listing, for every sort and filter."""
    order = ClaimOrder(column, descending=descending)
    for claim_filter in FILTERS:
        listing = [c.id for c in filled.claims(claim_filter, order, limit=-1)]
        for row, claim_id in enumerate(listing):
            for limit in (1, 4, 50):
                after = filled.claims_beside(claim_id, claim_filter, order, limit=limit)
                before = filled.claims_beside(claim_id, claim_filter, order, limit=limit, before=True)
                assert after is not None and before is not None
                assert [c.id for c in after] == listing[row + 1 : row + 1 + limit]
                assert [c.id for c in before] == listing[max(0, row - limit) : row]


def test_rows_beside_a_fact_the_filter_hides_are_the_shown_facts_around_where_it_would_sort(
    filled: Ledger,
) -> None:
    """Rows read beside a fact the filter hides are the shown facts around the place it would sort."""
    order = ClaimOrder("value")
    everything = [c.id for c in filled.claims(ClaimFilter(), order, limit=-1)]
    statistics = ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC}))
    shown = {c.id for c in filled.claims(statistics, order, limit=-1)}
    hidden_row = next(r for r, claim_id in enumerate(everything) if claim_id not in shown)
    after = filled.claims_beside(everything[hidden_row], statistics, order, limit=100)
    assert after is not None
    assert [c.id for c in after] == [i for i in everything[hidden_row + 1 :] if i in shown]


def test_rows_beside_a_deleted_fact_are_unknown(filled: Ledger) -> None:
    """Asking for rows beside a fact that no longer exists gives no answer rather than a wrong page."""
    assert filled.claims_beside("clm_missing", ClaimFilter(), ClaimOrder()) is None


@pytest.mark.parametrize("column", SORTABLE_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_found_by_walking_the_sort_index_equal_the_plain_listing(
    filled: Ledger, monkeypatch: pytest.MonkeyPatch, column: str, descending: bool
) -> None:
    """Deep pages found by walking the sort index, forwards or backwards, equal those of the plain listing."""
    order = ClaimOrder(column, descending=descending)
    for claim_filter in FILTERS:
        listing = [c.id for c in filled.claims(claim_filter, order, limit=-1)]
        monkeypatch.setattr(claims_module, "INDEX_WALK_AFTER", 1)
        for reverse_after in (0, 10_000):  # pages in the far half read backwards, and read forwards
            monkeypatch.setattr(claims_module, "REVERSE_AFTER", reverse_after)
            for offset, limit in ((1, 5), (7, 20), (len(listing) - 3, 5), (len(listing), 5)):
                page = filled.claims(claim_filter, order, offset=offset, limit=limit)
                assert [c.id for c in page] == listing[offset : offset + limit]
        monkeypatch.undo()
