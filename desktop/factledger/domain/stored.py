"""Typed rows a ledger's storage hands back besides the core records: listings, versions, links, backups.

They live in `domain` (not in `storage`) because the storage port (`core.store`) names them in its method
signatures and the UI shows them: a second engine returns the same types, and no layer above storage needs
to import an adapter to read what it got.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .suggestion import Suggestion

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """What the sources list shows; counts come from the database, not from loaded rows."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    file_name: str | None
    imported_at: str
    claim_count: int
    suggestion_count: int
    versions: int = 1
    changed_on: str | None = None  # when the newest version was seen, if there is more than one


@dataclass(frozen=True, slots=True)
class StoredSuggestion:
    """An open suggestion with the ids needed to accept or dismiss it."""

    id: str
    source_id: str
    suggestion: Suggestion


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One version of a source, without its text."""

    id: str
    lineage: str
    version: int
    imported_at: str
    published: str | None
    title: str | None
    size: int  # characters of text


@dataclass(frozen=True, slots=True)
class Lineage:
    """Where one stored source sits among the versions of its article."""

    root: str
    """Version 1's id (the source's own id when it is version 1)."""
    version: int
    """This version's number, counted from 1."""


@dataclass(frozen=True, slots=True)
class WebSource:
    """The newest version of a source that has a web address: what refreshing fetches again."""

    id: str
    url: str | None
    label: str
    """What a person calls it: its title, else its address."""


@dataclass(frozen=True, slots=True)
class FactSpan:
    """A fact as re-anchoring needs it: where its quote sits in which version."""

    claim_id: str
    source_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class DismissedSpan:
    """A suggestion a person rejected, by kind and span, so extraction never proposes it again there.

    A new version of the source carries the spans whose words it still has over, at their new place.
    """

    kind: str
    start: int
    end: int
    quote: str
    dismissed_by: str
    dismissed_at: str


@dataclass(frozen=True, slots=True)
class ClaimLink:
    """A relation a person drew from one fact to another (`kind` is a `LinkKind` value)."""

    from_claim: str
    to_claim: str
    kind: str


@dataclass(frozen=True, slots=True)
class EntityAction:
    """One history event reduced to what it did to which entity, in the order they were recorded."""

    entity_id: str
    action: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A claim or a source matching a search, with a snippet to show where."""

    entity: str  # "claim" or "source"
    id: str
    source_id: str
    title: str
    snippet: str


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file with what a person needs to choose it: when, why, and how much it holds."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    sources: int | None = None
    claims: int | None = None
    readable: bool = True


__all__ = [
    "BackupInfo",
    "ClaimLink",
    "DismissedSpan",
    "EntityAction",
    "FactSpan",
    "Lineage",
    "SearchHit",
    "SourceSummary",
    "StoredSuggestion",
    "VersionInfo",
    "WebSource",
]
