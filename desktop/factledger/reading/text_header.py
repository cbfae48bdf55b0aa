"""Metadata a plain-text article states in its first lines: a headline, a "By ..." byline, a date line.

Plain text has no markup, so this reads only lines that can be nothing else: a first line that reads as a
headline (short, one line, no closing full stop, or Headline Capitalisation), "By Name", a line that is
only a date ("Updated Oct. 30, 2025 at 5:00 p.m. ET"; see `date_line`). The text itself is left as it is,
so spans still index exactly what the person dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .date_line import date_of_line

_BYLINE = re.compile(
    r"^by\s+(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|and|&))*)(?:\s*[,|–—·•-]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_HEAD_LINES = 6
_MAX_TITLE = 200
_MAX_TITLE_WORDS = 30
_CLOSING = (".", "!", "?", "”", '"', ":", ";", ",")
# A second sentence inside the line ("... rose. The mayor said") means a paragraph, not a headline.
_SENTENCE_BREAK = re.compile(r"[a-z0-9%)][.!?]\s+[A-Z]")
# Words headline style leaves in lower case.
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "vs.",
        "with",
    ]
)
_UPDATE_CUE = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|revised)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TextHeader:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None


def _authors(names: str) -> tuple[str, ...]:
    parts = re.split(r"\s+(?:and|&)\s+|,\s*", names.strip())
    return tuple(p.strip() for p in parts if p.strip())


def reads_as_headline(line: str) -> bool:
    """Short, one sentence at most, and either unpunctuated at its end or in Headline Capitalisation."""
    words = line.split()
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or len(line) > _MAX_TITLE or _SENTENCE_BREAK.search(line):
        return False
    return not line.endswith(_CLOSING) or (line.endswith(".") and _headline_case(words))


def _headline_case(words: list[str]) -> bool:
    """Every word but the minor ones starts with a capital (or a digit): "Council Approves $4 Billion Plan"."""
    major = [w for w in words if w.casefold().strip(".,;:") not in _MINOR_WORDS]
    return len(major) >= 3 and all(w[0].isupper() or not w[0].isalpha() for w in major)


def read_text_header(text: str) -> TextHeader:
    lines = [line.strip() for line in text.split("\n", _HEAD_LINES * 2)[: _HEAD_LINES * 2] if line.strip()][
        :_HEAD_LINES
    ]
    title: str | None = None
    authors: tuple[str, ...] = ()
    dates: list[tuple[bool, str]] = []  # (is an update, day) of each date line, in order
    seen_text = False  # a line that is neither date nor byline came already: later ones are not the headline
    for index, line in enumerate(lines):
        if (day := date_of_line(line)) is not None:
            dates.append((bool(_UPDATE_CUE.match(line)), day))
            continue
        if not authors and (match := _BYLINE.match(line)) is not None:
            authors = _authors(match.group("names"))
            # "By Ana Roe | October 30, 2025": the date after the names counts as a date line.
            if match.group("rest") and (day := date_of_line(match.group("rest"))) is not None:
                dates.append((bool(_UPDATE_CUE.match(match.group("rest"))), day))
            continue
        # The headline is the first line that is neither a date nor a byline ("October 30, 2025" may
        # come above it); a later line is body text.
        if not seen_text and len(lines) > index + 1 and reads_as_headline(line):
            title = line
        seen_text = True
    # The publication date, not a later update, when the header gives both.
    published = next((day for update, day in dates if not update), dates[0][1] if dates else None)
    return TextHeader(title=title, authors=authors, published=published)
