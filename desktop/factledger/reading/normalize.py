"""The one text normalization every reader applies, so spans index the same string everywhere."""

from __future__ import annotations

import re
import unicodedata

from factledger.domain import UserError

# Characters that carry no reading value but would split words for search and quoting.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"), None)
_LINE_BREAKS = re.compile(r"\r\n|\r|[\u2028\u2029\x0b\x0c\x85]")
# C0/C1 controls other than tab and newline never belong in an article's text.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_TRAILING = re.compile(r"[ \t\u00a0\u3000]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_BLANK_LINE = re.compile(r"^[^\S\n]+$", re.MULTILINE)


def normalize_text(text: str) -> str:
    """Return `text` in NFC with `\\n` line ends, no trailing spaces, one blank line between paragraphs.

    Leading and trailing blank lines go too. Line breaks inside a paragraph are kept: they may be verse,
    an address or a table row, and only the format reader knows which.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text.translate(_INVISIBLE))
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING.sub("", text)
    # Blank out white-space-only lines in one pass: splitting ten million lines into strings took gigabytes.
    text = _BLANK_LINE.sub("", text)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs with one blank line, after normalizing each, dropping the empty ones."""
    kept = (normalize_text(p) for p in paragraphs)
    return "\n\n".join(p for p in kept if p)


def require_text(text: str, *, label: str) -> str:
    """Refuse a reading that produced no words: an empty source is never worth a ledger entry."""
    if not text.strip():
        raise UserError(f"{label} has no text to read.")
    return text


def clean_field(value: object) -> str | None:
    """A metadata value as one tidy line, or None when it is missing or blank."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return unicodedata.normalize("NFC", text) or None
