"""A ledger's backups as a person uses them: where they live, when one is due, listing, restoring, salvage.

Backup files are the engine's own business (SQLite's online backup API, a file per backup), so this module
calls the SQLite adapter's `storage.backups` directly; an open ledger is reached through the store port.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from factledger.domain import BackupInfo
from factledger.storage import backups as stored
from factledger.storage import integrity

from .paths import backups_root

if TYPE_CHECKING:
    from .store import LedgerStore

BACKUP_EVERY = timedelta(days=1)
"""On open, a backup is made when the newest one is older than this."""


def folder_of(path: Path, store: LedgerStore | None = None) -> Path:
    """This ledger's backup folder: its own setting if it has one, else the default root; one subfolder per
    ledger either way."""
    if store is not None:
        configured = store.configured_backup_folder()
    else:
        configured = stored.configured_folder_of_file(path) if path.exists() else None
    return stored.folder_for(configured or backups_root(), path)


def set_folder(store: LedgerStore, folder: Path | str | None) -> None:
    """Choose where this ledger's backups go (None: back to the default folder); kept in the ledger."""
    with store.transaction():
        store.settings.set(stored.FOLDER_SETTING, str(Path(folder).expanduser()) if folder else None)


def backup_now(store: LedgerStore, path: Path, *, reason: str) -> Path:
    """A backup through the open store (consistent while others write)."""
    return store.make_backup(path, folder_of(path, store), reason=reason)


def backup_if_due(store: LedgerStore, path: Path) -> Path | None:
    """The daily backup: made on open when the newest is a day old (or there is none and the ledger
    holds something worth keeping)."""
    folder = folder_of(path, store)
    stored.clean_stale_parts(folder)
    age = stored.newest_age(folder)
    if age is not None and age < BACKUP_EVERY:
        return None
    if age is None and not store.has_work():
        return None
    return store.make_backup(path, folder, reason="daily")


def list_backups(path: Path, store: LedgerStore | None = None) -> list[BackupInfo]:
    return stored.list_backups(folder_of(path, store))


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
    "backup_if_due",
    "backup_now",
    "folder_of",
    "list_backups",
    "newest_good_backup",
    "resolve_backup",
    "restore_backup",
    "salvage_copy",
    "set_folder",
]
