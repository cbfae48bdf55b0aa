"""Where a fact stands after its source changed: the re-anchoring states and one fact's record of them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AnchorState(StrEnum):
    """How a fact's quote was found in a newer version of its source (Hypothesis-style re-anchoring)."""

    ANCHORED = "anchored"  # the same words at the same place
    MOVED = "moved"  # the same words elsewhere in the new version
    CHANGED = "changed"  # the best match differs from the old wording: both are kept
    ORPHANED = "orphaned"  # nothing close enough: the fact stays on the version that had its words

    @property
    def is_finding(self) -> bool:
        """A changed or vanished quote is a stealth edit a fact-checker must look at."""
        return self in (AnchorState.CHANGED, AnchorState.ORPHANED)


@dataclass(frozen=True, slots=True)
class Anchor:
    """The last re-anchoring of one fact: the versions involved, both wordings and the figures that moved."""

    claim_id: str
    state: AnchorState
    from_source: str  # the version the fact was anchored in before
    to_source: str  # the version it was re-anchored against (the fact stays on from_source when orphaned)
    from_version: int
    to_version: int
    old_quote: str
    new_quote: str | None  # None when orphaned
    score: float
    figures: str | None  # "$500 billion → $550 billion" when the quote's figures changed value
    from_date: str | None  # when each version was seen (imported), ISO 8601
    to_date: str | None
    at: str


@dataclass(frozen=True, slots=True)
class AnchorRecord:
    """One fact's last re-anchoring as stored: what adding a version writes, and what undoing it puts back.

    `Anchor` is the same record read with both versions' numbers and dates joined in, for display.
    """

    claim_id: str
    state: AnchorState
    from_source: str
    to_source: str
    old_quote: str
    new_quote: str | None
    score: float
    figures: str | None
    at: str


def describe_change(
    state: AnchorState | str, old_quote: str, new_quote: str | None, figures: str | None, to_version: int
) -> str:
    """One sentence for a person: what became of a fact's quote in version `to_version` of its source."""
    if state == AnchorState.ORPHANED:
        return f"“{_short(old_quote)}” is no longer in version {to_version} of the source"
    if state == AnchorState.CHANGED:
        change = f"“{_short(old_quote)}” now reads “{_short(new_quote or '')}” in version {to_version}"
        redundant = figures == f"{old_quote} → {new_quote}"
        return f"{change} ({figures})" if figures and not redundant else change
    if state == AnchorState.MOVED:
        return f"same words, moved in version {to_version}"
    return f"unchanged in version {to_version}"


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
