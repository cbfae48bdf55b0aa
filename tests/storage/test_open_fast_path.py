"""Opening a current ledger checks its schema from what is on file, without running migrations in memory."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from factledger.storage import OpenOptions, database, integrity, open_database
from factledger.storage.database import close_database
from factledger.storage.schema import migrations
from factledger.storage.schema_objects import SCHEMA_OBJECTS


def test_the_written_out_schema_objects_are_what_the_migrations_create() -> None:
    """The list the fast check trusts is exactly the schema the migrations build (else: update the list)."""
    built = {name: (kind, table) for name, (kind, table, _sql) in integrity.expected_schema().items()}
    listed = "\n".join(f'    "{n}": ("{k}", "{t}"),' for n, (k, t) in sorted(built.items()))
    assert built == SCHEMA_OBJECTS, (
        f"storage/schema_objects.py is out of step with the migrations; SCHEMA_OBJECTS should be:\n{listed}"
    )


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("opening a current ledger consulted the migration machinery")


def test_reopening_a_current_ledger_neither_asks_migrations_nor_builds_the_expected_schema(
    ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second open of an up-to-date ledger answers from the probe and `sqlite_master` alone."""
    close_database(open_database(ledger_path))
    integrity.expected_schema.cache_clear()
    monkeypatch.setattr(migrations, "pending", _refuse)
    monkeypatch.setattr(migrations, "apply", _refuse)
    db = open_database(ledger_path)
    try:
        assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    finally:
        close_database(db)
    assert integrity.expected_schema.cache_info().currsize == 0


def test_a_ledger_that_lost_a_guard_still_gets_it_back_through_the_slow_path(ledger_path: Path) -> None:
    """The fast check only skips work when nothing is missing: a dropped trigger is still recreated."""
    close_database(open_database(ledger_path))
    conn = sqlite3.connect(ledger_path)
    conn.execute("DROP TRIGGER history_no_delete")
    conn.close()
    db = open_database(ledger_path)
    try:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        close_database(db)
    assert "history_no_delete" in names


def test_a_ledger_whose_probe_finds_a_migration_unrecorded_asks_the_migrations(
    ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The skip rests on what the probe read: a ledger missing one migration's record goes the full way."""
    close_database(open_database(ledger_path))
    conn = sqlite3.connect(ledger_path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE id = (SELECT max(id) FROM _sqlite_migrations)")
    conn.commit()
    conn.close()
    asked: list[object] = []

    def pending(db: object) -> list[object]:
        asked.append(db)
        return []

    monkeypatch.setattr(migrations, "pending", pending)
    close_database(open_database(ledger_path))
    assert len(asked) == 1


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replaces `integrity.quick_check` with a wrapper that records each call's time budget."""
    budgets: list[float] = []
    real = integrity.quick_check

    def counting(conn: sqlite3.Connection, *, seconds: float) -> list[str]:
        budgets.append(seconds)
        return real(conn, seconds=seconds)

    monkeypatch.setattr(integrity, "quick_check", counting)
    return budgets


def test_a_query_on_a_big_ledger_skips_the_page_check_that_writers_still_get(
    ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over `READ_CHECK_BYTES`, a reading open answers without `quick_check`; a writing open still runs it."""
    close_database(open_database(ledger_path))
    checks = _count_checks(monkeypatch)
    monkeypatch.setattr(database, "READ_CHECK_BYTES", ledger_path.stat().st_size - 1)
    close_database(open_database(ledger_path, options=OpenOptions(reading=True)))
    assert checks == []
    close_database(open_database(ledger_path, options=OpenOptions()))
    assert checks == [database.QUICK_CHECK_SECONDS]


def test_a_query_on_a_small_ledger_is_still_checked_first(
    ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ledger the check covers in a moment is checked before a query too, so damage is named on open."""
    close_database(open_database(ledger_path))
    checks = _count_checks(monkeypatch)
    assert ledger_path.stat().st_size <= database.READ_CHECK_BYTES
    close_database(open_database(ledger_path, options=OpenOptions(reading=True)))
    assert checks == [database.QUICK_CHECK_SECONDS]
