"""What a ledger holds, counted: the row behind `Ledger.info()` (and `factledger info`).

Why in domain: storage counts and core reports, and storage may not import core.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LedgerCounts:
    """Rows per table, and facts per status and per kind (values as stored; absent ones not listed)."""

    sources: int
    claims: int
    suggestions: int
    evidence: int
    history: int
    dismissed: int
    by_status: dict[str, int]
    by_kind: dict[str, int]
