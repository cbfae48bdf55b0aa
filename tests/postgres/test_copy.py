"""`factledger copy`: a ledger file to a team ledger and back, identical row by row."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import psycopg
import pytest

from factledger.cli import main
from factledger.core import Ledger
from factledger.core.copying import copy_ledger
from factledger.domain import UserError
from factledger.storage.postgres.schema import COPIED_TABLES

from .conftest import sqlite_rows


def _order(key: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in key)


def test_round_trip_file_to_server_to_file_is_identical_row_by_row(
    postgres_dsn: str, seeded_ledger: Path, tmp_path: Path
) -> None:
    """Every copied table (and the derived timeline summary the destination rebuilds) has the same rows,
    in primary-key order, after SQLite → PostgreSQL → SQLite; the history keeps its people and times."""
    there = copy_ledger(str(seeded_ledger), postgres_dsn)
    back_path = tmp_path / "back.factledger"
    back = copy_ledger(postgres_dsn, str(back_path))
    assert there.rows == back.rows
    for table in (
        "sources",
        "originals",
        "claims",
        "suggestions",
        "evidence",
        "links",
        "dismissed",
        "anchors",
    ):
        assert there.rows[table] > 0, f"the seed ledger should exercise {table}"
    for table, key in COPIED_TABLES:
        original = sqlite_rows(seeded_ledger, table, _order(key))
        assert sqlite_rows(back_path, table, _order(key)) == original, table
        assert len(original) == there.rows[table]
    columns = "month, stated, subject, status, kind, n"
    summary = sqlite_rows(seeded_ledger, "timeline_counts", columns)
    assert summary and sqlite_rows(back_path, "timeline_counts", columns) == summary

    with psycopg.connect(postgres_dsn) as conn:
        actors = {row[0] for row in conn.execute("SELECT DISTINCT actor FROM history")}
        server_summary = list(conn.execute(f"SELECT {columns} FROM timeline_counts"))
        server_days = list(conn.execute("SELECT id, stated_day FROM claims ORDER BY id"))
    assert actors == {"Test Reviewer"}  # recorded people are kept, not replaced by the copying role
    assert Counter(server_summary) == Counter(summary)  # the server's triggers count as SQLite's do
    assert server_days == _stated_days(seeded_ledger)  # factledger_iso_day reads dates as julianday does

    with Ledger.open(back_path) as ledger:  # the copy is a working ledger: search and history read it
        hits = ledger.search("vehicles")
        assert hits
        verified = [c for c in ledger.claims(limit=100) if c.status == "verified"]
        assert verified and ledger.history(verified[0].id)


def _stated_days(path: Path) -> list[tuple[object, ...]]:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.execute("SELECT id, stated_day FROM claims ORDER BY id"))
    finally:
        conn.close()


def test_copy_never_merges_into_a_filled_team_ledger_or_over_a_file(
    postgres_dsn: str, seeded_ledger: Path, tmp_path: Path
) -> None:
    """Copy refuses to merge into a team ledger that already has data or to overwrite an existing file, and
    leaves the file as it was."""
    copy_ledger(str(seeded_ledger), postgres_dsn)
    with pytest.raises(UserError, match="already has data"):
        copy_ledger(str(seeded_ledger), postgres_dsn)
    existing = tmp_path / "existing.factledger"
    existing.write_bytes(b"")
    with pytest.raises(UserError, match="never overwrites"):
        copy_ledger(postgres_dsn, str(existing))
    assert existing.read_bytes() == b""


def test_copy_from_a_database_that_is_not_a_ledger_leaves_no_file(postgres_dsn: str, tmp_path: Path) -> None:
    """Copying from a database that is not a ledger is refused with a sentence and leaves no file behind."""
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    target = tmp_path / "out.factledger"
    with pytest.raises(UserError, match="not a FactLedger ledger"):
        copy_ledger(postgres_dsn, str(target))
    assert not target.exists()


def test_copy_command_prints_counts_without_the_password(
    postgres_dsn: str, seeded_ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The copy command prints its row counts and its refusals without ever showing the password."""
    assert main(["copy", str(seeded_ledger), postgres_dsn, "--json"]) == 0
    out = capsys.readouterr().out
    password = psycopg.conninfo.conninfo_to_dict(postgres_dsn)["password"]
    assert str(password) not in out
    report = json.loads(out)
    assert report["rows"]["claims"] > 0 and report["destination"].count("***") == 1
    assert main(["copy", str(seeded_ledger), postgres_dsn]) == 2
    err = capsys.readouterr().err
    assert "already has data" in err and str(password) not in err


def test_copy_between_two_files_is_refused_with_a_sentence(tmp_path: Path) -> None:
    """Copying from one ledger file to another is refused with a sentence."""
    with pytest.raises(UserError, match="both ledger files"):
        copy_ledger(str(tmp_path / "a.factledger"), str(tmp_path / "b.factledger"))


def test_a_copy_the_server_refuses_half_way_leaves_the_team_ledger_empty(
    postgres_dsn: str, seeded_ledger: Path
) -> None:
    """A fact whose quote another tool broke (with the file's guard dropped) is refused by the server's
    guard in the middle of the claims: the sources already sent are rolled back with it."""
    import sqlite3

    conn = sqlite3.connect(seeded_ledger)
    conn.execute("DROP TRIGGER claims_quote_on_update")
    last = conn.execute("SELECT max(id) FROM claims").fetchone()[0]
    conn.execute("UPDATE claims SET quote = 'not the words' WHERE id = ?", [last])
    conn.commit()
    conn.close()
    with pytest.raises(UserError) as refused:
        copy_ledger(str(seeded_ledger), postgres_dsn)
    assert (
        "Refused by the ledger: a fact's quote must be the exact words of its source" in refused.value.message
    )
    with psycopg.connect(postgres_dsn) as server:
        for table, _key in COPIED_TABLES:
            assert server.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table  # type: ignore[arg-type]
        assert server.execute("SELECT count(*) FROM timeline_counts").fetchone() == (0,)
        triggers = server.execute(
            "SELECT tgenabled FROM pg_trigger WHERE tgname = 'timeline_counts_claims_ai'"
        ).fetchone()
    assert triggers == ("O",)  # the summary's trigger is on again: it was switched off inside the transaction
