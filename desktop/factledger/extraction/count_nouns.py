"""The noun a bare count refers to: the word after the number, or the thing counted just before it."""

from __future__ import annotations

import re

from .units import COUNTABLE, MEASURES, NOT_COUNTED, count_unit

# "40,000 of the vehicles", "210,000 units", "1,000 Cadillac and Chevrolet models", "5,000 new jobs".
_MODIFIER = (
    r"(?:new|more|additional|full-time|part-time|direct|American-made|foreign|domestic|used|"
    r"electric|skilled|union|permanent|high-paying|[a-z][a-z-]*(?:ed|al|ic|ive|ful|ous|ble|ing))"
)
# Modifiers may stand before brand names too: "103 new Boeing aircraft".
_AFTER = re.compile(
    r"(?:\s+of\s+(?:the|those|these|its|their|all|our|his|her)\s+|\s+|-)"
    rf"(?:{_MODIFIER}\s+(?=[A-Z]))?"
    r"(?P<brands>(?:[A-Z][\w’'&.-]*\s+(?:and\s+|&\s+|or\s+)?){0,3})"
    rf"(?P<mods>(?:{_MODIFIER}\s+){{0,2}})"
    r"(?P<noun>[a-z][a-z-]+|[A-Z][a-z]+s)\b"
)
_IN_BRACKETS = re.compile(r"\s*\)")
_BE_VERB = re.compile(r"\s+(?:were|was|are|is|have\s+been|had\s+been|will\s+be)\b")
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b")
_BACK_WINDOW = 400
_PLURAL_WORD = re.compile(r"\b([a-z][a-z-]+s)\b")
_SINGULAR_OK = frozenset(["aircraft", "people", "staff", "personnel", "livestock", "cattle"])


def counted_noun(text: str, end: int) -> tuple[str, int] | None:
    """The counted noun written after a number ending at `end`, as (unit, end of the noun).

    Only plural nouns count ("16 plants", not "16 percent" or "16 Street"); durations and ranks are not
    counts, so "30 years" gives None.
    """
    match = _AFTER.match(text, end)
    if match is None:
        return None
    noun = match.group("noun")
    lowered = noun.lower()
    if (
        lowered in NOT_COUNTED
        or lowered in MEASURES
        or not (lowered.endswith("s") or lowered in _SINGULAR_OK)
    ):
        return None
    if lowered.endswith(("ss", "ous", "us", "is")) or (noun[0].isupper() and not lowered.endswith("s")):
        return None
    return count_unit(noun, after_brand=bool(match.group("brands").strip())), match.end("noun")


def noun_in_brackets(text: str, end: int, start: int) -> str | None:
    """For "50% of these vehicles were imports (8 million)": a bracketed restatement counts the thing named
    just before it."""
    if start == 0 or text[start - 1] != "(" or _IN_BRACKETS.match(text, end) is None:
        return None
    return _last_countable(text, start)


def _last_countable(text: str, start: int) -> str | None:
    window = text[max(0, start - _BACK_WINDOW) : start]
    for match in reversed(list(_PLURAL_WORD.finditer(window))):
        word = match.group(1).lower()
        if word in COUNTABLE:
            return count_unit(word)
    return None


def noun_from_context(text: str, end: int, start: int) -> str | None:
    """For "Only 16,707 were exported": the countable noun mentioned most recently before the number.

    Used only when the number is the subject of a verb ("were", "was"), the way news writing restates
    a count without repeating its noun.
    """
    if _BE_VERB.match(text, end) is None and _OF_THEM.match(text, end) is None:
        return None
    following = _AFTER.match(re.sub(r"^\s+(?:were|was|are|is)", "", text[end : end + 60]), 0)
    if following:
        noun = following.group("noun")
        if noun[0].isupper() and noun.endswith("s"):
            return count_unit(noun, after_brand=True) if noun.lower() not in NOT_COUNTED else None
    return _last_countable(text, start)
