"""Checks over logged facts. Pure functions over `Claim` records, so the CLI, the UI and tests share them.

Two figures are "the same" when their units match and their values agree within 0.5 % (the tolerance
the scoring convention uses for restated figures such as "$10 billion" and "at or over $10 billion").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from factledger.domain import Claim, Qualifier
from factledger.domain.figures import format_figure

TOLERANCE = 0.005
_BOUNDS_ABOVE = {Qualifier.AT_LEAST, Qualifier.MORE_THAN}
_BOUNDS_BELOW = {Qualifier.AT_MOST, Qualifier.LESS_THAN, Qualifier.UP_TO, Qualifier.NEARLY}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a fact-checker should look at, with the facts involved and a sentence saying why."""

    check: str  # "restated", "contradiction", "parts exceed whole"
    claim_ids: tuple[str, ...]
    message: str


def same_value(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def _key(claim: Claim) -> tuple[str, str] | None:
    if claim.value is None or not claim.unit:
        return None
    return ((claim.subject or "").strip().casefold(), claim.unit.strip().casefold())


def _numbered(claims: Iterable[Claim]) -> dict[tuple[str, str], list[Claim]]:
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = _key(claim)
        if key is not None and key[0]:
            groups[key].append(claim)
    return groups


def _compatible(a: Claim, b: Claim) -> bool:
    """A bound ("at least 10") is consistent with any value on its side, so it cannot contradict it."""
    assert a.value is not None and b.value is not None
    for bound, other in ((a, b), (b, a)):
        assert bound.value is not None and other.value is not None
        if bound.qualifier in _BOUNDS_ABOVE and other.value >= bound.value * (1 - TOLERANCE):
            return True
        if bound.qualifier in _BOUNDS_BELOW and other.value <= bound.value * (1 + TOLERANCE):
            return True
    return a.qualifier == Qualifier.APPROXIMATELY or b.qualifier == Qualifier.APPROXIMATELY


def pair_finding(a: Claim, b: Claim) -> str | None:
    """What the checks below say about one pair: "restated", "contradiction" or None (unrelated or compatible).

    The same rules as `find_restatements` and `find_contradictions`, for one fact against others, so a view
    can check a page of facts against their subject's figures without comparing every pair in the ledger.
    """
    key = _key(a)
    if a.id == b.id or key is None or not key[0] or key != _key(b):
        return None
    assert a.value is not None and b.value is not None
    if same_value(a.value, b.value):
        return "restated"
    if a.period and b.period and a.period != b.period:
        return None
    return None if _compatible(a, b) else "contradiction"


def find_restatements(claims: Iterable[Claim]) -> list[Finding]:
    """Facts that state the same figure about the same subject: log once, cite all."""
    findings = []
    for (subject, _unit), members in sorted(_numbered(claims).items()):
        clusters: list[list[Claim]] = []
        for claim in sorted(members, key=lambda c: (c.value or 0.0, c.id)):
            assert claim.value is not None
            if (
                clusters
                and clusters[-1][0].value is not None
                and same_value(clusters[-1][0].value, claim.value)
            ):
                clusters[-1].append(claim)
            else:
                clusters.append([claim])
        for cluster in clusters:
            if len(cluster) > 1:
                value = cluster[0].value
                findings.append(
                    Finding(
                        "restated",
                        tuple(c.id for c in cluster),
                        f"{len(cluster)} facts state {format_figure(value, cluster[0].unit)} for {subject}.",
                    )
                )
    return findings


def find_contradictions(claims: Iterable[Claim]) -> list[Finding]:
    """Facts about the same subject, unit and period whose values differ beyond what qualifiers allow."""
    findings = []
    for (subject, _unit), members in sorted(_numbered(claims).items()):
        ordered = sorted(members, key=lambda c: c.id)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                assert a.value is not None and b.value is not None
                if (a.period or "") != (b.period or "") and a.period and b.period:
                    continue
                if same_value(a.value, b.value) or _compatible(a, b):
                    continue
                where = "across sources" if a.source_id != b.source_id else "in one source"
                findings.append(
                    Finding(
                        "contradiction",
                        (a.id, b.id),
                        f"{subject}: {format_figure(a.value, a.unit)} vs {format_figure(b.value, b.unit)} {where}.",
                    )
                )
    return findings


def parts_exceeding_whole(claims: Mapping[str, Claim], part_of: Sequence[tuple[str, str]]) -> list[Finding]:
    """Given `part_of` links (part id, whole id), flag wholes whose parts add up to more than the whole.

    Shares work the same way: a brand's 15.3 % share is part of its group's 37.4 % share.
    """
    parts: dict[str, list[Claim]] = defaultdict(list)
    for part_id, whole_id in part_of:
        if part_id in claims and whole_id in claims:
            parts[whole_id].append(claims[part_id])
    findings = []
    for whole_id, members in sorted(parts.items()):
        whole = claims[whole_id]
        if whole.value is None:
            continue
        usable = [p for p in members if p.value is not None and (p.unit or "") == (whole.unit or "")]
        total = sum(p.value for p in usable if p.value is not None)
        lower_bound_whole = whole.qualifier in _BOUNDS_ABOVE
        if not lower_bound_whole and total > whole.value * (1 + TOLERANCE):
            findings.append(
                Finding(
                    "parts exceed whole",
                    (whole_id, *(p.id for p in usable)),
                    f"Parts add up to {format_figure(total, whole.unit)} but the whole is "
                    f"{format_figure(whole.value, whole.unit)}.",
                )
            )
    return findings
