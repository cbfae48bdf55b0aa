"""Keyboard first: the Fact menu, context menus, focus rules, bulk status and help, driven by keys alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from factledger.domain import Status


def _launch(qtbot, make_window, sample_ledger):
    """The app launched on a ledger holding the sample article, active, as a person would find it."""
    path = sample_ledger.path
    sample_ledger.close()
    window = make_window(path)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader.text)
    return window


def _key(qtbot, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    if isinstance(key, str):
        QTest.keyClick(target, key, modifier)
    else:
        QTest.keyClick(target, key, modifier)


def _texts(menu) -> dict[str, str]:
    return {a.text().replace("&", ""): a.shortcut().toString() for a in menu.actions() if not a.isSeparator()}


def test_keyboard_only_triage_from_launch_to_export(
    qtbot, make_window, sample_ledger, tmp_path: Path
) -> None:
    """From launch to an exported sheet with key presses only: triage, status with a reason, export."""
    window = _launch(qtbot, make_window, sample_ledger)
    assert QApplication.focusWidget() is window.reader.text  # the triage keys work at once
    ledger = window.session.ledger
    before = len(window.reader.suggestions)
    _key(qtbot, "j")
    _key(qtbot, "a")
    assert ledger.count_claims() == 1 and len(window.reader.suggestions) == before - 1
    _key(qtbot, "d")
    assert len(window.reader.suggestions) == before - 2
    _key(qtbot, "a")
    assert ledger.count_claims() == 2
    [accepted] = (
        window.table.selected_claim_ids()
    )  # the new fact is chosen; the inspector shows the next draft
    assert window.inspector.draft is not None
    _key(qtbot, Qt.Key.Key_S)
    dialog = window.status_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitActive(dialog)
    dialog.status_box.setFocus()
    while dialog.status() != Status.VERIFIED:
        QTest.keyClick(dialog.status_box, Qt.Key.Key_Down)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Tab)  # reach the reason field by keys as well
    dialog.reason.setFocus()
    QTest.keyClicks(dialog.reason, "Matches the company's filing")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert ledger.claim(accepted).status == Status.VERIFIED
    window.activateWindow()
    qtbot.waitActive(window)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    export = window.menus.export_dialog
    assert export is not None
    qtbot.waitActive(export)
    with qtbot.waitSignal(export.export_finished, timeout=30000) as done:
        QTest.keyClick(export.focusWidget() or export, Qt.Key.Key_Return)
    path, rows = done.args
    assert rows == 1 and Path(path).read_text(encoding="utf-8").count("\n") >= 2


def test_escape_returns_to_the_reader_and_tab_leaves_the_table(qtbot, make_window, sample_ledger) -> None:
    """Esc from the search box brings focus back to the reader; Tab in the table moves focus out of it."""
    window = _launch(qtbot, make_window, sample_ledger)
    _key(qtbot, "a")
    _key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.table.table
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.table.table
    window.table.focus_search()
    assert QApplication.focusWidget() is window.table.search_box
    _key(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.reader.text


def test_enter_in_the_inspector_reason_commits_the_status(qtbot, make_window, sample_ledger) -> None:
    """Choosing "False" and pressing Enter in the Reason field sets the status with that reason."""
    window = _launch(qtbot, make_window, sample_ledger)
    _key(qtbot, "a")
    _key(
        qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier
    )  # the table's chosen fact fills the inspector
    inspector = window.inspector
    assert inspector.claim is not None
    inspector.status_box.setCurrentIndex(inspector.status_box.findData(Status.FALSE.value))
    inspector.reason.setFocus()
    QTest.keyClicks(inspector.reason, "The filing says otherwise")
    QTest.keyClick(inspector.reason, Qt.Key.Key_Return)
    claim = window.session.ledger.claim(inspector.claim.id)
    assert claim.status == Status.FALSE and claim.status_reason == "The filing says otherwise"


def test_bulk_status_on_a_selection_is_one_undo_step(qtbot, make_window, sample_ledger) -> None:
    """Three rows selected with Shift+Down take one status and one reason, and one Ctrl+Z restores them."""
    window = _launch(qtbot, make_window, sample_ledger)
    for _ in range(3):
        _key(qtbot, "a")
    _key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    table = window.table.table
    QTest.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    ids = window.table.selected_claim_ids()
    assert len(ids) == 3
    QTest.keyClick(table, Qt.Key.Key_S)
    dialog = window.status_dialog
    assert dialog is not None and "3 facts" in dialog.windowTitle()
    dialog.status_box.setCurrentIndex(dialog.status_box.findData(Status.DISPUTED.value))
    assert not dialog.ok_button.isEnabled() and dialog.note.text() == "A reason is required."
    QTest.keyClicks(dialog.reason, "Two outlets give other figures")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    ledger = window.session.ledger
    assert {ledger.claim(i).status for i in ids} == {Status.DISPUTED}
    assert {ledger.claim(i).status_reason for i in ids} == {"Two outlets give other figures"}
    window.session.undo_stack.undo()
    assert {ledger.claim(i).status for i in ids} == {Status.UNVERIFIED}


def test_the_fact_menu_and_context_menus_carry_every_command_with_its_shortcut(
    qtbot, make_window, sample_ledger
) -> None:
    """The Fact menu lists triage and checking commands with their keys; both context menus offer them."""
    window = _launch(qtbot, make_window, sample_ledger)
    fact_menu = _texts(window.menus.fact_menu)
    for name, keys in {
        "Accept suggestion": "A",
        "Dismiss suggestion": "D",
        "Next suggestion": "J",
        "Previous suggestion": "K",
        "Why suggested?": "W",
        "Log selection as claim": "1",
        "Log selection as statistic": "2",
        "Log selection as commitment": "3",
        "Set status…": "S",
        "Add evidence…": "V",
        "Delete fact": "Ctrl+Del",
        "Go to reader": "Esc",
    }.items():
        assert fact_menu.get(name) == keys, name
    reader_menu = _texts(window.reader.build_context_menu())
    assert "Accept suggestion" in reader_menu and "Set status…" in reader_menu
    assert any(text.startswith("Copy") for text in reader_menu)
    table_menu = _texts(window.table.build_context_menu())
    assert {"Set status…", "Add evidence…", "Delete fact"} <= set(table_menu)


def test_help_has_the_shortcut_sheet_and_how_to_check_a_fact(qtbot, make_window, sample_ledger) -> None:
    """Help opens a sheet listing the triage keys, and a page on how to check a fact."""
    window = _launch(qtbot, make_window, sample_ledger)
    _key(qtbot, "d")  # the undo action now reads "Undo Dismiss suggestion"; the sheet names it "Undo"
    sheet = window.menus.show_shortcuts().browser.toPlainText()
    assert "Accept suggestion" in sheet and "Set status" in sheet
    assert "Undo" in sheet and "Undo Dismiss" not in sheet
    assert "Next suggestion" in sheet
    how = window.menus.show_how_to().browser.toPlainText()
    assert "How to check a fact" in how and "evidence" in how


def test_typing_in_a_field_types_and_esc_then_a_accepts_the_corrected_draft(
    qtbot, make_window, sample_ledger
) -> None:
    """Letters typed in the draft's Subject go into the field (no shortcut fires); Esc then A accepts it as typed."""
    window = _launch(qtbot, make_window, sample_ledger)
    ledger = window.session.ledger
    subject = window.inspector.fields.lines["subject"]
    subject.setFocus()
    subject.selectAll()
    QTest.keyClicks(subject, "Acme and Daewoo")
    assert subject.text() == "Acme and Daewoo" and ledger.count_claims() == 0
    _key(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.reader.text
    _key(qtbot, "a")
    [claim] = ledger.claims(limit=5)
    assert claim.subject == "Acme and Daewoo"
