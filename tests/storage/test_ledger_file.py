"""The ledger file itself: schema, migrations, refusal of newer files, concurrency and crash safety."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.core import Ledger
from factledger.domain import Document, UserError
from factledger.storage import SCHEMA_VERSION, open_database
from factledger.storage.schema import migrations

DOCUMENTED_TABLES = {
    "sources",
    "originals",
    "claims",
    "evidence",
    "history",
    "links",
    "dismissed",
    "suggestions",
    "settings",
    "sources_fts",
    "claims_fts",
    "timeline_counts",
}


def _sqlite_utils_cli() -> str:
    found = Path(sys.executable).with_name("sqlite-utils")
    return str(found) if found.exists() else "sqlite-utils"


def test_a_new_ledger_has_the_documented_tables_and_settings(ledger_path: Path) -> None:
    """A new ledger has the documented tables and views, WAL journaling, foreign keys on and the current
    schema version."""
    db = open_database(ledger_path)
    assert set(db.table_names()) >= DOCUMENTED_TABLES
    assert {"facts", "claim_history"} <= set(db.view_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.conn.close()


def test_the_real_sqlite_utils_cli_lists_the_documented_tables(ledger_path: Path) -> None:
    """The sqlite-utils command-line tool opens a ledger and lists the documented tables."""
    open_database(ledger_path).conn.close()
    out = subprocess.run(
        [_sqlite_utils_cli(), "tables", str(ledger_path), "--csv"], capture_output=True, text=True, check=True
    ).stdout
    assert {line.strip() for line in out.splitlines()[1:]} >= DOCUMENTED_TABLES


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
def test_the_sqlite3_shell_opens_a_ledger_as_it_is(ledger: Ledger) -> None:
    """The plain sqlite3 shell, with no FactLedger code, reads a ledger's sources and finds it intact."""
    ledger.import_document(Document(text="Japan will invest $550 billion.", title="t"))
    out = subprocess.run(
        ["sqlite3", str(ledger.path), "SELECT title FROM sources; PRAGMA integrity_check;"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["t", "ok"]


def test_an_older_ledger_is_backed_up_then_migrated_keeping_every_row(tmp_path: Path) -> None:
    """An older ledger is backed up as it was, then migrated to the current schema with every row kept."""
    path = tmp_path / "old.factledger"
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="m002_readable_views")
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO sources (id, imported_at, text, content_sha256, media_type) "
        "VALUES ('src_1', '2025-01-01', 'Old text here.', 'abc', 'text/plain')"
    )
    db.execute(
        'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at, updated_at) '
        "VALUES ('clm_1', 'src_1', 'claim', 'Old', 0, 3, 'Old', '2025', '2025')"
    )
    conn.close()

    with Ledger.open(path) as ledger:
        assert ledger.claim("clm_1").quote == "Old"
        assert ledger.info().schema_version == SCHEMA_VERSION
        folder = ledger.backup_folder
    backups = list(folder.glob(f"old-*-before-schema-v{SCHEMA_VERSION}.factledger"))
    assert len(backups) == 1
    backup = sqlite3.connect(backups[0])
    assert backup.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM sqlite_master WHERE name = 'facts'").fetchone()[0] == 0
    backup.close()


def test_a_ledger_from_a_newer_version_is_refused_and_left_unchanged(ledger_path: Path) -> None:
    """A ledger written by a newer FactLedger is refused with a sentence and its bytes are left unchanged."""
    open_database(ledger_path).conn.close()
    conn = sqlite3.connect(ledger_path, isolation_level=None)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('factledger', 'm099_future', 'x')"
    )
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = ledger_path.read_bytes()
    with pytest.raises(UserError, match="newer version"):
        Ledger.open(ledger_path)
    assert ledger_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all", "not a FactLedger ledger"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "damaged"),
    ],
)
def test_files_that_are_not_ledgers_are_refused_with_a_sentence(
    tmp_path: Path, content: bytes, message: str
) -> None:
    """A file that is not a database, or a damaged one, is refused with a sentence and left unchanged."""
    path = tmp_path / "odd.factledger"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        Ledger.open(path)
    assert path.read_bytes() == content


_WRITER = textwrap.dedent(
    """
    import sys
    from factledger.core import Ledger
    from factledger.domain import Document
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with Ledger.open(path, actor=tag) as ledger:
        for i in range(count):
            result = ledger.import_document(Document(text=f"{tag} article {i}: Japan will invest $5{i} billion."))
            assert result.outcome == "imported", result
    print("done")
    """
)


def test_two_processes_writing_at_once_both_succeed(ledger_path: Path) -> None:
    """Two processes writing to one ledger at once both finish, and every row lands in a sound file."""
    open_database(ledger_path).conn.close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(ledger_path), tag, "40"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("alpha", "beta")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 80
    conn.close()


_BIG_WRITE = textwrap.dedent(
    """
    import sys
    from factledger.storage import open_database, write_transaction
    db = open_database(sys.argv[1])
    with write_transaction(db):
        db.execute("INSERT INTO sources (id, imported_at, text, content_sha256, media_type) "
                   "VALUES ('src_big', 'now', 'x', 'big', 'text/plain')")
        print("started", flush=True)
        for i in range(10_000_000):
            db.execute('INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at,'
                       ' updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                       [f"clm_{i}", "src_big", "claim", "x", 0, 1, "statement " * 20, "now", "now"])
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_process_killed_mid_write_leaves_a_sound_ledger_with_none_of_that_write(ledger_path: Path) -> None:
    """Killing a process in the middle of a large write leaves a sound ledger holding none of that write."""
    with Ledger.open(ledger_path) as ledger:
        ledger.import_document(Document(text="Before the crash: Toyota will invest $10 billion."))
    proc = subprocess.Popen(
        [sys.executable, "-c", _BIG_WRITE, str(ledger_path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
    # Let it write for a while: the transaction grows well past SQLite's page cache into the WAL.
    conn = sqlite3.connect(ledger_path, timeout=0.1)
    for _ in range(200):
        wal = ledger_path.with_name(ledger_path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 8_000_000:
            break
        subprocess.run(["sleep", "0.05"], check=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    conn.close()

    with Ledger.open(ledger_path) as ledger:
        info = ledger.info()
        assert info.sources == 1 and info.claims == 0
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_ledger_carries_the_application_id_file_managers_recognise(ledger_path: Path) -> None:
    """A ledger file carries the FLDG application id in its header, so file managers can recognise it."""
    open_database(ledger_path).conn.close()
    assert ledger_path.read_bytes()[68:72] == b"FLDG"


def test_an_sqlite_too_old_for_the_schema_is_refused_with_a_sentence() -> None:
    """An SQLite library older than the schema needs is refused with a sentence naming both versions."""
    from factledger.storage.database import MIN_SQLITE, check_sqlite_version

    check_sqlite_version(MIN_SQLITE)
    with pytest.raises(UserError, match=r"SQLite 3\.31\.1; FactLedger needs SQLite 3\.33\.0 or newer"):
        check_sqlite_version((3, 31, 1))
