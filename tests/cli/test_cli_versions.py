"""The seed scenario from the command line: a silently edited article shows in import, check, claims and CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from factledger.domain.factsheet import CSV_COLUMNS
from factledger.resources import resource_path

from .test_cli_commands import run

SEED = resource_path("sample", "sample-article.txt")
UPDATED = resource_path("sample", "sample-article-updated.txt")


def test_edited_article_reports_its_stealth_edits_everywhere(tmp_path: Path) -> None:
    """Importing the edited copy prints a new-version line; check, claims --json and the CSV name the changed
    and the orphaned fact with both versions' dates, and the CSV keeps its earlier columns first."""
    ledger = tmp_path / "cli.factledger"
    first = json.loads(run("import", str(SEED), "--json", ledger=ledger).stdout)[0]
    assert first["version"] == 1
    run("accept", "all", "--all", ledger=ledger)
    line = run("import", str(UPDATED), ledger=ledger).stdout.strip()
    assert line.startswith(f"new version: {UPDATED.name} (version 2 of {first['source_id']}: ")
    assert "1 changed, 1 orphaned" in line

    findings = json.loads(run("check", "--json", ledger=ledger).stdout)
    stealth = [f for f in findings if f["check"] == "source_changed"]
    assert len(stealth) == 2
    assert any("412,000 vehicles" in f["message"] and "415,000 vehicles" in f["message"] for f in stealth)
    assert any("no longer in version 2" in f["message"] for f in stealth)

    claims = json.loads(run("claims", "--json", ledger=ledger).stdout)
    states = [c["anchor"]["state"] for c in claims]
    assert states.count("changed") == 1 and states.count("orphaned") == 1
    by_source = json.loads(run("claims", "--source", first["source_id"], "--json", ledger=ledger).stdout)
    assert len(by_source) == len(claims)  # a source's facts include those re-anchored in its newer version

    out = tmp_path / "sheet.csv"
    run("export", "--status", "all", "-o", str(out), ledger=ledger)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS and CSV_COLUMNS[-4:] == (
        "source_changed",
        "source_change",
        "old_version_date",
        "new_version_date",
    )
    flagged = {r["source_changed"] for r in rows if r["source_changed"]}
    assert flagged == {"changed", "orphaned"} and sum(1 for r in rows if r["source_changed"]) == 2
    assert all(r["old_version_date"] and r["new_version_date"] for r in rows)

    sheet = tmp_path / "sheet.md"
    run("export", "--status", "all", "--format", "md", "-o", str(sheet), ledger=ledger)
    assert sheet.read_text(encoding="utf-8").count("**Source changed:**") == 2
