"""Opening a current ledger checks its schema from what is on file, without running migrations in memory."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from factledger.storage import integrity, open_database
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
