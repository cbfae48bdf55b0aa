"""Recent ledgers: opening another ledger lists it under File > Open recent, and reopening from there works."""

from __future__ import annotations

from pathlib import Path

from factledger.core import Ledger
from factledger.ui.main_menus import recent_ledgers


def _recent_action(window, path: Path):
    window.menus.recent_menu.aboutToShow.emit()
    return next(a for a in window.menus.recent_menu.actions() if a.text() == str(path))


def test_opening_a_second_ledger_lists_it_first_among_recent_ledgers(
    qtbot, make_window, sample_ledger: Ledger, tmp_path: Path
) -> None:
    """Switching from the launch ledger to another puts both in the recent list, newest first."""
    other = tmp_path / "other.factledger"
    Ledger.open(other, actor="Test Reviewer").close()
    window = make_window(sample_ledger.path)
    with qtbot.waitSignal(window.session.ledger_replaced):
        assert window.menus.switch_to(other, create=False)
    assert window.session.path == other and other.name in window.windowTitle()
    assert recent_ledgers(window.settings)[:2] == [str(other), str(sample_ledger.path)]
    assert window.sources.source_ids() == []


def test_reopening_a_recent_ledger_shows_its_sources_again(
    qtbot, make_window, sample_ledger: Ledger, tmp_path: Path
) -> None:
    """From the other ledger, the recent menu's entry for the first one brings back its sources."""
    other = tmp_path / "other.factledger"
    Ledger.open(other, actor="Test Reviewer").close()
    window = make_window(sample_ledger.path)
    window.menus.switch_to(other, create=False)
    with qtbot.waitSignal(window.session.ledger_replaced):
        _recent_action(window, sample_ledger.path).trigger()
    assert window.session.path == sample_ledger.path
    assert window.sources.source_ids() == [s.id for s in window.session.ledger.sources()] != []
    assert window.reader.source is not None


def test_a_recent_ledger_that_was_deleted_is_reported_not_opened(
    qtbot, make_window, sample_ledger: Ledger, tmp_path: Path
) -> None:
    """A recent entry whose file is gone says so and leaves the open ledger in place."""
    gone = tmp_path / "gone.factledger"
    Ledger.open(gone, actor="Test Reviewer").close()
    window = make_window(sample_ledger.path)
    window.menus.switch_to(gone, create=False)
    window.menus.switch_to(sample_ledger.path, create=False)
    gone.unlink()
    with qtbot.waitSignal(window.session.failed) as failed:
        _recent_action(window, gone).trigger()
    assert failed.args[0] and window.session.path == sample_ledger.path
