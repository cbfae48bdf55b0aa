"""Decide which reader a blob of bytes needs: by its content first, then its media type, then its suffix."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["pdf", "zip", "email", "html", "markdown", "text"]

SUFFIXES: dict[str, Format] = {
    ".pdf": "pdf",
    ".docx": "zip",
    ".eml": "email",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}
MEDIA_TYPES: dict[str, Format] = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "zip",
    "message/rfc822": "email",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": "text",
}
_HTML_START = re.compile(
    rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL
)
_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]*\S?.*$")
# Headers that, two or more of them at the top of a file, mean an RFC 5322 message.
_MAIL_HEADERS = frozenset(
    b"from to cc subject date message-id received return-path delivered-to mime-version reply-to "
    b"x-mailer content-type sender in-reply-to references".split()
)


def sniff(data: bytes) -> Format | None:
    """The format the bytes announce themselves, or None when only a name or media type can tell."""
    head = data[:4096]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if _HTML_START.match(text):
        return "html"
    if _looks_like_mail(head):
        return "email"
    return None


def _looks_like_mail(head: bytes) -> bool:
    """At least two well-known mail headers before the first blank line, every line a header or its fold."""
    known = 0
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    if len(lines) > 1:
        lines.pop()  # the last line may be cut off mid-header by the 4 KB window
    for index, line in enumerate(lines):
        if not line.strip():
            return known >= 2
        if line[:1] in (b" ", b"\t") and index > 0:
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        known += match.group(1).lower() in _MAIL_HEADERS
    return known >= 2


def choose_format(data: bytes, *, file_name: str | None, media_type: str | None) -> Format | None:
    """Content beats a declared media type, which beats a file name's suffix; None means unknown."""
    sniffed = sniff(data)
    if sniffed is not None:
        return sniffed
    if media_type:
        declared = MEDIA_TYPES.get(media_type.split(";")[0].strip().lower())
        if declared is not None:
            return declared
    if file_name:
        dot = file_name.rfind(".")
        if dot > 0:
            return SUFFIXES.get(file_name[dot:].lower())
    return None
