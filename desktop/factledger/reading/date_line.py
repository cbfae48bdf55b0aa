"""Whether a line of text is a publication date line, and which day it names.

"Published 7:02 PM EDT, Thu October 30, 2025", "Oct. 30, 2025 at 5:00 p.m. ET", "Mon 3 Nov 2025 14.30 GMT",
"2025-10-30T09:00:00Z": a date line carries a full date (day, month and year) and nothing else but a time,
a time zone, a weekday and a cue word such as "Updated". The parsing is dateutil's (what htmldate, and so
trafilatura, parses page dates with); this module only decides which lines count. A numeric date that reads
differently day-first and month-first ("03/04/2025") names no day for certain and is not taken.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

_MAX_CHARS = 80
_MAX_WORDS = 12
# "14.30" is a time in British and European bylines; dateutil reads only "14:30".
_DOTTED_TIME = re.compile(r"(?<![\d.])([01]?\d|2[0-3])\.([0-5]\d)(?![\d.])")
# Words a date line may hold besides the date itself (dateutil leaves them unparsed).
_CUES = frozenset(
    (
        *(
            "published",
            "updated",
            "posted",
            "last",
            "modified",
            "first",
            "on",
            "at",
            "date",
            "dated",
            "created",
        ),
        *("issued", "released", "revised", "am", "pm", "a", "p", "m", "t", "of", "the"),
    )
)
# Year first ("2025-10-30", "2025/10/30") is always year, month, day.
_YEAR_FIRST = re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b")
_ZONE = re.compile(r"^[A-Z]{2,5}$")
_DEFAULTS = (dt.datetime(1901, 1, 1), dt.datetime(1902, 2, 2))


def date_of_line(line: str) -> str | None:
    """The ISO day a date line names, or None when the line is anything else (a sentence, a partial date)."""
    text = " ".join(line.split())
    if (
        not text
        or len(text) > _MAX_CHARS
        or len(text.split()) > _MAX_WORDS
        or not any(c.isdigit() for c in text)
    ):
        return None
    text = _DOTTED_TIME.sub(r"\1:\2", text)
    days = set()
    orders = (False,) if _YEAR_FIRST.search(text) else (False, True)
    for default in _DEFAULTS:
        for dayfirst in orders:
            parsed = _parse(text, default=default, dayfirst=dayfirst)
            if parsed is None:
                return None
            days.add(parsed)
    # One day whatever the defaults (so the line gave day, month and year) and whatever the order.
    return days.pop().isoformat() if len(days) == 1 else None


def _parse(text: str, *, default: dt.datetime, dayfirst: bool) -> dt.date | None:
    # Imported on first use: plain text is read by a module loaded at start, and dateutil costs ~30 ms.
    from dateutil import parser as date_parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown time-zone names are ignored anyway
            parsed, skipped = date_parser.parse(
                text, default=default, dayfirst=dayfirst, fuzzy_with_tokens=True, ignoretz=True
            )
    except (ValueError, OverflowError):
        return None
    for token in skipped:
        for word in re.findall(r"[^\W_]+", token):
            if word.casefold() not in _CUES and not _ZONE.match(word):
                return None
    return parsed.date() if isinstance(parsed, dt.datetime) else None
