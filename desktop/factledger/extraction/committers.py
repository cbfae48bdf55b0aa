"""Who commits: the actor a commitment cue's subject names (a name, a pronoun, or "the government")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import actor_before, name_runs
from .verbs import word_lemmas

# Heads of unnamed actors that can still commit ("the company will", "her government will", "our two
# countries will"): organizations, governments and the people who lead them.
ACTOR_NOUNS = frozenset(
    [
        "government",
        "governments",
        "administration",
        "company",
        "companies",
        "automaker",
        "automakers",
        "carmaker",
        "carmakers",
        "firm",
        "firms",
        "ministry",
        "department",
        "agency",
        "country",
        "countries",
        "nation",
        "nations",
        "state",
        "states",
        "party",
        "group",
        "partners",
        "leaders",
        "president",
        "minister",
        "ministers",
        "bank",
        "fund",
        "funds",
        "manufacturer",
        "manufacturers",
        "producer",
        "producers",
        "parties",
        "council",
        "commission",
        "congress",
        "parliament",
        "city",
        "county",
        "sides",
        "allies",
        "alliance",
        "coalition",
        "union",
        "board",
        "authority",
        "authorities",
        "regulator",
        "operator",
        "utility",
        "university",
        "airline",
        "airlines",
        "investors",
        "commander",
        "secretary",
        "team",
        "economies",
        "members",
        "consortium",
        "venture",
    ]
)
# Heads that stand for their named owner ("NASA's Artemis II mission will", "Toyota's team will").
_OWNED_NOUNS = ACTOR_NOUNS | frozenset(
    ["mission", "program", "programme", "project", "initiative", "unit", "subsidiary", "division", "arm"]
)
_PRONOUNS = frozenset(["it", "they", "he", "she"])
_DETERMINER = re.compile(
    r"\b(?i:the|her|his|its|their|our|this|these|those|both|all|each|two|three|other)\s+"
    r"(?:[\w’'.&/-]+\s+){0,3}$"
)
_OWNER = re.compile(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s\s+(?:[\w’'.&/-]+\s+){0,3}$")
_JOIN = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?$")
# A noun phrase after a preposition is not the subject ("exports from Korea will", "between our governments").
_PREPOSITION = re.compile(
    r"\b(?i:of|from|with|between|among|for|to|in|on|at|by|about|against|into|than|like|without)\s+$"
)
# A sentence's own subject, after an opening phrase ("On North Korea, we ..."), for a clause that elides it.
_OPENING = re.compile(
    r"(?:(?:On|In|For|At|By|With|Under|After|Before|Since|Today|Also|Additionally|Separately|Meanwhile|"
    r"Finally|Moreover|Furthermore|Now|So|And|But)\b[^,]{0,80},\s*)?(?P<subject>[\w.&’'-]+)"
)


@dataclass(frozen=True, slots=True)
class Actor:
    """Where the committing actor's words start, and who it is ("I" is left for the caller to resolve)."""

    start: int
    name: str


def resolve_actor(
    body: str, start: int, end: int, *, first_person: bool, common_words: frozenset[str]
) -> Actor | None:
    """The actor named by the word `body[start:end]` just before a commitment cue; None when it is no actor.

    `first_person` allows "I" (a speaker's own pledge: "I agreed with ... to"); `common_words` are words the
    document writes in lower case, so a capitalized common noun opening a sentence ("Tariffs will") is not
    taken for a name.
    """
    word = body[start:end]
    lowered = word.lower()
    if lowered == "and":
        return _sentence_subject(body, start, common_words)
    if lowered == "we":
        return Actor(start, "we")
    if lowered == "i":
        return Actor(start, "I") if first_person else None
    if lowered in _PRONOUNS:
        named = actor_before(body, start)
        # Without a name earlier in the sentence the pronoun stays, for the caller to resolve from the
        # sentences before ("Germany and the Netherlands will buy ... They aim to double ...").
        if named is None and lowered == "it":
            return None  # "it will take months": only a person or group pronoun is resolved further back
        return Actor(start, named or lowered)
    named_actor = _named(body, end, common_words)
    if named_actor is not None:
        return None if _PREPOSITION.search(body, 0, named_actor.start) else named_actor
    if lowered in ACTOR_NOUNS:
        determiner = _DETERMINER.search(body, 0, start)
        if determiner is not None and not _PREPOSITION.search(body, 0, determiner.start()):
            owner = determiner.group(0).split()[0].lower()
            if owner in ("her", "his", "their"):
                person = actor_before(body, determiner.start())
                if person:
                    return Actor(determiner.start(), f"{word} of {person}")
            return Actor(determiner.start(), body[determiner.start() : end])
    if lowered in _OWNED_NOUNS:
        owner_match = _OWNER.search(body, 0, start)
        if owner_match is not None:
            runs = name_runs(owner_match.group(1))
            if runs:
                return Actor(owner_match.start(), runs[-1][2])
    return None


