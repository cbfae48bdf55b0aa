"""Related facts: what the consistency check says about one fact (or a page of facts), links, and dismissals.

The check itself lives in `checking.consistency`; this module narrows it to the facts that share a subject
with the ones asked about, adds the links a person drew, and leaves out findings a person dismissed.
A dismissal is an event in the append-only history (entity "finding"), so it is undoable and audited
without a new table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factledger.checking import Finding
from factledger.checking.consistency import pair_finding
from factledger.domain import Changes, Claim, ClaimFilter, ClaimOrder, LinkKind, UserError
from factledger.domain.figures import format_figure

from .context import LedgerContext, new_id
from .edits import Edit

MAX_PER_SUBJECT = 300
"""A fact is compared with at most this many figures of its subject (the first by id), so a
table page costs a bounded number of comparisons even when one subject has tens of thousands of figures."""
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
    state: dict[str, bool] = {}
    for event in ctx.history.entity_actions(sorted(set(claim_ids)), entity="finding"):
        state[event.entity_id] = event.action == "dismiss finding"
    return {key for key, dismissed in state.items() if dismissed}


def _links_of(ctx: LedgerContext, claim_ids: Sequence[str]) -> list[tuple[str, str, str]]:
    return [(link.from_claim, link.to_claim, link.kind) for link in ctx.links.touching(claim_ids)]


def _same_subject(ctx: LedgerContext, subject: str) -> tuple[list[Claim], bool]:
    """Up to MAX_PER_SUBJECT figures about a subject, and whether there were more (the check is then partial)."""
    # Ordered by the (subject, id) index: a LIMIT walks it, where "latest edited" sorted the whole subject.
    page = ctx.claims.page(
        ClaimFilter(subject=subject), ClaimOrder("subject", descending=False), limit=MAX_PER_SUBJECT + 1
    )
    figures = [c for c in page[:MAX_PER_SUBJECT] if c.value is not None and c.unit]
    return figures, len(page) > MAX_PER_SUBJECT


def without_dismissed(ctx: LedgerContext, findings: Sequence[Finding]) -> list[Finding]:
    """The findings a person has not dismissed (a finding about several facts goes if any pair in it was)."""
    dismissed = dismissed_keys(ctx, (member for f in findings for member in f.claim_ids))
    return [
        f
        for f in findings
        if not any(finding_key(f.check, a, b) in dismissed for a in f.claim_ids for b in f.claim_ids if a < b)
    ]


SubjectFigures = dict[str, tuple[list[Claim], bool]]
"""Figures per subject already read (and whether there were more), kept by a caller between calls."""


def _pairs(
    ctx: LedgerContext, claims: Sequence[Claim], figures: SubjectFigures | None = None
) -> tuple[list[tuple[str, Claim, Claim]], set[str]]:
    """(check, fact, other) for every open finding between the given facts and their subject's figures.

    Each fact is compared with its subject's figures only (one pass per fact, not every pair in the ledger);
    findings a person dismissed are left out. The second value names the subjects checked only in part.
    """
    by_subject: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.subject and claim.value is not None and claim.unit:
            by_subject.setdefault(claim.subject, []).append(claim)
    found: list[tuple[str, Claim, Claim]] = []
    partial: set[str] = set()
    for subject, members in by_subject.items():
        known = None if figures is None else figures.get(subject)
        candidates, more = known if known is not None else _same_subject(ctx, subject)
        if figures is not None:
            figures[subject] = (candidates, more)
        if more:
            partial.add(subject)
        by_unit: dict[str, list[Claim]] = {}
        for other in candidates:
            by_unit.setdefault((other.unit or "").strip().casefold(), []).append(other)
        for claim in members:
            for other in by_unit.get((claim.unit or "").strip().casefold(), ()):
                check = pair_finding(claim, other)
                if check is not None:
                    found.append((check, claim, other))
    dismissed = dismissed_keys(ctx, {c.id for _, c, _ in found} | {o.id for _, _, o in found})
    return [f for f in found if finding_key(f[0], f[1].id, f[2].id) not in dismissed], partial


def _message(check: str, claim: Claim, other: Claim) -> str:
    if check == "restated":
        return f"Both state {format_figure(other.value, other.unit, other.qualifier)} for {other.subject}."
    where = "across sources" if claim.source_id != other.source_id else "in one source"
    return (
        f"{other.subject}: {format_figure(claim.value, claim.unit, claim.qualifier)} vs "
        f"{format_figure(other.value, other.unit, other.qualifier)} {where}."
    )


def related_facts(ctx: LedgerContext, claim_id: str) -> list[Related]:
    """Facts that contradict or restate this one (open findings and links), contradictions first."""
    claim = ctx.claims.get(claim_id)
    if claim is None:
        return []
    relations: dict[str, tuple[LinkKind, str, bool]] = {}
    for a, b, kind in _links_of(ctx, [claim_id]):
        other_id = b if a == claim_id else a
        relations[other_id] = (LinkKind(kind), f"Linked: {RELATION_WORDS[LinkKind(kind)]}.", True)
    known: dict[str, Claim] = {}
    for check, _claim, other in _pairs(ctx, [claim])[0]:
        if other.id not in relations:
            relations[other.id] = (FINDING_TO_LINK[check], _message(check, claim, other), False)
            known[other.id] = other
    result = []
    for other_id, (kind, message, linked) in relations.items():
        found = known.get(other_id) or ctx.claims.get(other_id)
        if found is not None:
            result.append(Related(found, kind, message, linked))
    order = {LinkKind.CONTRADICTS: 0, LinkKind.RESTATES: 1, LinkKind.PART_OF: 2}
    return sorted(result, key=lambda r: (order[r.relation], r.linked, r.claim.id))


def relation_marks(
    ctx: LedgerContext, claims: Sequence[Claim], figures: SubjectFigures | None = None
) -> dict[str, str]:
    """A short badge per fact of a table page: "⚠ contradicts 1", "restated ×2", "linked 1"; absent if none.

    A subject with more than MAX_PER_SUBJECT figures is checked against that many of them, and its counts
    end in "+" (at least that many). `figures` lets a caller keep the subjects' figures between calls (a
    table scrolling through one subject reads them once); it must be emptied whenever a fact changes.
    """
    ids = [c.id for c in claims]
    conflicts: dict[str, set[str]] = {}
    restated: dict[str, set[str]] = {}
    pairs, partial = _pairs(ctx, claims, figures)
    for check, claim, other in pairs:
        target = conflicts if check == "contradiction" else restated
        target.setdefault(claim.id, set()).add(other.id)
    linked: dict[str, int] = {}
    wanted = set(ids)
    for a, b, _kind in _links_of(ctx, ids):
        for member in (a, b):
            if member in wanted:
                linked[member] = linked.get(member, 0) + 1
    subjects = {c.id: c.subject for c in claims}
    marks = {}
    for claim_id in ids:
        more = "+" if subjects.get(claim_id) in partial else ""
        parts = []
        if claim_id in conflicts:
            parts.append(f"⚠ contradicts {len(conflicts[claim_id])}{more}")
        if claim_id in restated:
            parts.append(f"restated ×{len(restated[claim_id]) + 1}{more}")
        if claim_id in linked:
            parts.append(f"linked {linked[claim_id]}")
        if parts:
            marks[claim_id] = " · ".join(parts)
    return marks


@dataclass
class LinkFacts(Edit):
    """Draw a relation between two facts; undo removes it. Both moves are in the history.

    Drawing a link that is already there is refused, unless `existing_ok` (the CLI's `link`, which a
    script may run twice): then nothing is written and undo removes nothing.
    """

    from_claim: str
    to_claim: str
    kind: LinkKind
    note: str | None = None
    existing_ok: bool = False
    _added: bool = False
    description = "Link facts"

    def apply(self, ctx: LedgerContext) -> Changes:
        if self.from_claim == self.to_claim:
            raise UserError("A fact cannot be linked to itself.")
        for claim_id in (self.from_claim, self.to_claim):
            if ctx.claims.raw(claim_id) is None:
                raise UserError(f"There is no fact with id {claim_id} in this ledger.")
        now = ctx.clock()
        self._added = ctx.links.add(
            new_id("lnk"), self.from_claim, self.to_claim, kind=str(self.kind), note=self.note, at=now
        )
        if self._added:
            self._record(ctx, f"link {self.kind}", at=now)
        elif not self.existing_ok:
            raise UserError(f"These facts are already linked as “{RELATION_WORDS[self.kind]}”.")
        return Changes(claims=frozenset({self.from_claim, self.to_claim}), history=True)

    def revert(self, ctx: LedgerContext) -> Changes:
        if not self._added:
            return Changes()
        ctx.links.remove(self.from_claim, self.to_claim, kind=str(self.kind))
        self._record(ctx, f"undo link {self.kind}")
        return Changes(claims=frozenset({self.from_claim, self.to_claim}), history=True)

    def _record(self, ctx: LedgerContext, action: str, *, at: str | None = None) -> None:
        ctx.record(
            entity="link",
            entity_id=f"{self.from_claim}>{self.to_claim}",
            claim_id=self.from_claim,
            action=action,
            after={"to": self.to_claim, "kind": str(self.kind), "note": self.note},
            at=at,
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
        ctx.record(
            entity="finding",
            entity_id=self._key(),
            claim_id=self.claim_id,
            action=action,
            after={"other": self.other_id, "relation": str(self.relation)},
            reason=self.reason,
        )
        return Changes(claims=frozenset({self.claim_id, self.other_id}), history=True)
