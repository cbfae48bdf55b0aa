"""What reading produces and extraction consumes: one normalized text plus what is known about it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read from any input format.

    `text` is the one string every span in the ledger points into, so readers normalize it once
    (NFC, `\\n` line endings, paragraphs separated by a blank line) and nothing rewrites it later.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601 date or datetime
    url: str | None = None
    language: str | None = None
    media_type: str = "text/plain"
    file_name: str | None = None
    original: bytes = b""
    links: tuple[str, ...] = ()  # link targets removed from the text (Markdown, HTML), kept for provenance
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def content_sha256(self) -> str:
        """Identity of the article: the same text twice is one source whatever file it came in."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
