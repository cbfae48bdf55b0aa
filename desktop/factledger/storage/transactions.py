"""Write transactions: one import or one edit is all of it or none of it, and a failure is a sentence."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from .errors import LedgerDamaged, sentence_for


def database_path(db: Database) -> Path:
    """The file behind a connection (from SQLite itself: no file is touched)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file or ":memory:")
    return Path(":memory:")


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
    instead of deadlocking when a read transaction tries to become a write one.

    A full disk, a lock held past the busy timeout, a read-only file or a damaged page roll the whole
    transaction back and become a `UserError` sentence saying so, never a traceback.
    """
    if getattr(db.conn, "damaged", False):
        path = database_path(db)
        raise LedgerDamaged(
            f"The ledger {path} is damaged, so nothing more is written into it. "
            "Restore a backup (File > Restore from backup…, or factledger restore) or save a salvage copy.",
            path=path,
        )
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise sentence_for(database_path(db), exc) from exc
    try:
        yield db
    except sqlite3.OperationalError as exc:
        _rollback(db)
        raise sentence_for(database_path(db), exc) from exc
    except sqlite3.DatabaseError as exc:
        _rollback(db)
        if isinstance(exc, sqlite3.IntegrityError):
            raise
        raise sentence_for(database_path(db), exc) from exc
    except BaseException:
        _rollback(db)
        raise
    try:
        db.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        _rollback(db)
        raise sentence_for(database_path(db), exc) from exc


def _rollback(db: Database) -> None:
    if db.conn.in_transaction:
        # SQLite may already have rolled back (a full disk or an I/O error ends the transaction itself)
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
