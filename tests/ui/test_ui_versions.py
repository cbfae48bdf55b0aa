"""Versions in the app: the edited seed article as a new version, its badges, the inspector, undo, the diff."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from factledger.domain.anchors import AnchorState
from factledger.reading import expand_inputs
from factledger.resources import resource_path
from factledger.ui.anchor_badges import BADGES
from factledger.ui.main_window import MainWindow
from factledger.ui.versions_dialog import VersionsDialog

from .conftest import WindowFactory

SEED = resource_path("sample", "sample-article.txt")
UPDATED = resource_path("sample", "sample-article-updated.txt")


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    window = make_window()
    ledger = window.session.ledger
    (result,) = ledger.import_inputs(expand_inputs([str(SEED)]))
    ledger.accept_all(source_id=result.source_id)
    window.session.notify(result.changes)
    return window


def _import_updated(qtbot: Any, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000):
        window.import_flow.start(expand_inputs([str(UPDATED)]))


def _statements(window: MainWindow) -> list[str]:
    model = window.table.model
    return [str(model.data(model.index(row, _statement_column(window)))) for row in range(model.rowCount())]


def _statement_column(window: MainWindow) -> int:
    from factledger.ui.claim_table_model import COLUMNS

    return next(i for i, c in enumerate(COLUMNS) if c.key == "statement")


def test_new_version_badges_facts_shows_old_and_new_and_undoes(qtbot: Any, window: MainWindow) -> None:
    """Importing the edited article badges exactly the changed and the orphaned fact, the sources list says
    "2 versions, changed …", the inspector shows both wordings and dates, and Undo puts version 1 back."""
    _import_updated(qtbot, window)
    ledger = window.session.ledger
    item = window.sources.tree.topLevelItem(0)
    assert item is not None and "2 versions, changed " in item.text(0)
    badges = [s for s in _statements(window) if s.startswith("⚠")]
    assert sorted(b.split(" · ")[0] for b in badges) == sorted(BADGES.values())

    changed = next(c for c, s in ledger.stealth_edits().items() if s == AnchorState.CHANGED)
    window.inspector.show_claim(changed)
    text = window.inspector.anchor_box.text()
    assert window.inspector.anchor_box.isVisibleTo(window.inspector)
    assert "Old: “412,000 vehicles”" in text and "New: “415,000 vehicles”" in text
    assert "version 1 seen " in text and "version 2 seen " in text

    assert window.session.undo_stack.canUndo()
    window.session.undo_stack.undo()
    assert len(ledger.versions(ledger.sources()[0].id)) == 1
    assert not any(s.startswith("⚠") for s in _statements(window))
    window.session.undo_stack.redo()
    assert len(ledger.versions(ledger.sources()[0].id)) == 2


def test_versions_dialog_shows_either_version_and_the_word_diff(qtbot: Any, window: MainWindow) -> None:
    """The versions dialog reads each version as stored and marks the edits between them."""
    _import_updated(qtbot, window)
    ledger = window.session.ledger
    source_id = ledger.sources()[0].id
    dialog = VersionsDialog(ledger, source_id, window)
    qtbot.addWidget(dialog)
    assert dialog.view.changes >= 4  # figure, typo, deleted sentence, moved paragraph (out and in)
    combined = dialog.view.toPlainText()
    assert (
        "412,000" in combined and "415,000" in combined and "gap stems from consumer preference" in combined
    )
    versions = ledger.versions(source_id)
    dialog.mode.setCurrentIndex(1)
    assert dialog.view.toPlainText() == ledger.source(versions[0].id).text
    dialog.mode.setCurrentIndex(2)
    assert dialog.view.toPlainText() == ledger.source(versions[1].id).text


class _Page(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(type(self).body)))
        self.end_headers()
        self.wfile.write(type(self).body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def page() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/article"
    httpd.shutdown()
    httpd.server_close()


def test_check_for_changes_runs_in_the_background_and_reports(
    qtbot: Any, make_window: WindowFactory, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Source > Check for changes fetches the page off the UI thread, adds version 2 and says what moved."""
    window = make_window()
    _Page.body = SEED.read_bytes()
    (result,) = window.session.ledger.import_inputs(expand_inputs([page]))
    window.session.ledger.accept_all()
    window.session.notify(result.changes)
    window.sources.select_source(str(result.source_id))
    _Page.body = UPDATED.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window.menus.version_actions.check_action.trigger()
    assert not shown  # the fetch runs on the task runner; the answer comes back by signal
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "changed; version 2 of source" in shown[0] and "1 changed, 1 orphaned" in shown[0]
    assert window.session.undo_stack.canUndo()
    item = window.sources.tree.topLevelItem(0)
    assert item is not None and "2 versions" in item.text(0)
