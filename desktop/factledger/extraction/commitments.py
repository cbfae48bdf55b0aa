"""Commitments: a named actor pledging future action, with its verb, amount and deadline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_deadline
from .names import actor_before, name_runs

_MODAL = (
    r"(?:(?:has|have|had)\s+)?(?:also\s+|now\s+|already\s+|formally\s+|publicly\s+|both\s+|all\s+)?"
    r"(?P<modal>committed\s+to|commits\s+to|pledged\s+to|pledges\s+to|promised\s+to|promises\s+to|"
    r"vowed\s+to|vows\s+to|agreed\s+to|agrees\s+to|agree\s+to|expect\s+to|hopes\s+to|hope\s+to|"
    r"signed\s+(?:an\s+)?agreements?\s+to|plans\s+to|planned\s+to|intends\s+to|aims\s+to|"
    r"expects\s+to|is\s+set\s+to|are\s+set\s+to|is\s+going\s+to|are\s+going\s+to|will|shall|"
    r"announced\s+plans\s+to|is\s+committed\s+to|are\s+committed\s+to|has\s+undertaken\s+to|"
    r"pledged|committed|promised)"
)
_COMMIT = re.compile(
    rf"(?P<actor>\b[\w’'.&-]+)\s+{_MODAL}\s+(?:also\s+|now\s+|further\s+|soon\s+|jointly\s+)?"
    r"(?P<action>[a-z]+)\b"
)
_NOUN_FORM = re.compile(
    r"(?P<actor>\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s\s+(?P<modal>pledge|commitment|promise|plan)\s+"
    r"to\s+(?P<action>[a-z]+)\b"
)
# Heads of unnamed actors that can still commit ("the company will", "her government will").
_ACTOR_NOUNS = frozenset(
    [
        "government",
        "administration",
        "company",
        "automaker",
        "carmaker",
        "firm",
        "ministry",
        "department",
        "agency",
        "country",
        "nation",
        "nations",
        "state",
        "party",
        "we",
        "group",
        "companies",
        "governments",
        "countries",
        "partners",
        "leaders",
        "president",
        "minister",
        "bank",
        "fund",
        "manufacturer",
        "producer",
        "council",
        "commission",
        "congress",
        "parliament",
        "city",
        "county",
    ]
)
_PRONOUN_ACTORS = frozenset(["it", "they", "we", "he", "she"])
_NOT_ACTIONS = frozenset(
    [
        "be",
        "have",
        "likely",
        "also",
        "not",
        "need",
        "see",
        "probably",
        "continue",
        "remain",
        "become",
        "get",
        "make",
        "sure",
        "have",
    ]
) - {"make"}
_MONEY_VERBS = frozenset(
    [
        "invest",
        "commit",
        "spend",
        "pledge",
        "provide",
        "contribute",
        "fund",
        "purchase",
        "buy",
        "allocate",
        "disburse",
        "lend",
    ]
)
_CLAUSE_END = re.compile(r",(?!\d)|;|\s[–—-]\s|:|\(|\s+(?:as|while|but|although|though|because)\s")
_OBJECT_STARTS = frozenset(
    ["a", "an", "the", "its", "their", "another", "over", "more", "up", "nearly", "about", "some"]
)
_LEMMAS = {
    "committed": "commit",
    "pledged": "pledge",
    "promised": "promise",
    "commits": "commit",
    "pledges": "pledge",
    "promises": "promise",
}


@dataclass(frozen=True, slots=True)
class Commitment:
    """A pledge found in text: span from the actor to the end of its clause."""

    start: int
    end: int
    committer: str
    action: str
    deadline: str | None
    cue: str


def find_commitments(text: str, start: int, end: int) -> list[Commitment]:
    """Commitments inside one sentence `text[start:end]`, in text order."""
    body = text[start:end]
    found: list[Commitment] = []
    for match in [*_COMMIT.finditer(body), *_NOUN_FORM.finditer(body)]:
        actor = _actor(body, match)
        if actor is None:
            continue
        actor_start, committer = actor
        modal = re.sub(r"\s+", " ", match.group("modal"))
        action = match.group("action")
        if modal in ("pledged", "committed", "promised"):
            if action not in _OBJECT_STARTS and not re.match(r"[\d$€£¥]", action):
                continue
            action = _LEMMAS.get(modal, modal)
        elif action in _NOT_ACTIONS or (
            modal in ("expects to", "expect to", "hopes to", "hope to") and action not in _MONEY_VERBS
        ):
            continue
        clause_end = _CLAUSE_END.search(body, match.end("action"))
        stop = clause_end.start() if clause_end else len(body.rstrip(".!?"))
        stop = max(stop, match.end())
        clause = body[actor_start:stop]
        found.append(
            Commitment(
                start + actor_start,
                start + stop,
                committer,
                action,
                find_deadline(clause),
                f"a named actor ({committer}) with a commitment verb (“{modal}”)",
            )
        )
    found.sort(key=lambda c: c.start)
    kept: list[Commitment] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def _actor(body: str, match: re.Match[str]) -> tuple[int, str] | None:
    """Where the committing actor starts and who it is; None when the subject is not an actor."""
    word = match.group("actor")
    start = match.start("actor")
    lowered = word.lower()
    if lowered in _PRONOUN_ACTORS:
        if lowered == "we":
            return start, "we"
        named = actor_before(body, start)
        return (start, named) if named else None
    if lowered in _ACTOR_NOUNS:
        determiner = re.search(r"(?:\b(?:the|her|his|its|their|our|this|that|both)\s+)$", body[:start])
        if determiner is None:
            return None
        owner = determiner.group(0).strip().lower()
        if owner in ("her", "his", "their"):
            person = actor_before(body, determiner.start())
            if person:
                return determiner.start(), f"{word} of {person}"
        return determiner.start(), f"{owner} {word}"
    runs = [run for run in name_runs(body[: match.end("actor")]) if run[1] == match.end("actor")]
    if runs:
        return runs[-1][0], runs[-1][2]
    return None
