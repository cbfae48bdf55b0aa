"""Creating and evolving a PostgreSQL ledger's schema, and recognising what a database is before writing.

`factledger_schema` records each migration applied; its highest version is the ledger's schema version. A
database is looked at before anything is written: one with tables of its own and no `factledger_schema` is
not a ledger and is refused; one a newer FactLedger wrote (a version or migration name this one does not
know) is refused with a sentence and left as it is. Migrations run in one transaction under an advisory
lock, so two people running `team init` at once leave one schema, never half of one.

PostgreSQL ledgers started at the SQLite schema of the day: their own version 1 has every table, column
and guard of SQLite's version 9, and version 2 adds SQLite m010's fact versions (`SQLITE_SCHEMA_VERSION`
is the SQLite version the newest one matches). A later SQLite migration needs its PostgreSQL twin
here (`tests/postgres` compares the columns of both engines and fails until it has one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg

from factledger.domain import UserError

from .connection import where
from .schema import FACT_VERSIONS, GUARDS, SCHEMA_PLACEHOLDER, SCHEMA_TABLE, TABLES, TIMELINE, VERDICTS

SCHEMA_TABLE_NAME = "factledger_schema"
SQLITE_SCHEMA_VERSION = 10
"""The SQLite schema version whose tables and columns PostgreSQL's newest version has."""
_LOCK_KEY = 0x464C4447  # "FLDG", as the SQLite ledger's application_id


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "p001_initial", TABLES + GUARDS + TIMELINE + VERDICTS),
    Migration(2, "p002_fact_versions", FACT_VERSIONS),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
KNOWN = {m.version: m.name for m in MIGRATIONS}


@dataclass(frozen=True, slots=True)
class Probe:
    """What a database is: `empty` (no table of its own), `ledger` (with its applied migrations), `foreign`."""

    kind: str
    applied: dict[int, str]
    tables: tuple[str, ...] = ()


def probe(conn: psycopg.Connection[Any]) -> Probe:
    """Look without writing: the tables in the schema the connection uses, and the applied migrations."""
    tables = tuple(
        row[0]
        for row in conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1"
        )
    )
    if SCHEMA_TABLE_NAME not in tables:
        return Probe("foreign" if tables else "empty", {}, tables)
    applied = {int(v): str(n) for v, n in conn.execute(f"SELECT version, name FROM {SCHEMA_TABLE_NAME}")}
    return Probe("ledger", applied, tables)


def refuse_unusable(url: str, found: Probe) -> None:
    """Raise the sentence for a database that is not a ledger or that a newer FactLedger wrote."""
    if found.kind == "foreign":
        listed = ", ".join(found.tables[:5]) + (", ..." if len(found.tables) > 5 else "")
        raise UserError(
            f"{where(url).capitalize()} is not a FactLedger ledger: it has tables of its own ({listed}). "
            "Nothing was changed; use an empty database for a team ledger."
        )
    unknown = {v: n for v, n in found.applied.items() if KNOWN.get(v) != n}
    if unknown:
        newest = max(found.applied)
        raise UserError(
            f"The team ledger in {where(url)} was written by a newer version of FactLedger (schema "
            f"{newest}, this version knows {SCHEMA_VERSION}). Update FactLedger to open it; nothing was changed."
        )


def schema_version(conn: psycopg.Connection[Any], url: str) -> int:
    """The ledger's schema version, refusing a database that is not a ledger, is newer, or needs an update."""
    found = probe(conn)
    if found.kind == "empty":
        raise UserError(
            f"{where(url).capitalize()} is empty: it is not a team ledger yet (factledger team init makes it one)."
        )
    refuse_unusable(url, found)
    current = max(found.applied)
    if current < SCHEMA_VERSION:
        raise UserError(
            f"The team ledger in {where(url)} has schema {current} and this version needs {SCHEMA_VERSION}: "
            "its owner updates it with factledger team init."
        )
    return current


def ensure_schema(conn: psycopg.Connection[Any], url: str) -> tuple[int, list[str]]:
    """Bring the database's ledger schema up to date (creating it in an empty database).

    Returns the schema version and the names of the migrations applied now. `conn` must not be in
    autocommit mode: everything happens in one transaction, committed here.
    """
    encoding = conn.execute(
        "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    if encoding is None or encoding[0] != "UTF8":
        raise UserError(
            f"{where(url).capitalize()} uses the {encoding[0] if encoding else 'unknown'} encoding; a team "
            "ledger needs a UTF8 database (createdb --encoding=UTF8 --template=template0)."
        )
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        found = probe(conn)
        refuse_unusable(url, found)
        if found.kind == "empty":
            conn.execute(SCHEMA_TABLE)
        done: list[str] = []
        schema = str(conn.execute("SELECT quote_ident(current_schema())").fetchone()[0])  # type: ignore[index]
        for migration in MIGRATIONS:
            if migration.version in found.applied:
                continue
            conn.execute(migration.sql.replace(SCHEMA_PLACEHOLDER, schema))  # our own DDL, no parameters
            conn.execute(
                f"INSERT INTO {SCHEMA_TABLE_NAME} (version, name) VALUES (%s, %s)",
                [migration.version, migration.name],
            )
            done.append(migration.name)
    return SCHEMA_VERSION, done


__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SQLITE_SCHEMA_VERSION",
    "Migration",
    "Probe",
    "ensure_schema",
    "probe",
    "refuse_unusable",
    "schema_version",
]
