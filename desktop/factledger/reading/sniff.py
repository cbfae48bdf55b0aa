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


# Signatures of common binary files that are never a document's text, with the name a message gives them.
_BINARY_SIGNATURES = (
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1a\x45\xdf\xa3", "a video file (Matroska or WebM)"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc or .xls)"),
)


def binary_kind(data: bytes) -> str | None:
    """What a file is when its first bytes are the signature of an image, audio, archive or program."""
    for signature, kind in _BINARY_SIGNATURES:
        if kind is not None and data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[data[8:12]]
    if data[4:8] == b"ftyp":
        return "an MP4 or QuickTime video, or a HEIC image"
    return None


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
