"""Migration m010: every fact carries a `version` the database moves on with every update, in ledgers made
before it too, whatever tool writes the row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from factledger.core import Ledger, operations
from factledger.storage import open_database
from factledger.storage.database import close_database
from factledger.storage.schema import migrations

TEXT = "Exports rose 12% in 2024. Imports fell 3% in 2024."


def _v9_ledger(path: Path) -> None:
    """A ledger as version 9 wrote it, with two facts."""
    conn = sqlite3.connect(path, isolation_level=None)
    old = Database(conn)
    migrations.apply(old, stop_before="m010_fact_versions")
    old.execute("PRAGMA user_version = 9")
    old.execute(
        "INSERT INTO sources (id, text, imported_at, content_sha256, media_type) "
        "VALUES ('src_1', ?, '2025-01-01', 'h', 'text/plain')",
        [TEXT],
    )
    for claim_id, start, end in (("clm_1", 0, 16), ("clm_2", 26, 41)):
        old.execute(
            'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at, updated_at) '
            "VALUES (?, 'src_1', 'statistic', ?, ?, ?, ?, '2025-01-01', '2025-01-01')",
            [claim_id, TEXT[start:end], start, end, TEXT[start:end]],
        )
    conn.close()


def test_a_version_9_ledger_opens_with_every_fact_at_version_1(tmp_path: Path) -> None:
    """An older ledger keeps its facts, each at version 1; an edit through the app moves it to 2."""
    path = tmp_path / "v9.factledger"
    _v9_ledger(path)
    with Ledger.open(path, actor="Ana") as ledger:
        assert [ledger.claim(i).version for i in ("clm_1", "clm_2")] == [1, 1]
        assert ledger.info().schema_version == 10
        ledger.apply(operations.edit_claim(claim_id="clm_1", expected_version=1, subject="exports"))
        assert (ledger.claim("clm_1").version, ledger.claim("clm_2").version) == (2, 1)


def test_raw_sql_cannot_forget_the_version_and_search_follows_the_edit(tmp_path: Path) -> None:
    """sqlite3 updating a fact moves its version on (and may only raise it), with recursive triggers on or
    off; the search index stays in step with the table through those updates."""
    path = tmp_path / "v9.factledger"
    _v9_ledger(path)
    close_database(open_database(path))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA recursive_triggers = ON")  # as the app's connections; the shell's has it off

    def version() -> int:
        return int(conn.execute("SELECT version FROM claims WHERE id = 'clm_1'").fetchone()[0])

    conn.execute("UPDATE claims SET statement = 'Shipments abroad grew' WHERE id = 'clm_1'")
    assert version() == 2
    conn.execute("UPDATE claims SET version = 1 WHERE id = 'clm_1'")  # lowering it is not taken
    assert version() == 3
    conn.execute("UPDATE claims SET version = 10, subject = 'trade' WHERE id = 'clm_1'")
    assert version() == 10
    conn.execute("PRAGMA recursive_triggers = OFF")
    conn.execute("UPDATE claims SET unit = '%' WHERE id = 'clm_1'")
    assert version() == 11
    hits = conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'shipments'").fetchall()
    assert len(hits) == 1
    # the index agrees with the table (FTS5 raises "database disk image is malformed" where it does not)
    conn.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("SELECT version FROM claims WHERE id = 'clm_2'").fetchone() == (1,)
    conn.close()


def test_a_dropped_version_trigger_is_put_back_on_open(tmp_path: Path) -> None:
    """Another tool dropping the version trigger cannot switch the check off: the next open restores it."""
    path = tmp_path / "v9.factledger"
    _v9_ledger(path)
    close_database(open_database(path))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER claims_version")
    conn.close()
    db = open_database(path)
    try:
        db.execute("UPDATE claims SET subject = 'trade' WHERE id = 'clm_2'")
        assert db.execute("SELECT version FROM claims WHERE id = 'clm_2'").fetchone() == (2,)
    finally:
        close_database(db)
