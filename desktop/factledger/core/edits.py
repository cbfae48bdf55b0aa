"""Undoable edits: each one applies a change, remembers what it replaced, and can put it back.

The UI wraps these in one QUndoCommand adapter; the CLI simply applies them. Reverting is itself
recorded in the append-only history, so the log shows both the change and its undo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar

from factledger.domain import (
    SUGGESTION_FIELDS,
    Changes,
    Claim,
    ClaimKind,
    Origin,
    Stance,
    Status,
    UserError,
)

from .context import LedgerContext, new_id
from .fields import normalize_fields
from .spans import checked_quote, sentence_around, suggested_statement


class Edit:
    """Base of every change to a ledger. `apply` may be called again after `revert` (redo).

    Build edits with the factories of `core.operations`; run them with `Ledger.apply` (the CLI, scripts)
    or `LedgerSession.run` (the window). Checks that need the ledger run in `apply`, inside its transaction.
    """

    description = "Edit"
    undoable: ClassVar[bool] = True
    """False for work that cannot be taken back (deleting a source): the window runs it once and keeps it
    off its undo stack, and `revert` refuses."""
    backup_reason: ClassVar[str | None] = None
    """Set on an edit that cannot be undone: the ledger is backed up with this reason right before it is
    applied, so what it removes is still in a backup."""

    def apply(self, ctx: LedgerContext) -> Changes:
        raise NotImplementedError

    def revert(self, ctx: LedgerContext) -> Changes:
        raise NotImplementedError


REFUSED = "_refused"
"""The suffix of the history action of an edit refused as stale (`edit_refused`, `status_refused`, ...)."""


class StaleEdit(UserError):
    """An edit based on a version of a fact that another person (or window) has changed since.

    Raised inside the edit's transaction, which rolls back: nothing is overwritten. `Ledger.apply` then
    writes the refused attempt to the history in a transaction of its own (`record`), so the log
    shows both the change that won and the one that was refused.
    """

    def __init__(self, message: str, *, claim_id: str, action: str, attempted: dict[str, Any]) -> None:
        super().__init__(message)
        self.claim_id = claim_id
        self.action = action
        self.attempted = attempted

    def record(self, ctx: LedgerContext) -> None:
        """Write the refused attempt to the history (action `<action>_refused`, the attempt as `after`)."""
        ctx.record(
            entity="claim",
            entity_id=self.claim_id,
            claim_id=self.claim_id,
            action=f"{self.action}{REFUSED}",
            after=self.attempted,
        )


def _readable_time(at: str) -> str:
    """'2026-12-08T01:29:20Z' as '2026-12-08 01:29 UTC'; anything else as it is."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _stale(ctx: LedgerContext, claim_id: str, action: str, attempted: dict[str, Any]) -> StaleEdit:
    """The refusal of an edit whose fact moved on: who changed it last and when, from its newest event."""
    if ctx.claims.raw(claim_id) is None:
        return StaleEdit(
            f"The fact {claim_id} was deleted by someone else in the meantime; nothing was changed.",
            claim_id=claim_id,
            action=action,
            attempted=attempted,
        )
    # the newest event that changed the fact: a refused attempt (someone else's, or an earlier one of this
    # person's) changed nothing
    events = [e for e in ctx.history.for_claim(claim_id) if not e.action.endswith(REFUSED)]
    if events:
        newest = events[-1]
        name, at = newest.actor, _readable_time(newest.at)
    else:  # changed by a tool that writes no history (raw SQL)
        name, at = "another program", "an unknown time"
    return StaleEdit(
        f"This fact was changed by {name} at {at} — reload to see it.",
        claim_id=claim_id,
        action=action,
        attempted=attempted,
    )


def _current_claim(
    ctx: LedgerContext, claim_id: str, expected: int | None, action: str, attempted: dict[str, Any]
) -> dict[str, Any]:
    """The fact's row, refusing the edit as stale when it is gone or past `expected` (when given)."""
    row = ctx.claims.raw(claim_id)
    if expected is not None and (row is None or row["version"] != expected):
        raise _stale(ctx, claim_id, action, attempted)
    if row is None:
        raise UserError(f"There is no fact with id {claim_id} in this ledger.")
    return row


def _require_claim(ctx: LedgerContext, claim_id: str) -> dict[str, Any]:
    row = ctx.claims.raw(claim_id)
    if row is None:
        raise UserError(f"There is no fact with id {claim_id} in this ledger.")
    return row


