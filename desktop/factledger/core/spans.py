"""Span rules: a claim's quote is exactly the source text between its offsets."""

from __future__ import annotations

import re

from factledger.domain import UserError

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n\s*\n")


def checked_quote(text: str, start: int, end: int, quote: str | None = None) -> str:
    """Return `text[start:end]`, refusing spans that are empty, out of bounds or not the given quote."""
    if not 0 <= start < end <= len(text):
        raise UserError(
            f"The span {start}–{end} is outside the source text (length {len(text)}); select the quote again."
        )
    actual = text[start:end]
    if quote is not None and actual != quote:
        raise UserError(
            f"The quote does not match the source text at {start}–{end} "
            f"(source has “{actual[:60]}”); a fact must quote its source exactly."
        )
    if not actual.strip():
        raise UserError("The selected span is only white space; select the words of the fact.")
    return actual


def sentence_around(text: str, start: int, end: int, *, limit: int = 600) -> str:
    """The sentence(s) containing a span: the default statement of a new fact, readable on its own."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - limit), start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end, min(len(text), end + limit))
    right = right_match.start() if right_match is not None else min(len(text), end + limit)
    sentence = " ".join(text[left:right].split())
    return sentence or " ".join(text[start:end].split())


def context_around(text: str, start: int, end: int, *, width: int = 160) -> str:
    """Text around a quote for exports and the inspector, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return prefix + " ".join(text[left:right].split()) + suffix
