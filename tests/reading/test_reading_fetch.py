"""fetch_url against a local HTTP server: pages, PDFs, errors, size cap and timeouts; never the network."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import ClassVar

import pytest

from factledger.domain import UserError
from factledger.reading import fetch_url

Route = tuple[int, str, bytes]

ARTICLE = (
    b"<html><head><title>Port deal</title></head><body><article><h1>Port deal signed</h1>"
    + b"<p>The port authority signed a $300 million expansion deal on Monday, officials said. " * 8
    + b"</p></article></body></html>"
)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"missing"))
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server(text_pdf: Callable[..., bytes]) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 serving a page, a PDF, a big file and a slow one."""
    _Handler.routes = {
        "/article": (200, "text/html; charset=utf-8", ARTICLE),
        "/report": (200, "application/pdf", text_pdf(["Exports rose 12%."])),
        "/big": (200, "text/plain", b"x" * 5000),
        "/slow": (200, "text/plain", b"late"),
        "/notes.md": (200, "text/markdown", b"# Notes\n\nA **claim**."),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_web_page_is_fetched_and_read_as_html(server: str) -> None:
    """The page's article text and title come back, with the URL recorded."""
    document = fetch_url(f"{server}/article")
    assert document.title == "Port deal signed"
    assert "$300 million expansion deal" in document.text
    assert document.url == f"{server}/article"
    assert document.media_type == "text/html"


def test_redirect_records_the_final_address(server: str) -> None:
    """After a redirect the document's URL is where the page really is."""
    assert fetch_url(f"{server}/redirect").url == f"{server}/article"


def test_content_type_chooses_the_reader(server: str) -> None:
    """A PDF and a Markdown file served over HTTP are read by their own readers."""
    assert fetch_url(f"{server}/report").text == "Exports rose 12%."
    assert fetch_url(f"{server}/notes.md").text == "Notes\n\nA claim."


def test_http_error_is_reported_with_its_status(server: str) -> None:
    """A 404 says so."""
    with pytest.raises(UserError, match="404"):
        fetch_url(f"{server}/nowhere")


def test_download_over_the_cap_is_refused(server: str) -> None:
    """A body larger than max_bytes is refused."""
    with pytest.raises(UserError, match="larger than the 1000 bytes"):
        fetch_url(f"{server}/big", max_bytes=1000)


def test_a_server_that_does_not_answer_in_time_is_reported(server: str) -> None:
    """A response slower than the timeout ends in a UserError naming the timeout."""
    with pytest.raises(UserError, match=r"0.5 seconds"):
        fetch_url(f"{server}/slow", timeout=0.5)


def test_refused_connection_is_reported() -> None:
    """Nothing listening on the port: a clear message, no hang."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(UserError, match="could not be reached"):
        fetch_url(f"http://127.0.0.1:{port}/", timeout=2)


def test_unresolvable_host_says_to_check_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without DNS (no network) the message says the host did not resolve."""

    def no_dns(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(UserError, match=r"did not resolve.*network"):
        fetch_url("https://news.example.com/story", timeout=2)


@pytest.mark.parametrize("url", ["ftp://example.com/file", "file:///etc/passwd", "not a url"])
def test_only_web_addresses_are_fetched(url: str) -> None:
    """Other schemes are refused before any connection."""
    with pytest.raises(UserError, match="http:// or https://"):
        fetch_url(url)
