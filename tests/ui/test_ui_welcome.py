"""First launch: the welcome is part of the window, takes drops itself and opens the bundled sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from factledger.resources import sample_article_path

ARTICLE = (
    "Acme Motors said on Tuesday it would invest $2 billion in a new battery plant by 2030. "
    "The company sold 16,707 vehicles last year, up 12 percent.\n"
)


def _drop_files(widget, paths: list[Path]) -> QDropEvent:
    """Deliver a real drag-enter then drop of file URLs at the widget's centre, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        centre.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(centre, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_opening_the_sample_from_the_welcome_imports_and_selects_it(qtbot, make_window) -> None:
    """Given an empty ledger, the in-window welcome's "Open the sample article" imports it and shows it."""
    window = make_window()
    welcome = window.show_welcome_if_first_launch()
    assert welcome is not None and welcome.isVisible()
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000) as finished:
        qtbot.mouseClick(welcome.sample_button, Qt.MouseButton.LeftButton)
    assert not welcome.isVisible()
    [result] = finished.args[0]
    assert result.outcome == "imported" and result.label == sample_article_path().name
    assert window.sources.current_source_id() == result.source_id
    assert window.reader.isVisible()
    assert window.reader.source is not None and window.reader.source.id == result.source_id
    assert window.reader.suggestions


def test_a_file_dropped_on_the_welcome_is_imported(qtbot, make_window, tmp_path: Path) -> None:
    """A real drop event carrying a file URL, delivered to the welcome itself, imports that article."""
    article = tmp_path / "acme.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    welcome = window.show_welcome_if_first_launch()
    assert welcome is not None
    assert QApplication.activeModalWidget() is None  # nothing modal stands between the person and the drop
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000) as finished:
        drop = _drop_files(welcome, [article])
    assert drop.isAccepted()
    [result] = finished.args[0]
    assert result.outcome == "imported" and result.label == "acme.txt"
    assert window.reader.isVisible() and not welcome.isVisible()
    assert window.reader.source is not None and "battery plant" in window.reader.source.text


def test_a_ledger_with_sources_shows_the_reader_not_the_welcome(
    qtbot, make_window, tmp_path: Path, sample_ledger
) -> None:
    """A ledger that already holds a source opens on the reader; the welcome is not shown."""
    path = sample_ledger.path
    sample_ledger.close()
    window = make_window(path)
    assert window.show_welcome_if_first_launch() is None
    assert window.reader.isVisible() and not window.welcome.isVisible()
