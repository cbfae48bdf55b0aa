"""Fetch a web page with urllib under an overall deadline and a size cap, then read it like a file."""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import PurePosixPath
from typing import Any

from factledger.domain import Document, UserError

from .limits import MAX_FILE_BYTES, format_size
from .read import read_bytes

USER_AGENT = "FactLedger/0.1"
_CHUNK = 64 * 1024
READ_TIMEOUT = 15.0
"""Longest wait for the server to connect or send the next bytes, in seconds."""
DEADLINE = 60.0
"""Longest a whole fetch may take, in seconds, however the server trickles headers or body."""
# Major media types that are never a document's text; they are refused before anything is stored.
_NOT_TEXT = frozenset(("image", "audio", "video", "font", "model"))


def fetch_url(
    url: str,
    *,
    timeout: float | None = None,
    deadline: float | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> Document:
    """Download `url` and read it by its Content-Type (HTML, PDF, ...), never taking more than `deadline` s.

    `timeout` (default `READ_TIMEOUT`) bounds each wait for the network; `deadline` (default `DEADLINE`,
    read at call time) bounds the whole download (connect, headers,
    body and redirects), so a server that drips bytes cannot hang an import: when the deadline passes,
    the connection is shut from a timer. A body shorter than its Content-Length, or cut by a reset, fails
    rather than importing part of a page. Every failure is a `UserError` naming the URL.
    """
    timeout = READ_TIMEOUT if timeout is None else timeout
    deadline = DEADLINE if deadline is None else deadline
    _check_address(url)
    request = urllib.request.Request(_ascii_url(url), headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    watchdog = _Watchdog(deadline)
    opener = urllib.request.build_opener(_HTTPHandler(watchdog), _HTTPSHandler(watchdog))
    try:
        with opener.open(request, timeout=timeout) as response:
            _check_media_type(url, response.headers.get("Content-Type"))
            length = response.headers.get("Content-Length")
            declared = int(length) if length and length.strip().isdigit() else None
            if declared is not None and declared > max_bytes:
                raise UserError(_too_big(url, max_bytes))
            data = _read_capped(response, url=url, max_bytes=max_bytes)
            if watchdog.expired:  # the timer shut the socket, which reads as the end of the body
                raise UserError(_late(url, deadline))
            if declared is not None and not response.chunked and len(data) < declared:
                raise UserError(
                    f"{url} was cut off: the server sent {format_size(len(data))} of the "
                    f"{format_size(declared)} it announced. Nothing was imported; try again later."
                )
            media_type = response.headers.get("Content-Type")
            final_url = response.geturl() or url
    except UserError:
        raise
    except Exception as exc:
        if watchdog.expired:
            raise UserError(_late(url, deadline)) from exc
        raise UserError(_failure(url, exc, timeout)) from exc
    finally:
        watchdog.cancel()
    name = PurePosixPath(urllib.parse.unquote(urllib.parse.urlsplit(final_url).path)).name or None
    return read_bytes(data, file_name=name, media_type=media_type, url=final_url)


def _check_address(url: str) -> None:
    """Refuse, with a sentence, addresses urllib would choke on: bad brackets, ports and host names."""
    bad = f"{url} is not a web address FactLedger can fetch"
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        _ = parts.port
    except ValueError as exc:
        raise UserError(f"{bad}: {exc} (check the brackets and the port number).") from exc
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise UserError(f"{bad} (it must start with http:// or https:// and name a host).")
    if ":" in host:
        return  # an IPv6 literal, already validated by urlsplit
    labels = host.rstrip(".").split(".")
    if len(host) > 253 or any(not 0 < len(label) <= 63 for label in labels):
        raise UserError(
            f"{bad}: its host name is not valid (each part between dots must be 1 to 63 characters long)."
        )
    try:
        host.encode("idna")
    except UnicodeError as exc:
        raise UserError(f"{bad}: its host name is not valid ({exc}).") from exc


def _ascii_url(url: str) -> str:
    """The address with non-ASCII path and query characters percent-encoded, as a browser sends them."""
    parts = urllib.parse.urlsplit(url)

    def quoted(piece: str) -> str:
        return urllib.parse.quote(piece.encode("utf-8", "surrogateescape"), safe="/?&=+%:@!$'()*,;~[]")

    return urllib.parse.urlunsplit(
        (parts.scheme, parts.netloc, quoted(parts.path), quoted(parts.query), quoted(parts.fragment))
    )


def _check_media_type(url: str, media_type: str | None) -> None:
    if not media_type:
        return
    essence = media_type.split(";")[0].strip().lower()
    if essence.split("/")[0] in _NOT_TEXT:
        raise UserError(
            f"{url} is {essence}, not a document with text; FactLedger imports web pages, PDF, "
            "Word, e-mail, Markdown and text."
        )


def _read_capped(response: http.client.HTTPResponse, *, url: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise UserError(_too_big(url, max_bytes))
        chunks.append(chunk)


class _Watchdog:
    """Shuts every socket of one fetch when its deadline passes, waking whatever read is blocked on it."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also for TLS: it wakes a blocked read without touching TLS state.
    with contextlib.suppress(OSError):  # already closed
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watched(base: type[http.client.HTTPConnection], watchdog: _Watchdog) -> Any:
    class Watched(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            create: Any = getattr(self, "_create_connection")  # noqa: B009 - typeshed does not declare it

            def tracked(*a: Any, **k: Any) -> socket.socket:
                # The plain socket, watched before a TLS handshake that a server could also drip.
                sock: socket.socket = create(*a, **k)
                watchdog.track(sock)
                return sock

            self._create_connection = tracked

        def connect(self) -> None:
            super().connect()
            watchdog.track(self.sock)  # the TLS socket that replaced the plain one

    return Watched


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPConnection, self._watchdog), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            _watched(http.client.HTTPSConnection, self._watchdog),
            req,
            context=self._context,  # type: ignore[attr-defined]
            check_hostname=self._check_hostname,  # type: ignore[attr-defined]
        )


def _late(url: str, deadline: float) -> str:
    return f"{url} took longer than {deadline:g} seconds to download; nothing was imported. Try again later."


def _failure(url: str, exc: BaseException, timeout: float) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        if 300 <= exc.code < 400:  # urllib gives up on a redirect that loops or goes on too long
            return f"{url} could not be fetched: its redirects go round in a loop."
        return f"{url} could not be fetched: the server answered {exc.code} {exc.reason}."
    if isinstance(exc, urllib.error.URLError):
        return _unreachable(url, exc.reason, timeout)
    if isinstance(exc, TimeoutError):
        return f"{url} did not answer within {timeout:g} seconds; try again later."
    if isinstance(exc, http.client.IncompleteRead):
        return f"{url} was cut off before the end of the page; nothing was imported. Try again later."
    if isinstance(exc, ConnectionError | http.client.HTTPException | OSError):
        return f"{url} could not be fetched: the connection failed ({exc}). Nothing was imported."
    if isinstance(exc, UnicodeError | ValueError):
        return f"{url} is not a web address FactLedger can fetch ({exc})."
    return f"{url} could not be fetched ({type(exc).__name__}: {exc})."


def _unreachable(url: str, reason: object, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return (
            f"{url} could not be reached: its host name did not resolve. "
            "Check the address and the network connection."
        )
    if isinstance(reason, TimeoutError):
        return f"{url} did not answer within {timeout:g} seconds; check the network connection or try later."
    if isinstance(reason, ConnectionRefusedError):
        return f"{url} could not be reached: the server refused the connection."
    return f"{url} could not be reached ({reason}); check the network connection."


def _too_big(url: str, max_bytes: int) -> str:
    return f"{url} is larger than the {format_size(max_bytes)} FactLedger downloads; save a smaller part."
