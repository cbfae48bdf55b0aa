"""A fact's row in any filtered, ordered listing, found without paging: what a table jumps to."""

from __future__ import annotations

import itertools

import pytest

from factledger.core import Ledger
from factledger.domain import SORTABLE_COLUMNS, ClaimFilter, ClaimKind, ClaimOrder, Document

TEXT = " ".join(f"Figure {n} is {n * 7 % 11} percent." for n in range(40))


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    other = ledger.import_document(Document(text="Japan will invest $550 billion. Toyota will invest more."))
    source = ledger.import_document(Document(text=TEXT, title="t"))
    assert source.source_id and other.source_id
    kinds = itertools.cycle(["claim", "statistic", "commitment"])
    for n in range(40):
        quote = f"Figure {n} is"
        start = TEXT.index(quote)
        fields = {"subject": None if n % 4 == 0 else f"s{n % 5}", "value": None if n % 3 == 0 else n % 6}
        ledger.log_claim(
            source_id=source.source_id, start=start, end=start + len(quote), kind=next(kinds), **fields
        )
    ledger.log_claim(source_id=other.source_id, start=0, end=5, kind="claim")
    return ledger


@pytest.mark.parametrize("column", SORTABLE_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_position_matches_the_row_in_the_listing_for_every_sort(
    filled: Ledger, column: str, descending: bool
) -> None:
    order = ClaimOrder(column, descending=descending)
    for claim_filter in (ClaimFilter(), ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC}))):
        listing = [c.id for c in filled.claims(claim_filter, order, limit=-1)]
        for row, claim_id in enumerate(listing):
            assert filled.claim_position(claim_id, claim_filter, order) == row


def test_a_fact_the_filter_hides_has_no_position(filled: Ledger) -> None:
    hidden = filled.claims(ClaimFilter(kinds=frozenset({ClaimKind.CLAIM})), limit=1)[0]
    shown_only_statistics = ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC}))
    assert filled.claim_position(hidden.id, shown_only_statistics, ClaimOrder()) is None
    assert filled.claim_position("clm_missing", ClaimFilter(), ClaimOrder()) is None
