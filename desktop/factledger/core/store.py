"""The storage port: what the core asks of a ledger's database, as `typing.Protocol`s over domain types.

The core (edits, imports, checks, the `Ledger` facade) is written against these Protocols only; an engine
implements them structurally in `factledger.storage` (SQLite today: `storage.sqlite_store.SqliteStore`)
without importing anything from here, so the dependency points from storage's shape to core's needs and
never from core to an engine. A second engine is written against this file, and the same contract tests
run on both. `core/ledger.py` picks the engine when it opens a ledger; `core/backups.py` is the one other
module that calls the SQLite adapter (backup files are an engine's own business).

Signatures name domain types only. Where an edit keeps a row to put it back on undo (and writes it into
the history verbatim) the row is a plain `dict[str, Any]` of stored values: an opaque snapshot the same
store hands out and takes back, the same for every engine.

Chart queries have a port of their own (`core/chart_store.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from factledger.domain import (
    Claim,
    ClaimFilter,
    ClaimLink,
    ClaimOrder,
    ClaimPage,
    DismissedSpan,
    Document,
    EntityAction,
    Evidence,
    FactSpan,
    HistoryEvent,
    Lineage,
    SearchHit,
    Source,
    SourceSummary,
    StoredSuggestion,
    Suggestion,
    VersionInfo,
    WebSource,
)
from factledger.domain.anchors import Anchor, AnchorRecord, AnchorState
from factledger.domain.factsheet import FactSheetRow
from factledger.domain.ledger_counts import LedgerCounts

from .chart_store import ChartStore

Row = dict[str, Any]
"""One stored row as column name to value: what an undo puts back exactly as it was taken."""


class SourceStore(Protocol):
    """Imported documents and their original bytes.

    A source's text is never rewritten (every claim span indexes it), so the port offers inserting, reading
    and deleting a source and changing its descriptive columns only.
    """

    def id_for_hash(self, content_sha256: str) -> str | None: ...

    def insert(
        self,
        source_id: str,
        document: Document,
        *,
        imported_at: str,
        lineage: str | None = None,
        version: int = 1,
    ) -> None: ...

    def get(self, source_id: str) -> Source | None: ...

    def details(self, source_id: str, columns: Sequence[str]) -> Row | None:
        """Just these descriptive columns of one source (never its text, which may be megabytes)."""
        ...

    def update_details(self, source_id: str, values: Mapping[str, Any]) -> None: ...

    def text(self, source_id: str) -> str | None: ...

    def original(self, source_id: str) -> bytes | None: ...

    def summaries(self) -> list[SourceSummary]: ...

    def titles(self, source_ids: Iterable[str]) -> dict[str, str]: ...

    def published_days(self, source_ids: Iterable[str]) -> dict[str, str]:
        """Publication days (YYYY-MM-DD) of just these sources, for those that have one."""
        ...

    def delete(self, source_id: str) -> bool: ...

    def count(self) -> int: ...


class ClaimStore(Protocol):
    """Facts: one per row, with filtering, ordering and paging done by the engine, never in Python lists.

    A table of a million facts asks for pages, positions and keyset neighbours; the port keeps those as
    separate questions so an engine can answer each from an index.
    """

    def insert(self, claim: Claim) -> None: ...

    def restore(self, row: Mapping[str, Any]) -> None:
        """Put back a row exactly as `raw` handed it out (undo of a delete)."""
        ...

    def get(self, claim_id: str) -> Claim | None: ...

    def raw(self, claim_id: str) -> Row | None: ...

    def update(
        self, claim_id: str, fields: Mapping[str, Any], *, expected_version: int | None = None
    ) -> bool:
        """Change some fields of a fact; with `expected_version`, only while the row still has that
        version, checked and changed in one statement. False when nothing was changed."""
        ...

    def delete(self, claim_id: str, *, expected_version: int | None = None) -> bool:
        """Remove a fact; with `expected_version`, only while the row still has that version."""
        ...

    def quote_mismatches(self) -> list[str]: ...

    def count(self, claim_filter: ClaimFilter = ...) -> int: ...

    def page(
        self, claim_filter: ClaimFilter, order: ClaimOrder, *, offset: int = 0, limit: int = 200
    ) -> ClaimPage: ...

    def position(self, claim_id: str, claim_filter: ClaimFilter, order: ClaimOrder) -> int | None: ...

    def page_beside(
        self,
        claim_id: str,
        claim_filter: ClaimFilter,
        order: ClaimOrder,
        *,
        limit: int = 200,
        before: bool = False,
    ) -> ClaimPage | None: ...

    def subjects(self, *, limit: int) -> list[tuple[str, int]]: ...

    def for_source(self, source_id: str) -> list[Claim]: ...

    def spans_for_source(self, source_id: str) -> set[tuple[int, int]]: ...


class SuggestionStore(Protocol):
    """Open suggestions per source, and the dismissed spans that must stay dismissed when extraction reruns."""

    def insert(self, rows: Iterable[Row]) -> int: ...

    def add_for_source(
        self,
        source_id: str,
        suggestions: Iterable[Suggestion],
        *,
        claimed: set[tuple[int, int]],
        new_id: Callable[[], str],
    ) -> int: ...

    def for_source(self, source_id: str) -> list[StoredSuggestion]: ...

    def count_for_source(self, source_id: str) -> int:
        """How many suggestions of one source are open (an index count; nothing is built)."""
        ...

    def get(self, suggestion_id: str) -> StoredSuggestion | None: ...

    def raw(self, suggestion_id: str) -> Row | None: ...

    def ids(
        self, *, source_id: str | None = None, kind: str | None = None, min_score: float = 0.0
    ) -> list[str]: ...

    def delete(self, suggestion_id: str) -> None: ...

    def count(self) -> int: ...

    def dismiss(self, row: Row, *, actor: str, at: str) -> None: ...

    def undismiss(self, row: Row) -> None: ...

    def dismissed_keys(self, source_id: str) -> set[tuple[str, int, int]]: ...

    def count_dismissed(self) -> int: ...


class EvidenceStore(Protocol):
    """What supports, contradicts or frames a fact; rows come back whole so deleting one can be undone."""

    def insert(self, row: Row) -> None: ...

    def for_claim(self, claim_id: str) -> list[Evidence]: ...

    def raw_for_claim(self, claim_id: str) -> list[Row]: ...

    def raw(self, evidence_id: str) -> Row | None: ...

    def delete(self, evidence_id: str) -> bool: ...

    def count(self) -> int: ...


class HistoryStore(Protocol):
    """The append-only change log: the port offers appending and reading, never changing an event."""

    def append(
        self,
        *,
        entity: str,
        entity_id: str,
        action: str,
        actor: str,
        at: str,
        claim_id: str | None = None,
        before: Any = None,
        after: Any = None,
        reason: str | None = None,
    ) -> None: ...

    def for_claim(self, claim_id: str) -> list[HistoryEvent]: ...

    def entity_actions(self, claim_ids: Sequence[str], *, entity: str) -> list[EntityAction]:
        """The events about `entity` recorded on these facts, oldest first (dismissed findings)."""
        ...

    def count(self) -> int: ...


class SettingsStore(Protocol):
    """Preferences that belong to one ledger (its backup folder) rather than to a machine."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str | None) -> None: ...


