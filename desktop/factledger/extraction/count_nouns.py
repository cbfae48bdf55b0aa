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
_SINGULAR_OK = frozenset(
    ["aircraft", "people", "staff", "personnel", "livestock", "cattle", "children", "men", "women", "police"]
)
# The words of the noun phrase after a number, up to a word that cannot be in it (a preposition, a verb of
# being, a determiner, a conjunction other than one joining names) or a punctuation mark.
_PHRASE_WORD = re.compile(r"(?P<comma>,)?(?:\s+|-)(?P<word>[A-Za-z][\w’'&.]*(?:-[A-Za-z][\w’'&.]*)*)")
_PHRASE_STOP = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "to",
        "with",
        "into",
        "over",
        "under",
        "than",
        "as",
        "about",
        "after",
        "before",
        "since",
        "during",
        "per",
        "across",
        "through",
        "against",
        "between",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "this",
        "these",
        "those",
        "the",
        "a",
        "an",
        "its",
        "their",
        "our",
        "his",
        "her",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "do",
        "does",
        "did",
        "not",
        "or",
        "but",
        "so",
        "if",
        "when",
        "where",
        "while",
        "because",
        "each",
        "more",
        "less",
        "fewer",
        "ago",
        "later",
        "earlier",
        "apiece",
        "alone",
        "already",
        "always",
        "perhaps",
        "sometimes",
        "besides",
        "towards",
        "afterwards",
        "whereas",
        "thus",
        "yes",
        "us",
        "it",
        "they",
        "we",
        "he",
        "she",
        "you",
        "i",
    ]
)
# Plural-looking words that are no counted things: a short stop-list of non-countables and pronoun-likes.
_NOT_THINGS = frozenset(
    ["others", "ones", "ways", "things", "thanks", "series", "news", "means", "odds", "lots", "questions"]
)


def counted_noun(text: str, end: int) -> tuple[str, int] | None:
    """The counted noun written after a number ending at `end`, as (unit, end of the noun).

    Only plural nouns count ("16 plants", not "16 percent" or "16 Street"); durations and ranks are not
    counts, so "30 years" gives None.
    """
    match = _AFTER.match(text, end)
    if match is None:
        return head_noun(text, end)
    noun = match.group("noun")
    lowered = noun.lower()
    if lowered in NOT_COUNTED or lowered in MEASURES:
        return None
    if not (lowered.endswith("s") or lowered in _SINGULAR_OK):
        return head_noun(text, end)
    if lowered.endswith(("ss", "ous", "us", "is")) or (noun[0].isupper() and not lowered.endswith("s")):
        return head_noun(text, end) if lowered not in NOT_COUNTED else None
    return count_unit(noun, after_brand=bool(match.group("brands").strip())), match.end("noun")


def head_noun(text: str, end: int) -> tuple[str, int] | None:
    """The head of the noun phrase after a number: its last plural word before the phrase ends.

    Adjectives, names and compounds between the number and the noun are skipped ("39 missing children",
    "five British MPs", "2,000 high-quality jobs", "six Senate races"); durations, measures and a short
    stop-list of non-countables give None.
    """
    if text[end : end + 1] == "-":
        return None  # "a four-way race", "a 10-year plan": the number qualifies the noun, it counts nothing
    position = end
    head: tuple[str, int] | None = None
    for _ in range(5):
        match = _PHRASE_WORD.match(text, position)
        if match is None:
            break
        if match.group("comma") and (head is not None or position == end):
            break  # "2,000 jobs, ...": a comma after the head ends the phrase; before it, it joins adjectives
        word = match.group("word").rstrip(".")
        lowered = word.lower()
        if lowered in _PHRASE_STOP:
            break
        if lowered in NOT_COUNTED or lowered in MEASURES:
            return None
        if _plural(word):
            head = (word, match.start("word") + len(word))
        elif head is not None:
            break  # "2,000 jobs created": the phrase ended at its plural head
        position = match.end()
    if head is None or head[0].lower() in _NOT_THINGS:
        return None
    return count_unit(head[0]), head[1]


def _plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in _SINGULAR_OK:
        return True
    ending = lowered.endswith("s") and not lowered.endswith(("ss", "ous", "us", "is", "’s", "'s"))
    return ending and len(word) >= 3


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
