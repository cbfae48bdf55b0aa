"""Related facts: what the consistency check says about one fact (or a page of facts), links, and dismissals.

The check itself lives in `checking.consistency`; this module narrows it to the facts that share a subject
with the ones asked about, adds the links a person drew, and leaves out findings a person dismissed.
A dismissal is an event in the append-only history (entity "finding"), so it is undoable and audited
without a new table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factledger.checking import Finding, find_contradictions, find_restatements
from factledger.domain import Changes, Claim, ClaimFilter, ClaimOrder, LinkKind, UserError

from .context import LedgerContext, new_id
from .edits import Edit

MAX_PER_SUBJECT = 2_000  # a subject with more figures than this is checked on its most recent ones
FINDING_TO_LINK = {"contradiction": LinkKind.CONTRADICTS, "restated": LinkKind.RESTATES}
RELATION_WORDS = {
    LinkKind.CONTRADICTS: "contradicts",
    LinkKind.RESTATES: "restates",
    LinkKind.PART_OF: "part of",
}


@dataclass(frozen=True, slots=True)
class Related:
    """Another fact related to the one shown: how, why (a sentence), and whether a person linked it already."""

    claim: Claim
    relation: LinkKind
    message: str
    linked: bool


def finding_key(check: str, a: str, b: str) -> str:
    """One name for a finding about a pair, whichever fact it is looked at from."""
    first, second = sorted((a, b))
    return f"{check}:{first}:{second}"


def dismissed_keys(ctx: LedgerContext, claim_ids: Iterable[str]) -> set[str]:
    """Findings about these facts whose last history event is a dismissal (an undo of it is a later event).

    Read through the history's claim index: a dismissal is recorded on the fact it was made from, and a
    finding's every member is asked about, so both sides of a pair see it.
    """
    ids = sorted(set(claim_ids))
    state: dict[str, bool] = {}
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    rows = ctx.db.execute(
        f"SELECT entity_id, action FROM history WHERE claim_id IN ({marks}) AND entity = 'finding' ORDER BY id",
        ids,
    )
    for key, action in rows.fetchall():
        state[str(key)] = str(action) == "dismiss finding"
    return {key for key, dismissed in state.items() if dismissed}


def _links_of(ctx: LedgerContext, claim_ids: Sequence[str]) -> list[tuple[str, str, str]]:
    if not claim_ids:
        return []
    marks = ",".join("?" * len(claim_ids))
    rows = ctx.db.execute(
        f"SELECT from_claim, to_claim, kind FROM links WHERE from_claim IN ({marks}) OR to_claim IN ({marks})",
        [*claim_ids, *claim_ids],
    )
    return [(str(a), str(b), str(k)) for a, b, k in rows.fetchall()]


def _same_subject(ctx: LedgerContext, subjects: Iterable[str]) -> list[Claim]:
    found: dict[str, Claim] = {}
    for subject in subjects:
        page = ctx.claims.page(ClaimFilter(subject=subject), ClaimOrder(), limit=MAX_PER_SUBJECT)
        found.update((c.id, c) for c in page if c.value is not None)
    return list(found.values())


def without_dismissed(ctx: LedgerContext, findings: Sequence[Finding]) -> list[Finding]:
    """The findings a person has not dismissed (a finding about several facts goes if any pair in it was)."""
    dismissed = dismissed_keys(ctx, (member for f in findings for member in f.claim_ids))
    return [
        f
        for f in findings
        if not any(finding_key(f.check, a, b) in dismissed for a in f.claim_ids for b in f.claim_ids if a < b)
    ]


def _open_findings(ctx: LedgerContext, claims: Sequence[Claim]) -> list[Finding]:
    subjects = {c.subject for c in claims if c.subject and c.value is not None and c.unit}
    if not subjects:
        return []
    candidates = _same_subject(ctx, subjects)
    return without_dismissed(ctx, [*find_contradictions(candidates), *find_restatements(candidates)])


def related_facts(ctx: LedgerContext, claim_id: str) -> list[Related]:
    """Facts that contradict or restate this one (open findings and links), contradictions first."""
    claim = ctx.claims.get(claim_id)
    if claim is None:
        return []
    relations: dict[str, tuple[LinkKind, str, bool]] = {}
    for a, b, kind in _links_of(ctx, [claim_id]):
        other = b if a == claim_id else a
        relations[other] = (LinkKind(kind), f"Linked: {RELATION_WORDS[LinkKind(kind)]}.", True)
    for finding in _open_findings(ctx, [claim]):
        if claim_id not in finding.claim_ids:
            continue
        relation = FINDING_TO_LINK[finding.check]
        for member in finding.claim_ids:
            if member != claim_id and member not in relations:
                relations[member] = (relation, finding.message, False)
    result = []
    for other_id, (kind, message, linked) in relations.items():
        found = ctx.claims.get(other_id)
        if found is not None:
            result.append(Related(found, kind, message, linked))
    order = {LinkKind.CONTRADICTS: 0, LinkKind.RESTATES: 1, LinkKind.PART_OF: 2}
    return sorted(result, key=lambda r: (order[r.relation], r.linked, r.claim.id))


def relation_marks(ctx: LedgerContext, claims: Sequence[Claim]) -> dict[str, str]:
    """A short badge per fact of a table page: "⚠ contradicts 1", "restated ×2", "linked 1"; absent if none."""
    ids = [c.id for c in claims]
    wanted = set(ids)
    conflicts: dict[str, set[str]] = {}
    restated: dict[str, set[str]] = {}
    for finding in _open_findings(ctx, claims):
        target = conflicts if finding.check == "contradiction" else restated
        for member in finding.claim_ids:
            if member in wanted:
                target.setdefault(member, set()).update(set(finding.claim_ids) - {member})
    linked: dict[str, int] = {}
    for a, b, _kind in _links_of(ctx, ids):
        for member in (a, b):
            if member in wanted:
                linked[member] = linked.get(member, 0) + 1
    marks = {}
    for claim_id in ids:
        parts = []
        if claim_id in conflicts:
            parts.append(f"⚠ contradicts {len(conflicts[claim_id])}")
        if claim_id in restated:
            parts.append(f"restated ×{len(restated[claim_id]) + 1}")
        if claim_id in linked:
            parts.append(f"linked {linked[claim_id]}")
        if parts:
            marks[claim_id] = " · ".join(parts)
    return marks


@dataclass
class LinkFacts(Edit):
    """Draw a relation between two facts; undo removes it. Both moves are in the history."""

    from_claim: str
    to_claim: str
    kind: LinkKind
    note: str | None = None
    description = "Link facts"

    def apply(self, ctx: LedgerContext) -> Changes:
        if self.from_claim == self.to_claim:
            raise UserError("A fact cannot be linked to itself.")
        for claim_id in (self.from_claim, self.to_claim):
            if ctx.claims.raw(claim_id) is None:
                raise UserError(f"There is no fact with id {claim_id} in this ledger.")
        if not ctx.links.add(
            new_id("lnk"), self.from_claim, self.to_claim, kind=str(self.kind), note=self.note, at=ctx.clock()
        ):
            raise UserError(f"These facts are already linked as “{RELATION_WORDS[self.kind]}”.")
        self._record(ctx, f"link {self.kind}")
        return Changes(claims=frozenset({self.from_claim, self.to_claim}), history=True)

    def revert(self, ctx: LedgerContext) -> Changes:
        ctx.links.remove(self.from_claim, self.to_claim, kind=str(self.kind))
        self._record(ctx, f"undo link {self.kind}")
        return Changes(claims=frozenset({self.from_claim, self.to_claim}), history=True)

    def _record(self, ctx: LedgerContext, action: str) -> None:
        ctx.history.append(
            entity="link",
            entity_id=f"{self.from_claim}>{self.to_claim}",
            claim_id=self.from_claim,
            action=action,
            actor=ctx.actor,
            at=ctx.clock(),
            after={"to": self.to_claim, "kind": str(self.kind), "note": self.note},
        )


@dataclass
class DismissFinding(Edit):
    """Say a finding about two facts is not a real conflict or restatement; it stops being shown."""

    claim_id: str
    other_id: str
    relation: LinkKind
    reason: str | None = None
    description = "Dismiss finding"

    def _key(self) -> str:
        check = "contradiction" if self.relation == LinkKind.CONTRADICTS else "restated"
        return finding_key(check, self.claim_id, self.other_id)

    def apply(self, ctx: LedgerContext) -> Changes:
        return self._record(ctx, "dismiss finding")

    def revert(self, ctx: LedgerContext) -> Changes:
        return self._record(ctx, "undo dismiss finding")

    def _record(self, ctx: LedgerContext, action: str) -> Changes:
        ctx.history.append(
            entity="finding",
            entity_id=self._key(),
            claim_id=self.claim_id,
            action=action,
            actor=ctx.actor,
            at=ctx.clock(),
            after={"other": self.other_id, "relation": str(self.relation)},
            reason=self.reason,
        )
        return Changes(claims=frozenset({self.claim_id, self.other_id}), history=True)