class LinkStore(Protocol):
    """Relations a person drew between facts (restates, contradicts, part of); `kind` is a `LinkKind` value."""

    def add(
        self, link_id: str, from_claim: str, to_claim: str, *, kind: str, note: str | None, at: str
    ) -> bool: ...

    def remove(self, from_claim: str, to_claim: str, *, kind: str) -> bool: ...

    def pairs(self, *, kind: str) -> list[tuple[str, str]]: ...

    def touching(self, claim_ids: Sequence[str]) -> list[ClaimLink]:
        """Every link from or to one of these facts."""
        ...


class VersionStore(Protocol):
    """Versions of a source and the re-anchoring of its facts.

    Adding a version moves facts, rewrites anchors and carries suggestions and dismissals over, all inside
    one transaction of the edit that adds it; the port names each of those steps so undo can reverse them.
    """

    def match(self, document: Document) -> str | None: ...

    def lineage(self, source_id: str) -> Lineage | None: ...

    def latest(self, lineage: str) -> str: ...

    def versions(self, source_id: str) -> list[VersionInfo]: ...

    def facts(self, source_ids: Sequence[str]) -> list[FactSpan]: ...

    def move_fact(
        self, claim_id: str, *, source_id: str, start: int, end: int, quote: str, at: str
    ) -> None: ...

    def anchor_records(self, claim_ids: Iterable[str]) -> list[AnchorRecord]: ...

    def put_anchors(self, records: Iterable[AnchorRecord]) -> None: ...

    def anchors(self, claim_ids: Iterable[str]) -> dict[str, Anchor]: ...

    def changed_claim_ids(self) -> list[str]: ...

    def changed_states(self) -> dict[str, AnchorState]: ...

    def suggestion_rows(self, source_id: str) -> list[Row]: ...

    def delete_suggestions(self, source_id: str) -> None: ...

    def dismissed_spans(self, source_id: str) -> list[DismissedSpan]: ...

    def add_dismissed(self, source_id: str, spans: Iterable[DismissedSpan]) -> None: ...

    def delete_version(self, source_id: str) -> None: ...

    def web_sources(self) -> list[WebSource]: ...


