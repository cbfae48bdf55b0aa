"""The command line carries no fact version: `edit` and `status` apply to whatever version the fact has,
however often it moved on, and `claims --json` shows each fact's version."""

from __future__ import annotations

import json
from pathlib import Path

from .test_cli_commands import ARTICLE, run


def test_edit_and_status_work_without_versions_and_move_them_on(ledger_path: Path, tmp_path: Path) -> None:
    """Two edits and a verdict from separate processes all apply (none is refused as stale), each moving
    the fact's version on by one."""
    article = tmp_path / "carmaker.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run("import", str(article), ledger=ledger_path)
    run("accept", "all", ledger=ledger_path)
    (fact, *_rest) = json.loads(run("claims", "--json", ledger=ledger_path).stdout)
    assert fact["version"] == 1

    run("edit", fact["id"], "--subject", "exports", ledger=ledger_path)
    run("edit", fact["id"], "--subject", "vehicle exports", ledger=ledger_path)
    run("status", fact["id"], "in_review", "--reason", "asking the ministry", ledger=ledger_path)
    (now,) = [
        c for c in json.loads(run("claims", "--json", ledger=ledger_path).stdout) if c["id"] == fact["id"]
    ]
    assert (now["subject"], now["status"], now["version"]) == ("vehicle exports", "in_review", 4)
