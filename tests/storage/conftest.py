"""A ledger whose facts tie and hold NULLs in the sort columns: what paging and positions must get right."""

from __future__ import annotations

import itertools

import pytest

from factledger.core import Ledger
from factledger.domain import Document

FIGURES_TEXT = " ".join(f"Figure {n} is {n * 7 % 11} percent." for n in range(40))


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    """41 facts in two sources; subject and value are NULL for some, and many share a sort key."""
    other = ledger.import_document(Document(text="Japan will invest $550 billion. Toyota will invest more."))
    source = ledger.import_document(Document(text=FIGURES_TEXT, title="t"))
    assert source.source_id and other.source_id
    kinds = itertools.cycle(["claim", "statistic", "commitment"])
    for n in range(40):
        quote = f"Figure {n} is"
        start = FIGURES_TEXT.index(quote)
        fields = {"subject": None if n % 4 == 0 else f"s{n % 5}", "value": None if n % 3 == 0 else n % 6}
        ledger.log_claim(
            source_id=source.source_id, start=start, end=start + len(quote), kind=next(kinds), **fields
        )
    ledger.log_claim(source_id=other.source_id, start=0, end=5, kind="claim")
    return ledger