def _claim_changes(
    row: dict[str, Any], *, suggestions: bool = False, evidence: frozenset[str] = frozenset()
) -> Changes:
    source = frozenset({row["source_id"]})
    return Changes(
        claims=frozenset({row["id"]}),
        sources=source,
        suggestions=source if suggestions else frozenset(),
        evidence=evidence,
        history=True,
    )


@dataclass
class EvidenceInput:
    """Evidence as a person gives it: a span of another source in the ledger, or a URL, with a quote."""

    stance: Stance = Stance.SUPPORTS
    source_id: str | None = None
    start: int | None = None
    end: int | None = None
    url: str | None = None
    quote: str | None = None
    note: str | None = None


def _evidence_row(
    ctx: LedgerContext, claim_id: str, given: EvidenceInput, evidence_id: str
) -> dict[str, Any]:
    quote = given.quote
    if given.source_id is not None:
        text = ctx.sources.text(given.source_id)
        if text is None:
            raise UserError(f"There is no source with id {given.source_id} to cite as evidence.")
        if given.start is not None and given.end is not None:
            quote = checked_quote(text, given.start, given.end, given.quote)
    elif not given.url and not given.note:
        raise UserError("Evidence needs a source from the ledger, a URL, or at least a note.")
    if given.url and not given.url.lower().startswith(("http://", "https://")):
        raise UserError(f"'{given.url}' is not a web address; evidence URLs start with http:// or https://.")
    return {
        "id": evidence_id,
        "claim_id": claim_id,
        "stance": str(given.stance),
        "source_id": given.source_id,
        "start": given.start,
        "end": given.end,
        "url": given.url,
        "quote": quote,
        "note": given.note,
        "added_by": ctx.actor,
        "added_at": ctx.clock(),
    }


@dataclass
class LogClaim(Edit):
    """A person selects a span and logs it as a fact by hand (or accepts a suggestion, see below)."""

    source_id: str
    start: int
    end: int
    kind: ClaimKind
    fields: dict[str, Any] = field(default_factory=dict)
    quote: str | None = None
    origin: Origin = Origin.MANUAL
    claim_id: str = field(default_factory=lambda: new_id("clm"))
    description = "Log fact"

    def apply(self, ctx: LedgerContext) -> Changes:
        source = ctx.sources.get(self.source_id)
        if source is None:
            raise UserError(f"There is no source with id {self.source_id} in this ledger.")
        quote = checked_quote(source.text, self.start, self.end, self.quote)
        now = ctx.clock()
        values = dict(self.fields)
        statement = values.pop("statement", None) or sentence_around(source.text, self.start, self.end)
        stated_on = values.pop("stated_on", None) or (source.published or "")[:10] or None
        claim = Claim(
            id=self.claim_id,
            source_id=self.source_id,
            kind=ClaimKind(self.kind),
            quote=quote,
            start=self.start,
            end=self.end,
            statement=statement,
            stated_on=stated_on,
            origin=self.origin,
            created_at=now,
            updated_at=now,
            **values,
        )
        ctx.claims.insert(claim)
        row = ctx.claims.raw(self.claim_id)
        ctx.record(
            entity="claim",
            entity_id=self.claim_id,
            claim_id=self.claim_id,
            action="create",
            at=now,
            after=row,
        )
        return _claim_changes(row or {"id": self.claim_id, "source_id": self.source_id})

    def revert(self, ctx: LedgerContext) -> Changes:
        row = _require_claim(ctx, self.claim_id)
        ctx.claims.delete(self.claim_id)
        ctx.record(
            entity="claim",
            entity_id=self.claim_id,
            claim_id=self.claim_id,
            action="undo create",
            before=row,
        )
        return _claim_changes(row)


# What a suggestion knows that a fact keeps: every field both records have, but the span and the ranking.
_SUGGESTION_TO_CLAIM = tuple(
    name
    for name in SUGGESTION_FIELDS
    if name in Claim.__dataclass_fields__ and name not in ("kind", "start", "end", "quote", "cue")
)


