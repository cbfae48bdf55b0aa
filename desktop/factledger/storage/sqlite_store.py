"""The SQLite adapter of the storage port: every repository over one sqlite-utils `Database` (one connection).

`SqliteStore` implements `core.store.LedgerStore` structurally (storage never imports core; a test checks
the fit with mypy and at run time). `SqliteStore.open` is what `Ledger.open` calls to pick this engine: it
opens, checks and migrates the file (`database.open_database`) with the backup hooks the core hands in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from factledger.domain import ClaimFilter, SearchHit
from factledger.domain.factsheet import FactSheetRow
from factledger.domain.ledger_counts import LedgerCounts

from . import backups, integrity, open_ledgers
from .claims import ClaimRepository
from .database import SCHEMA_VERSION, OpenOptions, open_database
from .evidence import EvidenceRepository
from .factsheet import factsheet_rows
from .history import HistoryRepository
from .ledger_counts import LedgerCountsRepository
from .links import LinkRepository
from .search import search
from .series import ChartRepository
from .settings import SettingsRepository
from .sources import SourceRepository
from .suggestions import SuggestionRepository
from .transactions import database_path, write_transaction
from .versions import VersionRepository


class SqliteStore:
    """One ledger file open through SQLite: its repositories, transactions, search, exports and backups.

    Owned by one thread, like the connection under it. `db` is the sqlite-utils handle for SQLite-specific
    tools (benchmarks, tests that inspect the file);
    code outside storage reaches it only through `sqlite_database`, never through the `LedgerStore` port.
    """

    schema_version = SCHEMA_VERSION
    keeps_file_backups = True
    """A ledger file is backed up into files by FactLedger (daily, and before an edit that cannot be undone)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sources = SourceRepository(db)
        self.claims = ClaimRepository(db)
        self.suggestions = SuggestionRepository(db)
        self.evidence = EvidenceRepository(db)
        self.history = HistoryRepository(db)
        self.settings = SettingsRepository(db)
        self.links = LinkRepository(db)
        self.versions = VersionRepository(db)
        self.charts = ChartRepository(db)
        self.notices: tuple[str, ...] = ()
        """Sentences from opening (safeguards put back, read-only file) the person should read once."""
        self.read_only = False
        self.first_open = False
        """No other connection to this file was open in this process when this one opened."""

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = True,
        init: bool = False,
        backups_root: Callable[[], Path],
        newest_backup: Callable[[Path], Path | None],
        reading: bool = False,
    ) -> SqliteStore:
        """Open (or create) the ledger at `path`, backed up into its backup folder (under `backups_root()`
        unless the ledger chose another) before a migration; `newest_backup` names the backup a damaged
        ledger's sentence offers. `reading`: the caller only reads (see `OpenOptions.reading`)."""

        options = OpenOptions(
            create=create,
            init=init,
            backup=migration_backup(backups_root),
            newest_backup=newest_backup,
            reading=reading,
        )
        store = cls(open_database(path, options=options))
        store.notices = tuple(options.notices)
        store.read_only = options.read_only
        store.first_open = options.first_open
        return store

    def counts(self) -> LedgerCounts:
        return LedgerCountsRepository(self.db).counts()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """`write_transaction`: BEGIN IMMEDIATE, all or nothing, SQLite errors as sentences; nests."""
        with write_transaction(self.db):
            yield

    def close(self) -> None:
        self.db.conn.close()

    def search(self, query: str, *, limit: int = 100, ranked: bool = True) -> list[SearchHit]:
        return search(self.db, query, limit=limit, ranked=ranked)

    def factsheet_rows(self, claim_filter: ClaimFilter) -> Iterator[FactSheetRow]:
        return factsheet_rows(self.db, claim_filter)

    def integrity_problems(self) -> list[str]:
        """`PRAGMA integrity_check` in full; damage found marks the file so no connection here writes on."""
        problems = integrity.full_check(self.db.conn)
        if problems:
            open_ledgers.mark_damaged(database_path(self.db))
        return problems

    def refuse_if_open(self, path: Path, *, doing: str) -> None:
        open_ledgers.refuse_if_open(path, doing=doing)

    def has_work(self) -> bool:
        row = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM sources) OR EXISTS (SELECT 1 FROM history)"
        ).fetchone()
        return bool(row[0])

    def configured_backup_folder(self) -> Path | None:
        return backups.configured_folder(self.db.conn)

    def make_backup(self, path: Path, folder: Path, *, reason: str) -> Path:
        return backups.make_backup(self.db.conn, path, folder, reason=reason)


def migration_backup(backups_root: Callable[[], Path]) -> Callable[[sqlite3.Connection, Path, str], Path]:
    """The backup taken before a ledger file is migrated: into the ledger's own backup folder, or its
    subfolder under `backups_root()`. Shared by opening a ledger and by copying one to a server."""

    def before_migration(conn: sqlite3.Connection, ledger: Path, reason: str) -> Path:
        folder = backups.folder_for(backups.configured_folder(conn) or backups_root(), ledger)
        return backups.make_backup(conn, ledger, folder, reason=reason)

    return before_migration


def sqlite_database(store: object) -> Database:
    """The sqlite-utils handle of a store opened by this adapter (for tests, benchmarks and tools that
    inspect the file itself); a `TypeError` for any other engine's store."""
    if not isinstance(store, SqliteStore):
        raise TypeError(f"not a SQLite ledger store: {type(store).__name__}")
    return store.db


__all__ = ["SqliteStore", "sqlite_database"]
