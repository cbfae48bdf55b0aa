"""Consistency checks over a ledger's facts, and the links a person draws between facts."""

from __future__ import annotations

from factledger.checking import (
    Finding,
    find_contradictions,
    find_restatements,
    parts_exceeding_whole,
    stealth_edit_findings,
)
from factledger.domain import Changes, ClaimFilter, LinkKind, UserError

from .context import LedgerContext, new_id

MAX_CHECKED = 50_000  # comparisons are pairwise within a subject: keep a runaway filter bounded


def link_claims(
    ctx: LedgerContext, from_claim: str, to_claim: str, *, kind: LinkKind, note: str | None
) -> Changes:
    if from_claim == to_claim:
        raise UserError("A fact cannot be linked to itself.")
    for claim_id in (from_claim, to_claim):
        if ctx.claims.raw(claim_id) is None:
            raise UserError(f"There is no fact with id {claim_id} in this ledger.")
    with ctx.store.transaction():
        now = ctx.clock()
        if ctx.links.add(new_id("lnk"), from_claim, to_claim, kind=str(kind), note=note, at=now):
            ctx.history.append(
                entity="link",
                entity_id=f"{from_claim}>{to_claim}",
                claim_id=from_claim,
                action=f"link {kind}",
                actor=ctx.actor,
                at=now,
                after={"to": to_claim, "kind": str(kind), "note": note},
            )
    return Changes(claims=frozenset({from_claim, to_claim}), history=True)


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
