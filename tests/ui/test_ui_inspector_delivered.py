"""The inspector records how much of a commitment was delivered; other kinds do not show the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from factledger.domain import ClaimKind
from factledger.ui.inspector_panel import InspectorPanel
from factledger.ui.session import LedgerSession


def _accepted(session: LedgerSession, kind: ClaimKind) -> str:
    ledger = session.ledger
    (source,) = ledger.sources()
    suggestion = next(s for s in ledger.suggestions(source.id) if s.suggestion.kind == kind)
    claim_id, changes = ledger.accept(suggestion.id)
    session.notify(changes)
    return claim_id


def test_delivered_amount_is_saved_and_undone(qtbot: Any, session: LedgerSession) -> None:
    """A delivered amount typed into a commitment's inspector is saved as a number and undo clears it."""
    inspector = InspectorPanel(session)
    qtbot.addWidget(inspector)
    inspector.resize(420, 1000)  # room for the whole form, as beside the main window
    inspector.show()
    pledge = _accepted(session, ClaimKind.COMMITMENT)
    inspector.show_claim(pledge)
    assert inspector.fields.commitment.isVisible()
    qtbot.keyClicks(inspector.fields.lines["delivered"], "1,500,000,000")  # typed, as a person would
    qtbot.mouseClick(inspector.save_button, Qt.MouseButton.LeftButton)
    assert session.ledger.claim(pledge).delivered == 1.5e9
    session.undo_stack.undo()
    assert session.ledger.claim(pledge).delivered is None


def test_a_statistic_has_no_commitment_fields(qtbot: Any, session: LedgerSession) -> None:
    """A statistic's inspector does not show the commitment fields."""
    inspector = InspectorPanel(session)
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.show_claim(_accepted(session, ClaimKind.STATISTIC))
    assert not inspector.fields.commitment.isVisible()
