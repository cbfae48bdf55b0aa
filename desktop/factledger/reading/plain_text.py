"""Read plain text files: detect the encoding, keep the author's lines and paragraphs."""

from __future__ import annotations

from factledger.domain import Document

from .decode import decode_text
from .normalize import normalize_text, require_text
from .text_header import read_text_header

MEDIA_TYPE = "text/plain"


def read_plain_text(
    data: bytes, *, label: str, file_name: str | None, url: str | None, charset: str | None = None
) -> Document:
    """A `Document` whose text is the file's text, normalized; metadata only from unmistakable header lines."""
    text = require_text(normalize_text(decode_text(data, label=label, declared=charset)), label=label)
    header = read_text_header(text)
    return Document(
        text=text,
        title=header.title,
        authors=header.authors,
        published=header.published,
        url=url,
        media_type=MEDIA_TYPE,
        file_name=file_name,
        original=data,
    )
