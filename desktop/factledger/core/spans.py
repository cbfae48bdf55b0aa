"""Span rules: a claim's quote is exactly the source text between its offsets."""

from __future__ import annotations

import re

from factledger.domain import ClaimKind, UserError


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
    # The splitter's patterns load only when a statement is derived, not for every command.
    from factledger.extraction.sentences import split_sentences

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


def suggested_statement(text: str, kind: ClaimKind, start: int, end: int, committer: str | None) -> str:
    """The statement an accepted suggestion starts with: the claim itself, not its whole sentence."""
    from factledger.extraction.statements import statement_for

    return statement_for(text, kind, start, end, committer) or sentence_around(text, start, end)


def context_parts(text: str, start: int, end: int, *, width: int = 160) -> tuple[str, str, str]:
    """Text before the quote, the quote, and text after it, each on one line, cut at word boundaries.

    Returned in three parts so a view can mark the quote at its own position: searching the joined text
    for the quote would mark an earlier repetition of the same words. A window edge that falls inside a
    word moves to the nearest space inside the window, so the context never starts with "…ng to".
    """
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0 and not text[left - 1].isspace():
        space = _first_space(text, left, start)
        left = start if space is None else space + 1
    if right < len(text) and not text[right].isspace():
        right = max((text.rfind(c, end, right) for c in " \n\t\r"), default=-1)
        right = end if right < 0 else right
    before = _WHITESPACE.sub(" ", text[left:start]).lstrip()
    after = _WHITESPACE.sub(" ", text[end:right]).rstrip()
    return (
        ("…" if left > 0 else "") + before,
        " ".join(text[start:end].split()),
        after + ("…" if right < len(text) else ""),
    )


def context_around(text: str, start: int, end: int, *, width: int = 160) -> str:
    """Text around a quote on one line, cut at word boundaries (see `context_parts`)."""
    return "".join(context_parts(text, start, end, width=width))


def _first_space(text: str, lo: int, hi: int) -> int | None:
    """Index of the last character of the first run of white space in `text[lo:hi]`."""
    match = _WHITESPACE.search(text, lo, hi)
    return None if match is None else match.end() - 1


_WHITESPACE = re.compile(r"\s+")
