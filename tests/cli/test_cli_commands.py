"""The CLI contract of ARCHITECTURE.md, driven as a script would: real processes, JSON out, exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "Carmaker pledges more\n\n"
    "Toyota committed to invest another $10 billion in the United States, a company official said on "
    "background. Only 16,707 American-made vehicles were exported to Japan in 2024, less than 1% of the "
    "market, according to trade data.\n"
)


def run(*args: str, ledger: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "factledger", *args, "--ledger", str(ledger)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"{args} exited {result.returncode}: {result.stderr}")
    return result


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "carmaker.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_version_prints_a_version() -> None:
    """`python -m factledger --version` prints the product name and version and exits 0."""
    out = subprocess.run([sys.executable, "-m", "factledger", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("FactLedger ")


def test_info_on_a_fresh_ledger_reports_zero_counts(ledger_path: Path) -> None:
    """`info --json` on a fresh ledger reports its path, zero of everything and a schema version."""
    data = json.loads(run("info", "--json", ledger=ledger_path).stdout)
    assert data["path"] == str(ledger_path)
    assert (data["sources"], data["claims"], data["suggestions"]) == (0, 0, 0)
    assert data["schema_version"] >= 1


def test_import_accept_edit_status_search_and_export(
    ledger_path: Path, article: Path, tmp_path: Path
) -> None:
    """A script can import, accept, edit, verify, search and export through the CLI, and the exported sheet
    holds the verified fact with its evidence."""
    first = run("import", str(article), ledger=ledger_path)
    assert first.stdout.startswith("imported: carmaker.txt")
    again = run("import", str(article), ledger=ledger_path)
    assert again.stdout.startswith("duplicate: carmaker.txt")

    info = json.loads(run("info", "--json", ledger=ledger_path).stdout)
    assert info["sources"] == 1 and info["suggestions"] > 0
    run("accept", "all", ledger=ledger_path)
    claims = json.loads(run("claims", "--json", ledger=ledger_path).stdout)
    assert claims, "accepting suggestions logs facts"
    text = ARTICLE
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["quote"]
    target = next(c for c in claims if c["quote"].startswith(("Only 16,707", "16,707")))

    run("edit", target["id"], "--subject", "US-made vehicles exported to Japan", ledger=ledger_path)
    run(
        "status",
        target["id"],
        "verified",
        "--reason",
        "Matches trade data.",
        "--evidence",
        "https://example.org/trade",
        "--quote",
        "16,707",
        ledger=ledger_path,
    )
    verified = json.loads(run("claims", "--status", "verified", "--json", ledger=ledger_path).stdout)
    assert [c["id"] for c in verified] == [target["id"]]
    assert verified[0]["subject"] == "US-made vehicles exported to Japan"

    hits = json.loads(run("search", "exported", "--json", ledger=ledger_path).stdout)
    assert any(h["id"] == target["id"] for h in hits)

    out = tmp_path / "sheet.csv"
    run("export", "-o", str(out), ledger=ledger_path)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [target["id"]]
    assert rows[0]["status"] == "verified" and "example.org/trade" in rows[0]["evidence"]


def test_user_mistakes_get_a_sentence_and_a_non_zero_exit(ledger_path: Path, tmp_path: Path) -> None:
    """A missing file, unknown fact id or unknown status gets a sentence and a non-zero exit, no traceback."""
    missing = run("import", str(tmp_path / "nope.txt"), ledger=ledger_path, check=False)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr + missing.stdout
    unknown = run("status", "clm_unknown", "verified", "--reason", "x", ledger=ledger_path, check=False)
    assert unknown.returncode == 2
    assert "no fact with id clm_unknown" in unknown.stderr and "Traceback" not in unknown.stderr
    bad_status = run("claims", "--status", "maybe", ledger=ledger_path, check=False)
    assert bad_status.returncode == 2 and "not a known status" in bad_status.stderr


def test_suggest_prints_the_contract_without_storing(ledger_path: Path, article: Path) -> None:
    """`suggest --json` prints the document and suggestions with every documented field and stores nothing."""
    data = json.loads(run("suggest", str(article), "--json", ledger=ledger_path).stdout)
    text = data["document"]["text"]
    assert set(data["document"]) >= {"title", "outlet", "authors", "published", "url", "media_type", "text"}
    fields = {
        "kind",
        "start",
        "end",
        "quote",
        "value",
        "unit",
        "qualifier",
        "period",
        "subject",
        "speaker",
        "attribution",
        "committer",
        "action",
        "amount",
        "deadline",
        "cue",
        "score",
        "group",
    }
    assert data["suggestions"]
    for s in data["suggestions"]:
        assert set(s) == fields
        assert text[s["start"] : s["end"]] == s["quote"]
    assert (
        not ledger_path.exists()
        or json.loads(run("info", "--json", ledger=ledger_path).stdout)["sources"] == 0
    )


def test_claims_narrow_by_subject_and_stated_date(ledger_path: Path, article: Path) -> None:
    """`claims` narrows by subject and by a stated-date range, and a date it cannot read is refused."""
    run("import", str(article), ledger=ledger_path)
    run("accept", "all", "--all", ledger=ledger_path)
    claims = json.loads(run("claims", "--json", ledger=ledger_path).stdout)
    target = claims[0]
    run(
        "edit",
        target["id"],
        "--subject",
        "Toyota Motor North America",
        "--stated-on",
        "2025-10-29",
        ledger=ledger_path,
    )
    by_subject = json.loads(
        run("claims", "--subject", "Toyota Motor North America", "--json", ledger=ledger_path).stdout
    )
    assert [c["id"] for c in by_subject] == [target["id"]]
    in_range = json.loads(
        run(
            "claims",
            "--subject",
            "Toyota Motor North America",
            "--from",
            "2025-10",
            "--to",
            "2025-10-31",
            "--json",
            ledger=ledger_path,
        ).stdout
    )
    assert [c["id"] for c in in_range] == [target["id"]]
    later = json.loads(run("claims", "--from", "2026", "--json", ledger=ledger_path).stdout)
    assert target["id"] not in [c["id"] for c in later]
    bad = run("claims", "--from", "soon", ledger=ledger_path, check=False)
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_edit_source_dates_an_undated_article(ledger_path: Path, article: Path) -> None:
    """`edit-source` dates an undated article and sets its outlet, and refuses a bad date or an edit with
    nothing to change."""
    run("import", str(article), ledger=ledger_path)
    (source,) = json.loads(run("sources", "--json", ledger=ledger_path).stdout)
    assert source["published"] is None
    out = run(
        "edit-source",
        source["id"],
        "--published",
        "2025-10-29",
        "--outlet",
        "Wire",
        "--reason",
        "print edition",
        ledger=ledger_path,
    )
    assert out.stdout.strip() == f"edited {source['id']}"
    (edited,) = json.loads(run("sources", "--json", ledger=ledger_path).stdout)
    assert (edited["published"], edited["outlet"]) == ("2025-10-29", "Wire")
    bad = run("edit-source", source["id"], "--published", "29/10/2025", ledger=ledger_path, check=False)
    assert bad.returncode != 0 and "not a date" in bad.stderr
    nothing = run("edit-source", source["id"], ledger=ledger_path, check=False)
    assert nothing.returncode != 0 and "Nothing to change" in nothing.stderr


def test_edit_records_what_a_commitment_delivered(ledger_path: Path, article: Path) -> None:
    """`edit` records a commitment's delivered amount and fulfilment, and refuses a negative amount."""
    run("import", str(article), ledger=ledger_path)
    run("accept", "all", "--kind", "commitment", ledger=ledger_path)
    (pledge, *_) = json.loads(run("claims", "--kind", "commitment", "--json", ledger=ledger_path).stdout)
    run(
        "edit",
        pledge["id"],
        "--delivered",
        "4,000,000,000",
        "--fulfilment",
        "partially_fulfilled",
        ledger=ledger_path,
    )
    shown = json.loads(run("show", pledge["id"], "--json", ledger=ledger_path).stdout)
    assert (shown["delivered"], shown["fulfilment"]) == (4e9, "partially_fulfilled")
    bad = run("edit", pledge["id"], "--delivered", "-1", ledger=ledger_path, check=False)
    assert bad.returncode != 0 and "cannot be negative" in bad.stderr
