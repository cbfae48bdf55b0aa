"""Versions of a source: a changed article becomes version 2, its facts are re-anchored, undo puts them back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.core import Ledger
from factledger.domain import Document, UserError
from factledger.domain.anchors import AnchorState
from factledger.reading import expand_inputs
from factledger.resources import resource_path
from factledger.storage.schema import SCHEMA_VERSION, migrations

SEED = resource_path("sample", "sample-article.txt")
UPDATED = resource_path("sample", "sample-article-updated.txt")


def _seeded(ledger: Ledger) -> str:
    (first,) = ledger.import_inputs(expand_inputs([str(SEED)]))
    assert first.outcome == "imported" and first.source_id is not None
    ledger.accept_all(source_id=first.source_id)
    return first.source_id


def _spans_hold(ledger: Ledger) -> None:
    for claim in ledger.claims(limit=10_000):
        assert ledger.source(claim.source_id).text[claim.start : claim.end] == claim.quote


def test_edited_seed_article_becomes_version_two_with_one_changed_one_orphaned(ledger: Ledger) -> None:
    """Re-importing the edited seed article (a figure changed, a sentence deleted, a paragraph moved, a typo
    fixed) adds version 2 and leaves exactly one fact changed, one orphaned, several moved, the rest anchored."""
    first = _seeded(ledger)
    facts = ledger.count_claims()
    (result,) = ledger.import_inputs(expand_inputs([str(UPDATED)]))
    assert result.outcome == "new_version" and result.version == 2 and result.report is not None
    counts = result.report.counts
    assert counts.get("changed") == 1 and counts.get("orphaned") == 1
    assert counts.get("moved", 0) >= 3 and counts.get("anchored", 0) >= 3
    assert sum(counts.values()) == facts == ledger.count_claims()
    assert f"version 2 of source {first}" in result.message
    _spans_hold(ledger)

    anchors = ledger.anchors([c.id for c in ledger.claims(limit=10_000)])
    changed = [a for a in anchors.values() if a.state == AnchorState.CHANGED]
    orphaned = [a for a in anchors.values() if a.state == AnchorState.ORPHANED]
    assert changed[0].figures == "412,000 vehicles → 415,000 vehicles"
    assert changed[0].old_quote == "412,000 vehicles" and changed[0].new_quote == "415,000 vehicles"
    assert (changed[0].from_version, changed[0].to_version) == (1, 2)
    assert "the gap stems from consumer preference" in orphaned[0].old_quote
    assert ledger.claim(orphaned[0].claim_id).source_id == first  # it stays on the version that has its words

    (summary,) = ledger.sources()
    assert (summary.id, summary.versions, summary.claim_count) == (result.source_id, 2, facts)
    assert ledger.info().sources == 1
    versions = ledger.versions(first)
    assert [v.version for v in versions] == [1, 2]
    assert (
        ledger.original(first) == SEED.read_bytes()
        and ledger.original(versions[1].id) == UPDATED.read_bytes()
    )
    history = ledger.history(changed[0].claim_id)
    assert history[-1].action == "reanchor" and json.loads(history[-1].after or "")["version"] == 2


def test_new_version_is_undone_and_redone_whole(ledger: Ledger) -> None:
    """Undo of a new version puts every fact back on version 1 with its span, its suggestions and no anchors."""
    first = _seeded(ledger)
    before = {c.id: (c.source_id, c.start, c.end, c.quote) for c in ledger.claims(limit=10_000)}
    suggestions = len(ledger.suggestions(first))
    (result,) = ledger.import_inputs(expand_inputs([str(UPDATED)]))
    assert result.edit is not None and result.source_id is not None
    ledger.revert(result.edit)
    assert {c.id: (c.source_id, c.start, c.end, c.quote) for c in ledger.claims(limit=10_000)} == before
    assert len(ledger.suggestions(first)) == suggestions
    assert ledger.anchors(list(before)) == {}
    assert [v.version for v in ledger.versions(first)] == [1]
    ledger.apply(result.edit)  # redo
    assert len(ledger.versions(first)) == 2
    assert ledger.count_claims() == len(before)
    _spans_hold(ledger)


def test_a_third_version_re_anchors_facts_orphaned_on_the_first(ledger: Ledger, tmp_path: Path) -> None:
    """A fact orphaned by version 2 is tried again against version 3, and found when its sentence returns."""
    first = _seeded(ledger)
    ledger.import_inputs(expand_inputs([str(UPDATED)]))
    third_file = tmp_path / "third.txt"
    third_file.write_text(SEED.read_text(encoding="utf-8").replace("412,000", "420,000"), encoding="utf-8")
    (third,) = ledger.import_inputs(expand_inputs([str(third_file)]))
    assert third.outcome == "new_version" and third.version == 3 and third.report is not None
    assert third.report.counts.get("orphaned", 0) == 0
    assert ledger.claims_for_source(first) == []
    _spans_hold(ledger)


def test_same_url_makes_a_version_and_same_short_title_without_outlet_or_byline_does_not(
    ledger: Ledger,
) -> None:
    """A URL (fragment and trailing slash aside) identifies a source; a bare title with no outlet or byline does not."""
    one = ledger.import_document(
        Document(text="Japan will invest $500 billion.", url="https://news.example/a")
    )
    two = ledger.import_document(
        Document(text="Japan will invest $550 billion.", url="https://news.example/a/#top")
    )
    assert (one.outcome, two.outcome, two.version) == ("imported", "new_version", 2)
    three = ledger.import_document(Document(text="Rail plan costs $2 billion.", title="Budget"))
    four = ledger.import_document(Document(text="Rail plan costs $3 billion.", title="Budget"))
    assert (three.outcome, four.outcome) == ("imported", "imported")
    five = ledger.import_document(Document(text="Port plan costs $2 billion.", title="Ports", outlet="Daily"))
    six = ledger.import_document(Document(text="Port plan costs $4 billion.", title="Ports", outlet="Daily"))
    assert (five.outcome, six.outcome) == ("imported", "new_version")


def test_a_ledger_of_the_previous_schema_migrates_with_a_backup(tmp_path: Path) -> None:
    """A ledger written before versions existed opens with its sources as version 1, after a backup copy."""
    path = tmp_path / "old.factledger"
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="m009_source_versions")
    applied = len(migrations.applied(db))
    db.execute(f"PRAGMA user_version = {applied}")
    text = "Japan has committed to invest $500 billion, the minister said."
    db.execute(
        "INSERT INTO sources (id, title, outlet, imported_at, text, content_sha256, media_type) "
        "VALUES ('src_1', 'Pledge', 'Daily', '2025-01-01', ?, 'abc', 'text/plain')",
        [text],
    )
    db.execute(
        'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at, updated_at) '
        "VALUES ('clm_1', 'src_1', 'statistic', '$500 billion', 30, 42, 'x', '2025', '2025')"
    )
    conn.close()

    with Ledger.open(path) as ledger:
        assert [(v.id, v.version) for v in ledger.versions("src_1")] == [("src_1", 1)]
        result = ledger.import_document(
            Document(text=text.replace("$500", "$550"), title="Pledge", outlet="Daily")
        )
        assert result.outcome == "new_version"
        anchor = ledger.anchors(["clm_1"])["clm_1"]
        assert anchor.state == AnchorState.CHANGED and anchor.figures == "$500 billion → $550 billion"
        folder = ledger.backup_folder
    (backup,) = folder.glob(f"old-*-before-schema-v{SCHEMA_VERSION}.factledger")
    old = sqlite3.connect(backup)
    assert old.execute("SELECT count(*) FROM sources").fetchone()[0] == 1
    assert "lineage" not in [r[1] for r in old.execute("PRAGMA table_info(sources)")]
    old.close()


def test_undo_refuses_while_facts_stand_on_the_new_version_and_delete_takes_every_version(
    ledger: Ledger,
) -> None:
    """A fact logged on version 2 blocks the undo of version 2 (nothing is lost); deleting the source
    removes every version with all their facts."""
    first = _seeded(ledger)
    (result,) = ledger.import_inputs(expand_inputs([str(UPDATED)]))
    assert result.edit is not None and result.source_id is not None
    text = ledger.source(result.source_id).text
    start = text.index("Daeyang expects")
    ledger.log_claim(source_id=result.source_id, start=start, end=start + 15, kind="claim")
    facts = ledger.count_claims()
    with pytest.raises(UserError, match="undo those first"):
        ledger.revert(result.edit)
    assert ledger.count_claims() == facts and len(ledger.versions(first)) == 2
    ledger.delete_source(result.source_id)
    assert (ledger.info().sources, ledger.count_claims(), ledger.sources()) == (0, 0, [])


def test_a_recurring_title_weeks_apart_is_a_new_source_and_days_apart_a_version(ledger: Ledger) -> None:
    """A newsletter's "Morning Briefing" a month later is another issue; the same story a day later is a version."""
    first = ledger.import_document(
        Document(
            text="Exports rose 4% in May.", title="Morning Briefing", outlet="Daily", published="2025-06-02"
        )
    )
    month_later = ledger.import_document(
        Document(
            text="Exports fell 2% in June.", title="Morning Briefing", outlet="Daily", published="2025-07-02"
        )
    )
    next_day = ledger.import_document(
        Document(
            text="Exports rose 5% in May.", title="Morning Briefing", outlet="Daily", published="2025-06-03"
        )
    )
    assert first.outcome == "imported" and month_later.outcome == "imported"
    assert next_day.outcome == "new_version" and next_day.version == 2
