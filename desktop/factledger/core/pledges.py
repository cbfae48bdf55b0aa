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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from factledger.checking.consistency import TOLERANCE, same_value
from factledger.domain import Fulfilment

CONFLICT_RATIO = 0.75
"""Rule 3 groups two amounts only when the smaller is at least this share of the larger ($500 bn of $550 bn)."""
MAX_REPORTS = 12
"""Rule 3 applies to a committer's subject named by at most this many sources, each with its own figure: a
pledge is reported by a handful of outlets, while dozens of sources each giving one committer a different
amount on one subject are a stream of pledges (monthly contracts, say), not one pledge reported differently."""


class Statement(NamedTuple):
    """One logged commitment, as the tracker reads it (a tuple: a ledger may hold 100,000s of them)."""

    claim_id: str
    source_id: str
    committer: str | None
    unit: str | None
    subject: str | None
    amount: float | None
    fulfilment: str | None  # a `Fulfilment` value
    delivered: float | None
    due: str | None  # last day of its deadline (ISO), when one is given
    overdue: bool | int  # its deadline has passed


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


class _Groups:
    """Union-find over statement indexes."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, index: int) -> int:
        parent = self._parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def attach(self, child: int, root: int) -> None:
        """Make `child`, still a group of its own, part of the group whose root is `root`."""
        self._parent[child] = root

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[max(root_a, root_b)] = min(root_a, root_b)


@functools.lru_cache(maxsize=65_536)
def _fold(text: str | None) -> str:
    # Cached: a ledger names few committers, units and subjects, each on many statements.
    return (text or "").strip().casefold()


def group_pledges(statements: Sequence[Statement], links: Iterable[tuple[str, str]] = ()) -> list[Pledge]:
    """Statements grouped into pledges (rules in the module docstring); each pledge's statements first logged
    first."""
    groups = _Groups(len(statements))
    position = {s.claim_id: n for n, s in enumerate(statements)}
    by_committer: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, statement in enumerate(statements):
        by_committer[_fold(statement.committer), _fold(statement.unit)].append(n)
    # Rule 2 first, while every statement is its own group: it attaches statements directly (a ledger may
    # hold 100,000s), the few links and disagreeing reports then join whole groups.
    for members in by_committer.values():
        _group_same_amounts(statements, members, groups)
    for a, b in links:
        if a in position and b in position:
            first, second = statements[position[a]], statements[position[b]]
            if (_fold(first.committer), _fold(first.unit)) == (_fold(second.committer), _fold(second.unit)):
                groups.union(position[a], position[b])
    for members in by_committer.values():
        _group_disagreeing_sources(statements, members, groups)
    clusters: dict[int, list[Statement]] = defaultdict(list)
    for n, statement in enumerate(statements):
        clusters[groups.find(n)].append(statement)
    return [_pledge(members) for members in clusters.values()]


def _group_same_amounts(statements: Sequence[Statement], members: list[int], groups: _Groups) -> None:
    """Rule 2: one committer and unit, the same amount (sorted, each cluster compared with its first)."""
    amounts = sorted((amount, n) for n in members if (amount := statements[n].amount) is not None)
    anchor, root = math.nan, -1
    for amount, n in amounts:
        # `same_value`, inlined: this loop runs once per statement
        if amount == anchor or abs(amount - anchor) <= TOLERANCE * max(abs(amount), abs(anchor)):
            groups.attach(n, root)
        else:
            anchor, root = amount, n


def _group_disagreeing_sources(statements: Sequence[Statement], members: list[int], groups: _Groups) -> None:
    """Rule 3: different sources, one subject, one amount per source, amounts close, deadlines compatible.

    The sources' amounts are sorted and clustered from the lowest: each joins the cluster of the lowest
    amount within `CONFLICT_RATIO` of it (n log n, however many sources report a subject).
    """
    by_subject: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for n in members:
        statement = statements[n]
        if statement.amount is not None and _fold(statement.subject):
            by_subject[_fold(statement.subject)][statement.source_id].append(n)
    for per_source in by_subject.values():
        if not 2 <= len(per_source) <= MAX_REPORTS:
            continue
        single: list[int] = []  # one representative per source that states a single amount here
        for found in per_source.values():
            first = statements[found[0]].amount
            assert first is not None
            if all(same_value(first, statements[n].amount or 0.0) for n in found):
                single.append(found[0])
        single.sort(key=lambda n: (abs(statements[n].amount or 0.0), n))
        anchors: list[int] = []  # lowest amount of each open cluster, by deadline year
        for n in single:
            anchor = next((a for a in anchors if _close(statements[a], statements[n])), None)
            if anchor is None:
                anchors.append(n)
            else:
                groups.union(anchor, n)
            # Clusters whose lowest amount is now too far below the amounts to come are closed.
            amount = abs(statements[n].amount or 0.0)
            anchors = [a for a in anchors if abs(statements[a].amount or 0.0) >= CONFLICT_RATIO * amount]


def _close(a: Statement, b: Statement) -> bool:
    assert a.amount is not None and b.amount is not None
    low, high = sorted((abs(a.amount), abs(b.amount)))
    if high == 0 or low < CONFLICT_RATIO * high:
        return False
    # Deadlines both give must fall in one year: "by 2029" and "by March 2029" are one pledge, 2027 another.
    return not (a.due and b.due and a.due[:4] != b.due[:4])


def _pledge(members: list[Statement]) -> Pledge:
    if len(members) > 1:
        members.sort(key=lambda s: s.claim_id)  # ids grow with time: the first logged comes first
    first = members[0]
    if len(members) == 1:  # most pledges are stated once: no sorting or scanning
        done = first.fulfilment == Fulfilment.FULFILLED
        delivered = _delivered(first)
        unknown = (
            first.fulfilment == Fulfilment.PARTIALLY_FULFILLED and first.delivered is None and not delivered
        )
        return Pledge(
            first.committer,
            first.unit,
            first.subject,
            (first.claim_id,),
            () if first.amount is None else (first.amount,),
            1,
            delivered,
            (first.amount or 0.0) if unknown else 0.0,
            done,
            not done and bool(first.due) and bool(first.overdue),
        )
    amounts: list[float] = []
    for amount in sorted(s.amount for s in members if s.amount is not None):
        if not amounts or not same_value(amounts[-1], amount):
            amounts.append(amount)
    fulfilled = any(s.fulfilment == Fulfilment.FULFILLED for s in members)
    delivered = max((_delivered(s) for s in members), default=0.0)
    partly = 0.0
    if not delivered:
        partly = max(
            (
                s.amount or 0.0
                for s in members
                if s.fulfilment == Fulfilment.PARTIALLY_FULFILLED and s.delivered is None
            ),
            default=0.0,
        )
    dues = [s for s in members if s.due]
    return Pledge(
        committer=first.committer,
        unit=first.unit,
        subject=next((s.subject for s in members if s.subject), None),
        claim_ids=tuple(s.claim_id for s in members),
        amounts=tuple(amounts),
        sources=len({s.source_id for s in members}),
        delivered=delivered,
        partly=partly,
        fulfilled=fulfilled,
        overdue=not fulfilled and bool(dues) and all(s.overdue for s in dues),
    )


def _delivered(statement: Statement) -> float:
    if statement.delivered is not None:
        return statement.delivered
    if statement.fulfilment == Fulfilment.FULFILLED:
        return statement.amount or 0.0
    return 0.0
