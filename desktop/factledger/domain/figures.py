"""Figures written the way people write them: "$10 billion", "16,707 vehicles", "37.4%", "at least €2 million".

Stored values are plain floats (10000000000.0); every place that shows one to a person (the window, the
CLI, dialogs) goes through here so none of them prints "1e+10" or "10000000000.0".
"""

from __future__ import annotations

import re

SCALES: tuple[tuple[float, str], ...] = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_PERCENT_UNITS = {"%", "percent", "per cent", "pct"}
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
_WORDED = re.compile(r"^\s*([-+]?[\d,._]*\.?\d+)\s*([a-z]+)\s*$", re.IGNORECASE)


def plain_number(value: float | None) -> str:
    """A number in full with thousands separators and no exponent: 4,000,000,000 · 37.4 · 0.25."""
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0", "0") else f"{value:.6g}"


def scaled_number(value: float) -> str:
    """A large number with its scale in words (10 billion, 1.05 trillion); smaller ones in full."""
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{plain_number(round(value / size, 3))} {word}"
    return plain_number(round(value, 6))


def format_figure(value: float | None, unit: str | None = None, qualifier: str | None = None) -> str:
    """Value, unit and qualifier as one phrase: "$10 billion", "16,707 vehicles", "37.4%", "more than 500 jobs"."""
    if value is None:
        return " ".join(p for p in (qualifier or "", unit or "") if p)
    number = scaled_number(value)
    code = (unit or "").strip()
    if code.upper() in CURRENCY_SYMBOLS:
        sign = "-" if number.startswith("-") else ""
        text = f"{sign}{CURRENCY_SYMBOLS[code.upper()]}{number.lstrip('-')}"
    elif code.lower() in _PERCENT_UNITS:
        text = f"{number}%"
    elif len(code) == 3 and code.isupper():  # another ISO currency code: CAD 5 billion
        text = f"{code} {number}"
    else:
        text = f"{number} {code}".strip()
    return f"{qualifier} {text}" if qualifier else text


def parse_number(text: str) -> float | None:
    """Digits as a person types them: "10000000000", "10,000,000,000", "10 billion", "37.4"; None if not."""
    cleaned = text.strip()
    try:
        return float(cleaned.replace(",", "").replace("_", ""))
    except ValueError:
        pass
    match = _WORDED.match(cleaned)
    if match is None or match.group(2).lower() not in _SCALE_WORDS:
        return None
    try:
        number = float(match.group(1).replace(",", "").replace("_", ""))
    except ValueError:
        return None
    return number * _SCALE_WORDS[match.group(2).lower()]
