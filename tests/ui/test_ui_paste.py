"""Paste: Ctrl+V imports what the clipboard holds, whether a web page's HTML or plain text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from factledger.resources import resource_path, sample_article_path


@pytest.fixture(autouse=True)
def _empty_clipboard() -> Iterator[None]:
    """The clipboard owns the pasted QMimeData: empty it while Python still knows it, not at exit."""
    yield
    QGuiApplication.clipboard().clear()


def _paste(qtbot, window, mime: QMimeData) -> list:
    QGuiApplication.clipboard().setMimeData(mime)
    # A window shortcut needs the active window; offscreen, activation must be asked of the QWindow.
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.sources.tree.setFocus()
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000) as finished:
        qtbot.keyClick(window.sources.tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return finished.args[0]


def test_ctrl_v_with_html_imports_the_article_as_a_source(qtbot, make_window) -> None:
    """Given an article's HTML on the clipboard, Ctrl+V imports it as a source with suggestions."""
    window = make_window()
    mime = QMimeData()
    mime.setHtml(resource_path("sample", "sample-article.html").read_text(encoding="utf-8"))
    [result] = _paste(qtbot, window, mime)
    assert result.outcome == "imported"
    source = window.session.ledger.source(result.source_id)
    assert source.media_type == "text/html" and "<" not in source.text
    assert window.reader.source is not None and window.reader.source.id == result.source_id


def test_ctrl_v_with_plain_text_imports_the_text_as_a_source(qtbot, make_window) -> None:
    """Given an article's plain text on the clipboard, Ctrl+V imports exactly that text."""
    window = make_window()
    mime = QMimeData()
    text = sample_article_path().read_text(encoding="utf-8")
    mime.setText(text)
    [result] = _paste(qtbot, window, mime)
    assert result.outcome == "imported"
    source = window.session.ledger.source(result.source_id)
    assert "Daeyang Motor" in source.text and source.media_type.startswith("text/plain")
    assert window.session.ledger.suggestions(result.source_id)
