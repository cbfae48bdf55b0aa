"""What a ledger holds, counted in one place: the row `Ledger.info()` reports (`factledger info`)."""

from __future__ import annotations

from sqlite_utils import Database

from factledger.domain.ledger_counts import LedgerCounts

from .evidence import EvidenceRepository
from .history import HistoryRepository
from .sources import SourceRepository
from .suggestions import SuggestionRepository


class LedgerCountsRepository:
    """Counts over one ledger connection. Core builds its `LedgerInfo` from the row, with no SQL of its own;
    the per-table counts are the repositories' own, so "how many sources" means one thing everywhere."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def counts(self) -> LedgerCounts:
        """Rows per table (sources once however many versions), and facts per status and per kind."""
        by_status = {
            str(status): int(n)
            for status, n in self._db.execute("SELECT status, count(*) FROM claims GROUP BY status")
        }
        by_kind = {
            str(kind): int(n)
            for kind, n in self._db.execute("SELECT kind, count(*) FROM claims GROUP BY kind")
        }
        suggestions = SuggestionRepository(self._db)
        return LedgerCounts(
            sources=SourceRepository(self._db).count(),
            claims=sum(by_status.values()),
            suggestions=suggestions.count(),
            evidence=EvidenceRepository(self._db).count(),
            history=HistoryRepository(self._db).count(),
            dismissed=suggestions.count_dismissed(),
            by_status=by_status,
            by_kind=by_kind,
        )
