"""The export dialog: the checked statuses narrow a live preview, and the fact sheet is written in the background."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from factledger.core import operations
from factledger.domain import Status
from factledger.exporting import ExportCancelled
from factledger.ui.export_dialog import PREVIEW_ROWS, ExportDialog
from factledger.ui.session import LedgerSession
from factledger.ui.tasks import TaskRunner


@pytest.fixture
def facts(session: LedgerSession) -> LedgerSession:
    """The sample article's suggestions accepted (more than a preview's worth), two of them verified."""
    session.run(operations.accept_all())
    for claim in session.ledger.claims(limit=2):
        session.run(operations.set_status(claim_id=claim.id, status=Status.VERIFIED))
    assert session.ledger.count_claims() > PREVIEW_ROWS
    return session


def _dialog(qtbot, session: LedgerSession, runner: TaskRunner, target: Path) -> ExportDialog:
    dialog = ExportDialog(session, runner)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(target))
    dialog.show()
    return dialog


def _check(dialog: ExportDialog, label: str, state: Qt.CheckState = Qt.CheckState.Checked) -> None:
    item = dialog.statuses.findItems(label, Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(state)


def test_the_dialog_starts_with_the_verified_facts(qtbot, facts: LedgerSession, tmp_path: Path) -> None:
    """A fact sheet is for publishing: by default only verified facts are selected."""
    dialog = _dialog(qtbot, facts, TaskRunner(), tmp_path / "sheet.csv")
    assert dialog.claim_filter().statuses == {Status.VERIFIED}
    assert dialog.count_label.text() == "2 facts will be exported."


def test_subject_and_date_bounds_narrow_the_selection(qtbot, facts: LedgerSession, tmp_path: Path) -> None:
    """Picking a subject and a date range narrows the count; a bound that is not a date is ignored."""
    dialog = _dialog(qtbot, facts, TaskRunner(), tmp_path / "sheet.csv")
    _check(dialog, "Verified", Qt.CheckState.Unchecked)
    subject, count = facts.ledger.subjects()[0]
    dialog.subject_box.setCurrentIndex(dialog.subject_box.findData(subject))
    assert dialog.count_label.text() == f"{count} fact{'s' if count != 1 else ''} will be exported."
    dialog.date_from.setText("2999-01-01")
    dialog.date_from.editingFinished.emit()
    assert dialog.count_label.text() == "0 facts will be exported."
    dialog.date_from.setText("someday")
    dialog.date_from.editingFinished.emit()
    assert dialog.claim_filter().date_from is None


def test_with_nothing_checked_the_preview_shows_the_first_rows_of_every_fact(
    qtbot, facts: LedgerSession, tmp_path: Path
) -> None:
    """Nothing checked means everything: the count is the whole ledger and the preview its first rows."""
    dialog = _dialog(qtbot, facts, TaskRunner(), tmp_path / "sheet.csv")
    _check(dialog, "Verified", Qt.CheckState.Unchecked)
    total = facts.ledger.count_claims()
    assert dialog.count_label.text() == f"{total} facts will be exported."
    assert dialog.preview.rowCount() == PREVIEW_ROWS
    first = next(iter(facts.ledger.factsheet_rows()))
    assert dialog.preview.item(0, 1).text() == first.statement


def test_checking_verified_narrows_the_count_and_the_preview(
    qtbot, facts: LedgerSession, tmp_path: Path
) -> None:
    """Checking "Verified" previews exactly the two verified facts and says so."""
    dialog = _dialog(qtbot, facts, TaskRunner(), tmp_path / "sheet.csv")
    _check(dialog, "Verified")
    assert dialog.count_label.text() == "2 facts will be exported."
    assert dialog.preview.rowCount() == 2
    assert {dialog.preview.item(r, 2).text() for r in range(2)} == {"Verified"}


def test_export_writes_the_file_in_the_background_with_progress(
    qtbot, facts: LedgerSession, tmp_path: Path
) -> None:
    """Export runs as a task, fills the progress bar to the total, then the CSV holds every chosen fact."""
    runner = TaskRunner()
    target = tmp_path / "sheet.csv"
    dialog = _dialog(qtbot, facts, runner, target)
    total = facts.ledger.count_claims(dialog.claim_filter())
    assert total == 2
    task = dialog.start_export()
    assert task is not None and runner.tasks == [task]
    assert dialog.progress.isVisible() and not dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.export_finished, timeout=20000) as blocker:
        pass
    assert blocker.args == [str(target), total]
    assert dialog.progress.maximum() == dialog.progress.value() == total
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == total
    assert not dialog.progress.isVisible() and dialog.export_button.isEnabled()


def test_cancelling_an_export_leaves_no_file(qtbot, facts: LedgerSession, tmp_path: Path) -> None:
    """Cancel pressed before the export gets a thread: it stops at its first check and writes nothing."""
    runner = TaskRunner(max_threads=1)
    gate = threading.Event()
    runner.start("Holding the only thread", lambda _progress, _cancelled: gate.wait(20))
    target = tmp_path / "sheet.csv"
    dialog = _dialog(qtbot, facts, runner, target)
    task = dialog.start_export()
    assert task is not None and dialog.cancel_button.text() == "Cancel"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert task.check_cancelled() and dialog.isVisible()
    with qtbot.waitSignal(task.failed, timeout=20000) as blocker:
        gate.set()
    assert isinstance(blocker.args[0], ExportCancelled)
    assert not target.exists() and list(tmp_path.glob("sheet*")) == []
    assert "cancelled" in dialog.count_label.text() and dialog.cancel_button.text() == "Close"
    runner.shutdown()
