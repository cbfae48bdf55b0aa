"""Metadata a plain-text article states in its first lines: a headline, a "By ..." byline, a date line.

Plain text has no markup, so this reads only lines that can be nothing else (a short line without a
closing full stop before the body, "By Name", a line that is only a date). The text itself is left as
it is, so spans still index exactly what the person dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

_BYLINE = re.compile(
    r"^by\s+(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|and|&))*)(?:\s*[,|–—-]\s*.*)?$",
    re.IGNORECASE,
)
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%Y-%m-%d", "%A, %B %d, %Y")
_HEAD_LINES = 6
_MAX_TITLE = 200


@dataclass(frozen=True, slots=True)
class TextHeader:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None


def _as_date(line: str) -> str | None:
    cleaned = re.sub(r"\s+", " ", line.strip().rstrip("."))
    cleaned = re.sub(r"^(published|updated|posted)\s*:?\s*", "", cleaned, flags=re.IGNORECASE)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _authors(names: str) -> tuple[str, ...]:
    parts = re.split(r"\s+(?:and|&)\s+|,\s*", names.strip())
    return tuple(p.strip() for p in parts if p.strip())


def read_text_header(text: str) -> TextHeader:
    lines = [line.strip() for line in text.split("\n", _HEAD_LINES * 2)[: _HEAD_LINES * 2] if line.strip()][
        :_HEAD_LINES
    ]
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    for index, line in enumerate(lines):
        if published is None and (date := _as_date(line)) is not None:
            published = date
            continue
        if not authors and (match := _BYLINE.match(line)) is not None:
            authors = _authors(match.group("names"))
            continue
        is_headline = len(line) <= _MAX_TITLE and not line.endswith((".", "!", "?", "”", '"', ":", ";"))
        if index == 0 and is_headline and len(lines) > 1:
            title = line
    return TextHeader(title=title, authors=authors, published=published)
