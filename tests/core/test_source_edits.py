"""Correcting a source's details: validated, logged, undoable, and felt by every fact that takes its date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factledger.core import Ledger, operations
from factledger.domain import UserError
from factledger.reading import expand_inputs
from factledger.storage.sqlite_store import sqlite_database

TEXT = (
    "Plain notes without a dateline.\n\n"
    "The ministry said it will spend $2 billion on rail by 2030. Exports rose 12% last year, officials said."
)


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    opened = Ledger.open(tmp_path / "l.factledger", actor="Ada Reviewer")
    source = tmp_path / "notes.txt"
    source.write_text(TEXT, encoding="utf-8")
    opened.import_inputs(expand_inputs([source]))
    return opened


def _only_source(ledger: Ledger) -> str:
    (summary,) = ledger.sources()
    return summary.id


def test_details_change_and_the_history_keeps_before_and_after(ledger: Ledger) -> None:
    """A source's edited details are trimmed and saved; the history keeps actor, reason, before and after."""
    source_id = _only_source(ledger)
    ledger.edit_source(
        source_id,
        reason="print edition",
        title=" Rail plan ",
        published="2025-10-29",
        authors="A. One, B. Two",
    )
    source = ledger.source(source_id)
    assert (source.title, source.published, source.authors) == (
        "Rail plan",
        "2025-10-29",
        ("A. One", "B. Two"),
    )
    row = (
        sqlite_database(ledger.store)
        .execute(  # the history is a plain table any SQLite tool reads
            "SELECT entity, action, actor, before, after, reason FROM history WHERE entity_id = ? AND entity = 'source'",
            [source_id],
        )
        .fetchall()[-1]
    )
    assert row[:3] == ("source", "edit source", "Ada Reviewer")
    assert json.loads(row[3])["published"] is None
    assert json.loads(row[4])["published"] == "2025-10-29"
    assert row[5] == "print edition"


def test_undo_puts_the_old_details_back(ledger: Ledger) -> None:
    """Undoing a source edit puts the old outlet and address back."""
    source_id = _only_source(ledger)
    before = ledger.source(source_id)
    edit = operations.edit_source(source_id=source_id, outlet="Wire", url="https://example.org/rail")
    changes = ledger.apply(edit)
    assert changes.sources == {source_id}
    ledger.revert(edit)
    after = ledger.source(source_id)
    assert (after.outlet, after.url) == (before.outlet, before.url)


def test_the_same_values_change_nothing(ledger: Ledger) -> None:
    """Editing a source to the values it already has changes nothing."""
    source_id = _only_source(ledger)
    ledger.edit_source(source_id, outlet="Wire")
    assert ledger.edit_source(source_id, outlet="Wire").empty


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"published": "29/10/2025"}, "not a date"),
        ({"text": "new words"}, "not a detail of a source"),
    ],
)
def test_bad_details_are_refused_before_anything_changes(
    ledger: Ledger, fields: dict[str, str], message: str
) -> None:
    """A bad date or a field that is not a source detail is refused before anything changes."""
    source_id = _only_source(ledger)
    with pytest.raises(UserError, match=message):
        ledger.edit_source(source_id, **fields)
    assert ledger.source(source_id).text == TEXT


def test_an_unknown_source_is_named(ledger: Ledger) -> None:
    """Editing a source that does not exist names the missing id."""
    with pytest.raises(UserError, match="no source with id src_missing"):
        ledger.edit_source("src_missing", title="x")


def test_dating_the_source_places_its_undated_facts_on_the_timeline(ledger: Ledger) -> None:
    """Giving a source a publication date moves all its undated facts onto the timeline."""
    source_id = _only_source(ledger)
    for suggestion in ledger.suggestions(source_id):
        ledger.accept(suggestion.id)
    facts = ledger.count_claims()
    assert facts > 0
    assert ledger.timeline().undated == facts
    ledger.edit_source(source_id, published="2025-10-29")
    moved = ledger.timeline()
    assert (moved.undated, moved.dated) == (0, facts)


def test_a_new_title_is_searchable(ledger: Ledger) -> None:
    """A source's new title is found by search straight after the edit."""
    source_id = _only_source(ledger)
    ledger.edit_source(source_id, title="Quixotic railway budget")
    assert any(hit.source_id == source_id for hit in ledger.search("Quixotic"))
