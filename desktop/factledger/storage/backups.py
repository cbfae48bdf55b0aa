"""Rolling backups of a ledger through SQLite's online backup API: make, list, prune, verify, restore.

A backup is a complete single-file ledger (rollback-journal mode, so it needs no -wal beside it) named
`<ledger stem>-<UTC time>-<reason>.factledger` in the ledger's backup folder. It is written to a hidden
`.part` file and renamed into place, so a crash mid-backup never leaves a half backup under a real name.
Restoring never overwrites or deletes the current file: it is moved aside under a timestamped name.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from factledger.domain import BackupInfo as BackupInfo  # a domain type, re-exported for storage code
from factledger.domain import UserError
from factledger.processes import process_alive

from . import integrity
from .open_ledgers import refuse_if_open

FOLDER_SETTING = "backup_folder"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_RECENT_HOURS = 24
KEEP_RECENT_MAX = 20
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z0-9-]+)\.factledger$")
_PART = re.compile(r"^\..+\.(?P<pid>\d+)\.part$")


def folder_for(root: Path, ledger: Path) -> Path:
    """Each ledger gets its own subfolder: its name plus a short hash of its full path, so two
    `ledger.factledger` files in different folders never mix their backups."""
    digest = hashlib.sha256(str(ledger.expanduser().resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return root / f"{ledger.stem}-{digest[:8]}"


def configured_folder(conn: sqlite3.Connection) -> Path | None:
    """The backup folder chosen for this ledger (its `settings` row), if any."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [FOLDER_SETTING]).fetchone()
    except sqlite3.Error:
        return None
    return Path(row[0]).expanduser() if row and row[0] else None


def configured_folder_of_file(path: Path) -> Path | None:
    """`configured_folder` of a ledger that is not open (it may be damaged: then None)."""
    try:
        conn = _ro(path)
    except sqlite3.Error:
        return None
    try:
        return configured_folder(conn)
    finally:
        conn.close()


def make_backup(conn: sqlite3.Connection, ledger: Path, folder: Path, *, reason: str) -> Path:
    """Write a consistent copy of the open ledger into `folder` (safe while others write: SQLite's backup
    API copies a snapshot), then prune old backups. Returns the new backup's path."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the backup folder {folder}: {exc.strerror}.") from exc
    clean_stale_parts(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = f"{ledger.stem}-{stamp}-{reason}.factledger"
    part = folder / f".{name}.{os.getpid()}.part"
    try:
        dest = sqlite3.connect(str(part))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            dest.close()
        os.replace(part, folder / name)
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        if "full" in str(exc).lower() or getattr(exc, "errno", None) == 28:
            raise UserError(
                f"The disk holding the backups is full; free space in {folder} (no backup was made)."
            ) from exc
        raise UserError(f"Cannot write a backup into {folder}: {exc}.") from exc
    prune(folder)
    return folder / name


def clean_stale_parts(folder: Path) -> list[Path]:
    """Remove the hidden `.part` files a killed backup left behind (their process is gone)."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _PART.match(entry.name)
        if match and not process_alive(int(match["pid"])):
            for side in (entry, entry.with_name(entry.name + "-journal")):
                side.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def list_backups(folder: Path, *, counts: bool = True) -> list[BackupInfo]:
    """The backups in `folder`, newest first; with `counts`, each is opened read-only to count its work."""
    found: list[BackupInfo] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match or not entry.is_file():
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        info = BackupInfo(entry, taken, match["reason"], entry.stat().st_size)
        if counts:
            info = _with_counts(info)
        found.append(info)
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)


def _with_counts(info: BackupInfo) -> BackupInfo:
    try:
        conn = _ro(info.path)
        try:
            sources = int(conn.execute("SELECT count(*) FROM sources").fetchone()[0])
            claims = int(conn.execute("SELECT count(*) FROM claims").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return BackupInfo(info.path, info.taken_at, info.reason, info.size, readable=False)
    return BackupInfo(info.path, info.taken_at, info.reason, info.size, sources, claims)


def verify(path: Path) -> list[str]:
    """Problems that make a backup unfit to restore (empty when it is a sound ledger)."""
    try:
        conn = _ro(path)
        try:
            problems = integrity.full_check(conn)
            if not problems and integrity.missing_tables(conn):
                problems = [f"tables missing: {', '.join(integrity.missing_tables(conn))}"]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [str(exc)]
    return problems


def newest_good(folder: Path) -> Path | None:
    """The newest backup that passes its check: what a damaged ledger's message offers to restore."""
    for info in list_backups(folder, counts=False):
        if not verify(info.path):
            return info.path
    return None


def newest_age(folder: Path, now: datetime | None = None) -> timedelta | None:
    backups = list_backups(folder, counts=False)
    if not backups:
        return None
    return (now or datetime.now(UTC)) - backups[0].taken_at


def prune(folder: Path, now: datetime | None = None) -> list[Path]:
    """Keep every backup of the last day (at most 20), the newest of each of the last 7 days that have
    one and the newest of each of the last 4 weeks; delete the rest. Returns what was deleted."""
    now = now or datetime.now(UTC)
    backups = list_backups(folder, counts=False)
    keep: set[Path] = set()
    recent = [b for b in backups if now - b.taken_at <= timedelta(hours=KEEP_RECENT_HOURS)]
    keep.update(b.path for b in recent[:KEEP_RECENT_MAX])
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for b in backups:  # newest first: the first seen of a day or week is its newest
        days.setdefault(b.taken_at.date(), b.path)
        weeks.setdefault(b.taken_at.isocalendar()[:2], b.path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def aside_name(ledger: Path, label: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return ledger.with_name(f"{ledger.stem}.{label}-{stamp}{ledger.suffix or '.factledger'}")


def restore(backup: Path, ledger: Path, *, damaged: bool = False) -> Path | None:
    """Put a verified backup in the ledger's place; the current file (with its -wal and -shm) is moved
    aside under a timestamped name, never overwritten. Returns where it went (None if there was none).

    The ledger must not be open in this process (the app closes its own first); other programs still
    holding the old file go on writing into the moved-aside copy, where nothing is lost.
    """
    backup = Path(backup)
    if not backup.is_file():
        raise UserError(f"There is no backup at {backup}.")
    refuse_if_open(ledger, doing="restoring over")
    problems = verify(backup)
    if problems:
        raise UserError(f"The backup {backup} is not a sound ledger ({problems[0]}); choose another one.")
    part = ledger.with_name(f".{ledger.name}.{os.getpid()}.restore.part")
    part.unlink(missing_ok=True)
    try:
        source = _ro(backup)
        dest = sqlite3.connect(str(part))
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        raise UserError(f"Cannot restore into {ledger.parent}: {exc}. The ledger was not changed.") from exc
    aside: Path | None = None
    if ledger.exists():
        aside = aside_name(ledger, "damaged" if damaged else "before-restore")
        for suffix in ("-wal", "-shm"):
            side = ledger.with_name(ledger.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
        os.replace(ledger, aside)
    os.replace(part, ledger)
    return aside


__all__ = [
    "FOLDER_SETTING",
    "BackupInfo",
    "aside_name",
    "clean_stale_parts",
    "configured_folder",
    "configured_folder_of_file",
    "folder_for",
    "list_backups",
    "make_backup",
    "newest_age",
    "newest_good",
    "prune",
    "restore",
    "verify",
]
