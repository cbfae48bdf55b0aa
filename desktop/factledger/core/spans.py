"""Span rules: a claim's quote is exactly the source text between its offsets."""

from __future__ import annotations

from factledger.domain import UserError
from factledger.extraction.sentences import split_sentences


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
    """The sentence(s) containing a span: the default statement of a new fact, readable on its own.

    Uses the extractor's sentence splitter (it knows "U.S." and "Pres." do not end a sentence) on a
    window of whole lines around the span, so it stays cheap on long documents.
    """
    window_start = text.rfind("\n", 0, max(0, start - limit)) + 1
    window_end = text.find("\n", min(len(text), end + limit))
    window_end = len(text) if window_end < 0 else window_end
    window = text[window_start:window_end]
    covering = [
        s for s in split_sentences(window) if s.start + window_start < end and s.end + window_start > start
    ]
    if not covering:
        return " ".join(text[start:end].split())
    left = covering[0].start + window_start
    right = covering[-1].end + window_start
    return " ".join(text[min(left, start) : max(right, end)].split())


def context_around(text: str, start: int, end: int, *, width: int = 160) -> str:
    """Text around a quote for exports and the inspector, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return prefix + " ".join(text[left:right].split()) + suffix
