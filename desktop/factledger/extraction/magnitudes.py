"""Vague magnitudes: "billions of dollars", "tens of thousands of jobs", "dozens of bundlers", "seven-figure".

Each is valued at the least its words imply, as a fact-checker logs it: "thousands" is 1,000, "hundreds of
millions" 100 million, "dozens" 12, "scores" 20, "several million" one million, "seven-figure" one million.
"""

from __future__ import annotations

import re

from . import units
from .count_nouns import head_noun

_PLURAL_SCALES = {
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}
_MULTIPLES = {"tens": 10.0, "hundreds": 100.0}
_LOOSE = {"dozens": 12.0, "scores": 20.0}
_SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FIGURES = {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# "tens of billions of dollars", "hundreds of thousands of jobs", "millions of new customers", "dozens more".
_PLURAL = re.compile(
    r"(?=[tThHmMbBdDsS])(?<![\w-])(?i:(?P<multiple>tens|hundreds)\s+of\s+(?P<scale>thousands|millions|billions|trillions)|"
    r"(?P<alone>hundreds|thousands|millions|billions|trillions|dozens|scores))\b"
    r"(?P<tail>\s+of\b|\s+more\b)?"
)
# "several million dollars", "a few hundred workers": the least such words imply is one of the scale.
_SEVERAL = re.compile(
    r"(?=[sSaAmM])(?<![\w-])(?i:several|a\s+few|a\s+couple\s+of|many)\s+(?P<scale>hundred|thousand|million|billion|trillion)\b"
)
# "seven-figure commitments", "seven- and eight-figure donations": money of at least that many digits.
_FIGURE = re.compile(
    r"(?=[fFsSeEnNtT])(?<![\w-])(?i:(?P<digits>five|six|seven|eight|nine|ten)-(?:\s+(?:and|or|to)\s+\w+-)?figure)\b"
)
_CURRENCY_AFTER = re.compile(rf"\s+(?:of\s+)?(?P<cur>{units.CURRENCY_NAME_RE})")
_WHO = re.compile(r"\s+(?:who|whom)\b")
# Words a magnitude starts with; only their positions are tried, so a text without them costs one pass each.
_KEYWORDS = (
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "dozens",
    "scores",
    "several",
    "a few",
    "a couple",
    "many",
    "five-",
    "six-",
    "seven-",
    "eight-",
    "nine-",
    "ten-",
)


def _positions(lowered: str, word: str) -> list[int]:
    found = []
    at = lowered.find(word)
    while at >= 0:
        found.append(at)
        at = lowered.find(word, at + 1)
    return found


def find_magnitudes(text: str) -> list[tuple[int, int, float, str, str]]:
    """Every vague magnitude in `text` as (start, end, least value, unit, cue), in text order.

    Money when a currency is named ("billions of dollars"); otherwise a count of the noun phrase's head
    ("thousands of high-paying American manufacturing jobs" counts jobs). A magnitude that names neither
    is no figure ("by the thousands").
    """
    lowered = text.lower()
    starts = sorted({i for word in _KEYWORDS for i in _positions(lowered, word)})
    if not starts:
        return []
    found: list[tuple[int, int, float, str, str]] = []
    plural_matches = (m for m in (_PLURAL.match(text, i) for i in starts) if m is not None)
    several_matches = [m for m in (_SEVERAL.match(text, i) for i in starts) if m is not None]
    figure_matches = [m for m in (_FIGURE.match(text, i) for i in starts) if m is not None]
    for match in plural_matches:
        if match.group("multiple"):
            value = _MULTIPLES[match.group("multiple").lower()] * _PLURAL_SCALES[match.group("scale").lower()]
        else:
            word = match.group("alone").lower()
            value = _LOOSE.get(word) or _PLURAL_SCALES[word]
        tail = (match.group("tail") or "").strip().lower()
        end = match.end("scale") if match.group("multiple") else match.end("alone")
        named = _named_unit(text, end, after_of=tail == "of")
        if named is None and tail == "more" and _WHO.match(text, match.end()):
            named = ("people", match.end())  # "dozens more who work in finance"
        if named is None:
            continue
        unit, unit_end = named
        found.append(
            (match.start(), unit_end, value, unit, f"a vague magnitude (“{text[match.start() : end]}”)")
        )
    for match in several_matches:
        named = _named_unit(text, match.end(), after_of=False)
        if named is not None:
            value = _SCALE_WORDS[match.group("scale").lower()]
            found.append((match.start(), named[1], value, named[0], "a vague magnitude read as its least"))
    for match in figure_matches:
        digits = _FIGURES[match.group("digits").lower()]
        found.append((match.start(), match.end(), 10.0 ** (digits - 1), "USD", "a sum of that many figures"))
    found.sort()
    return found


def _named_unit(text: str, end: int, *, after_of: bool) -> tuple[str, int] | None:
    """The currency or counted noun a magnitude ending at `end` is of, with where its words end."""
    currency = _CURRENCY_AFTER.match(text, end)
    if currency is not None and (after_of or not currency.group(0).lstrip().lower().startswith("of")):
        return units.currency_code_for_name(currency.group("cur")), currency.end()
    if after_of:
        of_end = text.index("of", end) + 2
        return head_noun(text, of_end)
    return head_noun(text, end)
