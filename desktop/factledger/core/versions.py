"""Adding a version of a source: the new text is stored beside the old, and every fact is re-anchored in it.

One undoable edit does all of it inside the import's transaction: the version row, the facts moved to the
new version (source, span and quote together), the anchors, the history, and the open suggestions extracted
again for the new text. Undo moves the facts back, restores what the anchors and suggestions were, and
removes the version (its original bytes and suggestions go with it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from factledger.domain import Changes, Document, Suggestion, UserError
from factledger.domain.anchors import AnchorRecord, AnchorState

from .anchoring import Placement, Reanchorer
from .context import LedgerContext, new_id
from .edits import Edit


@dataclass(frozen=True, slots=True)
class VersionReport:
    """What re-anchoring did: the new version and how many facts ended in each state."""

    lineage: str
    source_id: str
    version: int
    counts: dict[str, int]

    def summary(self) -> str:
        """ "5 anchored, 3 moved, 1 changed, 1 orphaned" (states with no fact left out, "no facts" if none)."""
        parts = [f"{self.counts[s]} {s}" for s in AnchorState if self.counts.get(s)]
        return ", ".join(parts) or "no facts"


@dataclass
class AddSourceVersion(Edit):
    """Store `document` as the next version of the source whose newest version is `previous`."""

    previous: str
    document: Document
    suggestions: Sequence[Suggestion]
    source_id: str = ""
    description = "New version of a source"
    report: VersionReport | None = None
    _moves: list[dict[str, Any]] = field(default_factory=list)
    _anchors_before: list[AnchorRecord] = field(default_factory=list)
    _suggestions_before: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.source_id = self.source_id or "src_" + self.document.content_sha256[:16]

    def apply(self, ctx: LedgerContext) -> Changes:
        found = ctx.versions.lineage(self.previous)
        if found is None:
            raise UserError(f"There is no source with id {self.previous} in this ledger.")
        lineage = found.root
        versions = ctx.versions.versions(lineage)
        number = versions[-1].version + 1
        now = ctx.clock()
        ctx.sources.insert(self.source_id, self.document, imported_at=now, lineage=lineage, version=number)
        texts = {v.id: ctx.sources.text(v.id) or "" for v in versions}
        numbers = {v.id: v.version for v in versions} | {self.source_id: number}
        facts = ctx.versions.facts(list(texts))
        self._anchors_before = ctx.versions.anchor_records(f.claim_id for f in facts)
        anchorers = {sid: Reanchorer(text, self.document.text) for sid, text in texts.items()}
        self._moves = []
        anchors: list[AnchorRecord] = []
        counts: Counter[str] = Counter()
        for fact in facts:
            placement = anchorers[fact.source_id].place(fact.start, fact.end, fact.quote)
            counts[placement.state] += 1
            before = {"source_id": fact.source_id, "start": fact.start, "end": fact.end, "quote": fact.quote}
            after = _after(placement, self.source_id)
            if after is not None:
                ctx.versions.move_fact(fact.claim_id, at=now, **after)
                self._moves.append({"claim_id": fact.claim_id, "before": before, "after": after})
            anchors.append(
                AnchorRecord(
                    fact.claim_id,
                    placement.state,
                    fact.source_id,
                    self.source_id,
                    fact.quote,
                    placement.quote,
                    placement.score,
                    placement.figures,
                    now,
                )
            )
            ctx.record(
                entity="claim",
                entity_id=fact.claim_id,
                claim_id=fact.claim_id,
                action="reanchor",
                at=now,
                before=before | {"version": numbers[fact.source_id]},
                after=(after or {"source_id": fact.source_id})
                | {
                    "version": number if after is not None else numbers[fact.source_id],
                    "against_version": number,
                    "state": str(placement.state),
                    "score": placement.score,
                    "figures": placement.figures,
                },
                reason=f"version {number} of source {lineage}",
            )
        ctx.versions.put_anchors(anchors)
        self._carry_suggestions(ctx, anchorers[self.previous])
        ctx.record(
            entity="source",
            entity_id=self.source_id,
            action="new version",
            at=now,
            before={"source_id": self.previous, "version": number - 1},
            after={"source_id": self.source_id, "version": number, "lineage": lineage, **dict(counts)},
        )
        self.report = VersionReport(lineage, self.source_id, number, dict(counts))
        return self._changes(list(texts))

    def _carry_suggestions(self, ctx: LedgerContext, anchorer: Reanchorer) -> None:
        """Open suggestions of the old text give way to the new text's; dismissed ones that are still there
        stay dismissed."""
        self._suggestions_before = ctx.versions.suggestion_rows(self.previous)
        ctx.versions.delete_suggestions(self.previous)
        carried = []
        for span in ctx.versions.dismissed_spans(self.previous):
            placed = anchorer.place(span.start, span.end, span.quote)
            kept = placed.state in (AnchorState.ANCHORED, AnchorState.MOVED)
            if kept and placed.start is not None and placed.end is not None:
                carried.append(replace(span, start=placed.start, end=placed.end))
        ctx.versions.add_dismissed(self.source_id, carried)
        ctx.suggestions.add_for_source(
            self.source_id,
            self.suggestions,
            claimed=ctx.claims.spans_for_source(self.source_id),
            new_id=lambda: new_id("sug"),
        )

    def revert(self, ctx: LedgerContext) -> Changes:
        if ctx.sources.get(self.source_id) is None:
            raise UserError("That version of the source is no longer in the ledger.")
        now = ctx.clock()
        for move in self._moves:
            if ctx.claims.raw(move["claim_id"]) is not None:
                ctx.versions.move_fact(move["claim_id"], at=now, **move["before"])
        if ctx.claims.for_source(self.source_id):
            # facts logged on the new version since: deleting it would take them along
            raise UserError(
                "Facts were logged on the new version of this source since it was added; undo those first."
            )
        # the anchors from before come back; the version's own go with it (ON DELETE CASCADE), as do its
        # suggestions, dismissed spans and original bytes
        ctx.versions.put_anchors(r for r in self._anchors_before if ctx.claims.raw(r.claim_id) is not None)
        ctx.versions.delete_version(self.source_id)
        ctx.suggestions.insert(self._suggestions_before)
        ctx.record(
            entity="source",
            entity_id=self.source_id,
            action="undo new version",
            at=now,
            before={"source_id": self.source_id},
            after={"source_id": self.previous},
        )
        for move in self._moves:
            ctx.record(
                entity="claim",
                entity_id=move["claim_id"],
                claim_id=move["claim_id"],
                action="undo reanchor",
                at=now,
                before=move["after"],
                after=move["before"],
            )
        return self._changes([self.previous])

    def _changes(self, sources: list[str]) -> Changes:
        return Changes(
            sources=frozenset({*sources, self.source_id}),
            claims=frozenset(m["claim_id"] for m in self._moves),
            suggestions=frozenset({self.previous, self.source_id}),
            history=True,
        )


def _after(placement: Placement, source_id: str) -> dict[str, Any] | None:
    if placement.start is None or placement.end is None or placement.quote is None:
        return None
    return {"source_id": source_id, "start": placement.start, "end": placement.end, "quote": placement.quote}
