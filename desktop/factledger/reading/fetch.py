"""Fetch a web page with urllib under a timeout and a size cap, then read it like a file."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import PurePosixPath

from factledger.domain import Document, UserError

from .limits import MAX_FILE_BYTES, format_size
from .read import read_bytes

USER_AGENT = "FactLedger/0.1"
_CHUNK = 64 * 1024


def fetch_url(url: str, *, timeout: float = 15.0, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Download `url` and read it by its Content-Type (HTML, PDF, ...), never waiting past `timeout` seconds.

    The timeout bounds the whole download, not only each socket read, so a server that trickles bytes
    cannot hang an import. Every failure is a `UserError` naming the URL and what to do about it.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(
            f"{url} is not a web address FactLedger can fetch (it must start with http:// or https://)."
        )
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise UserError(_too_big(url, max_bytes))
            data = _read_capped(response, url=url, max_bytes=max_bytes, deadline=deadline, timeout=timeout)
            media_type = response.headers.get("Content-Type")
            final_url = response.geturl() or url
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # urllib gives up on a redirect that loops or goes on too long
            raise UserError(f"{url} could not be fetched: its redirects go round in a loop.") from exc
        raise UserError(f"{url} could not be fetched: the server answered {exc.code} {exc.reason}.") from exc
    except urllib.error.URLError as exc:
        raise UserError(_unreachable(url, exc.reason, timeout)) from exc
    except TimeoutError as exc:
        raise UserError(f"{url} did not answer within {timeout:g} seconds; try again later.") from exc
    except (ConnectionError, http.client.HTTPException) as exc:
        raise UserError(f"{url} could not be fetched: the connection failed ({exc}).") from exc
    name = PurePosixPath(urllib.parse.unquote(urllib.parse.urlsplit(final_url).path)).name or None
    return read_bytes(data, file_name=name, media_type=media_type, url=final_url)


def _read_capped(
    response: http.client.HTTPResponse, *, url: str, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise UserError(f"{url} took longer than {timeout:g} seconds to download; try again later.")
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise UserError(_too_big(url, max_bytes))
        chunks.append(chunk)


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