@dataclass
class AcceptSuggestion(Edit):
    """Turn an open suggestion into a fact, keeping its kind, span, fields and the cue that found it."""

    suggestion_id: str
    overrides: dict[str, Any] = field(default_factory=dict)
    claim_id: str = field(default_factory=lambda: new_id("clm"))
    _row: dict[str, Any] | None = None
    description = "Accept suggestion"

    def apply(self, ctx: LedgerContext) -> Changes:
        row = ctx.suggestions.raw(self.suggestion_id) if self._row is None else self._row
        if row is None:
            raise UserError("That suggestion is no longer open (it was accepted or dismissed already).")
        self._row = row
        fields: dict[str, Any] = {k: row[k] for k in _SUGGESTION_TO_CLAIM if row[k] is not None}
        text = ctx.sources.text(row["source_id"])
        if text is not None and row["end"] <= len(text):
            # The claim itself (a figure's clause, a pledge's committer and act), not the whole sentence.
            kind = ClaimKind(row["kind"])
            fields["statement"] = suggested_statement(text, kind, row["start"], row["end"], row["committer"])
        fields["cue"] = row["cue"]
        fields["group_key"] = row["group_key"]
        if row["kind"] == ClaimKind.COMMITMENT:
            fields.setdefault("fulfilment", "announced")
        # Checked here rather than when built: a correction typed in a draft is refused like any other
        # refusal of the edit, and checking values already checked changes nothing.
        fields.update(normalize_fields(self.overrides))
        log = LogClaim(
            source_id=row["source_id"],
            start=row["start"],
            end=row["end"],
            kind=ClaimKind(row["kind"]),
            fields=fields,
            quote=row["quote"],
            origin=Origin.SUGGESTED,
            claim_id=self.claim_id,
        )
        changes = log.apply(ctx)
        ctx.suggestions.delete(self.suggestion_id)
        ctx.record(
            entity="suggestion",
            entity_id=self.suggestion_id,
            claim_id=self.claim_id,
            action="accept",
            before={"cue": row["cue"], "score": row["score"]},
        )
        return changes | Changes(suggestions=frozenset({row["source_id"]}))

    def revert(self, ctx: LedgerContext) -> Changes:
        assert self._row is not None, "revert before apply"
        claim = _require_claim(ctx, self.claim_id)
        ctx.claims.delete(self.claim_id)
        ctx.suggestions.insert([self._row])
        ctx.record(
            entity="suggestion",
            entity_id=self.suggestion_id,
            claim_id=self.claim_id,
            action="undo accept",
            before=claim,
        )
        return _claim_changes(claim, suggestions=True)


@dataclass
class DismissSuggestion(Edit):
    """Reject a suggestion; it stays rejected even when the source is extracted again."""

    suggestion_id: str
    _row: dict[str, Any] | None = None
    description = "Dismiss suggestion"

    def apply(self, ctx: LedgerContext) -> Changes:
        row = ctx.suggestions.raw(self.suggestion_id)
        if row is None:
            raise UserError("That suggestion is no longer open (it was accepted or dismissed already).")
        self._row = row
        now = ctx.clock()
        ctx.suggestions.delete(self.suggestion_id)
        ctx.suggestions.dismiss(row, actor=ctx.actor, at=now)
        ctx.record(
            entity="suggestion",
            entity_id=self.suggestion_id,
            action="dismiss",
            at=now,
            before={"kind": row["kind"], "quote": row["quote"], "source_id": row["source_id"]},
        )
        return Changes(
            suggestions=frozenset({row["source_id"]}), sources=frozenset({row["source_id"]}), history=True
        )

    def revert(self, ctx: LedgerContext) -> Changes:
        assert self._row is not None, "revert before apply"
        ctx.suggestions.undismiss(self._row)
        ctx.suggestions.insert([self._row])
        ctx.record(
            entity="suggestion",
            entity_id=self.suggestion_id,
            action="undo dismiss",
            after={"kind": self._row["kind"], "quote": self._row["quote"]},
        )
        source = frozenset({self._row["source_id"]})
        return Changes(suggestions=source, sources=source, history=True)


