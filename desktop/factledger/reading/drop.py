"""Decide what a drop or paste meant from the MIME formats Qt hands over: files, URLs, HTML, text."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .decode import bom_encoding, bomless_utf16
from .html_text import html_to_text
from .inputs import (
    SELECTION_LABEL,
    TEXT_LABEL,
    ImportInput,
    expand_inputs,
    file_url_to_path,
    is_web_url,
    url_input,
)

URI_LIST = "text/uri-list"
HTML = "text/html"
MOZ_URL = "text/x-moz-url"
NETSCAPE_URL = "_netscape_url"
# Where browsers put the address of the page a selection was dragged from.
SOURCE_URL_FORMATS = ("text/x-moz-url-priv", "chromium/x-source-url", "text/x-moz-url-data")
PLAIN_FORMATS = ("text/plain;charset=utf-8", "text/plain", "utf8_string", "text/unicode", "string", "text")
WINDOWS_HTML = 'application/x-qt-windows-mime;value="html format"'
_KEY_SEPARATOR = re.compile(r"\s*;\s*")
_CF_HTML_SOURCE = re.compile(r"^SourceURL:(\S+)", re.MULTILINE)
_CF_HTML_START = re.compile(r"^StartHTML:(-?\d+)", re.MULTILINE)
_CHROMIUM_SOURCE = re.compile(r"<!--\s*SourceURL:\s*(\S+?)\s*-->", re.IGNORECASE)


def decode_drop(payload: Mapping[str, bytes]) -> list[ImportInput]:
    """The inputs a drop or paste means, most specific first; an empty list when nothing is importable.

    Files and URLs in `text/uri-list` win over their names repeated as text; a link dragged from a page
    is its URL; HTML wins over the plain text of the same selection and keeps the page's address as
    `base_url`; plain text that is a single web address is that URL; anything else is text.
    """
    formats = {_KEY_SEPARATOR.sub(";", key.strip().lower()): value for key, value in payload.items()}
    linked = _uri_list(formats)
    if linked:
        return linked
    link = _first_line(formats.get(MOZ_URL)) or _first_line(formats.get(NETSCAPE_URL))
    if link and is_web_url(link):
        return [url_input(link)]
    selection = _html_selection(formats)
    if selection is not None:
        return [selection]
    return _plain(formats)


def _decode(data: bytes) -> str:
    """Clipboard text: UTF-16 with or without BOM (Firefox, Windows), else UTF-8; trailing NULs dropped."""
    codec = bom_encoding(data) or bomless_utf16(data) or "utf-8"
    return data.decode(codec, errors="replace").replace("\x00", "")


def _first_line(data: bytes | None) -> str | None:
    if not data:
        return None
    for line in _decode(data).splitlines():
        if line.strip():
            return line.strip()
    return None


def _uri_list(formats: Mapping[str, bytes]) -> list[ImportInput]:
    """`text/uri-list` (RFC 2483): one URI a line, `#` comments; file URLs become files, folders expand."""
    data = formats.get(URI_LIST)
    if not data:
        return []
    inputs: list[ImportInput] = []
    for line in _decode(data).splitlines():
        uri = line.strip()
        if not uri or uri.startswith("#"):
            continue
        path = file_url_to_path(uri)
        if path is not None:
            inputs.extend(expand_inputs([path]))
        elif is_web_url(uri):
            inputs.append(url_input(uri))
    return inputs


def _html_selection(formats: Mapping[str, bytes]) -> ImportInput | None:
    """HTML dragged or copied from a page, with the page's address when the browser gave one."""
    html: str | None = None
    source: str | None = None
    raw_windows = formats.get(WINDOWS_HTML)
    if raw_windows:
        html, source = _cf_html(raw_windows)
    if formats.get(HTML):
        html = _decode(formats[HTML])
    if not html or not html_to_text(html).paragraphs:
        return None  # an image or an empty element: the plain text, if any, is what was meant
    for key in SOURCE_URL_FORMATS:
        candidate = _first_line(formats.get(key))
        if candidate and is_web_url(candidate):
            source = candidate
            break
    if source is None:
        match = _CHROMIUM_SOURCE.search(html)
        source = match.group(1) if match and is_web_url(match.group(1)) else None
    return ImportInput(
        kind="html", label=SELECTION_LABEL, data=html.encode("utf-8"), url=source, base_url=source
    )


def _cf_html(data: bytes) -> tuple[str, str | None]:
    """Windows' CF_HTML clipboard format: a header of offsets and `SourceURL:` before the markup."""
    text = data.decode("utf-8", errors="replace").replace("\x00", "")
    source_match = _CF_HTML_SOURCE.search(text)
    start_match = _CF_HTML_START.search(text)
    source = source_match.group(1) if source_match and is_web_url(source_match.group(1)) else None
    if start_match is not None and int(start_match.group(1)) >= 0:
        # Offsets count UTF-8 bytes, so slice the bytes, not the decoded string.
        markup = data[int(start_match.group(1)) :].decode("utf-8", errors="replace").replace("\x00", "")
        return markup, source
    return text, source


def _plain(formats: Mapping[str, bytes]) -> list[ImportInput]:
    for key in PLAIN_FORMATS:
        data = formats.get(key)
        if not data:
            continue
        text = _decode(data).strip()
        if not text:
            continue
        if is_web_url(text):
            return [url_input(text)]
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        paths = [file_url_to_path(line) for line in lines]
        if all(path is not None for path in paths):
            return expand_inputs([p for p in paths if p is not None])
        return [ImportInput(kind="text", label=TEXT_LABEL, data=text.encode("utf-8"))]
    return []
