"""Who or what a figure is about: the named actor before it, read as a noun phrase, not a headline's run."""

from __future__ import annotations

import re
from functools import lru_cache

from .count_nouns import head_noun
from .names import actor_before, first_actor, name_runs
from .verbs import is_base_verb, only_verb, participle_lemma

_CLAUSE_START = re.compile(r"[,;:(—–]|\s-\s")
# "Japanese brands captured 37.4%": a capitalized modifier and a plural noun opening the clause.
_MODIFIED_PLURAL = re.compile(r"(?P<np>\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s+[a-z][a-z-]+s)\b")
_WORD = re.compile(r"[A-Za-z][\w’'.&-]*")


def figure_subject(body: str, local: int, common_words: frozenset[str]) -> str | None:
    """The subject of the figure starting at `local` in the sentence `body`.

    The last named actor before the figure, else the clause's capitalized noun phrase ("Japanese brands"),
    else the sentence's first actor; a name followed by its plural noun keeps it ("Kei cars"). In a
    headline written in title case ("GM Expects $5 Bil Tariff Hit") the name stops at its first verb.
    """
    title_case = _title_case(body)
    runs = [run for run in _runs(body[:local]) if run[1] <= local]
    if runs:
        _, end, name = runs[-1]
    else:
        clause_start = 0
        for boundary in _CLAUSE_START.finditer(body, 0, local):
            clause_start = boundary.end()
        phrase = _MODIFIED_PLURAL.search(body, clause_start, local)
        if phrase is not None and not title_case:
            return phrase.group("np")
        after = [run for run in _runs(body) if run[0] >= local]
        if not after:
            named = actor_before(body, local) or first_actor(body)
            return named
        _, end, name = after[0]
        if (
            after[0][0] > local
            and _CLAUSE_START.search(body, local, after[0][0])
            and first_actor(body) != name
        ):
            return None  # a name in a later clause ("..., the U.S. market") is not what the figure measures
    if title_case:
        return _headline_name(name, common_words)
    noun = head_noun(body, end)
    if noun is not None and noun[1] - end < 12 and not _verb_form(body[end : noun[1]].strip()):
        return f"{name} {body[end : noun[1]].strip()}"
    return name


@lru_cache(maxsize=256)
def _runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """Name runs of a sentence (or its start), kept for the other figures of the same sentence."""
    return tuple(name_runs(text))


def _verb_form(word: str) -> bool:
    """ "expects", "pushes": a verb's third person, which only looks like a plural noun."""
    lowered = word.lower()
    return only_verb(lowered[:-1]) or (lowered.endswith("es") and only_verb(lowered[:-2]))


@lru_cache(maxsize=256)
def _title_case(body: str) -> bool:
    words = _WORD.findall(body)
    return (
        len(words) >= 3
        and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
        and not body.rstrip().endswith(".")
    )


def _headline_name(name: str, common_words: frozenset[str]) -> str | None:
    """ "GM Expects" -> "GM"; "Auto Tariff Bill Hit" -> None: a headline's run stops at its first verb, and
    what remains is a name only when the document does not write it in lower case elsewhere."""
    words = name.split()
    kept = [words[0]]
    for word in words[1:]:
        lowered = word.lower()
        if (
            is_base_verb(lowered)
            or participle_lemma(lowered)
            or (lowered.endswith("s") and is_base_verb(lowered[:-1]))
        ):
            break
        kept.append(word)
    if all(word.lower() in common_words or word.lower() + "s" in common_words for word in kept):
        return None  # "Auto Tariff": common words capitalized by the headline, no name
    return " ".join(kept)
