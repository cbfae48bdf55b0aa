"""Bulk writes: many rows in one transaction, with full-text indexing done in one batch instead of per row.

The schema keeps FTS5 current with per-row `AFTER INSERT` triggers, which is right for edits but costs an
FTS5 insert statement per row during a big import. `fts_batched` swaps those insert triggers out for the
length of a block and indexes every row added meanwhile with one `INSERT INTO <table>_fts ... SELECT`.
The `timeline_counts` summary is kept the same way: its per-row insert trigger is lifted too, and the rows
added in the block are counted in one grouped pass on the way out.
DDL is transactional in SQLite, so a rollback brings the triggers back together with the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from operator import attrgetter
from typing import Any

from sqlite_utils import Database

from factledger.domain import Claim

from . import timeline_counts
from .evidence import EVIDENCE_COLUMNS
from .rows import CLAIM_COLUMNS, SOURCE_COLUMNS

HISTORY_COLUMNS: tuple[str, ...] = (
    "entity",
    "entity_id",
    "claim_id",
    "action",
    "actor",
    "at",
    "before",
    "after",
    "reason",
)
FTS_TABLES: tuple[str, ...] = ("sources", "claims")
CHUNK_ROWS = 10_000
BULK_CACHE_KIB = 256 * 1024

# Enum members are `StrEnum`s, which sqlite3 binds as text, so a claim becomes a row without conversion.
_claim_values = attrgetter(*CLAIM_COLUMNS)


def insert_rows(db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """`executemany` in chunks (so a generator is never held in memory); the caller owns the transaction."""
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in columns)})'
    total = 0
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK_ROWS)):
        db.conn.executemany(sql, chunk)
        total += len(chunk)
    return total


def insert_claims(db: Database, claims: Iterable[Claim]) -> int:
    """Many claims in one statement stream; the same columns as `ClaimRepository.insert`."""
    return insert_rows(db, "claims", CLAIM_COLUMNS, map(_claim_values, claims))


def insert_sources(db: Database, rows: Iterable[Sequence[Any]]) -> int:
    """Source rows as tuples in `SOURCE_COLUMNS` order."""
    return insert_rows(db, "sources", SOURCE_COLUMNS, rows)


def insert_evidence(db: Database, rows: Iterable[Sequence[Any]]) -> int:
    """Evidence rows as tuples in `EVIDENCE_COLUMNS` order."""
    return insert_rows(db, "evidence", EVIDENCE_COLUMNS, rows)


def insert_history(db: Database, rows: Iterable[Sequence[Any]]) -> int:
    """History events as tuples in `HISTORY_COLUMNS` order (before/after already JSON text)."""
    return insert_rows(db, "history", HISTORY_COLUMNS, rows)


@contextmanager
def fts_batched(db: Database, tables: Sequence[str] = FTS_TABLES) -> Iterator[None]:
    """Inside a write transaction: index rows inserted in the block in one batch per table on the way out.

    Only the insert triggers are lifted; updates and deletes inside the block still keep the index right.
    New rows are found by rowid: tables with a text primary key still append rowids past the largest one.
    The timeline summary's triggers are swapped for ones that ignore claims not yet counted (see
    `timeline_counts.trigger_sql`), and those claims are counted in one pass at the end.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("fts_batched must run inside write_transaction: its DDL relies on rollback")
    saved: list[tuple[str, str, int]] = []
    for table in tables:
        row = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [f"{table}_ai"]
        ).fetchone()
        if row is None:
            continue
        last = int(db.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0])
        db.execute(f'DROP TRIGGER "{table}_ai"')
        saved.append((table, str(row[0]), last))
    counted_up_to = _lift_summary_triggers(db)
    previous_cache = int(db.execute("PRAGMA cache_size").fetchone()[0])
    db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {previous_cache}")
        if db.conn.in_transaction:
            for table, trigger_sql, last in saved:
                _index_after(db, table, last)
                db.execute(trigger_sql)
            if counted_up_to is not None:
                timeline_counts.add_claims_after(db, counted_up_to)
                _replace_summary_triggers(db, timeline_counts.trigger_sql())


def _lift_summary_triggers(db: Database) -> int | None:
    """Swap the summary's triggers for the bulk ones; the last counted claims rowid, None if no summary."""
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", [timeline_counts.INSERT_TRIGGER]
    ).fetchone()
    if exists is None:
        return None
    last = int(db.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0])
    _replace_summary_triggers(db, timeline_counts.trigger_sql(counted_up_to=last))
    return last


def _replace_summary_triggers(db: Database, statements: Sequence[str]) -> None:
    for name in timeline_counts.TRIGGERS:
        db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    for statement in statements:
        db.execute(statement)


def _index_after(db: Database, table: str, last_rowid: int) -> None:
    columns = [str(r[1]) for r in db.execute(f'PRAGMA table_info("{table}_fts")').fetchall()]
    names = ", ".join(f'"{c}"' for c in columns)
    db.execute(
        f'INSERT INTO "{table}_fts" (rowid, {names}) SELECT rowid, {names} FROM "{table}" WHERE rowid > ?',
        [last_rowid],
    )


__all__ = [
    "HISTORY_COLUMNS",
    "fts_batched",
    "insert_claims",
    "insert_evidence",
    "insert_history",
    "insert_rows",
    "insert_sources",
]
