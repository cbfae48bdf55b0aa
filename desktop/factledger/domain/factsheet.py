"""One exported fact as storage streams it to the exporters: a flat row plus its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Stance
from .errors import UserError


class QuoteMismatch(UserError):
    """A fact's quote is not the words of its source at its span: an export must not ship it.

    A domain type because the streaming storage finds it and the core turns it into the sentence naming
    every altered fact; neither should need the other's module to name it.
    """

    def __init__(self, claim_id: str) -> None:
        super().__init__(f"The quote of fact {claim_id} no longer matches the words of its source.")
        self.claim_id = claim_id


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceRef:
    """One piece of evidence attached to an exported fact, already joined with its source's title and URL.

    Evidence is either a span of another source (`source_id`, `start`, `end`, `source_title`,
    `source_url`) or a web page (`url`); either may carry a `quote` and a `note`.
    """

    stance: Stance
    source_id: str | None = None
    source_title: str | None = None
    source_url: str | None = None
    url: str | None = None
    quote: str | None = None
    note: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FactSheetRow:
    """One fact of a fact sheet: the claim, its verification and its source, denormalized for export.

    The first fields are exactly `CSV_COLUMNS`, in order. Vocabulary fields (`kind`, `status`,
    `attribution`, `qualifier`, `fulfilment`) hold the stored values ("statistic", "on_background",
    "at least"), not labels, so a CSV round-trips into the same ledger vocabulary. `evidence` becomes
    one readable cell in CSV and nested objects in JSON. The fields after `new_version_date` are not
    CSV columns: `stated_on` is the date the claim was made (ClaimReview's claim date; falls back to
    `published`), `claim_start`/`claim_end` locate `quote` in the source's text, and `delivered` is how
    much of a commitment's `amount` the evidence shows delivered (JSON and Markdown carry it; the CSV
    keeps its documented columns).
    """

    id: str
    kind: str
    statement: str
    quote: str
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    period: str | None = None
    subject: str | None = None
    speaker: str | None = None
    attribution: str | None = None
    committer: str | None = None
    action: str | None = None
    amount: float | None = None
    deadline: str | None = None
    fulfilment: str | None = None
    status: str = "unverified"
    status_reason: str | None = None
    verified_by: str | None = None
    verified_at: str | None = None
    source_title: str | None = None
    outlet: str | None = None
    source_url: str | None = None
    published: str | None = None
    evidence: tuple[EvidenceRef, ...] = ()
    context: str | None = None
    # appended when sources gained versions (older readers of the CSV keep their column positions):
    source_changed: str | None = None  # "changed" or "orphaned": a newer version changed or lost the quote
    source_change: str | None = None  # what happened to the quote, in a sentence (old → new wording, figures)
    old_version_date: str | None = None  # when the version the fact was anchored in before was imported
    new_version_date: str | None = None  # when the newer version it was re-anchored against was imported
    source_id: str
    stated_on: str | None = None
    claim_start: int
    claim_end: int
    delivered: float | None = None

    @property
    def claim_date(self) -> str | None:
        """When the claim was made: its own date if logged, else the publication date of its source."""
        return self.stated_on or self.published


CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "statement",
    "quote",
    "value",
    "unit",
    "qualifier",
    "period",
    "subject",
    "speaker",
    "attribution",
    "committer",
    "action",
    "amount",
    "deadline",
    "fulfilment",
    "status",
    "status_reason",
    "verified_by",
    "verified_at",
    "source_title",
    "outlet",
    "source_url",
    "published",
    "evidence",
    "context",
    "source_changed",
    "source_change",
    "old_version_date",
    "new_version_date",
)
"""The fact sheet's CSV header, in its stable, documented order (the first fields of `FactSheetRow`)."""
