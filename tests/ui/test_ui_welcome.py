"""First launch: a welcome that imports the bundled sample article, shown once per settings file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from factledger.resources import sample_article_path


def test_opening_the_sample_from_the_welcome_imports_and_selects_it(
    qtbot, make_window, settings: QSettings
) -> None:
    """Given a first launch on an empty ledger, "Open the sample article" imports it and shows it."""
    window = make_window()
    dialog = window.show_welcome_if_first_launch()
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000) as finished:
        qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [result] = finished.args[0]
    assert result.outcome == "imported" and result.label == sample_article_path().name
    assert window.sources.current_source_id() == result.source_id
    assert window.reader.source is not None and window.reader.source.id == result.source_id
    assert window.reader.suggestions


def test_the_second_launch_does_not_welcome_again(
    qtbot, make_window, settings: QSettings, tmp_path: Path
) -> None:
    """Given the welcome was shown once, a later launch with the same settings file shows none."""
    first = make_window(tmp_path / "first.factledger")
    welcome = first.show_welcome_if_first_launch()
    assert welcome is not None
    welcome.reject()
    first.close()
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    second = make_window(tmp_path / "second.factledger", window_settings=again)
    assert second.show_welcome_if_first_launch() is None
