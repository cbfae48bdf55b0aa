"""How a person narrows and orders the claims they look at; shared by the table, charts and exports."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Attribution, ClaimKind, Status

SORTABLE_COLUMNS: tuple[str, ...] = (
    "kind",
    "statement",
    "value",
    "unit",
    "subject",
    "speaker",
    "attribution",
    "status",
    "source",
    "stated_on",
    "updated_at",
)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Every field narrows; an empty filter is the whole ledger."""

    kinds: frozenset[ClaimKind] = frozenset()
    statuses: frozenset[Status] = frozenset()
    attributions: frozenset[Attribution] = frozenset()
    source_ids: frozenset[str] = frozenset()
    subject: str | None = None
    date_from: str | None = None  # ISO date, inclusive, on the date the claim was stated
    date_to: str | None = None
    text: str | None = None  # full-text search over statement, quote, subject, speaker

    @property
    def is_empty(self) -> bool:
        return self == ClaimFilter()


@dataclass(frozen=True, slots=True)
class ClaimOrder:
    """Sort key of the claims table; `id` breaks ties so paging is stable."""

    column: str = "updated_at"
    descending: bool = True
