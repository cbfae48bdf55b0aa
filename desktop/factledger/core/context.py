"""What every operation needs: the open ledger's store, its repositories, who is acting and the clock."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .store import (
    ClaimStore,
    EvidenceStore,
    HistoryStore,
    LedgerStore,
    LinkStore,
    SettingsStore,
    SourceStore,
    SuggestionStore,
    VersionStore,
)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def new_id(prefix: str) -> str:
    """Sortable, merge-safe text id: milliseconds since the epoch plus randomness."""
    return f"{prefix}_{int(time.time() * 1000):011x}{secrets.token_hex(5)}"


@dataclass
class LedgerContext:
    """One open ledger as the core sees it: a `LedgerStore` (the storage port, whatever the engine), who is
    acting, and the clock. Owned by one thread, like the store's connection.

    The repositories are the store's own, named here too so an edit writes `ctx.claims` rather than
    `ctx.store.claims`.
    """

    store: LedgerStore
    actor: str
    clock: Callable[[], str] = utc_now
    sources: SourceStore = field(init=False)
    claims: ClaimStore = field(init=False)
    suggestions: SuggestionStore = field(init=False)
    evidence: EvidenceStore = field(init=False)
    history: HistoryStore = field(init=False)
    settings: SettingsStore = field(init=False)
    links: LinkStore = field(init=False)
    versions: VersionStore = field(init=False)

    def __post_init__(self) -> None:
        store = self.store
        self.sources = store.sources
        self.claims = store.claims
        self.suggestions = store.suggestions
        self.evidence = store.evidence
        self.history = store.history
        self.settings = store.settings
        self.links = store.links
        self.versions = store.versions

    def record(
        self,
        *,
        entity: str,
        entity_id: str,
        action: str,
        claim_id: str | None = None,
        before: Any = None,
        after: Any = None,
        reason: str | None = None,
        at: str | None = None,
    ) -> None:
        """Write one event to the append-only history, by whoever acts in this context.

        The actor and the time are filled in here once; `at` is given only when the event must carry
        the same instant as the rows it describes (a fact's `updated_at`, evidence's `added_at`).
        """
        self.history.append(
            entity=entity,
            entity_id=entity_id,
            claim_id=claim_id,
            action=action,
            actor=self.actor,
            at=self.clock() if at is None else at,
            before=before,
            after=after,
            reason=reason,
        )
