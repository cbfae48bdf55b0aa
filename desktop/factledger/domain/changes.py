"""What a mutation touched, so each screen can decide whether it needs to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    """Returned by every mutating call of the core; carried to every screen by one Qt signal.

    Ids name the records that changed; the flags say which views are affected at all.
    """

    sources: frozenset[str] = field(default_factory=frozenset)
    claims: frozenset[str] = field(default_factory=frozenset)
    evidence: frozenset[str] = field(default_factory=frozenset)
    suggestions: frozenset[str] = field(default_factory=frozenset)  # source ids whose suggestions changed
    history: bool = False
    ledger_replaced: bool = False  # a different ledger was opened: everything is stale

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            sources=self.sources | other.sources,
            claims=self.claims | other.claims,
            evidence=self.evidence | other.evidence,
            suggestions=self.suggestions | other.suggestions,
            history=self.history or other.history,
            ledger_replaced=self.ledger_replaced or other.ledger_replaced,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.sources
            or self.claims
            or self.evidence
            or self.suggestions
            or self.history
            or self.ledger_replaced
        )
