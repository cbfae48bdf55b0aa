"""Migration m007 adds `claims.delivered` to ledgers that already hold commitments, and shows it in `facts`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from factledger.storage import open_database
from factledger.storage.schema import migrations


def test_an_older_ledger_keeps_its_commitments_and_gains_the_column(tmp_path: Path) -> None:
    """A ledger from before the delivered column keeps its commitments, gains the column in claims and
    facts, and the commitment index covers it."""
    path = tmp_path / "v6.factledger"
    conn = sqlite3.connect(path, isolation_level=None)
    old = Database(conn)
    migrations.apply(old, stop_before="m007_delivered_amounts")
    old.execute("PRAGMA user_version = 6")
    old.execute(
        "INSERT INTO sources (id, text, imported_at, content_sha256, media_type) "
        "VALUES ('src_1', 'Japan will invest $500 billion.', '2025-01-01', 'h', 'text/plain')"
    )
    old.execute(
        'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, committer, amount, unit, '
        "fulfilment, status, origin, created_at, updated_at) VALUES ('clm_1', 'src_1', 'commitment', "
        "'invest $500 billion', 11, 30, 'Japan will invest $500 billion.', 'Japan', 5e11, 'USD', "
        "'partially_fulfilled', 'unverified', 'manual', '2025-01-01', '2025-01-01')"
    )
    conn.close()

    db = open_database(path)
    assert "delivered" in db["claims"].columns_dict
    assert db.execute("SELECT amount, delivered FROM facts WHERE id = 'clm_1'").fetchone() == (5e11, None)
    db.execute("UPDATE claims SET delivered = 1.2e11 WHERE id = 'clm_1'")
    assert db.execute("SELECT delivered FROM facts").fetchone() == (1.2e11,)
    index_columns = [row[2] for row in db.execute("PRAGMA index_info(claims_commitment)")]
    assert index_columns[-2:] == ["amount", "delivered"]  # the tracker reads only the index
    db.conn.close()
