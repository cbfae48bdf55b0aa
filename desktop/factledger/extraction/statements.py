"""A fact's statement: the claim itself, readable on its own, rather than the whole sentence around it.

For a figure, the clause that says what it measures; for a pledge, its committer and the pledged act; for an
attributed claim, the quoted or reported words it was found as.
"""

from __future__ import annotations

import re

from factledger.domain import ClaimKind

from .sentences import split_sentences

_WINDOW = 600
# Clause boundaries inside a sentence: a comma not between digits, a semicolon, a colon, a spaced dash.
_CLAUSE_BREAK = re.compile(r",(?!\d)|;|:(?!\d)|\s[–—-]\s|[()]")
_PRONOUN_SUBJECT = re.compile(r"^(?:it|he|she|they|we|i)\b\s*", re.IGNORECASE)
_OWNED_SUBJECT = re.compile(r"^(?:her|his|their|its|our)\s+(\w+)\s+", re.IGNORECASE)
_MIN_WORDS = 5


def statement_for(text: str, kind: ClaimKind, start: int, end: int, committer: str | None = None) -> str:
    """The statement of the fact at `text[start:end]`, on one line."""
    quote = " ".join(text[start:end].split())
    if kind is ClaimKind.COMMITMENT:
        return _pledge(quote, committer)
    if kind is ClaimKind.STATISTIC:
        return _figure_clause(text, start, end) or quote
    return quote


def _pledge(clause: str, committer: str | None) -> str:
    """ "it will move ahead with investments" by Toyota reads "Toyota will move ahead with investments"."""
    if not committer:
        return clause
    if _PRONOUN_SUBJECT.match(clause):
        return f"{committer} {_PRONOUN_SUBJECT.sub('', clause, count=1)}"
    owned = _OWNED_SUBJECT.match(clause)
    if owned is not None and committer.lower().startswith(owned.group(1).lower()):
        return f"{committer} {clause[owned.end() :]}"  # "her government will" -> "government of X will"
    if committer.lower() in clause.lower():
        return clause
    return f"{committer}: {clause}"


def _figure_clause(text: str, start: int, end: int) -> str | None:
    """The clause of the figure's sentence that holds it, joined to its neighbour when too short to read."""
    window_start = max(0, start - _WINDOW)
    window_end = min(len(text), end + _WINDOW)
    window = text[window_start:window_end]
    local_start, local_end = start - window_start, end - window_start
    sentence = next(
        (s for s in split_sentences(window) if s.start <= local_start and local_end <= s.end), None
    )
    if sentence is None:
        return None
    body = window[sentence.start : sentence.end]
    offset = sentence.start
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(body)] + [len(body) + 1]
    clauses = [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]
    index = next(
        (i for i, (a, b) in enumerate(clauses) if a <= local_start - offset < b + 1), len(clauses) - 1
    )
    a, b = clauses[index]
    b = max(b, local_end - offset)
    while len(body[a:b].split()) < _MIN_WORDS and (index > 0 or b < len(body)):
        if index > 0:
            index -= 1
            a = clauses[index][0]
        else:
            b = len(body)
    clause = " ".join(body[a:b].split()).strip(" ,;:–—-()")
    if clause.endswith(".") and "." not in clause.rsplit(" ", 1)[-1][:-1]:
        clause = clause[:-1]  # the sentence's full stop, not an abbreviation's ("the U.S.")
    return clause or None
