"""A fact's row in any filtered, ordered listing, found without paging: what a table jumps to."""

from __future__ import annotations

import pytest

from factledger.core import Ledger
from factledger.domain import SORTABLE_COLUMNS, ClaimFilter, ClaimKind, ClaimOrder


@pytest.mark.parametrize("column", SORTABLE_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_position_matches_the_row_in_the_listing_for_every_sort(
    filled: Ledger, column: str, descending: bool
) -> None:
    """A fact's position is its row in the listing, for every sort column, direction and filter."""
    order = ClaimOrder(column, descending=descending)
    for claim_filter in (ClaimFilter(), ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC}))):
        listing = [c.id for c in filled.claims(claim_filter, order, limit=-1)]
        for row, claim_id in enumerate(listing):
            assert filled.claim_position(claim_id, claim_filter, order) == row


def test_a_fact_the_filter_hides_has_no_position(filled: Ledger) -> None:
    """A fact the filter hides, or one that does not exist, has no position."""
    hidden = filled.claims(ClaimFilter(kinds=frozenset({ClaimKind.CLAIM})), limit=1)[0]
    shown_only_statistics = ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC}))
    assert filled.claim_position(hidden.id, shown_only_statistics, ClaimOrder()) is None
    assert filled.claim_position("clm_missing", ClaimFilter(), ClaimOrder()) is None
