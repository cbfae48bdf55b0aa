"""Opening a ledger file: identify it read-only, check it, back it up, migrate it, repair its guards.

Nothing here opens the file outside SQLite (see `open_ledgers`): the header, the tables and the schema
version are read through a `mode=ro` connection before anything can be written, so a file that is
refused is left exactly as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from factledger.domain import UserError

from . import integrity
from .errors import LedgerDamaged, NeedsInit, is_damage, sentence_for
from .open_ledgers import LedgerConnection, is_open
from .schema import KNOWN_MIGRATIONS, MIGRATION_SET, SCHEMA_VERSION, migrations

LEDGER_SUFFIX = ".factledger"
BUSY_TIMEOUT_MS = 15_000
APPLICATION_ID = (
    0x464C4447  # "FLDG" at header offset 68: lets file managers tell a ledger from any SQLite file
)
QUICK_CHECK_SECONDS = 1.0
"""How long opening may spend on `PRAGMA quick_check`; a bigger file is checked fully in the background."""
READ_CHECK_BYTES = 16 * 2**20
"""The largest file checked before a command that only reads (`OpenOptions.reading`).

A check of this much takes a few tens of milliseconds; a bigger file could not be covered in the time a
query takes (a million facts is ~2 GB: the one-second budget covers a fraction of it and is most of the
time `factledger search` spends). Skipping it there is safe because nothing is written, and SQLite
refuses any damaged page the query does read, which becomes the same "damaged" sentence.
`factledger verify` checks every page on request.
"""


@dataclass(frozen=True, slots=True)
class Probe:
    """What a file is, found through a read-only connection before anything is written."""

    kind: str  # new, ledger, empty, foreign, newer
    applied: frozenset[str] = frozenset()
    user_version: int = 0
    size: int = 0


@dataclass
class OpenOptions:
    """How to open: create a missing file, turn an empty foreign SQLite file into a ledger, check it.

    `backup` is called with the connection and a reason before a migration (and, on the first open in
    this process, when the newest backup is a day old); it returns the backup's path or None.
    `newest_backup` names the newest good backup for a damaged ledger's sentence.
    """

    create: bool = True
    init: bool = False
    backup: Callable[[sqlite3.Connection, Path, str], Path | None] | None = None
    newest_backup: Callable[[Path], Path | None] | None = None
    notices: list[str] = field(default_factory=list)
    first_open: bool = False
    """Set by `open_database`: no other connection to this file was open in this process."""
    read_only: bool = False
    """Set by `open_database`: the file cannot be written (permissions or medium); reads still work."""
    reading: bool = False
    """The caller only reads (a query on the command line): a file over `READ_CHECK_BYTES` is not checked
    page by page before it answers."""


def open_database(path: Path, *, create: bool = True, options: OpenOptions | None = None) -> Database:
    """Open (or create) a ledger and bring its schema up to date.

    A file written by a newer FactLedger, a foreign SQLite file and a damaged ledger are refused with a
    sentence and left unchanged; an older ledger is backed up before it is migrated.
    """
    path = Path(path)
    opts = options or OpenOptions(create=create)
    opts.create = opts.create and create
    check_sqlite_version(sqlite3.sqlite_version_info)
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a ledger file.")
    first_here = not is_open(path)
    probe = _probe(path, opts) if first_here else Probe("ledger", KNOWN_MIGRATIONS, SCHEMA_VERSION)
    if probe.kind == "new":
        if not opts.create:
            raise UserError(f"There is no ledger at {path}.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"Cannot create the folder for the ledger {path}: {exc.strerror}.") from exc
    read_only = probe.kind != "new" and not _writable(path)
    opts.first_open, opts.read_only = first_here, read_only
    conn = _connect(path, read_only=read_only)
    # sqlite-utils plugins serve its own command line: loading them scans every installed package's entry
    # points (10-15 ms a process) and would let third-party code change how a ledger's connection behaves.
    db = Database(conn, execute_plugins=False)
    try:
        _configure(db, read_only=read_only)
        if first_here and probe.kind == "ledger" and not (opts.reading and probe.size > READ_CHECK_BYTES):
            problems = integrity.quick_check(conn, seconds=QUICK_CHECK_SECONDS)
            if problems:
                raise _damaged(path, opts, "; ".join(problems[:3]))
        if read_only:
            if not _current(probe) and migrations.pending(db):
                raise UserError(
                    f"The ledger {path} is read-only and needs an update this version makes before use; "
                    "open a copy you can write to."
                )
            opts.notices.append(f"The ledger {path} is read-only: it can be read and exported, not changed.")
        else:
            _migrate(db, path, probe, opts)
        if first_here:
            missing = integrity.missing_tables(conn)
            if missing:
                raise _damaged(path, opts, f"its table {', '.join(missing)} is missing")
            if not read_only:
                repaired = integrity.repair_guards(conn)
                if repaired:
                    opts.notices.append(
                        f"The ledger {path} had lost {len(repaired)} of its safeguards "
                        f"({', '.join(repaired)}), probably through another tool; they were put back."
                    )
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_damage(exc):
            raise _damaged(path, opts, str(exc)) from exc
        raise sentence_for(path, exc, writing=False) from exc
    except BaseException:
        conn.close()
        raise
    return db


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect(path: Path, *, read_only: bool) -> LedgerConnection:
    try:
        if read_only:
            conn = sqlite3.connect(
                _uri(path, "ro"),
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                factory=LedgerConnection,
                check_same_thread=True,
            )
        else:
            conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, factory=LedgerConnection
            )
    except sqlite3.Error as exc:
        raise UserError(f"Cannot open the ledger {path}: {exc}.") from exc
    assert isinstance(conn, LedgerConnection)
    conn.register(path)
    return conn


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _probe(path: Path, opts: OpenOptions) -> Probe:
    """Identify the file through a read-only SQLite connection: no WAL switch, no table, no byte written."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Probe("new")
    except OSError as exc:
        raise UserError(f"Cannot read the ledger {path}: {exc.strerror}.") from exc
    if size == 0:
        return Probe("new")
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise UserError(f"Cannot read the ledger {path}: {exc}.") from exc
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        applied: frozenset[str] = frozenset()
        if migrations.migrations_table in names:
            applied = frozenset(
                row[0]
                for row in conn.execute(
                    f"SELECT name FROM {migrations.migrations_table} WHERE migration_set = ?", [MIGRATION_SET]
                )
            )
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) and not _has_sqlite_header(path):
            raise UserError(
                f"{path} is not a FactLedger ledger (not an SQLite file); it was not changed."
            ) from exc
        if is_damage(exc):
            raise _damaged(path, opts, str(exc)) from exc
        raise sentence_for(path, exc, writing=False) from exc
    finally:
        conn.close()
    if applied - KNOWN_MIGRATIONS or user_version > SCHEMA_VERSION:
        raise UserError(
            f"The ledger {path} was written by a newer version of FactLedger (schema "
            f"{max(user_version, len(applied))}, this version knows {SCHEMA_VERSION}). "
            "Update FactLedger to open it; the file was not changed."
        )
    if applied or app_id == APPLICATION_ID:
        return Probe("ledger", applied, user_version, size)
    if names:
        raise UserError(f"{path} is an SQLite database but not a FactLedger ledger; it was not changed.")
    if not opts.init:
        raise NeedsInit(
            f"{path} is an empty SQLite database that FactLedger did not create; it was not changed. "
            "Confirm to turn it into a ledger (on the command line: add --init).",
            path=path,
        )
    return Probe("empty")


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _has_sqlite_header(path: Path) -> bool:
    """Read the 16-byte header with a plain file read: only here, once SQLite has refused the file and
    while no connection to it is open in this process (closing this handle would otherwise drop that
    connection's locks; see `open_ledgers`)."""
    if is_open(path):
        return True  # a file SQLite has open here is an SQLite file; never touch it from outside
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def _damaged(path: Path, opts: OpenOptions, detail: str) -> LedgerDamaged:
    backup = opts.newest_backup(path) if opts.newest_backup is not None else None
    restore = (
        f'The newest good backup is {backup}: restore it (factledger restore "{backup}" --ledger "{path}"); '
        if backup is not None
        else "There is no backup of it; "
    )
    return LedgerDamaged(
        f"The ledger {path} is damaged ({detail}); nothing will be written into it. {restore}"
        f'a salvage copy keeps what can still be read (factledger salvage --ledger "{path}"). '
        "The damaged file is left as it is.",
        path=path,
        backup=backup,
    )


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


def _configure(db: Database, *, read_only: bool) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if read_only:
        return
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        # A read-only medium or a network share that refuses WAL still works, just without concurrency.
        db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = NORMAL")


def _current(probe: Probe) -> bool:
    """The read-only probe found every migration of this version applied, so none is pending.

    Migrations are only ever added, never undone, so what the probe read stays true once the writable
    connection is open; the usual open then skips asking sqlite-utils' `Migrations` again.
    """
    return probe.kind == "ledger" and probe.applied >= KNOWN_MIGRATIONS


def _migrate(db: Database, path: Path, probe: Probe, opts: OpenOptions) -> None:
    if _current(probe):
        return
    if probe.kind in ("new", "empty"):
        # first, so a file whose creation was cut short is still recognised as ours next time
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    pending = migrations.pending(db)
    if not pending:
        return
    if probe.applied and opts.backup is not None:
        opts.backup(db.conn, path, f"before-schema-v{SCHEMA_VERSION}")
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def close_database(db: Database) -> None:
    db.conn.close()


__all__ = [
    "LEDGER_SUFFIX",
    "MIGRATION_SET",
    "SCHEMA_VERSION",
    "OpenOptions",
    "close_database",
    "open_database",
]
