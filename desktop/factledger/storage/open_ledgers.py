"""The process-wide registry of ledger files that have a live SQLite connection in this process.

POSIX advisory locks belong to the process and the file, not to a descriptor: closing ANY descriptor on
a database file drops every lock the process holds on it (SQLite's "How To Corrupt" §2.2). Another
process then believes it is alone, checkpoints and deletes the WAL under our live connection. So while a
ledger is open here, nothing in this process may `open()` it (or its -wal, -shm or -journal) outside
SQLite. Every connection FactLedger makes is a `LedgerConnection`, which registers itself by inode; code
that reads arbitrary files (imports) or replaces them (exports, restores) asks `touches_open_ledger` first.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from pathlib import Path
from typing import Any

_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_lock = threading.Lock()
_open: dict[tuple[int, int], list[weakref.ref[LedgerConnection]]] = {}
_damaged: set[tuple[int, int]] = set()


class LedgerConnection(sqlite3.Connection):
    """An `sqlite3.Connection` that keeps the registry true: registered once open, removed when closed.

    A subclass (rather than a wrapper) so sqlite-utils and every repository use it unchanged, and so a
    plain `db.conn.close()` anywhere still unregisters it. Weak references: a forgotten connection that
    the garbage collector closes leaves the registry by itself.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._key: tuple[int, int] | None = None
        self._closed = False

    def register(self, path: Path) -> None:
        key = file_key(path)
        if key is None:
            return
        self._key = key
        with _lock:
            _open.setdefault(key, []).append(weakref.ref(self))

    @property
    def is_closed(self) -> bool:
        return self._closed

    @property
    def damaged(self) -> bool:
        """A check in this process found the file damaged: no connection to it may write any more."""
        with _lock:
            return self._key is not None and self._key in _damaged

    def close(self) -> None:
        self._closed = True
        key, self._key = self._key, None
        super().close()  # SQLite's own close: it defers releasing descriptors while others hold locks
        if key is not None:
            with _lock:
                _prune(key)


def file_key(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a file, or None when it does not exist; `stat` opens no descriptor."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _prune(key: tuple[int, int]) -> int:
    alive = [ref for ref in _open.get(key, []) if (conn := ref()) is not None and not conn.is_closed]
    if alive:
        _open[key] = alive
    else:
        _open.pop(key, None)
    return len(alive)


def open_count(path: Path) -> int:
    """How many live connections this process has on the ledger at `path`."""
    key = file_key(path)
    if key is None:
        return 0
    with _lock:
        return _prune(key)


def mark_damaged(path: Path) -> None:
    """Refuse every later write into this file from this process (a background check found damage)."""
    key = file_key(path)
    if key is not None:
        with _lock:
            _damaged.add(key)


def is_open(path: Path) -> bool:
    return open_count(path) > 0


def touches_open_ledger(path: Path) -> bool:
    """True when `path` is a ledger open in this process, or one of its -wal, -shm or -journal files."""
    path = Path(path)
    if is_open(path):
        return True
    name = path.name
    for suffix in _SIDE_SUFFIXES:
        if name.endswith(suffix) and is_open(path.with_name(name[: -len(suffix)])):
            return True
    return False


def refuse_if_open(path: Path, *, doing: str) -> None:
    """Raise a sentence instead of letting a plain file operation drop the locks of a live ledger."""
    from factledger.domain import UserError

    if touches_open_ledger(path):
        raise UserError(
            f"{path} is a ledger open in FactLedger right now; {doing} it would endanger it. "
            "Choose another file."
        )


__all__ = [
    "LedgerConnection",
    "file_key",
    "is_open",
    "mark_damaged",
    "open_count",
    "refuse_if_open",
    "touches_open_ledger",
]
