"""Cancelling an import: it stops between inputs, keeps what was finished, and leaves a consistent ledger."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from factledger.reading import expand_inputs
from factledger.reading.inputs import url_input
from factledger.resources import sample_article_path

ARTICLE = sample_article_path().read_text(encoding="utf-8")


class _HeldServer(http.server.ThreadingHTTPServer):
    """Serves one article but holds the answer until the test releases it, so a cancel lands mid-import."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _HeldHandler)
        self.asked = threading.Event()
        self.release = threading.Event()


class _HeldHandler(http.server.BaseHTTPRequestHandler):
    server: _HeldServer

    def do_GET(self) -> None:
        self.server.asked.set()
        self.server.release.wait(20)
        body = ARTICLE.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def held_server() -> Iterator[_HeldServer]:
    server = _HeldServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join()


def _articles(folder: Path, count: int) -> list[Path]:
    """Distinct small articles (distinct text, so none is a duplicate of another)."""
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"article-{n}.txt"
        path.write_text(
            f"Report {n}\n\nThe ministry said exports rose {n + 3} percent to {n + 10},000 vehicles in 2024.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_cancel_stops_an_import_between_inputs_and_keeps_the_ledger_consistent(
    qtbot, make_window, held_server: _HeldServer, tmp_path: Path
) -> None:
    """Given a web article and five files, Cancel while the first downloads imports that one and no more."""
    window = make_window()
    port = held_server.server_address[1]
    inputs = [
        url_input(f"http://127.0.0.1:{port}/article.txt"),
        *expand_inputs(_articles(tmp_path / "in", 5)),
    ]
    task = window.import_flow.start(inputs)
    assert task is not None and task in window.runner.tasks and window.cancel_button.isVisible()
    qtbot.waitUntil(held_server.asked.is_set, timeout=20000)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert task.check_cancelled()
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000) as finished:
        held_server.release.set()
    results = finished.args[0]
    assert [r.outcome for r in results] == ["imported"]
    ledger = window.session.ledger
    assert [s.id for s in ledger.sources()] == [results[0].source_id]
    assert ledger.suggestions(results[0].source_id)
    for stored in ledger.suggestions(results[0].source_id):
        text = ledger.source(results[0].source_id).text
        assert text[stored.suggestion.start : stored.suggestion.end] == stored.suggestion.quote
    assert window.sources.source_ids() == [results[0].source_id]
    # The runner lets the task go in its own slot, queued after the flow's: wait for that, not for a sleep.
    qtbot.waitUntil(lambda: task not in window.runner.tasks, timeout=5000)
