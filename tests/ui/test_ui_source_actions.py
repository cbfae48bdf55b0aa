"""The Source menu and the sources list's context menu: correct details (undoable), save the original, delete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from factledger.reading import expand_inputs
from factledger.resources import sample_article_path
from factledger.ui.main_window import MainWindow
from factledger.ui.source_dialog import SourceDetailsDialog

from .conftest import WindowFactory


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    window = make_window()
    window.session.ledger.import_inputs(expand_inputs([sample_article_path()]))
    window.sources.reload()
    (summary,) = window.session.ledger.sources()
    window.sources.select_source(summary.id)
    return window


def _fill_and_save(monkeypatch: pytest.MonkeyPatch, **typed: str) -> None:
    """Stand in for the person: type into the dialog's fields and press Save."""

    def exec_(dialog: SourceDetailsDialog) -> int:
        for name, text in typed.items():
            getattr(dialog, name).setText(text)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SourceDetailsDialog, "exec", exec_)


def test_menu_and_context_menu_share_actions_enabled_only_with_a_source(window: MainWindow) -> None:
    """The Source menu and the sources list's context menu share the same actions, enabled only while a
    source is selected."""
    actions = window.sources.source_actions
    menus = {a.text(): a for a in window.menuBar().actions()}
    source_menu = menus["&Source"].menu()
    shown = [a.text() for a in source_menu.actions()]
    assert shown[: len(actions.actions)] == [a.text() for a in actions.actions]
    assert list(window.sources.tree.actions()) == list(actions.actions)
    assert all(a.isEnabled() for a in actions.actions)
    window.sources.tree.setCurrentItem(None)  # type: ignore[arg-type]
    assert not any(a.isEnabled() for a in actions.actions)


def test_details_dialog_dates_the_source_and_undo_restores_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saving the details dialog dates the source and sets its outlet in the reader and the list, and undo
    restores the old details."""
    source_id = window.sources.current_source_id()
    assert source_id is not None
    before = window.session.ledger.source(source_id)
    _fill_and_save(monkeypatch, published="2024-05-06", outlet="Test Wire", reason="print edition")
    window.sources.source_actions.details_action.trigger()
    after = window.session.ledger.source(source_id)
    assert (after.published, after.outlet) == ("2024-05-06", "Test Wire")
    assert "Test Wire" in window.reader.header.text()
    item = window.sources.tree.currentItem()
    assert item is not None and "2024-05-06" in item.text(0)
    window.session.undo_stack.undo()
    restored = window.session.ledger.source(source_id)
    assert (restored.published, restored.outlet) == (before.published, before.outlet)


def test_a_bad_date_is_told_and_changes_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A date the details dialog cannot read is told to the person and changes nothing, not even undo."""
    source_id = window.sources.current_source_id()
    assert source_id is not None
    told: list[str] = []
    window.session.failed.connect(told.append)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    _fill_and_save(monkeypatch, published="last Tuesday")
    window.sources.source_actions.edit_details()
    assert told and "not a date" in told[0]
    assert window.session.ledger.source(source_id).published != "last Tuesday"
    assert window.session.undo_stack.count() == 0


def test_save_original_writes_the_imported_bytes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Save original writes the exact bytes that were imported."""
    target = tmp_path / "saved.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.sources.source_actions.save_original_action.trigger()
    assert target.read_bytes() == sample_article_path().read_bytes()


@pytest.mark.parametrize(
    ("answer", "kept"), [(QMessageBox.StandardButton.Cancel, 1), (QMessageBox.StandardButton.Yes, 0)]
)
def test_delete_asks_first_then_removes_the_source_everywhere(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, answer: Any, kept: int
) -> None:
    """Deleting a source first asks, naming its facts and suggestions, and removes it everywhere only when
    the person says yes."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> Any:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    (summary,) = window.session.ledger.sources()
    window.sources.source_actions.delete_action.trigger()
    assert asked and "cannot be undone" in asked[0]
    assert f"with its {summary.claim_count} facts and {summary.suggestion_count} open suggestions" in asked[0]
    assert len(window.session.ledger.sources()) == kept
    assert window.sources.tree.topLevelItemCount() == kept
    assert (window.reader.source is not None) == bool(kept)
