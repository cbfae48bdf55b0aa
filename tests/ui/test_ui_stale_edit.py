"""Two windows (two connections) inspecting one fact: the second to save an edit based on what it showed
is told who changed the fact and when, and the first edit stays."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from factledger.core import Ledger
from factledger.ui.inspector_panel import InspectorPanel
from factledger.ui.session import LedgerSession


@pytest.fixture
def second_session(sample_ledger: Ledger, qt_hygiene: Any) -> Iterator[LedgerSession]:
    """Another window's session on the same ledger file, as another person."""
    other = Ledger.open(Path(sample_ledger.path), actor="Ben Checker")
    yield LedgerSession(other)
    qt_hygiene.delete_closed_widgets()
    other.close()


def _inspector(qtbot: Any, session: LedgerSession, claim_id: str) -> InspectorPanel:
    inspector = InspectorPanel(session)
    qtbot.addWidget(inspector)
    inspector.resize(420, 1000)
    inspector.show()
    inspector.show_claim(claim_id)
    return inspector


def test_the_second_window_to_save_a_fact_is_refused_and_told_who_changed_it(
    qtbot: Any, session: LedgerSession, second_session: LedgerSession
) -> None:
    """Both inspectors show version 1; the first save wins, the second (fields, then a verdict) is refused
    with the sentence, nothing of it is written, and after reloading the second window can save."""
    ledger = session.ledger
    (source,) = ledger.sources()
    claim_id, changes = ledger.accept(ledger.suggestions(source.id)[0].id)
    session.notify(changes)
    first = _inspector(qtbot, session, claim_id)
    second = _inspector(qtbot, second_session, claim_id)
    refusals: list[str] = []
    second_session.failed.connect(refusals.append)

    first.fields.lines["subject"].setText("trade")
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    second.fields.lines["subject"].setText("exports")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert len(refusals) == 1
    assert refusals[0].startswith("This fact was changed by Test Reviewer at ")
    assert refusals[0].endswith(" — reload to see it.")
    assert second_session.undo_stack.count() == 0
    second.status_box.setCurrentIndex(second.status_box.findData("in_review"))
    second.apply_status()
    assert len(refusals) == 2 and refusals[1] == refusals[0]

    kept = ledger.claim(claim_id)
    assert (kept.subject, kept.status, kept.version) == ("trade", "unverified", 2)
    actions = [e.action for e in ledger.history(claim_id)]
    assert actions[-3:] == ["edit", "edit_refused", "status_refused"]

    second.show_claim(claim_id)  # reload
    second.fields.lines["subject"].setText("exports")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert len(refusals) == 2
    assert (ledger.claim(claim_id).subject, ledger.claim(claim_id).version) == ("exports", 3)
