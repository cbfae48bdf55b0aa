"""The tracker's fast grouping gives exactly the pledges of the straightforward grouping, on randomized ledgers.

`reference_grouping` below is the grouping as first written, statement objects and a union-find class, one
rule after another: the fast path (`core.pledges.group_pledges`) must give the same pledges, in the same
order, with the same figures, for thousands of statements drawn to hit every rule and its edges.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence

import pytest

from factledger.checking.consistency import TOLERANCE, same_value
from factledger.core.pledges import CONFLICT_RATIO, MAX_REPORTS, Pledge, Statement, group_pledges
from factledger.domain import Fulfilment

COMMITTERS = ("Toyota", "toyota ", "TOYOTA", "Japan", "Honda", None)
UNITS = ("USD", "usd", "EUR", None)
SUBJECTS = ("plant", "Plant ", "investment", "Japan", "", None)
ONE_SPELLING = (("Toyota", "Japan", None), ("USD", None), ("plant", "investment", "Japan", "", None))
"""Committers, units and subjects each written one way."""
FULFILMENTS = (None, *(f.value for f in Fulfilment))
BASES = (1e6, 912e6, 10e9, 500e9, 550e9, 0.0, -3e9)


Names = tuple[tuple[str | None, ...], tuple[str | None, ...], tuple[str | None, ...]]


def _random_statements(rng: random.Random, count: int, names: Names) -> list[Statement]:
    statements = []
    pools: dict[tuple[str | None, ...], int] = {}  # sources reporting each committer's subject
    figures: dict[tuple[str | None, ...], float] = {}  # the figure each source mostly gives there
    for n in range(count):
        key = tuple(map(rng.choice, names))
        # a handful of sources on this subject there, dozens here: both sides of MAX_REPORTS
        source = f"src_{rng.randrange(pools.setdefault(key, rng.choice((2, 3, 5, MAX_REPORTS, 13, 40))))}"
        base = figures.setdefault((*key, source), rng.choice(BASES) * (1 + rng.uniform(-0.3, 0.3)))
        amount: float | None = None
        if rng.random() > 0.1:
            # its figure, a restatement of it (within 0.5%), a disagreeing report (within 25%) or far off
            spread = rng.choice((0.0,) * 24 + (0.001, 0.004, 0.006, 0.1, 0.25, 0.3, 2.0))
            amount = base * (1 + rng.uniform(-spread, spread))
        committer, unit, subject = key
        statements.append(
            Statement(
                claim_id=f"clm_{rng.randrange(10**9):09d}_{n}",
                source_id=source,
                committer=committer,
                unit=unit,
                subject=subject,
                amount=amount,
                fulfilment=rng.choice(FULFILMENTS),
                delivered=rng.choice((None, None, 0.0, 5e8)),
                due=rng.choice((None, "2027-12-31", "2029-03-31", "2029-12-31", "2035-12-31")),
                overdue=rng.choice((0, 1)),
            )
        )
    return statements


def _random_links(rng: random.Random, statements: Sequence[Statement], count: int) -> list[tuple[str, str]]:
    ids = [s.claim_id for s in statements] + ["clm_not_in_view"]
    return [(rng.choice(ids), rng.choice(ids)) for _ in range(count)]


@pytest.mark.parametrize(
    "names", [(COMMITTERS, UNITS, SUBJECTS), ONE_SPELLING], ids=["spellings", "one-spelling"]
)
@pytest.mark.parametrize("seed", [0, 1, 3, 4, 5, 6])  # draws that reach every rule
def test_fast_grouping_gives_the_pledges_of_the_straightforward_grouping(seed: int, names: Names) -> None:
    """Thousands of random statements (spellings, amounts near and far, sources, deadlines, links) are grouped
    into identical pledges, in identical order, by the fast path and the straightforward grouping."""
    rng = random.Random(seed)
    statements = _random_statements(rng, rng.randint(2_000, 4_000), names)
    links = _random_links(rng, statements, rng.randint(0, 60))
    expected = reference_grouping(statements, links)
    assert group_pledges(statements, links) == expected
    assert group_pledges([s[0:10] for s in statements], links) == expected  # plain storage rows
    # the draw reaches every rule: restatements, disagreeing reports and singletons all occur
    assert any(p.conflicted for p in expected) and any(
        p.statements > 1 and not p.conflicted for p in expected
    )
    assert any(p.statements == 1 for p in expected)


@pytest.mark.parametrize("spellings", [("plant",), ("plant", "Plant ")])
@pytest.mark.parametrize("reports", [MAX_REPORTS, MAX_REPORTS + 1])
def test_fast_grouping_agrees_at_the_edge_of_max_reports(reports: int, spellings: tuple[str, ...]) -> None:
    """A subject reported by exactly `MAX_REPORTS` sources, each with its own close figure, is one pledge; one
    more source makes them separate pledges; both paths agree, whether the subject is spelled one way or two."""
    statements = [
        Statement(
            f"clm_{n:03d}",
            f"src_{n}",
            "Toyota",
            "USD",
            spellings[n % len(spellings)],
            10e9 + n * 1e8,
            None,
            None,
            None,
            0,
        )
        for n in range(reports)
    ]
    expected = reference_grouping(statements)
    assert group_pledges(statements) == expected
    assert len(expected) == (1 if reports <= MAX_REPORTS else reports)


# -- the straightforward grouping, as first written ------------------------------------------------------


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


def _fold(text: str | None) -> str:
    return (text or "").strip().casefold()


def reference_grouping(
    statements: Sequence[Statement], links: Iterable[tuple[str, str]] = ()
) -> list[Pledge]:
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
