"""A misbehaving web server on 127.0.0.1: every way a download can go wrong, one path each."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .kinds import ARTICLE, Case, _pdf_with_text

DRIP_SECONDS = 0.2
PAGE = (
    "<html><head><title>Port deal</title></head><body><article><h1>Port deal</h1><p>"
    + ARTICLE * 3
    + "</p></article></body></html>"
).encode()
_stop = threading.Event()


def _drip(wfile: object, data: bytes) -> None:
    """Send `data` a byte at a time, slowly, until the server stops or the client goes away."""
    for byte in data:
        if _stop.is_set():
            return
        wfile.write(bytes([byte]))  # type: ignore[attr-defined]
        wfile.flush()  # type: ignore[attr-defined]
        time.sleep(DRIP_SECONDS)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def _send(self, status: int, content_type: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _raw(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = True

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.close_connection = True
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up first
            self._route(path)

    def _route(self, path: str) -> None:
        if path == "/ok.html":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif path == "/report.pdf":
            self._send(200, "application/pdf", _pdf_with_text("Exports rose 12 percent in 2024."))
        elif path == "/notes.md":
            self._send(200, "text/markdown", b"# Notes\n\nImports fell 3 percent in 2022, officials said.")
        elif path == "/octet-html":
            self._send(200, "application/octet-stream", PAGE.replace(b"Port deal", b"Octet deal"))
        elif path in ("/404", "/500", "/403", "/410", "/503"):
            self._send(int(path[1:]), "text/html", b"<p>no</p>")
        elif path == "/redirect-loop":
            self._send(302, "text/html", b"", Location="/redirect-loop")
        elif path == "/redirect-gif":
            self._send(302, "text/html", b"", Location="/gif")
        elif path == "/redirect-bad":
            self._send(302, "text/html", b"", Location="http://[::1/x")
        elif path == "/redirect-ftp":
            self._send(302, "text/html", b"", Location="ftp://127.0.0.1/x")
        elif path == "/gif":
            self._send(200, "image/gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!;")
        elif path == "/png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        elif path == "/gif-as-html":
            self._send(200, "text/html", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!;")
        elif path in ("/audio", "/video", "/font", "/model"):
            kinds = {
                "/audio": "audio/mpeg",
                "/video": "video/mp4",
                "/font": "font/woff2",
                "/model": "model/gltf+json",
            }
            self._send(200, kinds[path], b"ID3" + bytes(100))
        elif path == "/octet-binary":
            self._send(200, "application/octet-stream", bytes(range(256)) * 40)
        elif path == "/empty":
            self._send(200, "text/html", b"")
        elif path == "/gzip-unasked":
            self._send(200, "text/html", gzip.compress(PAGE), Content_Encoding="gzip")
        elif path == "/wrong-charset":
            self._send(200, "text/html; charset=utf-16", PAGE.replace(b"Port", b"Harbour"))
        elif path == "/bogus-charset":
            self._send(200, "text/html; charset=x-nothing", PAGE.replace(b"Port", b"Quay"))
        elif path == "/short":
            self._raw(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n"
                + PAGE
            )
        elif path == "/reset":
            self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n" + PAGE)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif path == "/reset-no-length":
            self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n" + PAGE[:200])
            time.sleep(0.2)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif path == "/chunked-truncated":
            self._raw(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                + b"%x\r\n" % len(PAGE)
                + PAGE
                + b"\r\n"
            )
        elif path == "/chunked-bad-size":
            self._raw(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
                + PAGE
            )
        elif path == "/too-big-declared":
            self._raw(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 107374182400\r\n\r\n" + PAGE
            )
        elif path == "/bogus-length":
            self._raw(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: abc\r\nConnection: close\r\n\r\n"
                + PAGE
            )
        elif path == "/negative-length":
            self._raw(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: -5\r\nConnection: close\r\n\r\n"
                + PAGE
            )
        elif path == "/garbage-status":
            self._raw(b"HELLO THERE\r\n\r\n" + PAGE)
        elif path == "/http09":
            self._raw(PAGE)
        elif path == "/close-at-once":
            self.close_connection = True
        elif path == "/many-headers":
            self._raw(
                b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(200)) + b"\r\n" + PAGE
            )
        elif path == "/long-header":
            self._raw(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n" + PAGE)
        elif path == "/drip-length":
            self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(PAGE))
            _drip(self.wfile, PAGE)
        elif path == "/drip-no-length":
            self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
            _drip(self.wfile, PAGE * 10)
        elif path == "/drip-chunked":
            self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
            _drip(self.wfile, b"".join(b"1\r\n" + bytes([c]) + b"\r\n" for c in PAGE))
        elif path == "/drip-headers":
            _drip(self.wfile, b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"z" * 5000 + b"\r\n\r\n")
        elif path == "/silent":
            _stop.wait(30)
        else:
            self._send(404, "text/plain", b"missing")


# Path, expected outcome, a fragment of the sentence; the drip and silent paths are the slow ones.
ROUTES: tuple[tuple[str, str | None, str | None], ...] = (
    ("/ok.html", "imported", None),
    ("/report.pdf", "imported", None),
    ("/notes.md", "imported", None),
    ("/octet-html", "imported", None),
    ("/404", "failed", "404"),
    ("/500", "failed", "500"),
    ("/403", "failed", "403"),
    ("/410", "failed", "410"),
    ("/503", "failed", "503"),
    ("/redirect-loop", "failed", None),
    ("/redirect-gif", "failed", "image/gif"),
    ("/redirect-bad", "failed", None),
    ("/redirect-ftp", "failed", None),
    ("/gif", "failed", "image/gif"),
    ("/png", "failed", "image/png"),
    ("/gif-as-html", "failed", "GIF"),
    ("/audio", "failed", "audio"),
    ("/video", "failed", "video"),
    ("/font", "failed", "font"),
    ("/model", "failed", "model"),
    ("/octet-binary", "failed", None),
    ("/empty", "failed", "empty"),
    ("/gzip-unasked", "failed", "gzip"),
    ("/wrong-charset", None, None),
    ("/bogus-charset", "imported", None),
    ("/short", "failed", "cut off"),
    ("/reset", "failed", None),
    ("/reset-no-length", "failed", None),
    ("/chunked-truncated", "failed", None),
    ("/chunked-bad-size", "failed", None),
    ("/too-big-declared", "failed", "larger"),
    ("/bogus-length", None, None),
    ("/negative-length", None, None),
    ("/garbage-status", "failed", None),
    ("/http09", "failed", None),
    ("/close-at-once", "failed", None),
    ("/many-headers", "failed", None),
    ("/long-header", "failed", None),
)
SLOW_ROUTES: tuple[tuple[str, str | None, str | None], ...] = (
    ("/drip-length", "failed", "seconds"),
    ("/drip-no-length", "failed", "seconds"),
    ("/drip-chunked", "failed", "seconds"),
    ("/drip-headers", "failed", "seconds"),
    ("/silent", "failed", "seconds"),
)


def url_cases(base: str, routes: tuple[tuple[str, str | None, str | None], ...]) -> list[Case]:
    """One case per route of the server at `base`."""
    return [
        Case(f"http{path.replace('/', '-')}", base + path, outcome, says) for path, outcome, says in routes
    ]


@contextmanager
def serving() -> Iterator[str]:
    """Run the misbehaving server on a free port of 127.0.0.1; yields its base URL."""
    _stop.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _stop.set()
        httpd.shutdown()
        httpd.server_close()
