"""Rolling backups: made when due, before a migration and a source deletion, pruned, listed and restored."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from factledger.core import Ledger
from factledger.core.backups import folder_of
from factledger.domain import Document, UserError
from factledger.storage import backups

ARTICLE = "The city will spend $40 million on 12 new bridges by 2027, the mayor said."


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    found = Path(sys.executable).with_name("factledger")
    command = [str(found)] if found.exists() else [sys.executable, "-m", "factledger"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=120, env=os.environ.copy()
    )


def _age(path: Path, days: float) -> Path:
    """Rename a backup as if it had been taken `days` ago."""
    match = backups._NAME.match(path.name)
    assert match
    stamp = (datetime.now(UTC) - timedelta(days=days)).strftime("%Y%m%dT%H%M%S%fZ")
    older = path.with_name(f"{match['stem']}-{stamp}-{match['reason']}.factledger")
    path.rename(older)
    return older


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_a_daily_backup_is_made_on_open_only_when_the_newest_is_a_day_old(ledger_path: Path) -> None:
    """Opening a ledger with work and no backup makes one; again within a day does not; after a day it does."""
    with Ledger.open(ledger_path) as ledger:
        assert ledger.backups() == []  # a new, empty ledger has nothing to lose yet
        ledger.import_document(Document(text=ARTICLE))
    with Ledger.open(ledger_path) as ledger:
        first = ledger.backups()
        assert [b.reason for b in first] == ["daily"] and first[0].sources == 1
    with Ledger.open(ledger_path) as ledger:
        assert len(ledger.backups()) == 1
    _age(first[0].path, 1.5)
    with Ledger.open(ledger_path) as ledger:
        assert [b.reason for b in ledger.backups()] == ["daily", "daily"]


def test_deleting_a_source_backs_it_up_first(ledger: Ledger) -> None:
    """The backup taken before a source is deleted still holds that source and its facts."""
    result = ledger.import_document(Document(text=ARTICLE))
    assert result.source_id
    ledger.accept(ledger.suggestions(result.source_id)[0].id)
    ledger.delete_source(result.source_id)
    made = [b for b in ledger.backups() if b.reason == "before-delete"]
    assert len(made) == 1 and made[0].sources == 1 and made[0].claims == 1
    assert ledger.info().sources == 0


def test_backups_are_consistent_while_another_process_writes(ledger: Ledger, tmp_path: Path) -> None:
    """A backup taken while a second process imports is a sound ledger with whole imports only."""
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom factledger.core import Ledger\nfrom factledger.domain import Document\n"
            "with Ledger.open(sys.argv[1]) as l:\n"
            "    for i in range(150): l.import_document(Document(text=f'Story {i}: $ {i} million more.'))\n",
            str(ledger.path),
        ]
    )
    made = []
    while writer.poll() is None and len(made) < 10:
        made.append(ledger.backup())
    writer.wait(timeout=120)
    assert writer.returncode == 0
    for path in made:
        assert backups.verify(path) == []
        assert _count(path, "sources") == _count(path, "history")  # each import is a source plus its event


def test_pruning_keeps_a_day_of_backups_seven_dailies_and_four_weeklies(tmp_path: Path) -> None:
    """Of two backups a day for 60 days, those of the last day, the newest of 7 days and of 4 weeks stay."""
    now = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
    for hours in range(0, 60 * 24, 12):
        stamp = (now - timedelta(hours=hours)).strftime("%Y%m%dT%H%M%S%fZ")
        (tmp_path / f"l-{stamp}-daily.factledger").write_bytes(b"")
    backups.prune(tmp_path, now=now)
    kept = sorted(b.taken_at for b in backups.list_backups(tmp_path, counts=False))
    days = {t.date() for t in kept}
    weeks = {t.isocalendar()[:2] for t in kept}
    assert len([t for t in kept if now - t <= timedelta(hours=24)]) == 3
    assert len(days) >= 7 and len(weeks) == 4 and len(kept) <= 3 + 7 + 4
    assert min(kept) >= now - timedelta(days=28)


def test_the_cli_backs_up_lists_and_restores_keeping_the_current_file_aside(
    ledger_path: Path, tmp_path: Path
) -> None:
    """`backup`, `backups --json` and `restore NAME` round-trip; the replaced file is kept, not deleted."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    assert _cli("import", str(article), "--ledger", str(ledger_path)).returncode == 0
    made = _cli("backup", "--ledger", str(ledger_path), "--json")
    assert made.returncode == 0, made.stderr
    backup = Path(json.loads(made.stdout)["backup"])
    second = tmp_path / "b.txt"
    second.write_text("The port will hire 300 workers next year.")
    assert _cli("import", str(second), "--ledger", str(ledger_path)).returncode == 0
    listing = json.loads(_cli("backups", "--ledger", str(ledger_path), "--json").stdout)
    entry = next(b for b in listing["backups"] if b["path"] == str(backup))
    assert entry["sources"] == 1 and entry["reason"] == "manual" and entry["taken_at"]
    restored = _cli("restore", backup.name, "--ledger", str(ledger_path))
    assert restored.returncode == 0, restored.stderr
    aside = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name and p.suffix == ".factledger"]
    assert len(aside) == 1 and _count(aside[0], "sources") == 2
    assert _count(ledger_path, "sources") == 1
    assert backup.exists()


def test_restoring_an_unsound_backup_is_refused_and_changes_nothing(ledger: Ledger, tmp_path: Path) -> None:
    """A backup that fails its check is refused with a sentence; the ledger stays where it is."""
    ledger.import_document(Document(text=ARTICLE))
    path = ledger.path
    ledger.close()
    bad = tmp_path / "bad.factledger"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    with pytest.raises(UserError, match="not a sound ledger"):
        from factledger.core import restore_backup

        restore_backup(bad, path)
    assert _count(path, "sources") == 1
    assert not [p for p in tmp_path.iterdir() if "before-restore" in p.name]


def test_restore_refuses_a_ledger_open_in_this_process(ledger: Ledger) -> None:
    """Moving a file aside under a live connection is refused (the app closes its ledger first)."""
    ledger.import_document(Document(text=ARTICLE))
    made = ledger.backup()
    from factledger.core import restore_backup

    with pytest.raises(UserError, match="open in FactLedger"):
        restore_backup(made, ledger.path)


def test_the_backup_folder_is_a_setting_of_the_ledger(ledger_path: Path, tmp_path: Path) -> None:
    """`backups --folder DIR` sends this ledger's later backups to DIR, in its own subfolder."""
    chosen = tmp_path / "elsewhere"
    done = _cli("backups", "--folder", str(chosen), "--ledger", str(ledger_path))
    assert done.returncode == 0, done.stderr
    made = _cli("backup", "--ledger", str(ledger_path), "--json")
    backup = Path(json.loads(made.stdout)["backup"])
    assert backup.parent.parent == chosen and backup.exists()
    assert folder_of(ledger_path) == backup.parent


def test_a_killed_backup_leaves_no_half_file_and_its_part_is_cleaned(ledger: Ledger) -> None:
    """A `.part` left by a dead process is removed by the next backup; listings never show it."""
    ledger.import_document(Document(text=ARTICLE))
    folder = ledger.backup_folder
    folder.mkdir(parents=True, exist_ok=True)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = folder / f".x-20260101T000000000000Z-daily.factledger.{dead.stdout.strip()}.part"
    stale.write_bytes(b"half")
    ledger.backup()
    assert not stale.exists()
    assert all(not b.path.name.startswith(".") for b in ledger.backups())
