"""A ledger's backups as a person uses them: where they live, when one is due, listing, restoring, salvage."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from factledger.storage import backups as stored
from factledger.storage import integrity
from factledger.storage.backups import BackupInfo

from .paths import backups_root

if TYPE_CHECKING:
    # Types only: importing sqlite-utils ahead of `factledger.storage` would load pandas and numpy with it.
    import sqlite3

    from sqlite_utils import Database

BACKUP_EVERY = timedelta(days=1)
"""On open, a backup is made when the newest one is older than this."""


def folder_of(path: Path, db: Database | None = None) -> Path:
    """This ledger's backup folder: its own setting if it has one, else the default root; one subfolder per
    ledger either way."""
    if db is not None:
        configured = stored.configured_folder(db.conn)
    else:
        configured = stored.configured_folder_of_file(path) if path.exists() else None
    return stored.folder_for(configured or backups_root(), path)


def backup_now(db: Database, path: Path, *, reason: str) -> Path:
    return backup_connection(db.conn, path, reason=reason)


def backup_connection(conn: sqlite3.Connection, path: Path, *, reason: str) -> Path:
    """A backup through an open connection (the one storage hands over before it migrates)."""
    folder = stored.folder_for(stored.configured_folder(conn) or backups_root(), path)
    return stored.make_backup(conn, path, folder, reason=reason)


def backup_if_due(db: Database, path: Path) -> Path | None:
    """The daily backup: made on open when the newest is a day old (or there is none and the ledger
    holds something worth keeping)."""
    folder = folder_of(path, db)
    stored.clean_stale_parts(folder)
    age = stored.newest_age(folder)
    if age is not None and age < BACKUP_EVERY:
        return None
    if age is None and not _has_work(db):
        return None
    return stored.make_backup(db.conn, path, folder, reason="daily")


def _has_work(db: Database) -> bool:
    row = db.execute("SELECT EXISTS (SELECT 1 FROM sources) OR EXISTS (SELECT 1 FROM history)").fetchone()
    return bool(row[0])


def list_backups(path: Path, db: Database | None = None) -> list[BackupInfo]:
    return stored.list_backups(folder_of(path, db))


def newest_good_backup(path: Path) -> Path | None:
    return stored.newest_good(folder_of(path))


def resolve_backup(path: Path, name: str) -> Path:
    """A backup given as a path, as a file name in the ledger's backup folder, or as `latest`."""
    if name == "latest":
        newest = newest_good_backup(path)
        if newest is None:
            from factledger.domain import UserError

            raise UserError(f"There is no sound backup of {path} in {folder_of(path)}.")
        return newest
    given = Path(name).expanduser()
    if given.exists() or given.is_absolute() or len(given.parts) > 1:
        return given
    return folder_of(path) / name


def restore_backup(backup: Path, path: Path, *, damaged: bool = False) -> Path | None:
    return stored.restore(backup, path, damaged=damaged)


def salvage_copy(path: Path, target: Path | None = None) -> tuple[Path, str]:
    """A new file with what can still be read from a damaged ledger, beside it; the ledger is only read."""
    destination = target or stored.aside_name(path, "salvaged")
    return integrity.salvage(path, destination)


__all__ = [
    "BACKUP_EVERY",
    "BackupInfo",
    "backup_connection",
    "backup_if_due",
    "backup_now",
    "folder_of",
    "list_backups",
    "newest_good_backup",
    "resolve_backup",
    "restore_backup",
    "salvage_copy",
]
