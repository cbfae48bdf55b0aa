"""Plain records of what the ledger holds: sources, claims, evidence and history."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Attribution, ClaimKind, Fulfilment, Origin, Qualifier, Stance, Status


@dataclass(frozen=True, slots=True)
class Source:
    """One imported document; `text` is what every claim span of it indexes."""

    id: str
    kind: str
    title: str | None
    outlet: str | None
    url: str | None
    authors: tuple[str, ...]
    published: str | None
    imported_at: str
    language: str | None
    text: str
    content_sha256: str
    file_name: str | None
    media_type: str


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact tied to its exact quote in a source."""

    id: str
    source_id: str
    kind: ClaimKind
    quote: str
    start: int
    end: int
    statement: str
    subject: str | None = None
    speaker: str | None = None
    attribution: Attribution | None = None
    stated_on: str | None = None
    value: float | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    period: str | None = None
    committer: str | None = None
    action: str | None = None
    amount: float | None = None
    deadline: str | None = None
    fulfilment: Fulfilment | None = None
    status: Status = Status.UNVERIFIED
    status_reason: str | None = None
    verified_by: str | None = None
    verified_at: str | None = None
    origin: Origin = Origin.MANUAL
    cue: str | None = None
    group_key: str | None = None
    created_at: str = ""
    updated_at: str = ""
    delivered: float | None = None  # of a commitment's amount, what the evidence shows delivered
    version: int = 1  # bumped by the database on every update; an edit based on an older one is refused


@dataclass(frozen=True, slots=True)
class Evidence:
    """Support for, against, or around a claim: a span of another source or a URL with a quote."""

    id: str
    claim_id: str
    stance: Stance
    source_id: str | None = None
    start: int | None = None
    end: int | None = None
    url: str | None = None
    quote: str | None = None
    note: str | None = None
    added_by: str | None = None
    added_at: str = ""


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """One line of the append-only change log: who did what to which record, when and why."""

    id: int
    entity: str  # "claim", "source", "evidence", "suggestion"
    entity_id: str
    action: str  # "create", "edit", "status", "delete", "evidence", "accept", "dismiss", ...
    actor: str
    at: str
    before: str | None  # JSON
    after: str | None  # JSON
    reason: str | None
    claim_id: str | None = None
