"""Fact-sheet values as spreadsheet-safe text: numbers without exponents, inert formulas, evidence."""

from __future__ import annotations

import math
from decimal import Decimal

from factledger.domain.factsheet import EvidenceRef

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP)."""


def neutralize(text: str) -> str:
    """Make a text cell inert in spreadsheets by prefixing an apostrophe when it could start a formula.

    OWASP's advice: the apostrophe is shown as part of the text, so nothing executes and nothing is
    silently dropped. Only text goes through here; real numbers stay numbers (see `format_number`).
    """
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def format_number(value: float | None) -> str:
    """Write a real number positionally (10000000000, 0.0000001, -3.5): never `1e10`, which some readers
    take for text, and with the shortest digits that read back as the same float.

    Integral values lose their `.0`; NaN and infinities have no portable spelling in CSV, JSON-LD or
    spreadsheets and mean "no usable number", so they become an empty cell.
    """
    if value is None or not math.isfinite(value):
        return ""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    text = repr(float(value))
    if "e" in text:
        text = format(Decimal(text), "f")
    return text


def finite(value: float | None) -> float | None:
    """The number if it is a real, finite one; None for missing, NaN and infinities (see `format_number`)."""
    return value if value is not None and math.isfinite(value) else None


def evidence_target(ref: EvidenceRef) -> str:
    """Where a piece of evidence points: "Title <url>", the bare URL, or the source id as a last resort."""
    link = ref.url or ref.source_url
    title = ref.source_title
    if title and link:
        return f"{title} <{link}>"
    return title or link or (f"source {ref.source_id}" if ref.source_id else "unnamed")


def evidence_text(evidence: tuple[EvidenceRef, ...]) -> str:
    """All evidence of a fact as one readable cell: `supports: Title <url> — “quote” (note); contradicts: …`.

    Meant for people reading a spreadsheet; programs get the structured form from the JSON export.
    """
    parts = []
    for ref in evidence:
        part = f"{ref.stance.value}: {evidence_target(ref)}"
        if ref.quote:
            part += f" — “{ref.quote}”"
        if ref.note:
            part += f" ({ref.note})"
        parts.append(part)
    return "; ".join(parts)
