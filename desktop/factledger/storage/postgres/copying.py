"""Copying a whole ledger between an SQLite file and a PostgreSQL database, table by table, losslessly.

Every row of the ledger's own tables (`schema.COPIED_TABLES`: sources with their originals, facts,
suggestions, evidence, links, dismissed suggestions, anchors of source versions, settings and the history
with its actors and times) is written with its values unchanged, in primary-key order, in one transaction
on the destination: a copy is all of it or none of it. Derived data (full-text indexes, the timeline
summary, `stated_day`) is rebuilt by the destination itself: SQLite's triggers, PostgreSQL's generated
column and indexes, and one grouped count of the timeline summary at the end of a copy into PostgreSQL.

The destination must be new: a file that does not exist yet, or a PostgreSQL database that is empty or an
empty team ledger. Nothing is ever merged into existing data. Into PostgreSQL the history keeps its
recorded people and times, which only the ledger's owner may write (`factledger.keep_history`): a copy
by anyone else is refused before it starts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from factledger.domain import UserError

from ..database import OpenOptions, close_database, open_database
from .connection import connect, where, work_sentence
from .migrations import ensure_schema, schema_version
from .roles import set_up_roles
from .schema import COPIED_TABLES, GENERATED_COLUMNS

BATCH_ROWS = 2_000
"""Rows fetched from the source per round trip; memory stays bounded for a million facts."""

SqliteBackup = Callable[[sqlite3.Connection, Path, str], Path | None]


@dataclass(frozen=True, slots=True)
class CopyReport:
    """Rows copied per table, in copy order."""

    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


@contextmanager
def _sqlite(path: Path, *, create: bool, backup: SqliteBackup | None = None) -> Iterator[sqlite3.Connection]:
    db = open_database(path, options=OpenOptions(create=create, backup=backup))
    try:
        yield db.conn
    finally:
        close_database(db)


def _columns_sqlite(conn: sqlite3.Connection, table: str) -> list[str]:
    # table_xinfo lists generated columns too (hidden 2 = virtual, 3 = stored); table_info omits them
    return [row[1] for row in conn.execute(f'PRAGMA table_xinfo("{table}")')]


def _columns_postgres(conn: psycopg.Connection[Any], table: str) -> list[str]:
    return [
        str(row[0])
        for row in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s ORDER BY ordinal_position",
            [table],
        )
    ]


def _written(table: str, columns: list[str]) -> list[str]:
    return [c for c in columns if (table, c) not in GENERATED_COLUMNS]


def _same_columns(table: str, sqlite_columns: list[str], pg_columns: list[str], url: str) -> list[str]:
    if set(sqlite_columns) != set(pg_columns):
        only_file = sorted(set(sqlite_columns) - set(pg_columns))
        only_server = sorted(set(pg_columns) - set(sqlite_columns))
        raise UserError(
            f"The table {table} differs between the ledger file and {where(url)} "
            f"(only in the file: {', '.join(only_file) or 'none'}; only on the server: "
            f"{', '.join(only_server) or 'none'}); nothing was copied. Use the same FactLedger version for both."
        )
    return _written(table, pg_columns)


def sqlite_to_postgres(path: Path, url: str, *, backup: SqliteBackup | None = None) -> CopyReport:
    """Copy the ledger file at `path` into the PostgreSQL database at `url` (made a team ledger if empty)."""
    if not path.exists():
        raise UserError(f"There is no ledger at {path}.")
    with _sqlite(path, create=False, backup=backup) as source, connect(url, autocommit=True) as target:
        try:
            return _into_postgres(source, target, url)
        except psycopg.Error as exc:
            raise work_sentence(exc, user=target.info.user) from exc


def _into_postgres(source: sqlite3.Connection, target: psycopg.Connection[Any], url: str) -> CopyReport:
    ensure_schema(target, url)
    if target.execute("SELECT factledger_is_owner('history'::regclass)").fetchone() != (True,):
        raise UserError(
            f"Only the owner of the team ledger in {where(url)} can copy a ledger into it (the history keeps "
            f"the people it names, which nobody else may write); {target.info.user} is not its owner."
        )
    set_up_roles(target, url)
    rows: dict[str, int] = {}
    source.execute("BEGIN")  # one read snapshot of the file, even while the app writes to it
    try:
        with target.transaction():
            # nobody writes the ledger until the copy is in (or not), and it is still empty then
            target.execute(
                sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(
                    sql.SQL(", ").join(sql.Identifier(t) for t, _ in COPIED_TABLES)
                )
            )
            _refuse_filled_postgres(target, url)
            target.execute("SET LOCAL factledger.keep_history = 'on'")
            # the summary is counted once at the end (factledger_timeline_rebuild), not per fact
            target.execute("ALTER TABLE claims DISABLE TRIGGER timeline_counts_claims_ai")
            _copy_rows(source, target, url, rows)
            target.execute(
                "SELECT setval(pg_get_serial_sequence('history', 'id'), coalesce(max(id), 0) + 1, false) "
                "FROM history"
            )
            target.execute("SELECT factledger_timeline_rebuild()")
            target.execute("ALTER TABLE claims ENABLE TRIGGER timeline_counts_claims_ai")
    finally:
        source.execute("ROLLBACK")  # it only read
    return CopyReport(rows)


def _copy_rows(
    source: sqlite3.Connection, target: psycopg.Connection[Any], url: str, rows: dict[str, int]
) -> None:
    for table, key in COPIED_TABLES:
        columns = _same_columns(table, _columns_sqlite(source, table), _columns_postgres(target, table), url)
        names = ", ".join(f'"{c}"' for c in columns)
        order = ", ".join(f'"{c}"' for c in key)
        cursor = source.execute(f'SELECT {names} FROM "{table}" ORDER BY {order}')
        count = 0
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        with target.cursor().copy(statement) as copy:
            while batch := cursor.fetchmany(BATCH_ROWS):
                for row in batch:
                    copy.write_row(row)
                count += len(batch)
        rows[table] = count


def _refuse_filled_postgres(conn: psycopg.Connection[Any], url: str) -> None:
    for table, _key in COPIED_TABLES:
        found = conn.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(sql.Identifier(table)))
        if found.fetchone() == (True,):
            raise UserError(
                f"The team ledger in {where(url)} already has data (its {table} is not empty): a copy goes "
                "only into an empty ledger and never merges. Nothing was copied."
            )


def postgres_to_sqlite(url: str, path: Path) -> CopyReport:
    """Copy the team ledger at `url` into a new ledger file at `path`."""
    if path.exists():
        raise UserError(f"{path} already exists: a copy writes a new ledger file and never overwrites one.")
    if path.suffix == "":
        raise UserError(f"Give the new ledger file a name ending in .factledger (not {path}).")
    with connect(url, autocommit=True) as source:
        try:
            schema_version(source, url)
            with _sqlite(path, create=True) as target:
                return _into_sqlite(source, target, url)
        except BaseException as exc:
            _remove_ledger_file(path)  # it did not exist before: no half-made ledger is left behind
            if isinstance(exc, psycopg.Error):
                raise work_sentence(exc, user=source.info.user) from exc
            raise


def _into_sqlite(source: psycopg.Connection[Any], target: sqlite3.Connection, url: str) -> CopyReport:
    rows: dict[str, int] = {}
    target.execute("BEGIN IMMEDIATE")
    try:
        with source.transaction():
            source.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")  # one snapshot
            for table, key in COPIED_TABLES:
                columns = _same_columns(
                    table, _columns_sqlite(target, table), _columns_postgres(source, table), url
                )
                query = sql.SQL("SELECT {} FROM {} ORDER BY {}").format(
                    sql.SQL(", ").join(map(sql.Identifier, columns)),
                    sql.Identifier(table),
                    sql.SQL(", ").join(map(sql.Identifier, key)),
                )
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" for _ in columns)
                insert = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
                count = 0
                with source.cursor(name=f"copy_{table}") as cursor:
                    cursor.execute(query)
                    while batch := cursor.fetchmany(BATCH_ROWS):
                        target.executemany(insert, batch)
                        count += len(batch)
                rows[table] = count
        target.execute("COMMIT")
    except BaseException:
        if target.in_transaction:
            target.execute("ROLLBACK")
        raise
    return CopyReport(rows)


def _remove_ledger_file(path: Path) -> None:
    """A failed copy leaves no half-made ledger behind: the new file (and its -wal/-shm) goes."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


__all__ = ["CopyReport", "postgres_to_sqlite", "sqlite_to_postgres"]
