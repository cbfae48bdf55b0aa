"""One suggestion per fact: claims that restate a pledge, a figure or another claim are folded into it.

A pledge is usually also an attributed sentence, and a quotation is found both with and without its lead-in;
a person should see each fact once. The strongest kind wins (commitment, then statistic, then claim) and keeps
what the weaker one knew (its speaker and sourcing, its cue).
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from factledger.domain import Attribution, Suggestion

# Claims found for a sentence's own check-worthiness, not for a source that said it.
_UNATTRIBUTED_CUES = ("a check-worthy statement", "an aside stating a fact")
# A sentence this short that states a figure says little beyond it ("Only 16,707 were exported in 2024").
_SHORT_SENTENCE = 18
# At most this many characters before a quotation are its lead-in ("troops stationed there, “...”").
_LEAD_IN = 40
# At most this many characters of a claim before its pledge only lead into it ("and though ..., Toyota expects").
_LEAD_INTO_PLEDGE = 60


def one_per_fact(
    claims: list[Suggestion], commitments: list[Suggestion], statistics: list[Suggestion]
) -> list[Suggestion]:
    """The claims left once duplicates are folded away; `commitments` are updated in place with their fields.

    - A claim inside another claim of the same speaker: a quotation stays without the few words leading into
      it; a reported statement stays whole over a quoted fragment inside it.
    - A claim covering at least half of a commitment, that is mostly the commitment or only leads into it, is
      that commitment: the commitment stays and takes the claim's speaker and sourcing if it had the outlet's.
    - A short unattributed claim holding a figure is the figure's sentence: the figure stays.
    """
    kept = _distinct_claims(claims)
    pledge_starts = [c.start for c in commitments]
    figure_starts = [s.start for s in statistics]
    longest_pledge = max((c.end - c.start for c in commitments), default=0)
    result: list[Suggestion] = []
    for claim in kept:
        index = _covered_commitment(claim, commitments, pledge_starts, longest_pledge)
        if index is not None:
            commitments[index] = _absorb(commitments[index], claim)
            continue
        short = len(claim.quote.split()) <= _SHORT_SENTENCE
        if short and claim.cue.startswith(_UNATTRIBUTED_CUES) and _holds(claim, figure_starts):
            continue
        result.append(claim)
    return result


def _distinct_claims(claims: list[Suggestion]) -> list[Suggestion]:
    """Claims without the ones that hold a same-speaker claim inside them."""
    ordered = sorted(claims, key=lambda c: (c.start, -c.end))
    dropped: set[int] = set()
    for i, outer in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            inner = ordered[j]
            if inner.start >= outer.end:
                break
            if i in dropped:
                break
            if j in dropped:
                continue
            if inner.end <= outer.end and inner.speaker == outer.speaker:
                lead_in = inner.end == outer.end and inner.start - outer.start <= _LEAD_IN
                # A quotation with a few words leading into it is the quotation; a reported statement with
                # a quoted fragment inside is the statement.
                dropped.add(i if lead_in else j)
    return [claim for k, claim in enumerate(ordered) if k not in dropped]


def _covered_commitment(
    claim: Suggestion, commitments: list[Suggestion], starts: list[int], longest: int
) -> int | None:
    low = bisect.bisect_left(starts, claim.start - longest)
    high = bisect.bisect_left(starts, claim.end)
    for index in range(low, high):
        pledge = commitments[index]
        overlap = min(claim.end, pledge.end) - max(claim.start, pledge.start)
        if overlap <= 0 or overlap * 2 < pledge.end - pledge.start:
            continue
        # The pledge is the claim when it is most of it, or when the claim only leads into it; a pledge in a
        # clause at the end of another statement ("The World Bank established a fund, which will ...") is not.
        if overlap * 2 >= claim.end - claim.start or pledge.start - claim.start <= _LEAD_INTO_PLEDGE:
            return index
    return None


def _holds(claim: Suggestion, figure_starts: list[int]) -> bool:
    at = bisect.bisect_left(figure_starts, claim.start)
    return at < len(figure_starts) and figure_starts[at] < claim.end


def _absorb(pledge: Suggestion, claim: Suggestion) -> Suggestion:
    """The pledge with the claim's sourcing when the claim knew who said it and the pledge did not."""
    sourced = claim.attribution not in (None, Attribution.OUTLET) and pledge.attribution in (
        None,
        Attribution.OUTLET,
    )
    return replace(
        pledge,
        speaker=claim.speaker if sourced else pledge.speaker,
        attribution=claim.attribution if sourced else pledge.attribution,
        cue=f"{pledge.cue}; {claim.cue}",
        score=max(pledge.score, claim.score),
    )
