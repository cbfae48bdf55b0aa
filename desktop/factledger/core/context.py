"""What every operation needs: the open database, its repositories, who is acting and the clock."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from factledger.storage import (
    ClaimRepository,
    EvidenceRepository,
    HistoryRepository,
    LinkRepository,
    SettingsRepository,
    SourceRepository,
    SuggestionRepository,
    VersionRepository,
)

if TYPE_CHECKING:
    # Only a type here: importing sqlite-utils directly, before `factledger.storage` has loaded it
    # without pandas and numpy, pulled both into every command (storage/sqlite_utils_loader.py).
    from sqlite_utils import Database


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def new_id(prefix: str) -> str:
    """Sortable, merge-safe text id: milliseconds since the epoch plus randomness."""
    return f"{prefix}_{int(time.time() * 1000):011x}{secrets.token_hex(5)}"


@dataclass
class LedgerContext:
    """Repositories over one connection; owned by one thread (connections are never shared)."""

    db: Database
    actor: str
    clock: Callable[[], str] = utc_now
    sources: SourceRepository = field(init=False)
    claims: ClaimRepository = field(init=False)
    suggestions: SuggestionRepository = field(init=False)
    evidence: EvidenceRepository = field(init=False)
    history: HistoryRepository = field(init=False)
    settings: SettingsRepository = field(init=False)
    links: LinkRepository = field(init=False)
    versions: VersionRepository = field(init=False)

    def __post_init__(self) -> None:
        self.sources = SourceRepository(self.db)
        self.claims = ClaimRepository(self.db)
        self.suggestions = SuggestionRepository(self.db)
        self.evidence = EvidenceRepository(self.db)
        self.history = HistoryRepository(self.db)
        self.settings = SettingsRepository(self.db)
        self.links = LinkRepository(self.db)
        self.versions = VersionRepository(self.db)

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