@dataclass
class EditClaim(Edit):
    """Change some fields of a fact; the history keeps both the old and the new values."""

    claim_id: str
    fields: dict[str, Any]
    reason: str | None = None
    action: str = "edit"
    expected_version: int | None = None
    """The fact's version this edit was based on (what the window showed); None: no check (CLI, scripts).
    Checked when first applied only: redo after undo is this window's own history."""
    _before: dict[str, Any] | None = None
    description = "Edit fact"

    def apply(self, ctx: LedgerContext) -> Changes:
        expected = self.expected_version if self._before is None else None
        row = _current_claim(ctx, self.claim_id, expected, self.action, dict(self.fields))
        changed = {k: v for k, v in self.fields.items() if row.get(k) != v}
        self._before = {k: row[k] for k in changed}
        if not changed:
            return Changes()
        if "statement" in changed and not str(changed["statement"] or "").strip():
            raise UserError("A fact's statement cannot be empty.")
        now = ctx.clock()
        # the read above and this update are separate statements: on a server another person's edit may
        # commit between them, so the update itself is conditional on the version too
        if not ctx.claims.update(self.claim_id, {**changed, "updated_at": now}, expected_version=expected):
            self._before = None
            raise _stale(ctx, self.claim_id, self.action, changed)
        ctx.record(
            entity="claim",
            entity_id=self.claim_id,
            claim_id=self.claim_id,
            action=self.action,
            at=now,
            before=self._before,
            after=changed,
            reason=self.reason,
        )
        return _claim_changes(row)

    def revert(self, ctx: LedgerContext) -> Changes:
        assert self._before is not None, "revert before apply"
        if not self._before:
            return Changes()
        row = _require_claim(ctx, self.claim_id)
        now = ctx.clock()
        ctx.claims.update(self.claim_id, {**self._before, "updated_at": now})
        ctx.record(
            entity="claim",
            entity_id=self.claim_id,
            claim_id=self.claim_id,
            action=f"undo {self.action}",
            at=now,
            before={k: row[k] for k in self._before},
            after=self._before,
        )
        return _claim_changes(row)


@dataclass
class AddEvidence(Edit):
    """Attach support, contradiction or context to a fact."""

    claim_id: str
    evidence: EvidenceInput
    evidence_id: str = field(default_factory=lambda: new_id("evd"))
    description = "Add evidence"

    def apply(self, ctx: LedgerContext) -> Changes:
        claim = _require_claim(ctx, self.claim_id)
        row = _evidence_row(ctx, self.claim_id, self.evidence, self.evidence_id)
        ctx.evidence.insert(row)
        ctx.record(
            entity="evidence",
            entity_id=self.evidence_id,
            claim_id=self.claim_id,
            action="add evidence",
            at=row["added_at"],
            after=row,
        )
        return _claim_changes(claim, evidence=frozenset({self.evidence_id}))

    def revert(self, ctx: LedgerContext) -> Changes:
        claim = _require_claim(ctx, self.claim_id)
        before = ctx.evidence.raw(self.evidence_id)
        ctx.evidence.delete(self.evidence_id)
        ctx.record(
            entity="evidence",
            entity_id=self.evidence_id,
            claim_id=self.claim_id,
            action="undo add evidence",
            before=before,
        )
        return _claim_changes(claim, evidence=frozenset({self.evidence_id}))


@dataclass
class RemoveEvidence(Edit):
    evidence_id: str
    _row: dict[str, Any] | None = None
    description = "Remove evidence"

    def apply(self, ctx: LedgerContext) -> Changes:
        row = ctx.evidence.raw(self.evidence_id)
        if row is None:
            raise UserError(f"There is no evidence with id {self.evidence_id}.")
        self._row = row
        claim = _require_claim(ctx, row["claim_id"])
        ctx.evidence.delete(self.evidence_id)
        ctx.record(
            entity="evidence",
            entity_id=self.evidence_id,
            claim_id=row["claim_id"],
            action="remove evidence",
            before=row,
        )
        return _claim_changes(claim, evidence=frozenset({self.evidence_id}))

    def revert(self, ctx: LedgerContext) -> Changes:
        assert self._row is not None, "revert before apply"
        claim = _require_claim(ctx, self._row["claim_id"])
        ctx.evidence.insert(self._row)
        ctx.record(
            entity="evidence",
            entity_id=self.evidence_id,
            claim_id=self._row["claim_id"],
            action="undo remove evidence",
            after=self._row,
        )
        return _claim_changes(claim, evidence=frozenset({self.evidence_id}))


