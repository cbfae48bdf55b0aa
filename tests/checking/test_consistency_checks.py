"""Consistency checks: the figures of the seed article's kind of story, restated, contradicted and summed."""

from __future__ import annotations

from factledger.checking import find_contradictions, find_restatements, parts_exceeding_whole
from factledger.domain import Claim, ClaimKind, Qualifier


def fact(
    claim_id: str,
    value: float,
    unit: str,
    subject: str,
    *,
    source: str = "src_a",
    qualifier: Qualifier | None = None,
    period: str | None = None,
) -> Claim:
    return Claim(
        id=claim_id,
        source_id=source,
        kind=ClaimKind.STATISTIC,
        quote="q",
        start=0,
        end=1,
        statement="s",
        subject=subject,
        value=value,
        unit=unit,
        qualifier=qualifier,
        period=period,
    )


def test_japans_pledge_at_two_amounts_in_two_sources_is_a_contradiction() -> None:
    """One pledge stated at two amounts in two sources is flagged as a contradiction across sources."""
    findings = find_contradictions(
        [fact("a", 500e9, "USD", "Japan"), fact("b", 550e9, "USD", "Japan", source="src_b")]
    )
    assert [f.claim_ids for f in findings] == [("a", "b")]
    assert "across sources" in findings[0].message


def test_a_lower_bound_does_not_contradict_a_value_above_it() -> None:
    """An "at least" figure does not contradict a larger figure, while an exact one does."""
    claims = [
        fact("a", 10e9, "USD", "Toyota"),
        fact("b", 10e9, "USD", "Toyota", qualifier=Qualifier.AT_LEAST),
        fact("c", 12e9, "USD", "Toyota", qualifier=None),
    ]
    pairs = {f.claim_ids for f in find_contradictions(claims)}
    assert ("a", "c") in pairs and ("b", "c") not in pairs


def test_different_periods_are_not_compared() -> None:
    """Figures for different periods are never flagged as contradicting each other."""
    assert (
        find_contradictions(
            [
                fact("a", 16707, "vehicles", "exports", period="2024"),
                fact("b", 20000, "vehicles", "exports", period="2023"),
            ]
        )
        == []
    )


def test_the_same_ten_billion_restated_three_times_is_one_group() -> None:
    """One amount restated three times is one restatement group, and a different amount stays out of it."""
    claims = [fact(i, 10e9, "USD", "Toyota") for i in ("a", "b", "c")] + [fact("d", 50e9, "USD", "Toyota")]
    [finding] = find_restatements(claims)
    assert finding.claim_ids == ("a", "b", "c")


def test_parts_within_their_whole_hold_and_parts_beyond_it_are_flagged() -> None:
    """Parts that fit inside their whole pass; parts that add up to more are flagged with their sum."""
    whole = fact("whole", 16707, "vehicles", "exports")
    jeeps = fact("jeeps", 9633, "vehicles", "Jeep")
    gm = fact("gm", 1000, "vehicles", "GM", qualifier=Qualifier.APPROXIMATELY)
    claims = {c.id: c for c in (whole, jeeps, gm)}
    assert parts_exceeding_whole(claims, [("jeeps", "whole"), ("gm", "whole")]) == []
    too_big = {**claims, "gm": fact("gm", 9000, "vehicles", "GM")}
    [finding] = parts_exceeding_whole(too_big, [("jeeps", "whole"), ("gm", "whole")])
    assert finding.claim_ids[0] == "whole" and "18,633" in finding.message


def test_pair_finding_agrees_with_the_whole_ledger_checks() -> None:
    """For every pair, pair_finding says exactly what find_contradictions and find_restatements say."""
    from itertools import combinations

    from factledger.checking.consistency import pair_finding

    claims = [
        fact("a", 500e9, "USD", "Japan"),
        fact("b", 550e9, "USD", "Japan", source="src_b"),
        fact("c", 500e9, "USD", "Japan", source="src_c"),
        fact("d", 10e9, "USD", "Toyota", qualifier=Qualifier.AT_LEAST),
        fact("e", 12e9, "USD", "Toyota"),
        fact("f", 37.4, "%", "Toyota", period="2024"),
        fact("g", 30.0, "%", "Toyota", period="2023"),
        fact("h", 500e9, "EUR", "Japan"),
    ]
    contradictions = {frozenset(f.claim_ids) for f in find_contradictions(claims)}
    restated = {frozenset(p) for f in find_restatements(claims) for p in combinations(f.claim_ids, 2)}
    for a, b in combinations(claims, 2):
        expected = (
            "contradiction"
            if frozenset((a.id, b.id)) in contradictions
            else "restated"
            if frozenset((a.id, b.id)) in restated
            else None
        )
        assert pair_finding(a, b) == expected == pair_finding(b, a), (a.id, b.id)
