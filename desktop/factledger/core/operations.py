"""Every change a person or a script can make to a ledger, as a factory that builds the `Edit` doing it.

This is the one place that says how an intention ("accept this suggestion", "set these facts to verified")
becomes an edit. Nothing here touches a ledger: each factory takes plain values, keyword-only, checks and
normalizes what can be checked without the ledger (a typed date, a status name) and returns the edit.
Whatever depends on the ledger's state (which suggestions are open, whether a fact still exists, the
actor and the clock) is read by the edit's `apply`, inside the transaction that applies it, from the
`LedgerContext` it is given. So an edit can be built anywhere (a dialog, a CLI command, a test), is run
by `Ledger.apply` or `LedgerSession.run`, and its redo sees the ledger as it is then.

A factory refuses a value it can check with a `UserError` at once, before anything is written or pushed
on an undo stack (the window passes such factories to `LedgerSession.run` as a builder, so the refusal
is reported like any other).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from factledger.domain import ClaimKind, Document, LinkKind, Status, Suggestion, UserError

from .edits import (
    AcceptAll,
    AcceptSuggestion,
    AddEvidence,
    DeleteClaim,
    DismissSuggestion,
    Edit,
    EditClaim,
    EditGroup,
    EvidenceInput,
    LogClaim,
    RemoveEvidence,
    SetStatus,
)
from .fields import normalize_fields, normalize_link_kind
from .related import DismissFinding, LinkFacts
from .source_edits import DeleteSource, EditSource, ExtractAgain, normalize_source_fields

if TYPE_CHECKING:
    from .versions import AddSourceVersion

_STATUS_FIELDS = frozenset({"status", "status_reason", "verified_by", "verified_at"})

# -- suggestions --------------------------------------------------------------------------------------


def accept(*, suggestion_id: str, **overrides: Any) -> AcceptSuggestion:
    """Turn an open suggestion into a fact; `overrides` are the fields a person corrected first.

    The corrections are checked when the edit is applied (a wrong one is refused with nothing written).
    """
    return AcceptSuggestion(suggestion_id, dict(overrides))


def accept_all(
    *, source_id: str | None = None, kind: ClaimKind | None = None, min_score: float = 0.0
) -> AcceptAll:
    """Accept every open suggestion (of one source, of one kind, scoring at least `min_score`) as one step.

    Which suggestions are open is read when the edit is applied, in the same transaction.
    """
    return AcceptAll(source_id=source_id, kind=None if kind is None else ClaimKind(kind), min_score=min_score)


def dismiss(*, suggestion_id: str) -> DismissSuggestion:
    """Reject a suggestion; it stays rejected when the source is extracted again."""
    return DismissSuggestion(suggestion_id)


# -- facts ----------------------------------------------------------------------------------------------


def log_claim(
    *,
    source_id: str,
    start: int,
    end: int,
    kind: ClaimKind | str,
    quote: str | None = None,
    **fields: Any,
) -> LogClaim:
    """Log the span `start:end` of a source as a fact of `kind` by hand (`quote`, when given, must match)."""
    return LogClaim(source_id, start, end, ClaimKind(kind), normalize_fields(fields), quote=quote)


def edit_claim(
    *, claim_id: str, reason: str | None = None, expected_version: int | None = None, **fields: Any
) -> EditClaim:
    """Change some fields of a fact; its status has `set_status`, because a verdict may need a reason.

    `expected_version` is the fact's version the change was based on (the one a window shows): when the
    fact has changed since, the edit is refused with who changed it and nothing is overwritten.
    """
    if _STATUS_FIELDS & set(fields):
        raise UserError("Use the status command to change a fact's verification status.")
    return EditClaim(claim_id, normalize_fields(fields), reason=reason, expected_version=expected_version)


def set_status(
    *,
    claim_id: str,
    status: Status | str,
    reason: str | None = None,
    evidence: EvidenceInput | None = None,
    expected_version: int | None = None,
) -> SetStatus:
    """Record a verdict on one fact, with the evidence for it when given (one undo step); refused when
    `expected_version` is given and the fact has changed since (see `edit_claim`)."""
    parsed = Status(normalize_fields({"status": status})["status"])
    return SetStatus(claim_id, parsed, reason, evidence, expected_version=expected_version)


def set_status_many(
    *, claim_ids: Iterable[str], status: Status | str, reason: str | None = None
) -> EditGroup:
    """One status and one reason for several facts, as a single undo step (a bulk status change)."""
    edits: list[Edit] = [set_status(claim_id=i, status=status, reason=reason) for i in claim_ids]
    if not edits:
        raise UserError("Choose at least one fact to set its status.")
    noun = "1 fact" if len(edits) == 1 else f"{len(edits):,} facts"
    return EditGroup(edits, description=f"Set status of {noun}")


def add_evidence(*, claim_id: str, evidence: EvidenceInput) -> AddEvidence:
    """Attach support, contradiction or context to a fact (a span of another source, or a URL)."""
    return AddEvidence(claim_id, evidence)


def remove_evidence(*, evidence_id: str) -> RemoveEvidence:
    """Take one piece of evidence off its fact; undo puts it back as it was."""
    return RemoveEvidence(evidence_id)


def delete_claim(
    *, claim_id: str, reason: str | None = None, expected_version: int | None = None
) -> DeleteClaim:
    """Remove a fact with its evidence; undo puts every row back. Refused when `expected_version` is given
    and the fact has changed since (see `edit_claim`)."""
    return DeleteClaim(claim_id, reason, expected_version=expected_version)


def link(
    *,
    from_claim: str,
    to_claim: str,
    kind: LinkKind | str,
    note: str | None = None,
    existing_ok: bool = False,
) -> LinkFacts:
    """Draw a relation (restates, contradicts, part of) between two facts for checks and exports to use.

    A link that is already there is refused, unless `existing_ok` (then the edit changes nothing).
    """
    return LinkFacts(from_claim, to_claim, LinkKind(normalize_link_kind(kind)), note, existing_ok=existing_ok)


def dismiss_finding(
    *, claim_id: str, other_id: str, relation: LinkKind | str, reason: str | None = None
) -> DismissFinding:
    """Say the check's finding about two facts is not real; it stops being shown (undoable, in the history)."""
    return DismissFinding(claim_id, other_id, LinkKind(normalize_link_kind(relation)), reason)


# -- sources --------------------------------------------------------------------------------------------


def edit_source(*, source_id: str, reason: str | None = None, **fields: Any) -> EditSource:
    """Correct a source's title, outlet, url, publication date or authors."""
    return EditSource(source_id, normalize_source_fields(fields), reason=reason)


def add_source_version(
    *, previous: str, document: Document, suggestions: Sequence[Suggestion]
) -> AddSourceVersion:
    """Store `document` as the next version of the source whose newest version is `previous`, moving every
    fact onto it; `suggestions` are the extractor's for the new text."""
    # Loaded here: re-anchoring reads figures with the extractor's patterns, which a query command
    # (search, claims, info) starts without.
    from .versions import AddSourceVersion

    return AddSourceVersion(previous, document, suggestions)


def extract_again(*, source_id: str) -> ExtractAgain:
    """Replace a source's open suggestions by the extractor's current ones (not undoable)."""
    return ExtractAgain(source_id)


def delete_source(*, source_id: str) -> DeleteSource:
    """Remove a source with all its versions and facts (not undoable: backed up first, kept in the history)."""
    return DeleteSource(source_id)
