"""The inspector keeps verification in view and counts a fact's evidence and history on their tabs."""

from __future__ import annotations

from typing import Any

from factledger.core import AddEvidence, EvidenceInput
from factledger.domain import Stance
from factledger.ui.inspector_panel import EVIDENCE_TAB, HISTORY_TAB, InspectorPanel
from factledger.ui.session import LedgerSession


def test_tabs_count_evidence_and_history_as_they_change(qtbot: Any, session: LedgerSession) -> None:
    """The Evidence and History tabs count their entries as evidence is added, and the status box stays in
    view on every tab."""
    inspector = InspectorPanel(session)
    qtbot.addWidget(inspector)
    inspector.resize(420, 900)
    inspector.show()
    (source,) = session.ledger.sources()
    claim_id, changes = session.ledger.accept(session.ledger.suggestions(source.id)[0].id)
    session.notify(changes)
    inspector.show_claim(claim_id)
    tabs = inspector.section_tabs
    assert tabs.tabText(EVIDENCE_TAB) == "Evidence"
    history_before = inspector.history.topLevelItemCount()
    assert tabs.tabText(HISTORY_TAB) == f"History ({history_before})"
    session.run(AddEvidence(claim_id, EvidenceInput(stance=Stance.SUPPORTS, url="https://a.example")))
    qtbot.waitUntil(lambda: tabs.tabText(EVIDENCE_TAB) == "Evidence (1)")
    assert tabs.tabText(HISTORY_TAB) == f"History ({history_before + 1})"
    assert inspector.status_box.isVisible()  # verification stays in view whichever tab is open
    tabs.setCurrentIndex(HISTORY_TAB)
    assert inspector.status_box.isVisible() and inspector.history.isVisible()
