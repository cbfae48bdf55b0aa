"""`factledger refresh` against a local web server: a changed page, a 404, a redirect loop, a slow drip."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factledger.core import Ledger
from factledger.domain import Document
from factledger.reading import expand_inputs
from factledger.resources import resource_path

from .test_cli_commands import run

SEED = resource_path("sample", "sample-article.txt").read_bytes()
UPDATED = resource_path("sample", "sample-article-updated.txt").read_bytes()


class _Pages(BaseHTTPRequestHandler):
    article = SEED

    def do_GET(self) -> None:
        if self.path == "/article":
            self._send(200, type(self).article)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(200):  # a byte every 50 ms: 10 s in all, far past the client's timeout
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass  # the client gave up, as it should
        else:
            self._send(404, b"not here")

    def _send(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    _Pages.article = SEED


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_refresh_adds_a_version_for_the_changed_page_and_a_sentence_for_each_failure(
    server: str, tmp_path: Path
) -> None:
    """The changed page becomes version 2 with its facts re-anchored; a 404, a redirect loop, a slow drip and
    an unreachable server each fail with a sentence, and nothing in the ledger is lost."""
    path = tmp_path / "web.factledger"
    with Ledger.open(path) as ledger:
        (article,) = ledger.import_inputs(expand_inputs([f"{server}/article"]))
        assert article.outcome == "imported" and article.source_id is not None
        for name in ("missing", "loop", "drip"):
            ledger.import_document(Document(text=f"The {name} page said $5 billion.", url=f"{server}/{name}"))
        ledger.import_document(
            Document(text="An offline page said $7 billion.", url=f"http://127.0.0.1:{_closed_port()}/gone")
        )
        ledger.accept_all()
        facts, sources = ledger.count_claims(), ledger.info().sources

    first = json.loads(run("refresh", "all", "--json", "--timeout", "1", ledger=path, check=False).stdout)
    outcomes = {r["source_id"]: (r["outcome"], r["message"]) for r in first}
    assert outcomes.pop(article.source_id)[0] == "unchanged", first
    assert [outcome for outcome, _ in outcomes.values()] == ["failed"] * 4

    _Pages.article = UPDATED
    result = run("refresh", "all", "--json", "--timeout", "1", ledger=path, check=False)
    assert result.returncode == 1  # some pages failed
    results = json.loads(result.stdout)
    (changed,) = [r for r in results if r["source_id"] == article.source_id]
    assert changed["outcome"] == "new_version" and changed["version"] == 2
    assert changed["anchors"]["changed"] == 1 and changed["anchors"]["orphaned"] == 1
    failed = {r["title"].rsplit("/", 1)[-1]: r["message"] for r in results if r is not changed}
    assert "answered 404" in failed["missing"]
    assert "redirects go round in a loop" in failed["loop"]
    assert "longer than 1 seconds" in failed["drip"] or "within 1 seconds" in failed["drip"]
    assert "refused the connection" in failed["gone"]
    assert all(message.endswith("Nothing was changed.") for message in failed.values())

    again = run("refresh", article.source_id, "--timeout", "1", ledger=path)
    assert again.stdout.startswith("unchanged: ")
    with Ledger.open(path) as ledger:
        assert (ledger.count_claims(), ledger.info().sources) == (facts, sources)
        assert [v.version for v in ledger.versions(article.source_id)] == [1, 2]
