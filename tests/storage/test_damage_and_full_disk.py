"""Full disks, locks held too long, damaged pages, foreign and empty SQLite files: a sentence, nothing lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factledger.core import Ledger, operations
from factledger.domain import ClaimFilter, Document, Status, UserError
from factledger.storage.sqlite_store import sqlite_database

ARTICLE = "The city will spend $40 million on 12 new bridges by 2027, the mayor said. " * 30


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    found = Path(sys.executable).with_name("factledger")
    command = [str(found)] if found.exists() else [sys.executable, "-m", "factledger"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=180, env=os.environ.copy()
    )


def _filled(path: Path, sources: int = 30) -> None:
    with Ledger.open(path) as ledger:
        for n in range(sources):
            ledger.import_document(Document(text=f"Story {n}: {ARTICLE}"))
        ledger.backup()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _damage(path: Path, page: int = 6) -> None:
    with path.open("r+b") as handle:  # the ledger is closed: no live connection can lose its locks
        handle.seek(4096 * page)
        handle.write(b"\xa5" * 4096)


def test_a_full_database_during_import_and_accept_is_a_sentence_and_saves_nothing(ledger: Ledger) -> None:
    """With no room left (max_page_count), import and accept roll back whole and say where to free space."""
    text = " ".join(
        f"Story {n}: the city will spend ${n + 2} million on {n + 3} bridges." for n in range(120)
    )
    first = ledger.import_document(Document(text=text))
    assert first.source_id
    assert len(ledger.suggestions(first.source_id)) > 50
    group = operations.accept_all(source_id=first.source_id)
    db = sqlite_database(ledger.store)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(UserError, match=r"full.*nothing was saved.*Free some space in"):
        ledger.import_document(Document(text=ARTICLE * 20))
    with pytest.raises(UserError, match=r"full.*nothing was saved"):
        ledger.apply(group)
    info = ledger.info()
    assert info.sources == 1 and info.history == 1 and info.claims == 0
    assert ledger.integrity_problems() == []


_HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES ('holder', 'x')")
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("ROLLBACK")
    """
)