@dataclass
class SetStatus(Edit):
    """Record a verdict. Verdicts against a claim need a reason; evidence may come with it."""

    claim_id: str
    status: Status
    reason: str | None = None
    evidence: EvidenceInput | None = None
    expected_version: int | None = None
    """The fact's version the verdict was based on; None: no check (see `EditClaim.expected_version`)."""
    _edit: EditClaim | None = None
    _evidence_edit: AddEvidence | None = None
    description = "Set status"

    def apply(self, ctx: LedgerContext) -> Changes:
        status = Status(self.status)
        reason = (self.reason or "").strip() or None
        if status.needs_reason and reason is None:
            raise UserError(f"Setting a fact to “{status.label}” needs a reason the next reader can check.")
        verified = status in (Status.VERIFIED, Status.FALSE, Status.PARTLY_TRUE, Status.DISPUTED)
        now = ctx.clock()
        self._edit = self._edit or EditClaim(
            self.claim_id,
            {
                "status": str(status),
                "status_reason": reason,
                "verified_by": ctx.actor if verified else None,
                "verified_at": now if verified else None,
            },
            reason=reason,
            action="status",
            expected_version=self.expected_version,
        )
        changes = self._edit.apply(ctx)
        if self.evidence is not None:
            self._evidence_edit = self._evidence_edit or AddEvidence(self.claim_id, self.evidence)
            changes = changes | self._evidence_edit.apply(ctx)
        return changes

    def revert(self, ctx: LedgerContext) -> Changes:
        assert self._edit is not None, "revert before apply"
        changes = Changes()
        if self._evidence_edit is not None:
            changes = self._evidence_edit.revert(ctx)
        return changes | self._edit.revert(ctx)


@dataclass
class DeleteClaim(Edit):
    """Remove a fact with its evidence; undo puts every row back as it was."""

    claim_id: str
    reason: str | None = None
    expected_version: int | None = None
    """The fact's version the deletion was based on; None: no check (see `EditClaim.expected_version`)."""
    _row: dict[str, Any] | None = None
    _evidence: list[dict[str, Any]] = field(default_factory=list)
    description = "Delete fact"

    def apply(self, ctx: LedgerContext) -> Changes:
        expected = self.expected_version if self._row is None else None
        attempted = {"deleted": True}
        row = _current_claim(ctx, self.claim_id, expected, "delete", attempted)
        self._row = row
        self._evidence = ctx.evidence.raw_for_claim(self.claim_id)
        if not ctx.claims.delete(self.claim_id, expected_version=expected):
            self._row = None
            raise _stale(ctx, self.claim_id, "delete", attempted)
        ctx.record(
            entity="claim",
            entity_id=self.claim_id,
            claim_id=self.claim_id,
            action="delete",
            before=row,
            reason=self.reason,
        )
        return _claim_changes(row, evidence=frozenset(e["id"] for e in self._evidence))

    def revert(self, ctx: LedgerContext) -> Changes:
        assert self._row is not None, "revert before apply"
        ctx.claims.restore(self._row)
        for evidence in self._evidence:
            ctx.evidence.insert(evidence)
        ctx.record(
            entity="claim",
            entity_id=self.claim_id,
            claim_id=self.claim_id,
            action="undo delete",
            after=self._row,
        )
        return _claim_changes(self._row, evidence=frozenset(e["id"] for e in self._evidence))


@dataclass
class EditGroup(Edit):
    """Several edits as one undo step (accept all, bulk status)."""

    edits: list[Edit]
    description: str = "Edits"

    def apply(self, ctx: LedgerContext) -> Changes:
        changes = Changes()
        for edit in self.edits:
            changes = changes | edit.apply(ctx)
        return changes

    def revert(self, ctx: LedgerContext) -> Changes:
        changes = Changes()
        for edit in reversed(self.edits):
            changes = changes | edit.revert(ctx)
        return changes


@dataclass
class AcceptAll(Edit):
    """Accept every open suggestion that matches (one source, one kind, a least score) as one undo step.

    The suggestions are chosen by the first `apply`, inside its transaction, so another process accepting
    some meanwhile cannot make this one fail half-chosen; redo accepts the same ones again.
    """

    source_id: str | None = None
    kind: ClaimKind | None = None
    min_score: float = 0.0
    edits: list[AcceptSuggestion] = field(default_factory=list)
    _chosen: bool = False
    description = "Accept suggestions"

    @property
    def claim_ids(self) -> list[str]:
        """The facts the accepted suggestions became (empty before the first apply)."""
        return [edit.claim_id for edit in self.edits]

    def apply(self, ctx: LedgerContext) -> Changes:
        if not self._chosen:
            kind = None if self.kind is None else str(self.kind)
            ids = ctx.suggestions.ids(source_id=self.source_id, kind=kind, min_score=self.min_score)
            self.edits = [AcceptSuggestion(i) for i in ids]
            self.description = f"Accept {len(ids)} suggestions"
            self._chosen = True
        return EditGroup(list(self.edits)).apply(ctx)

    def revert(self, ctx: LedgerContext) -> Changes:
        assert self._chosen, "revert before apply"
        return EditGroup(list(self.edits)).revert(ctx)
