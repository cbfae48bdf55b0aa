"""The sentences a ledger's SQLite errors become: damaged, full, busy, read-only, not a ledger yet."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factledger.domain import UserError

# Domain types, re-exported for storage code.
from factledger.domain.errors import LedgerDamaged as LedgerDamaged
from factledger.domain.errors import NeedsInit as NeedsInit


def is_damage(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text or "corrupt" in text
    )


def sentence_for(path: Path, exc: sqlite3.Error, *, writing: bool = True) -> UserError:
    """One sentence for an SQLite error on the ledger at `path`; a write that failed was rolled back whole."""
    text = str(exc)
    lower = text.lower()
    undone = " This change was rolled back: nothing was saved." if writing else ""
    if "full" in lower:
        return UserError(
            f"The disk holding the ledger is full ({text}).{undone} Free some space in {path.parent} and try again."
        )
    if "locked" in lower or "busy" in lower:
        return UserError(
            f"The ledger {path} is busy: another program kept it locked for too long.{undone} "
            "Try again in a moment, or close the other program."
        )
    if "readonly" in lower or "read-only" in lower:
        return UserError(
            f"The ledger {path} is read-only (file permissions or medium): it can be read and exported, "
            "not changed. Make the file writable, or open a copy you can write to."
        )
    if is_damage(exc):
        return LedgerDamaged(
            f"The ledger {path} is damaged ({text}); nothing more will be written into it. "
            "Restore a backup (factledger backups lists them) or save a salvage copy (factledger salvage).",
            path=path,
        )
    if "interrupted" in lower:
        return UserError("Stopped before it finished; nothing was changed.")
    return UserError(f"The ledger {path} could not be used: {text}.")


def user_error_for(exc: BaseException, path: Path) -> UserError | None:
    """The sentence for an SQLite error that escaped a read (a damaged page found mid-listing, a lock);
    None for anything that is not an SQLite error, which stays a bug to report."""
    if isinstance(exc, sqlite3.Error):
        return sentence_for(path, exc, writing=False)
    return None


__all__ = ["LedgerDamaged", "NeedsInit", "is_damage", "sentence_for", "user_error_for"]
