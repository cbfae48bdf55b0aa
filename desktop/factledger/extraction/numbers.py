"""Numbers as written in news text: digits with separators, spelled-out words, and scale words."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
# Denominators that make "a/b" a fraction rather than a score, a date or a name ("24/7", "9/11").
_DENOMINATORS = frozenset([2, 3, 4, 5, 8, 10, 16, 32, 64, 100])
VULGAR_FRACTIONS: dict[str, float] = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅛": 0.125}
# "1/4", "2 1/2", "2½": a whole part, then a fraction of small parts.
FRACTION = r"(?:\d{1,3}\s)?\d{1,2}/\d{1,3}(?![\d/])|(?:\d{1,3}\s?)?[½⅓⅔¼¾⅛]"
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bil": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tril": 1e12,
    "t": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
    "dozen": 12,
}
# Single letters are scale words only when glued to the digits ("$11B") or after a currency; spelled
# scale words may stand apart ("$5 Bil", "ten billion").
_WORD_SCALE = r"(?:hundred|thousand|million|billion|trillion|mn|mln|bn|bil|tn|tril|crore|lakh)"
_LETTER_SCALE = r"(?:[kKmMbBtT])"

DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_WORD_ATOM = "|".join(sorted([*_UNITS, *_TENS, "hundred", "a", "an"], key=len, reverse=True))
SPELLED = rf"(?:(?:{_WORD_ATOM})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD_ATOM}))*)"
SCALE_AFTER_DIGITS = rf"(?:\s?(?i:{_WORD_SCALE})\b|{_LETTER_SCALE}(?![A-Za-z]))"
SCALE_AFTER_WORDS = rf"(?:\s{_WORD_SCALE}\b)"

_SPLIT = re.compile(r"[\s-]+")


def digits_value(raw: str) -> float:
    """Value of a digit string such as "16,707" or "37.4"; commas are thousands separators in English."""
    return float(raw.replace(",", ""))


def fraction_value(raw: str) -> float | None:
    """Value of "1/4", "2 1/2" or "2½"; None when "a/b" is not a proper fraction of the usual kind."""
    whole, _, part = raw.strip().rpartition(" ") if "/" in raw else ("", "", raw.strip())
    if part[-1] in VULGAR_FRACTIONS:
        return float(part[:-1].strip() or 0) + VULGAR_FRACTIONS[part[-1]]
    numerator, denominator = (int(x) for x in part.split("/"))
    if denominator not in _DENOMINATORS or not 0 < numerator < denominator:
        return None
    return float(whole or 0) + numerator / denominator


def scale_value(raw: str) -> float:
    """Multiplier of a scale word ("billion", "bn", "B", "Bil"); 1 when the word is not a scale."""
    return SCALES.get(raw.strip().lower().rstrip("."), 1.0)


def words_value(raw: str) -> float | None:
    """Value of spelled-out English number words ("twenty-five", "one hundred and five", "ten billion").

    Returns None when the words do not form a number (so "a" alone is not one). "and a half" after a
    number adds a half ("two and a half"); "half a million" is half of the scale.
    """
    lowered = raw.strip().lower()
    tail = re.search(r"[\s-]+and[\s-]+an?[\s-]+(half|quarter)$", lowered)
    if tail:
        head = words_value(lowered[: tail.start()])
        return None if head is None else head + _FRACTIONS[tail.group(1)]
    half = re.fullmatch(r"half[\s-]+an?[\s-]+(\w+)", lowered)
    if half:
        return SCALES[half.group(1)] / 2 if half.group(1) in SCALES and SCALES[half.group(1)] >= 12 else None
    words = [w for w in _SPLIT.split(lowered) if w and w != "and"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    for word in words:
        if word in ("a", "an"):
            current += 1
            continue
        if word in _UNITS:
            current += _UNITS[word]
            seen_number = True
        elif word in _TENS:
            current += _TENS[word]
            seen_number = True
        elif word in _FRACTIONS:
            current = (current or 1) * _FRACTIONS[word]
            seen_number = True
        elif word in ("hundred", "dozen"):
            current = (current or 1) * SCALES[word]
            seen_number = True
        elif word in SCALES and SCALES[word] >= 1000:
            total += (current or 1) * SCALES[word]
            current = 0
            seen_number = True
        else:
            return None
    if not seen_number:
        return None
    return total + current
