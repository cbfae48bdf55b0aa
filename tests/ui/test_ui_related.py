"""Conflicts and restatements in plain sight: the table's Related column, the inspector, link, dismiss, check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factledger.core import Ledger
from factledger.domain import LinkKind, Stance
from factledger.reading import expand_inputs
from factledger.ui.claim_table_model import COLUMNS
from factledger.ui.main_window import MainWindow

FIRST = "Japan pledged $500 billion in investment in the United States, the White House said on Monday.\n"
SECOND = "Officials in Tokyo said the pledge amounts to $550 billion over the coming years.\n"
THIRD = "The $500 billion figure was repeated by the trade minister on Friday.\n"
SUBJECT = "Japan investment pledge"
RELATED = next(i for i, c in enumerate(COLUMNS) if c.key == "related")


def _log(ledger: Ledger, source_id: str, text: str, figure: str, value: float) -> str:
    start = text.index(figure)
    claim_id, _ = ledger.log_claim(
        source_id=source_id,
        start=start,
        end=start + len(figure),
        kind="statistic",
        subject=SUBJECT,
        value=value,
        unit="USD",
    )
    return claim_id


@pytest.fixture
def facts(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Three sources: $500 billion, a conflicting $550 billion, and a restated $500 billion."""
    path = tmp_path / "related.factledger"
    ids: dict[str, str] = {}
    with Ledger.open(path, actor="Ada Reviewer") as ledger:
        for name, text, figure, value in (
            ("first", FIRST, "$500 billion", 5e11),
            ("second", SECOND, "$550 billion", 5.5e11),
            ("third", THIRD, "$500 billion", 5e11),
        ):
            article = tmp_path / f"{name}.txt"
            article.write_text(text, encoding="utf-8")
            [result] = ledger.import_inputs(expand_inputs([article]))
            assert result.source_id is not None
            ids[name] = _log(ledger, result.source_id, text, figure, value)
    return path, ids


@pytest.fixture
def window(make_window, facts) -> Iterator[MainWindow]:
    yield make_window(facts[0])


def _badge(window: MainWindow, claim_id: str) -> str:
    model = window.table.model
    row = model.row_of(claim_id)
    assert row is not None
    model.data(model.index(row, RELATED))  # asking shows nothing yet and queues the check after the paint
    model.check_pending_marks()  # what the queued check does when the event loop comes round
    return str(model.data(model.index(row, RELATED)))


def test_the_conflict_shows_in_the_table_and_the_inspector(window: MainWindow, facts) -> None:
    """$500 billion vs $550 billion is flagged in the Related column and listed in the inspector."""
    _, ids = facts
    assert _badge(window, ids["second"]).startswith("⚠ contradicts 2")
    assert "⚠ contradicts 1" in _badge(window, ids["first"]) and "restated ×2" in _badge(window, ids["first"])
    window.select_claim(ids["first"])
    related = window.inspector.related
    assert related.isVisible()
    relations = {r.claim.id: r.relation for r in related.related}
    assert relations == {ids["second"]: LinkKind.CONTRADICTS, ids["third"]: LinkKind.RESTATES}
    assert "⚠ 1 contradicting" in related.title()


def test_one_click_link_and_dismiss_are_undoable(window: MainWindow, facts) -> None:
    """Link marks the pair as linked; Dismiss hides the finding from table and inspector; undo restores it."""
    _, ids = facts
    window.select_claim(ids["first"])
    related = window.inspector.related
    conflict = next(r for r in related.related if r.relation == LinkKind.CONTRADICTS)
    related.link(conflict)
    assert {r.claim.id: r.linked for r in window.inspector.related.related}[ids["second"]] is True
    assert "linked 1" in _badge(window, ids["first"])
    restated = next(r for r in window.inspector.related.related if r.relation == LinkKind.RESTATES)
    window.inspector.related.dismiss(restated)
    assert ids["third"] not in {r.claim.id for r in window.inspector.related.related}
    assert "restated" not in _badge(window, ids["first"])
    window.session.undo_stack.undo()
    assert ids["third"] in {r.claim.id for r in window.inspector.related.related}
    assert "restated ×2" in _badge(window, ids["first"])


def test_check_ledger_lists_the_findings_and_opens_a_fact(window: MainWindow, facts) -> None:
    """Fact ▸ Check ledger lists the contradiction; activating it shows its first fact in the inspector."""
    _, ids = facts
    window.fact_actions.check_action.trigger()
    dialog = window.check_dialog
    assert dialog is not None and dialog.tree.topLevelItemCount() >= 2
    checks = {dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())}
    assert {"contradiction", "restated"} <= checks
    item = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0) == "contradiction"
    )
    dialog.tree.itemActivated.emit(item, 0)
    assert window.inspector.claim is not None and window.inspector.claim.id in ids.values()


def test_add_evidence_offers_the_related_facts_first(window: MainWindow, facts) -> None:
    """Add evidence opens on the related facts; choosing the contradicting one cites it as contradicting."""
    _, ids = facts
    window.select_claim(ids["first"])
    window.fact_actions.evidence_action.trigger()
    dialog = window.inspector.evidence_dialog
    assert dialog is not None and dialog.tabs.currentWidget() is dialog.related_page
    assert dialog.related_list.count() == 2
    dialog.related_list.setCurrentRow(0)  # contradictions first
    evidence = dialog.evidence()
    second = window.session.ledger.claim(ids["second"])
    assert evidence.stance == Stance.CONTRADICTS and evidence.source_id == second.source_id
    assert (evidence.start, evidence.end) == (second.start, second.end)


def test_link_dialog_offers_related_facts_first_and_links(window: MainWindow, facts) -> None:
    """Ctrl+L's dialog starts on the contradicting fact with "contradicts" chosen; Link draws that link."""
    _, ids = facts
    window.select_claim(ids["first"])
    dialog = window.link_chosen()
    assert dialog is not None
    assert dialog.other_id() == ids["second"] and dialog.kind() == LinkKind.CONTRADICTS
    dialog.accept()
    assert any(r.linked and r.claim.id == ids["second"] for r in window.session.ledger.related(ids["first"]))


def test_a_badge_is_checked_right_after_the_row_is_painted(qtbot, window: MainWindow, facts) -> None:
    """The first request shows no badge and queues the check; the event loop then announces the badge."""
    _, ids = facts
    model = window.table.model
    model.check_pending_marks()
    model.reload()  # rows are re-read; the badges already checked stay known
    model.forget_marks()  # as on a fresh window: nothing checked yet
    row = model.row_of(ids["second"])
    assert row is not None
    with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
        assert model.data(model.index(row, RELATED)) == ""
    assert changed.args[0].column() == RELATED
    assert str(model.data(model.index(row, RELATED))).startswith("⚠ contradicts")