# What may stand before a sentence's first word: space, an opening quotation mark or bracket, a list bullet.
_OPENERS = " \t\n\u00a0“\"‘'([•*-"
# Endings of nouns that name people by what they do or are ("workers", "investors", "economists", "analysts",
# "Democrats", "Republicans", "officials").
_AGENT_ENDINGS = ("er", "or", "ist", "yst", "ian", "ican", "crat", "ant", "ent", "eer", "ee", "icial")


def can_act(word: str) -> bool:
    """Whether a capitalized word opening a sentence can name an actor that commits.

    A word the English lexicon does not know is a name ("Toyota", "Japan"); a singular noun may be one too
    ("China", "Congress"). A plural common noun is an actor only when it names people or organisations by
    what they are or do ("Companies", "Investors", "Democrats"), not things ("Rates", "Prices", "Sales"); a
    word that is no noun at all ("Immediate", "Similar") only modifies the subject that follows it.
    """
    lowered = word.lower()
    lemmas = word_lemmas(lowered)
    if not lemmas or lowered in ACTOR_NOUNS:
        return True
    nouns = lemmas.get("NOUN", ())
    if not nouns:
        return False
    if lowered in nouns:
        return True  # a singular noun: possibly a name that is also a word ("China", "Ford")
    lemma = nouns[0]
    if lemma in ACTOR_NOUNS:
        return True
    return lemma.endswith(_AGENT_ENDINGS)


def _sentence_subject(body: str, before: int, common_words: frozenset[str]) -> Actor | None:
    """For "we confirmed ... and agreed to": the subject the sentence opens with, shared by its clauses."""
    opening = _OPENING.match(body)
    if opening is None or opening.end("subject") >= before:
        return None
    word_end = opening.end("subject")
    if opening.group("subject").lower() in ("we", "they", "i"):
        return resolve_actor(
            body, opening.start("subject"), word_end, first_person=True, common_words=common_words
        )
    runs = [run for run in name_runs(body[:before]) if run[0] <= word_end + 1 and run[1] >= word_end]
    if not runs or runs[0][0] < opening.start("subject") - 4:
        return None
    return _named(body, runs[0][1], common_words)


def _named(body: str, end: int, common_words: frozenset[str]) -> Actor | None:
    """A run of capitalized words ending at `end`, joined with the runs listed before it ("A, B, and C")."""
    runs = name_runs(body[:end])
    if runs and runs[-1][1] != end:
        # "America’s ReElement Technologies": a possessive ends a run, so read the words after it alone.
        cut = max(body.rfind("’s ", 0, end), body.rfind("'s ", 0, end))
        if cut >= 0:
            runs = [(a + cut + 3, b + cut + 3, name) for a, b, name in name_runs(body[cut + 3 : end])]
    if not runs or runs[-1][1] != end:
        return None
    run_start = runs[-1][0]
    surface = runs[-1][2]
    opening = " " not in surface and not body[:run_start].strip(_OPENERS)
    if opening and (surface.lower() in common_words or not can_act(surface)):
        return None  # "Tariffs will rise": a common noun capitalized only because it opens the sentence
    index = len(runs) - 1
    while index > 0:
        join = _JOIN.search(body, 0, run_start)
        previous = runs[index - 1]
        if join is None or previous[1] != join.start():
            break
        run_start = previous[0]
        index -= 1
    name = body[run_start:end] if index < len(runs) - 1 else surface
    return Actor(run_start, re.sub(r"[’']s$", "", name))
