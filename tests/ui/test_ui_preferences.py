"""Preferences: the reviewer name a person sets is the name the ledger's history records."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from factledger.ui.preferences_dialog import REVIEWER_KEY


def test_changing_the_reviewer_name_names_that_reviewer_in_the_next_history_entry(
    qtbot, make_window, sample_ledger
) -> None:
    """Given a window as "Ada Reviewer", after Preferences names "Grace Checker", her accept is hers."""
    window = make_window(sample_ledger.path)
    dialog = window.menus.open_preferences()
    assert dialog.reviewer.text() == "Ada Reviewer"
    dialog.reviewer.setText("  Grace Checker ")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.settings.value(REVIEWER_KEY) == "Grace Checker"
    source_id = window.session.ledger.sources()[0].id
    window.sources.select_source(source_id)
    with qtbot.waitSignal(window.reader.claim_accepted) as accepted:
        window.reader.accept_current()
    window.select_claim(accepted.args[0])
    history = window.session.ledger.history(accepted.args[0])
    assert history and history[-1].actor == "Grace Checker"
    assert window.inspector.history.topLevelItem(window.inspector.history.topLevelItemCount() - 1).text(
        1
    ) == ("Grace Checker")
