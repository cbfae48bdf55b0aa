"""Named actors in a sentence: runs of capitalized words, and the actor a figure or clause is about."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import SENTENCE_STARTERS

# Capitalized words that start sentences or name times, not actors.
_NOT_NAMES = SENTENCE_STARTERS | frozenset(
    [
        "according",
        "another",
        "april",
        "are",
        "august",
        "autumn",
        "both",
        "can",
        "ceo",
        "chairman",
        "chief",
        "combined",
        "could",
        "december",
        "did",
        "do",
        "does",
        "dr",
        "each",
        "even",
        "every",
        "fall",
        "february",
        "first",
        "friday",
        "governor",
        "had",
        "has",
        "have",
        "is",
        "january",
        "july",
        "june",
        "just",
        "last",
        "march",
        "may",
        "might",
        "minister",
        "monday",
        "mr",
        "mrs",
        "ms",
        "new",
        "next",
        "no",
        "not",
        "november",
        "now",
        "october",
        "of",
        "official",
        "officials",
        "other",
        "pres",
        "president",
        "prime",
        "saturday",
        "secretary",
        "senator",
        "september",
        "should",
        "spring",
        "such",
        "summer",
        "sunday",
        "then",
        "thursday",
        "to",
        "today",
        "tuesday",
        "was",
        "wednesday",
        "were",
        "will",
        "winter",
        "would",
        "yes",
    ]
)
DEMONYMS = frozenset(
    [
        "Japanese",
        "American",
        "Asian",
        "European",
        "Chinese",
        "Korean",
        "British",
        "French",
        "German",
        "Indian",
        "Canadian",
        "Mexican",
        "Vietnamese",
        "Taiwanese",
        "Australian",
        "Russian",
        "Italian",
        "Spanish",
        "Brazilian",
        "African",
        "Western",
        "Eastern",
    ]
)
_TITLE_WORDS = frozenset(
    [
        "pres.",
        "president",
        "prime",
        "minister",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "secretary",
        "sen.",
        "senator",
        "gov.",
        "governor",
        "rep.",
        "representative",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "gen.",
        "ambassador",
        "commissioner",
        "director",
        "chancellor",
        "king",
        "queen",
        "premier",
        "mayor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ]
)
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w’'.&-]*|U\.S\.)(?:\s+(?:of|and|&|de|van|von|der|for)\s+[A-Z][\w’'.&-]*|\s+[A-Z][\w’'.&-]*)*"
)
# "Separately", "Initially" open sentences; "Lily", "Kelly", "Emily" are first names.
_ADVERB_OPENER = re.compile(r"^[A-Z][a-z]{4,}ly$")
_POSSESSIVE = re.compile(r"[’']s$")


def name_runs(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalized words that can name an actor, without leading function words.

    "For its part, Toyota indicated" gives "Toyota"; "Pres. Donald Trump" stays whole.
    """
    return list(_iter_name_runs(text))


def _iter_name_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """The runs of `name_runs` one at a time, so a caller wanting only the first stops reading there."""
    for match in _NAME_RUN.finditer(text):
        start, end = match.start(), match.end()
        words = match.group(0).split()
        for index, word in enumerate(words):
            if _POSSESSIVE.search(word):
                words = words[: index + 1]
                end = start + len(" ".join(words))
                break
        while (
            words
            and (words[0].lower().rstrip(".,") in _NOT_NAMES or _ADVERB_OPENER.match(words[0]))
            and words[0].lower() not in _TITLE_WORDS
        ):
            start = text.index(words[0], start) + len(words[0])
            words.pop(0)
            while start < end and text[start].isspace():
                start += 1
        while words and (words[-1].lower() in ("of", "and", "&", "for") or words[-1].lower() in _NOT_NAMES):
            words.pop()
            end = start + len(" ".join(words)) if words else start
        if not words:
            continue
        surface = text[start:end].rstrip(",")
        if surface.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", surface):
            surface = surface[:-1]
        if surface in DEMONYMS:
            continue
        if surface.lower() in _TITLE_WORDS:
            continue
        surface = _POSSESSIVE.sub("", surface)
        yield start, start + len(surface), surface


def actor_before(text: str, position: int) -> str | None:
    """The last named actor mentioned before `position` in `text` (a clause or sentence)."""
    runs = [run for run in name_runs(text[:position]) if run[1] <= position]
    return runs[-1][2] if runs else None


def first_actor(text: str) -> str | None:
    """The first named actor of a clause, usually its grammatical subject."""
    first = next(_iter_name_runs(text), None)
    return first[2] if first else None


def is_named(phrase: str) -> bool:
    """Whether a noun phrase contains a proper name rather than only common nouns."""
    return next(_iter_name_runs(phrase), None) is not None


def person_name(phrase: str) -> bool:
    """Whether a phrase looks like a person's name: two or more capitalized words, or a title and a name."""
    runs = name_runs(phrase)
    if not runs:
        return False
    words = runs[-1][2].split()
    return len(words) >= 2 and not any(
        w.lower() in ("department", "ministry", "house", "office") for w in words
    )
