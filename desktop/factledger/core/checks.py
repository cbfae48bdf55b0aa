"""Consistency checks over a ledger's facts (the links a person draws are `related.LinkFacts` edits)."""

from __future__ import annotations

from factledger.checking import (
    Finding,
    find_contradictions,
    find_restatements,
    parts_exceeding_whole,
    stealth_edit_findings,
)
from factledger.domain import ClaimFilter, LinkKind

from .context import LedgerContext

MAX_CHECKED = 50_000  # comparisons are pairwise within a subject: keep a runaway filter bounded


def check_claims(ctx: LedgerContext, claim_filter: ClaimFilter) -> list[Finding]:
    from factledger.domain import ClaimOrder

    claims = ctx.claims.page(claim_filter, ClaimOrder("subject", descending=False), limit=MAX_CHECKED)
    numbered = [c for c in claims if c.value is not None]
    by_id = {c.id: c for c in claims}
    changed = [claim_id for claim_id in ctx.versions.changed_claim_ids() if claim_id in by_id]
    return [
        *stealth_edit_findings(ctx.versions.anchors(changed).values()),
        *find_contradictions(numbered),
        *find_restatements(numbered),
        *parts_exceeding_whole(by_id, ctx.links.pairs(kind=str(LinkKind.PART_OF))),
    ]
