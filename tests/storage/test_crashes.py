"""`kill -9` during import, accept, export, migration and backup: a sound ledger, all or nothing, no half files."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.core import Ledger
from factledger.storage.schema import migrations

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
DELAYS = (0.8, 1.6)


def _cli(*args: str) -> list[str]:
    found = Path(sys.executable).with_name("factledger")
    return [*([str(found)] if found.exists() else [sys.executable, "-m", "factledger"]), *args]


def _kill_after(command: list[str], seconds: float) -> int:
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy()
    )
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=60)


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _sound(path: Path) -> None:
    assert _query(path, "PRAGMA integrity_check") == [("ok",)]
    assert _query(path, "PRAGMA foreign_key_check") == []


def _articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:04d}.txt").write_text(
            f"Article {n}. The agency said it would hire {n + 10} inspectors by 2027. "
            f"Spending rose {n % 9 + 1} percent to ${n + 5} million last year, the minister said.\n"
        )
    return folder


@pytest.mark.slow
def test_kill_during_import_leaves_whole_sources_only_and_a_rerun_completes(
    ledger_path: Path, tmp_path: Path
) -> None:
    """Every source present has its suggestions and its history event; importing again finishes the rest."""
    folder = _articles(tmp_path / "in", 150)
    Ledger.open(ledger_path).close()
    for delay in DELAYS:
        _kill_after(_cli("import", str(folder), "--ledger", str(ledger_path)), delay)
        _sound(ledger_path)
        sources = _query(ledger_path, "SELECT count(*) FROM sources")[0][0]
        events = _query(ledger_path, "SELECT count(*) FROM history WHERE action = 'import'")[0][0]
        orphans = _query(
            ledger_path, "SELECT count(*) FROM sources WHERE id NOT IN (SELECT source_id FROM suggestions)"
        )[0][0]
        assert sources == events and orphans == 0
    done = subprocess.run(
        _cli("import", str(folder), "--ledger", str(ledger_path)), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert _query(ledger_path, "SELECT count(*) FROM sources")[0][0] == 150


@pytest.fixture
def big_ledger(ledger_path: Path, tmp_path: Path) -> Path:
    folder = _articles(tmp_path / "in", 120)
    done = subprocess.run(
        _cli("import", str(folder), "--ledger", str(ledger_path)), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return ledger_path


@pytest.mark.slow
def test_kill_during_accept_all_accepts_all_or_nothing(big_ledger: Path) -> None:
    """`accept all` is one transaction: after a kill, either no suggestion became a fact or all did."""
    open_before = _query(big_ledger, "SELECT count(*) FROM suggestions")[0][0]
    for delay in DELAYS:
        _kill_after(_cli("accept", "all", "--all", "--ledger", str(big_ledger)), delay)
        _sound(big_ledger)
        claims = _query(big_ledger, "SELECT count(*) FROM claims")[0][0]
        assert claims in (0, open_before)
        if claims:
            break


@pytest.mark.slow
def test_kill_during_export_leaves_no_file_or_a_whole_one(big_ledger: Path, tmp_path: Path) -> None:
    """The export target is absent or complete after a kill; the next export removes the leftovers."""
    subprocess.run(
        _cli("accept", "all", "--all", "--ledger", str(big_ledger)), check=True, capture_output=True
    )
    facts = _query(big_ledger, "SELECT count(*) FROM claims")[0][0]
    target = tmp_path / "out.csv"
    for delay in (0.4, 1.0):
        target.unlink(missing_ok=True)
        _kill_after(_cli("export", "-o", str(target), "--status", "all", "--ledger", str(big_ledger)), delay)
        if target.exists():
            with target.open(encoding="utf-8-sig", newline="") as handle:
                assert len(list(csv.reader(handle))) - 1 == facts
        _sound(big_ledger)
    subprocess.run(
        _cli("export", "-o", str(target), "--status", "all", "--ledger", str(big_ledger)), check=True
    )
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.csv.")]


@pytest.mark.slow
def test_kill_during_migration_leaves_an_openable_ledger_that_finishes_migrating(tmp_path: Path) -> None:
    """A migration killed part-way leaves each migration applied whole or not at all; the next open ends it."""
    path = tmp_path / "old.factledger"
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="m002_readable_views")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("BEGIN")
    for n in range(20_000):
        text = f"Old article {n}: the council will spend ${n} on roads. " * 3
        conn.execute(
            "INSERT INTO sources (id, imported_at, text, content_sha256, media_type) VALUES (?, 'x', ?, ?, 'text/plain')",
            [f"src_{n}", text, f"h{n}"],
        )
        conn.execute(
            'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at, updated_at) '
            "VALUES (?, ?, 'claim', 'Old', 0, 3, 'Old', 'x', 'x')",
            [f"clm_{n}", f"src_{n}"],
        )
    conn.execute("COMMIT")
    conn.close()
    _kill_after(_cli("info", "--ledger", str(path)), 1.5)
    _sound(path)
    assert _query(path, "SELECT count(*) FROM claims")[0][0] == 20_000
    with Ledger.open(path) as ledger:
        assert ledger.info().claims == 20_000 and ledger.integrity_problems() == []


@pytest.mark.slow
def test_kill_during_backup_leaves_no_half_backup(big_ledger: Path) -> None:
    """A killed backup never appears under a backup's name; the next backup removes its hidden part."""
    with Ledger.open(big_ledger) as ledger:
        folder = ledger.backup_folder
    conn = sqlite3.connect(big_ledger)
    with conn:  # 60 MB of settings rows, so a backup takes long enough to be killed part-way
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, randomblob(1000000))",
            [(f"pad{n}",) for n in range(60)],
        )
    conn.close()
    for delay in (0.3, 0.6):
        _kill_after(_cli("backup", "--ledger", str(big_ledger)), delay)
        _sound(big_ledger)
        for backup in folder.glob("*.factledger"):
            assert _query(backup, "PRAGMA integrity_check") == [("ok",)]
    subprocess.run(_cli("backup", "--ledger", str(big_ledger)), check=True, capture_output=True)
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]
