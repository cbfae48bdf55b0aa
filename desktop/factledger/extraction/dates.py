"""Dates and periods: which numbers are dates rather than statistics, and the period or deadline of a figure."""

from __future__ import annotations

import functools
import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
YEAR = r"(?:1[89]\d\d|20\d\d)"
# Spans whose digits are not statistics: dates, times, phone numbers, URLs, section and model numbers.
# An e-mail address is bounded by the lengths RFC 5321 allows its two halves (64 and 255) and by the
# first "@": an unbounded `\S+@\S+` retried at every offset of a long unbroken token is quadratic.
_NOT_STATISTICS = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{YEAR})?\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{YEAR})?\b|"
    rf"\b{_MONTH}\s+{YEAR}\b|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\b\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?|\b\d{1,2}\s?[ap]\.m\.|"
    r"(?:\+?\d{1,3}[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|"
    r"(?:https?://|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,255}\.\w+|"
    r"\b(?:Section|Sec\.|Article|Art\.|Chapter|Title|Rule|No\.|Number|Part|Clause|Paragraph|Amendment|"
    r"Resolution|Order|Proclamation|Page|p\.|pp\.|Vol\.|Volume|Item|Annex|Schedule|Room|Suite|Route|"
    r"Highway|Interstate|Flight|Level|Phase|Stage|Tier|Class|Category|Group|Round|Game|Week|Day|Step|"
    r"Model|Version|Gen|Generation|Figure|Table)s?\s+\d+[\w.()-]*(?:(?:,\s*|,?\s+(?:and|or)\s+)\d+[\w.()-]*)*|"
    r"\b[A-Za-z]+-\d[\w-]*|\b[A-Z]+\d+[A-Za-z\d]*\b|\b\d+(?:st|nd|rd|th)\b|"
    r"\b\d+(?:\.\d+){2,}\b|#\d+|\b\d+-year-old\b|\b(?:19|20)\d0s\b|\b'\d\ds\b"
)
_BARE_YEAR = re.compile(rf"(?<![\d,.$€£¥])\b{YEAR}\b(?![\d,]|\.\d|\s?%|\s?(?:percent|billion|million))")

_PERIOD = re.compile(
    rf"\b(?:in|during|for|through|throughout|since|from|by|as of|until|till)\s+"
    rf"(?:(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:quarter|half)\s+of\s+)?"
    rf"(?:(?:fiscal|FY|calendar)\s+)?(?:{_MONTH}\s+)?{YEAR}(?:\s?[-–]\s?(?:\d\d|{YEAR}))?\b|"
    r"\b(?:annually|a year(?! earlier| ago| before| later)|per year|each year|every year|a month|per month|each month|monthly|yearly|"
    r"per annum|a day|per day|last year|this year|next year|last month|this month|so far this year|"
    r"year[- ]on[- ]year|year over year|year to date|over the (?:next|past|last) (?:\w+ )?(?:years?|months?|"
    r"decades?))\b",
    re.IGNORECASE,
)
_DEADLINE = re.compile(
    rf"\b(?:by|before|no later than|by the end of|within|over the next|through|until)\s+"
    rf"(?:the\s+)?(?:end\s+of\s+)?(?:{_MONTH}\s+)?(?:{YEAR}|\w+\s+(?:years?|months?|decades?))\b|"
    rf"\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:year|decade|month|{YEAR})\b",
    re.IGNORECASE,
)


_ANCHOR = re.compile(r"\d|@|https?://|www\.")
_MARGIN = 80
_TOKEN_START = re.compile(r"\s")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around digits, e-mail and web addresses, each starting and ending at white space.

    Every date, id or address the exclusion pattern matches holds one of those anchors within a few
    words, so scanning only these stretches finds the same spans at a fraction of the cost on prose.
    Window starts and ends only ever move forward, so one pass over the white space serves every
    lookup: the cost stays linear even in text without spaces (a megabyte of digits).
    """
    windows: list[tuple[int, int]] = []
    size = len(text)
    spaces = _SpaceWalk(text)
    for match in _ANCHOR.finditer(text):
        position = match.start()
        if windows and position - _MARGIN <= windows[-1][1]:
            start = windows[-1][0]
            windows.pop()
        else:
            # Back up to a word start so that `\b` and `\S+` see the same boundary as a full scan.
            start = spaces.word_start(max(0, position - _MARGIN))
        end = spaces.next_space(min(size, position + _MARGIN))
        windows.append((start, end))
    return windows


class _SpaceWalk:
    """White-space lookups at non-decreasing offsets of one text, answered by a single forward scan."""

    def __init__(self, text: str) -> None:
        self._spaces = _TOKEN_START.finditer(text)
        self._size = len(text)
        self._last = -1  # the last white space seen before the scan position
        self._next: int | None = self._advance()

    def _advance(self) -> int | None:
        found = next(self._spaces, None)
        return found.start() if found else None

    def _scan_to(self, offset: int) -> None:
        while self._next is not None and self._next < offset:
            self._last = self._next
            self._next = self._advance()

    def word_start(self, offset: int) -> int:
        """`offset` moved back to just after the white space before it (0 when there is none)."""
        self._scan_to(offset)
        return self._last + 1

    def next_space(self, offset: int) -> int:
        """The first white space at or after `offset`, or the text's length when there is none."""
        self._scan_to(offset)
        return self._size if self._next is None else self._next


def non_statistic_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that hold numbers which are dates, times, identifiers or addresses."""
    spans = [
        (m.start(), m.end())
        for start, end in _windows(text)
        for m in _NOT_STATISTICS.finditer(text, start, end)
    ]
    spans.extend((m.start(), m.end()) for m in _BARE_YEAR.finditer(text))
    spans.sort()
    return spans


def _normalize_period(raw: str) -> str:
    lowered = raw.lower()
    if lowered.startswith(("in ", "during ", "for ", "throughout ")):
        rest = raw.split(None, 1)[1]
        return rest
    if lowered in ("a year", "per year", "each year", "every year", "yearly", "per annum"):
        return "annually"
    return raw


def find_period(sentence: str, *, near: int) -> str | None:
    """The period a figure refers to, from its sentence: the phrase nearest to the figure at `near`.

    "in 2024" gives "2024"; "since 1984" and "annually" stay as written.
    """
    best: tuple[int, str] | None = None
    for start, end, period in _periods(sentence):
        distance = min(abs(start - near), abs(end - near))
        if best is None or distance < best[0]:
            best = (distance, period)
    return None if best is None else best[1]


@functools.lru_cache(maxsize=64)
def _periods(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Every period phrase of a sentence, scanned once for all the figures in it."""
    return tuple((m.start(), m.end(), _normalize_period(m.group(0))) for m in _PERIOD.finditer(sentence))


def find_deadline(clause: str) -> str | None:
    """When a commitment is due ("by 2028", "within five years"), as written."""
    match = _DEADLINE.search(clause)
    return match.group(0) if match else None