def test_a_lock_held_past_the_busy_timeout_is_a_sentence(ledger: Ledger) -> None:
    """Another writer holding the ledger longer than the busy timeout makes an import say so, not crash."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(ledger.path), "6"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    sqlite_database(ledger.store).execute("PRAGMA busy_timeout = 200")
    with pytest.raises(UserError, match=r"busy.*nothing was saved"):
        ledger.import_document(Document(text="The port will hire 300 workers next year."))
    holder.kill()
    holder.wait()
    assert ledger.info().sources == 0


def test_a_foreign_sqlite_file_is_identified_read_only_and_left_byte_for_byte(tmp_path: Path) -> None:
    """An SQLite file of another program, even with a `claims` table, is refused before any write."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE claims (id INTEGER PRIMARY KEY, words TEXT)")
    conn.execute("INSERT INTO claims (words) VALUES ('theirs')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    done = _cli("info", "--ledger", str(path))
    assert done.returncode == 2 and "not a FactLedger ledger; it was not changed" in done.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, no -shm, no backup


def test_an_empty_sqlite_file_is_refused_by_the_cli_without_init(tmp_path: Path) -> None:
    """An SQLite file with no table is left alone unless `--init` is given."""
    path = tmp_path / "empty.db"
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")
    conn.close()
    before = path.read_bytes()
    done = _cli("info", "--ledger", str(path))
    assert done.returncode == 2 and "--init" in done.stderr and "Traceback" not in done.stderr
    assert path.read_bytes() == before
    done = _cli("info", "--ledger", str(path), "--init")
    assert done.returncode == 0, done.stderr


def test_a_damaged_ledger_is_refused_names_its_backup_and_can_be_salvaged(
    ledger_path: Path, tmp_path: Path
) -> None:
    """A damaged page is caught on open: every command says so with the backup to restore; salvage reads it."""
    _filled(ledger_path)
    _damage(ledger_path)
    before = ledger_path.read_bytes()
    article = tmp_path / "new.txt"
    article.write_text("The port will hire 300 workers next year.")
    for command in (("info",), ("import", str(article)), ("export", "-o", str(tmp_path / "x.csv"))):
        done = _cli(*command, "--ledger", str(ledger_path))
        assert done.returncode == 2, done.stderr
        assert "damaged" in done.stderr and "newest good backup" in done.stderr
        assert "factledger restore" in done.stderr and "Traceback" not in done.stderr
    salvaged = tmp_path / "salvaged.factledger"
    done = _cli("salvage", "--ledger", str(ledger_path), "-o", str(salvaged))
    assert done.returncode == 0, done.stderr
    assert ledger_path.read_bytes() == before and not (tmp_path / "x.csv").exists()
    with Ledger.open(salvaged) as ledger:
        assert ledger.integrity_problems() == [] and ledger.info().sources > 0
    restored = _cli("restore", "latest", "--ledger", str(ledger_path))
    assert restored.returncode == 0, restored.stderr
    assert [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert _cli("verify", "--ledger", str(ledger_path)).returncode == 0


def test_salvage_without_the_sqlite3_shell_copies_row_by_row(
    ledger_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no sqlite3 shell is installed, the salvage copy is made by reading each table row by row."""
    from factledger.core import salvage_copy
    from factledger.storage import integrity

    _filled(ledger_path)
    _damage(ledger_path, page=40)
    monkeypatch.setattr(integrity.shutil, "which", lambda _name: None)
    made, method = salvage_copy(ledger_path, tmp_path / "rows.factledger")
    assert method == "copied row by row"
    with Ledger.open(made) as ledger:
        assert ledger.integrity_problems() == [] and ledger.info().sources > 0


def test_a_damage_found_by_the_full_check_stops_every_write_from_this_process(ledger_path: Path) -> None:
    """Once the full check finds damage, a ledger already open here refuses imports with a sentence."""
    _filled(ledger_path, sources=5)
    with Ledger.open(ledger_path) as ledger:
        from factledger.storage.open_ledgers import mark_damaged

        mark_damaged(ledger_path)  # what integrity_problems() does when it finds damage
        with pytest.raises(UserError, match="damaged, so nothing more is written"):
            ledger.import_document(Document(text="The port will hire 300 workers next year."))
        assert ledger.info().sources == 5


def test_an_export_killed_midway_leaves_temporaries_that_the_next_export_removes(
    ledger: Ledger, tmp_path: Path
) -> None:
    """Hidden temporary files of a dead export process are cleaned by the next export to that target."""
    target = tmp_path / "facts.csv"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".facts.csv.{dead.stdout.strip()}-abcdef123456.part"
    stale.write_text("half an export")
    live = tmp_path / f".facts.csv.{os.getppid()}-abcdef654321.part"
    live.write_text("another export still running")
    ledger.export(target, fmt="csv")
    assert target.exists() and not stale.exists() and live.exists()


def test_a_read_only_ledger_opens_for_reading_and_refuses_changes_with_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ledger whose file and folder may not be written still shows its facts and exports them; a change is
    refused with a sentence and the file is left as it was."""
    folder = tmp_path / "shared-drive"
    folder.mkdir()
    path = folder / "desk.factledger"
    with Ledger.open(path) as ledger:
        ledger.import_document(Document(text=ARTICLE, title="Bridges"))
        ledger.accept_all()
    before = path.read_bytes()
    path.chmod(0o444)
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root may write anything: judge writability by the permission bits as a user would
        monkeypatch.setattr(
            "factledger.storage.database._writable",
            lambda p: bool(p.stat().st_mode & 0o222) and bool(p.parent.stat().st_mode & 0o222),
        )
    try:
        with Ledger.open(path) as ledger:
            assert ledger.read_only and any("read-only" in n for n in ledger.notices)
            assert ledger.info().claims > 0 and ledger.claims()
            written = ledger.export(
                tmp_path / "sheet.csv", claim_filter=ClaimFilter(statuses=frozenset(Status))
            )
            assert written > 0
            with pytest.raises(UserError, match="read-only"):
                ledger.import_document(Document(text="A new story: 3 new bridges.", title="More"))
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert path.read_bytes() == before
