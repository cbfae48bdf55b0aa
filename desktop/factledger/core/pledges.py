"""Pledges: the commitments a tracker counts, each restatement of one pledge grouped with it and counted once.

A pledge is reported many times: "committed to invest another $10 billion", "expects to commit at least $10
billion", "at or over $10 billion" are one Toyota pledge, and a White House "$550 billion" and a negotiator's
"$500 billion" are one Japanese pledge on which the sources disagree. Statements of one committer (the
committer, else the speaker) in one unit are grouped when

1. a person linked them as `restates` or `contradicts` (a contradicting statement is about the same pledge);
2. they state the same amount, within the consistency checks' tolerance (`checking.same_value`): a restatement;
3. they come from different sources (at most `MAX_REPORTS` of them), are about the same subject, have
   compatible deadlines (in one year, or one not given), each of those sources states only that one amount
   there, and the amounts are within `CONFLICT_RATIO` of each other: one pledge reported with different
   figures. A source naming several amounts for one subject is naming several pledges, and amounts far apart
   ($912 million, $10 billion) are different pledges even when the subject is as broad as the company's name.

Statements without an amount are grouped only by links (rule 1): nothing else says two of them are one pledge.
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Final, NamedTuple, cast

from factledger.checking.consistency import TOLERANCE, same_value
from factledger.domain import Fulfilment
from factledger.domain.chart_rows import CommitmentStatement, StatementRow

CONFLICT_RATIO = 0.75
"""Rule 3 groups two amounts only when the smaller is at least this share of the larger ($500 bn of $550 bn)."""
MAX_REPORTS = 12
"""Rule 3 applies to a committer's subject named by at most this many sources, each with its own figure: a
pledge is reported by a handful of outlets, while dozens of sources each giving one committer a different
amount on one subject are a stream of pledges (monthly contracts, say), not one pledge reported differently."""


Statement = CommitmentStatement
"""One logged commitment, as the tracker reads it (its fields are the positions of a `StatementRow`, the
plain row storage answers: the grouping reads fields by position, so a ledger's rows are grouped without
making a `Statement` of each)."""

# Field positions (Final, so the type checker knows each field's type)
_ID: Final = 0
_SOURCE: Final = 1
_COMMITTER: Final = 2
_UNIT: Final = 3
_SUBJECT: Final = 4
_AMOUNT: Final = 5
_FULFILMENT: Final = 6
_DELIVERED: Final = 7
_DUE: Final = 8
_OVERDUE: Final = 9
_FULFILLED = Fulfilment.FULFILLED.value
_PARTLY = Fulfilment.PARTIALLY_FULFILLED.value


class Pledge(NamedTuple):
    """One pledge and every statement of it; `amounts` has more than one value when sources disagree."""

    committer: str | None
    unit: str | None
    subject: str | None
    claim_ids: tuple[str, ...]  # first logged first
    amounts: tuple[float, ...]  # distinct amounts stated, ascending; empty when none was given
    sources: int
    delivered: float  # the largest delivered amount any statement records (or its amount once fulfilled)
    partly: float  # partly fulfilled with no delivered amount recorded: its amount, delivery unknown
    fulfilled: bool
    overdue: bool  # not fulfilled, and every deadline given has passed

    @property
    def low(self) -> float:
        return self.amounts[0] if self.amounts else 0.0

    @property
    def high(self) -> float:
        return self.amounts[-1] if self.amounts else 0.0

    @property
    def conflicted(self) -> bool:
        return len(self.amounts) > 1

    @property
    def statements(self) -> int:
        return len(self.claim_ids)


@functools.lru_cache(maxsize=65_536)
def _fold(text: str | None) -> str:
    # Cached: a ledger names few committers, units and subjects, each on many statements.
    return (text or "").strip().casefold()


def group_pledges(statements: Sequence[StatementRow], links: Iterable[tuple[str, str]] = ()) -> list[Pledge]:
    """Statements grouped into pledges (rules in the module docstring); each pledge's statements first logged
    first.

    Built for 100,000s of statements: fields are read by position, each distinct committer, unit and subject
    is folded once, statements are grouped by their raw committer and unit before folding, and the groups
    are a flat parent list (rule 2 attaches statements straight to their group's first amount).
    """
    count = len(statements)
    parent = list(range(count))
    amounts: list[float | None] = list(map(itemgetter(_AMOUNT), statements))
    # Only statements giving an amount take part in rules 2 and 3.
    committers = [
        [n for n in members if amounts[n] is not None] for members in _committer_groups(statements).values()
    ]
    for amounted in committers:
        _group_same_amounts(amounts, amounted, parent)
    links = list(links)
    if links:
        position = {s[_ID]: n for n, s in enumerate(statements)}
        for a, b in links:
            first, second = position.get(a), position.get(b)
            if (
                first is not None
                and second is not None
                and _key(statements[first]) == _key(statements[second])
            ):
                _union(parent, first, second)
    subjects: dict[str | None, str] = {}
    for amounted in committers:
        _group_disagreeing_sources(statements, amounts, amounted, parent, subjects)
    return _pledges(statements, parent)


def _pledges(statements: Sequence[StatementRow], parent: list[int]) -> list[Pledge]:
    """One pledge per group, in the order of each group's first statement."""
    for n, root in enumerate(parent):
        if parent[root] != root:
            parent[n] = _find(parent, root)
    # Statements ordered by group (a stable sort in C keeps each group's statements in order), then the
    # groups by their first statement.
    order = sorted(range(len(parent)), key=parent.__getitem__)
    clusters = [list(members) for _root, members in groupby(order, key=parent.__getitem__)]
    clusters.sort(key=itemgetter(0))
    return [
        _single(statements[members[0]]) if len(members) == 1 else _pledge(statements, members)
        for members in clusters
    ]


def _key(statement: StatementRow) -> tuple[str, str]:
    return _fold(statement[_COMMITTER]), _fold(statement[_UNIT])


def _committer_groups(statements: Sequence[StatementRow]) -> dict[tuple[str, str], list[int]]:
    """Statement indexes (ascending) per folded committer and unit."""
    raw: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
    for n, key in enumerate(map(itemgetter(_COMMITTER, _UNIT), statements)):
        raw[key].append(n)
    folded: dict[tuple[str, str], list[int]] = {}
    for (committer, unit), members in raw.items():
        key = _fold(committer), _fold(unit)
        if key in folded:  # spelled two ways ("Toyota", "toyota "): one committer, statements in order
            folded[key] = sorted(folded[key] + members)
        else:
            folded[key] = members
    return folded


def _find(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _union(parent: list[int], a: int, b: int) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def _group_same_amounts(amounts: list[float | None], amounted: list[int], parent: list[int]) -> None:
    """Rule 2: one committer and unit, the same amount (sorted, each cluster compared with its first)."""
    # A stable sort on the amounts alone (floats compare fast) keeps equal amounts in statement order, as a
    # sort of (amount, index) pairs would.
    ordered = sorted(amounted, key=amounts.__getitem__)  # type: ignore[arg-type]
    values = cast(list[float], list(map(amounts.__getitem__, ordered)))
    anchor, root = math.nan, -1
    for amount, n in zip(values, ordered, strict=True):
        # `same_value`, inlined: this loop runs once per statement; every statement is still its own group
        if amount == anchor or abs(amount - anchor) <= TOLERANCE * max(abs(amount), abs(anchor)):
            parent[n] = root
        else:
            anchor, root = amount, n


def _group_disagreeing_sources(
    statements: Sequence[StatementRow],
    amounts: list[float | None],
    amounted: list[int],
    parent: list[int],
    subjects: dict[str | None, str],
) -> None:
    """Rule 3: different sources, one subject, one amount per source, amounts close, deadlines compatible.

    Only subjects named by 2 to `MAX_REPORTS` sources are clustered. Their sources' amounts are sorted and
    clustered from the lowest: each joins the cluster of the lowest amount within `CONFLICT_RATIO` of it
    (n log n, however many sources report a subject).
    """
    # Which subjects 2 to `MAX_REPORTS` sources name, counted on the distinct (subject, source) pairs in C;
    # usually none or a few, and only their statements are gathered one by one.
    pairs = set(map(itemgetter(_SUBJECT, _SOURCE), map(statements.__getitem__, amounted)))
    reports = Counter(map(itemgetter(0), pairs))
    for raw in reports:
        if raw not in subjects:
            subjects[raw] = _fold(raw)
    if all(subjects[raw] == raw or not subjects[raw] for raw in reports):  # each subject spelled one way
        wanted = {raw for raw, n in reports.items() if subjects[raw] and 2 <= n <= MAX_REPORTS}
    else:
        folded = Counter(subject for subject, _source in {(subjects[raw], source) for raw, source in pairs})
        wanted = {subject for subject, n in folded.items() if subject and 2 <= n <= MAX_REPORTS}
    if not wanted:
        return
    by_subject: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for n in amounted:
        statement = statements[n]
        subject = subjects[statement[_SUBJECT]]
        if subject in wanted:
            by_subject[subject][statement[_SOURCE]].append(n)
    for per_source in by_subject.values():
        single: list[tuple[float, int]] = []  # one representative per source that states a single amount here
        for found in per_source.values():
            first = amounts[found[0]]
            assert first is not None
            if all(same_value(first, amounts[n] or 0.0) for n in found):
                single.append((abs(first), found[0]))
        single.sort()
        anchors: list[tuple[float, int]] = []  # lowest amount of each open cluster, by deadline year
        for amount, n in single:
            due = statements[n][_DUE]
            anchor = next((a for a in anchors if _close(a[0], statements[a[1]][_DUE], amount, due)), None)
            if anchor is None:
                anchors.append((amount, n))
            else:
                _union(parent, anchor[1], n)
            # Clusters whose lowest amount is now too far below the amounts to come are closed.
            anchors = [a for a in anchors if a[0] >= CONFLICT_RATIO * amount]


def _close(low: float, low_due: str | None, high: float, high_due: str | None) -> bool:
    """Two sources' amounts (absolute, `low` <= `high`) close enough to be one pledge reported differently."""
    if high == 0 or low < CONFLICT_RATIO * high:
        return False
    # Deadlines both give must fall in one year: "by 2029" and "by March 2029" are one pledge, 2027 another.
    return not (low_due and high_due and low_due[:4] != high_due[:4])


_make_pledge = Pledge._make


def _single(first: StatementRow) -> Pledge:
    """A pledge stated once (most are): no sorting or scanning."""
    amount, fulfilment, recorded = first[_AMOUNT], first[_FULFILMENT], first[_DELIVERED]
    done = fulfilment == _FULFILLED
    delivered = recorded if recorded is not None else (amount or 0.0) if done else 0.0
    unknown = fulfilment == _PARTLY and recorded is None and not delivered
    return _make_pledge(
        (
            first[_COMMITTER],
            first[_UNIT],
            first[_SUBJECT],
            (first[_ID],),
            () if amount is None else (amount,),
            1,
            delivered,
            (amount or 0.0) if unknown else 0.0,
            done,
            not done and bool(first[_DUE]) and bool(first[_OVERDUE]),
        )
    )


def _pledge(statements: Sequence[StatementRow], indexes: list[int]) -> Pledge:
    """A pledge stated several times: its statements' fields taken as columns (`zip`), each summed up in one
    pass."""
    # ids grow with time: the first logged comes first
    members = sorted(map(statements.__getitem__, indexes), key=itemgetter(_ID))
    ids, sources, _committers, _units, subjects, stated, fulfilments, recorded, dues, overdue = zip(
        *members, strict=True
    )
    ordered = sorted([a for a in stated if a is not None])
    amounts: list[float] = ordered[:1]
    for amount in ordered[1:]:
        last = amounts[-1]
        # `same_value`, inlined: one comparison per statement
        if amount != last and abs(amount - last) > TOLERANCE * max(abs(amount), abs(last)):
            amounts.append(amount)
    fulfilled = _FULFILLED in fulfilments
    delivered = max(
        [
            done if done is not None else (amount or 0.0) if fulfilment == _FULFILLED else 0.0
            for amount, fulfilment, done in zip(stated, fulfilments, recorded, strict=True)
        ]
    )
    partly = 0.0
    if not delivered:
        partly = max(
            (
                amount or 0.0
                for amount, fulfilment, done in zip(stated, fulfilments, recorded, strict=True)
                if fulfilment == _PARTLY and done is None
            ),
            default=0.0,
        )
    first = members[0]
    return _make_pledge(
        (
            first[_COMMITTER],
            first[_UNIT],
            next(filter(None, subjects), None),
            ids,
            tuple(amounts),
            len(set(sources)),
            delivered,
            partly,
            fulfilled,
            not fulfilled and any(dues) and all(late for due, late in zip(dues, overdue, strict=True) if due),
        )
    )
