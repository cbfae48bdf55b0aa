"""Checking a ledger's health: page checks bounded in time, missing tables, lost guards, salvage copies."""

from __future__ import annotations

import functools
import os
import shutil
import sqlite3
import time
from pathlib import Path

from sqlite_utils import Database

from .schema import migrations
from .schema_objects import SCHEMA_OBJECTS

_COPY_ORDER = (
    "sources",
    "originals",
    "claims",
    "evidence",
    "history",
    "links",
    "suggestions",
    "dismissed",
    "settings",
)
"""The tables that hold the person's work, parents first; search indexes and summaries are rebuilt."""


@functools.cache
def expected_schema() -> dict[str, tuple[str, str, str]]:
    """name -> (type, table, sql) of every object a current ledger has, from a fresh in-memory one."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.apply(Database(conn, execute_plugins=False))
        rows = conn.execute(
            "SELECT name, type, tbl_name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL"
        ).fetchall()
    finally:
        conn.close()
    return {name: (kind, table, sql) for name, kind, table, sql in rows}


def _present(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name, type FROM sqlite_master").fetchall())


def _complete(present: dict[str, str]) -> bool:
    """Every object of the current schema is there by name: nothing to report or put back.

    The common case on every open, answered from the written-out list without building the expected
    schema (which runs all migrations in memory); only a ledger that lost something pays for that.
    """
    return all(name in present for name in SCHEMA_OBJECTS)


def missing_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables a ledger must have but this one lacks (a `DROP TABLE` from another tool): it is damaged."""
    present = _present(conn)
    if _complete(present):
        return []
    return sorted(
        name for name, (kind, _t, _s) in expected_schema().items() if kind == "table" and name not in present
    )


def repair_guards(conn: sqlite3.Connection) -> list[str]:
    """Recreate the triggers, views and indexes another tool dropped (`sqlite-utils transform` drops a
    table's triggers, and with them the append-only guard of history); returns their names."""
    present = _present(conn)
    if _complete(present):
        return []
    missing: list[tuple[str, str]] = []
    for name, (kind, table, sql) in expected_schema().items():
        if name in present or kind not in ("trigger", "view", "index"):
            continue
        if kind != "view" and table not in present:
            continue
        missing.append((name, sql))
    if not missing:
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for _name, sql in missing:
            conn.execute(sql)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return [name for name, _sql in missing]


def quick_check(conn: sqlite3.Connection, *, seconds: float) -> list[str]:
    """`PRAGMA quick_check`, stopped after `seconds` (a big ledger is checked fully in the background).

    Returns the problems found (empty when the file is sound or the time ran out first).
    """
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check(20)").fetchall()]
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            return []
        raise
    finally:
        conn.set_progress_handler(None, 0)
    return [] if rows == ["ok"] else rows


def full_check(conn: sqlite3.Connection) -> list[str]:
    """`PRAGMA integrity_check` to the end: every page, every index entry. Empty when sound."""
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(20)").fetchall()]
    except sqlite3.DatabaseError as exc:  # damaged badly enough that the check itself cannot walk it
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def salvage(damaged: Path, target: Path) -> tuple[Path, str]:
    """Copy what can still be read from a damaged ledger into a new file; the damaged one is only read.

    Uses the `sqlite3` shell's `.recover` when it is installed (it reads around broken pages), else a
    row-by-row copy that skips what cannot be read. Returns the salvage file and how it was made.
    """
    if target.exists():
        raise FileExistsError(target)
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    part.unlink(missing_ok=True)
    shell = shutil.which("sqlite3")
    method = "copied row by row"
    try:
        if shell is not None and _recover_with_shell(shell, damaged, part):
            method = "recovered with the sqlite3 shell's .recover"
        else:
            part.unlink(missing_ok=True)
            _copy_rows(damaged, part)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return target, method


def _recover_with_shell(shell: str, damaged: Path, part: Path) -> bool:
    import subprocess  # here, not at the top: only a salvage runs the shell, and every command paid ~3 ms

    dump = subprocess.run(
        [shell, "-readonly", str(damaged), ".recover"], capture_output=True, timeout=3600, check=False
    )
    if dump.returncode != 0 or not dump.stdout:
        return False
    load = subprocess.run(
        [shell, str(part)], input=dump.stdout, capture_output=True, timeout=3600, check=False
    )
    return load.returncode == 0 and part.exists()


def _copy_rows(damaged: Path, part: Path) -> None:
    source = sqlite3.connect(f"file:{damaged.resolve()}?mode=ro", uri=True)
    target = sqlite3.connect(str(part), isolation_level=None)
    try:
        target_db = Database(target, execute_plugins=False)
        migrations.apply(target_db)
        target.execute("PRAGMA foreign_keys = OFF")  # keep a fact even when its source's row was lost
        for table in _COPY_ORDER:
            _copy_table(source, target, table)
    finally:
        source.close()
        target.close()


def _copy_table(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> None:
    columns = [row[1] for row in target.execute(f'PRAGMA table_xinfo("{table}")') if row[6] == 0]
    try:
        have = {row[1] for row in source.execute(f'PRAGMA table_info("{table}")')}
    except sqlite3.DatabaseError:
        return
    columns = [c for c in columns if c in have]
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    last = -(2**63)
    target.execute("BEGIN")
    while True:
        try:
            rows = source.execute(
                f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 500', [last]
            ).fetchall()
        except sqlite3.DatabaseError:
            break  # the rest of this table sits on broken pages: keep what was read
        if not rows:
            break
        for row in rows:
            last = row[0]
            try:
                target.execute(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})', row[1:])
            except sqlite3.DatabaseError:
                continue  # a row that breaks a rule of the schema is left out of the copy
    target.execute("COMMIT")