class LedgerStore(Protocol):
    """One open ledger database: its repositories over one connection, and what spans them.

    Owned by one thread (connections are never shared). `transaction()` makes one edit or import all of it
    or none of it and turns an engine's failure (full disk, lock, damage) into a `UserError` sentence; it
    nests (an inner one joins the outer). Everything else here is what the core asked of the raw database
    before this port existed: search, the export stream, the full integrity check and the backup hooks.
    """

    @property
    def schema_version(self) -> int:
        """The schema version this engine writes (`factledger info` shows it)."""
        ...

    @property
    def keeps_file_backups(self) -> bool:
        """Whether FactLedger backs this ledger up into files (a ledger file); False for a ledger whose
        backups are its server's business, so an edit that cannot be undone skips the backup before it."""
        ...

    @property
    def sources(self) -> SourceStore: ...

    @property
    def claims(self) -> ClaimStore: ...

    @property
    def suggestions(self) -> SuggestionStore: ...

    @property
    def evidence(self) -> EvidenceStore: ...

    @property
    def history(self) -> HistoryStore: ...

    @property
    def settings(self) -> SettingsStore: ...

    @property
    def links(self) -> LinkStore: ...

    @property
    def versions(self) -> VersionStore: ...

    @property
    def charts(self) -> ChartStore:
        """The read-only queries behind the timeline and charts (their own port, `core.chart_store`)."""
        ...

    def counts(self) -> LedgerCounts:
        """What the ledger holds, counted, for `factledger info` and the status dialog."""
        ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def close(self) -> None: ...

    def search(self, query: str, *, limit: int = 100, ranked: bool = True) -> list[SearchHit]: ...

    def factsheet_rows(self, claim_filter: ClaimFilter) -> Iterator[FactSheetRow]:
        """Export rows in source then position order, streamed from one consistent snapshot; raises
        `QuoteMismatch` on a fact whose quote is no longer its source's words."""
        ...

    def integrity_problems(self) -> list[str]:
        """The engine's full check of every page and index (empty when sound). On damage, every connection
        of this process to the same file stops writing into it."""
        ...

    def refuse_if_open(self, path: Path, *, doing: str) -> None:
        """Raise a `UserError` when `path` is a ledger file (or a side file of one) open in this process:
        reading or replacing it with plain file operations would endanger it."""
        ...

    def has_work(self) -> bool:
        """Whether the ledger holds anything worth a first backup (a source or a history event)."""
        ...

    def configured_backup_folder(self) -> Path | None:
        """The backup folder chosen for this ledger, if any (None too when the setting cannot be read, so a
        damaged ledger is still backed up into the default folder)."""
        ...

    def make_backup(self, path: Path, folder: Path, *, reason: str) -> Path:
        """A consistent copy of the open ledger at `path` into `folder`, made while others may write;
        old backups there are pruned. Returns the new backup's path."""
        ...


__all__ = [
    "ClaimStore",
    "EvidenceStore",
    "HistoryStore",
    "LedgerStore",
    "LinkStore",
    "Row",
    "SettingsStore",
    "SourceStore",
    "SuggestionStore",
    "VersionStore",
]
