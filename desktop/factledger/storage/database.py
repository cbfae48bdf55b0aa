"""Opening a ledger file: connection settings, schema checks, migration with a backup first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from factledger.domain import UserError

from .schema import KNOWN_MIGRATIONS, MIGRATION_SET, SCHEMA_VERSION, migrations

LEDGER_SUFFIX = ".factledger"
BUSY_TIMEOUT_MS = 15_000
_SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = (
    0x464C4447  # "FLDG" at header offset 68: lets file managers tell a ledger from any SQLite file
)


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open (or create) a ledger and bring its schema up to date.

    A file written by a newer FactLedger is refused rather than half-understood; an older one is
    copied next to itself before it is migrated, so a failed or unwanted migration loses nothing.
    """
    path = Path(path)
    check_sqlite_version(sqlite3.sqlite_version_info)
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new and not create:
        raise UserError(f"There is no ledger at {path}.")
    if not is_new:
        _check_is_sqlite(path)
    if is_new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"Cannot create the folder for the ledger {path}: {exc.strerror}.") from exc
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise UserError(f"Cannot open the ledger {path}: {exc}.") from exc
    db = Database(conn)
    try:
        _configure(db)
        _migrate(db, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise UserError(_describe_sqlite_error(path, exc)) from exc
    except BaseException:
        conn.close()
        raise
    return db


MIN_SQLITE = (3, 33, 0)
"""Generated columns (3.31), FTS5, and `UPDATE … FROM` in the timeline summary's triggers (3.33)."""


def check_sqlite_version(version: tuple[int, int, int]) -> None:
    """Refuse, with a sentence, an SQLite too old for the schema rather than fail half-way through a migration."""
    if version < MIN_SQLITE:
        have = ".".join(map(str, version))
        need = ".".join(map(str, MIN_SQLITE))
        raise UserError(
            f"This Python uses SQLite {have}; FactLedger needs SQLite {need} or newer. "
            "Use a Python built against a newer SQLite (Debian 12 and Ubuntu 22.04 ship one)."
        )


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        # A read-only medium or a network share that refuses WAL still works, just without concurrency.
        db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = NORMAL")


def _migrate(db: Database, path: Path) -> None:
    applied = {m.name for m in migrations.applied(db)}
    user_version = int(db.execute("PRAGMA user_version").fetchone()[0])
    unknown = applied - KNOWN_MIGRATIONS
    if unknown or user_version > SCHEMA_VERSION:
        raise UserError(
            f"The ledger {path} was written by a newer version of FactLedger (schema "
            f"{max(user_version, len(applied))}, this version knows {SCHEMA_VERSION}). "
            "Update FactLedger to open it; the file was not changed."
        )
    has_tables = bool(db.table_names())
    if has_tables and not applied and "claims" not in db.table_names():
        raise UserError(f"{path} is an SQLite database but not a FactLedger ledger; it was not changed.")
    pending = migrations.pending(db)
    if not pending:
        return
    if applied:
        backup_copy(db, path, reason=f"schema-v{len(applied)}")
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def backup_copy(db: Database, path: Path, *, reason: str) -> Path:
    """Write a consistent copy of the ledger next to it (SQLite's online backup, safe under WAL)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{reason}-{stamp}{path.suffix or LEDGER_SUFFIX}")
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def _check_is_sqlite(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a ledger file.")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise UserError(f"Cannot read the ledger {path}: {exc.strerror}.") from exc
    if head != _SQLITE_MAGIC:
        raise UserError(f"{path} is not a FactLedger ledger (not an SQLite file); it was not changed.")


def _describe_sqlite_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"The ledger {path} is busy in another program; try again in a moment."
    if "malformed" in text or "not a database" in text:
        return f"The ledger {path} is damaged ({text}); restore it from a backup copy."
    if "readonly" in text or "read-only" in text:
        return f"The ledger {path} is read-only; open a copy you can write to."
    return f"Cannot open the ledger {path}: {text}."


__all__ = ["LEDGER_SUFFIX", "MIGRATION_SET", "SCHEMA_VERSION", "backup_copy", "open_database"]
