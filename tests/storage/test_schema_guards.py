"""The schema refuses raw SQL that breaks its promises, and a ledger that lost its guards gets them back."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factledger.core import Ledger
from factledger.domain import Document, UserError

needs_shell = pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
TEXT = "The minister said unemployment fell to 4.1 percent in March. Japan will invest $550 billion."


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    found = Path(sys.executable).with_name("factledger")
    command = [str(found)] if found.exists() else [sys.executable, "-m", "factledger"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=120, env=os.environ.copy()
    )


def _shell(path: Path, sql: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sqlite3", str(path)], input=sql, capture_output=True, text=True, timeout=60)


@pytest.fixture
def filled(ledger_path: Path) -> Path:
    """A closed ledger with one source, one fact and its history."""
    with Ledger.open(ledger_path) as ledger:
        source = ledger.import_document(Document(text=TEXT, title="t"))
        assert source.source_id
        start = TEXT.index("unemployment")
        ledger.log_claim(source_id=source.source_id, start=start, end=start + 12, kind="claim")
    return ledger_path


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@needs_shell
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE INTO", "REPLACE INTO"])
def test_the_sqlite3_shell_cannot_replace_a_history_row(filled: Path, verb: str) -> None:
    """A replacing insert on history is refused from the shell, which sets no recursive_triggers."""
    before = _rows(filled, "SELECT * FROM history ORDER BY id")
    done = _shell(
        filled,
        f"{verb} history (id, entity, entity_id, action, actor, at) VALUES (1, 'claim', 'x', 'forged', 'me', 'now');",
    )
    assert done.returncode != 0 and "append-only" in done.stderr
    assert _rows(filled, "SELECT * FROM history ORDER BY id") == before


@needs_shell
def test_the_sqlite3_shell_cannot_fabricate_a_quote(filled: Path) -> None:
    """UPDATE of a quote or span, an insert with a wrong quote, and a source text change under facts all fail."""
    original = _rows(filled, 'SELECT quote, start, "end" FROM claims')
    for sql in (
        "UPDATE claims SET quote = 'unemployment rose';",
        'UPDATE claims SET start = start + 1, "end" = "end" + 1;',
        'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at, updated_at) '
        "SELECT 'clm_forged', id, 'claim', 'fell to 9 percent', 0, 17, 's', 'x', 'x' FROM sources;",
        "UPDATE sources SET text = replace(text, 'unemployment', 'employment!!');",
    ):
        done = _shell(filled, sql)
        assert done.returncode != 0 and "quote" in done.stderr, sql
    assert _rows(filled, 'SELECT quote, start, "end" FROM claims') == original
    # edits that keep the quote true still go through, from the shell as from the app
    assert _shell(filled, "UPDATE claims SET subject = 'jobs';").returncode == 0


@needs_shell
def test_guards_dropped_by_sqlite_utils_transform_are_put_back_on_open_and_said(filled: Path) -> None:
    """`sqlite-utils transform history` drops the append-only triggers; the next open restores them and says so."""
    tool = Path(sys.executable).with_name("sqlite-utils")
    subprocess.run(
        [str(tool) if tool.exists() else "sqlite-utils", "transform", str(filled), "history"], check=True
    )
    names = {r[0] for r in _rows(filled, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "history_no_update" not in names
    done = _cli("info", "--ledger", str(filled))
    assert done.returncode == 0, done.stderr
    assert "safeguards" in done.stderr and "history_no_update" in done.stderr
    names = {r[0] for r in _rows(filled, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"history_no_update", "history_no_delete", "history_no_replace"} <= names
    assert _shell(filled, "DELETE FROM history;").returncode != 0
    assert "safeguards" not in _cli("info", "--ledger", str(filled)).stderr  # said once, when repaired


@needs_shell
@pytest.mark.parametrize("table", ["history", "claims", "sources"])
def test_a_ledger_missing_a_table_is_called_damaged_without_a_traceback(filled: Path, table: str) -> None:
    """After DROP TABLE, every command answers that the ledger is damaged, in a sentence, exit code 2."""
    assert _shell(filled, f"PRAGMA foreign_keys=OFF; DROP TABLE {table};").returncode == 0
    for command in (("info",), ("claims",), ("import", str(filled)), ("export", "-o", str(filled) + ".csv")):
        done = _cli(*command, "--ledger", str(filled))
        assert done.returncode == 2, (command, done.stderr)
        assert "damaged" in done.stderr and table in done.stderr and "Traceback" not in done.stderr
    assert not Path(str(filled) + ".csv").exists()


@needs_shell
@pytest.mark.parametrize("fmt", ["csv", "claimreview", "json", "md"])
def test_exports_refuse_a_ledger_whose_quote_was_altered_behind_the_guards(
    filled: Path, tmp_path: Path, fmt: str
) -> None:
    """With the guard dropped and a quote rewritten, every export refuses with the fact named, writing nothing."""
    done = _shell(
        filled,
        "DROP TRIGGER claims_quote_on_update; UPDATE claims SET quote = 'unemployment rose', status = 'verified';",
    )
    assert done.returncode == 0, done.stderr
    claim_id = _rows(filled, "SELECT id FROM claims")[0][0]
    target = tmp_path / f"out.{fmt}"
    with Ledger.open(filled) as ledger, pytest.raises(UserError, match=f"Nothing was exported.*{claim_id}"):
        ledger.export(target, fmt=fmt)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
