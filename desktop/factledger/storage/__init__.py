"""The one place SQL lives: schema, migrations, repositories and full-text search over a ledger file."""

# First, for its side effect: sqlite-utils loads without pandas and numpy before any module below imports it.
from . import sqlite_utils_loader  # noqa: F401
from .claims import ClaimRepository, order_clause, where_clause
from .database import LEDGER_SUFFIX, SCHEMA_VERSION, OpenOptions, open_database
from .evidence import EvidenceRepository
from .factsheet import factsheet_rows
from .history import HistoryRepository
from .links import LinkRepository
from .rows import ClaimPage
from .search import SearchHit, fts_match_expression, search
from .settings import SettingsRepository
from .sources import SourceRepository, SourceSummary
from .suggestions import StoredSuggestion, SuggestionRepository
from .transactions import write_transaction
from .versions import FactSpan, VersionInfo, VersionRepository

__all__ = [
    "LEDGER_SUFFIX",
    "SCHEMA_VERSION",
    "ClaimPage",
    "ClaimRepository",
    "EvidenceRepository",
    "FactSpan",
    "HistoryRepository",
    "LinkRepository",
    "OpenOptions",
    "SearchHit",
    "SettingsRepository",
    "SourceRepository",
    "SourceSummary",
    "StoredSuggestion",
    "SuggestionRepository",
    "VersionInfo",
    "VersionRepository",
    "factsheet_rows",
    "fts_match_expression",
    "open_database",
    "order_clause",
    "search",
    "where_clause",
    "write_transaction",
]
