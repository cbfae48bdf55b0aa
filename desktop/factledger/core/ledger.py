"""Ledger: the one API the UI and the CLI call. It only delegates: rules live in edits, SQL in storage.

`Ledger.open` is where the storage engine is picked (SQLite: `storage.sqlite_store`); everything after
talks to the ledger through the `core.store.LedgerStore` port.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from factledger.domain import (
    Changes,
    Claim,
    ClaimFilter,
    ClaimKind,
    ClaimOrder,
    ClaimPage,
    Document,
    Evidence,
    HistoryEvent,
    LinkKind,
    SearchHit,
    Source,
    SourceSummary,
    Status,
    StoredSuggestion,
    Suggestion,
    UserError,
    VersionInfo,
)
from factledger.domain.anchors import Anchor, AnchorState
from factledger.domain.factsheet import QuoteMismatch

from . import backups as safety
from .context import LedgerContext
from .paths import backups_root, default_ledger_path, default_reviewer
from .store import LedgerStore
from .team import is_postgres_url

if TYPE_CHECKING:
    # Reading, extraction, exporting and checking load where they are used: a command that only
    # queries (search, claims, info) starts without trafilatura, lxml or the extractor's patterns.
    # So do the edit factories, the chart series and the relations (~30 ms of dataclasses and regexes
    # that `factledger search` would load only to ignore): each method imports what it calls.
    from factledger.checking import Finding
    from factledger.domain.factsheet import FactSheetRow
    from factledger.exporting import ExportOptions
    from factledger.reading import ImportInput

    from . import series as chart_series
    from .chart_store import ChartStore
    from .edits import AcceptAll, Edit, EvidenceInput
    from .importing import ImportResult
    from .refresh import RefreshResult
    from .related import Related, SubjectFigures


@dataclass(frozen=True, slots=True)
class LedgerInfo:
    path: str
    schema_version: int
    sources: int
    claims: int
    suggestions: int
    evidence: int
    history: int
    dismissed: int
    by_status: dict[str, int]
    by_kind: dict[str, int]


class LedgerAddress:
    """Where an open ledger is, to open it again (a background worker's own connection).

    `location` is what may be shown: the file's path, or a team ledger's URL without its password. The
    connection target itself (which may hold a password typed into a prompt) stays private: it is not in
    `str`, `repr` or equality, so it reaches no log, title or settings by accident; only `Ledger.open` uses it.
    """

    __slots__ = ("_target", "location")

    def __init__(self, location: str, target: Path | str) -> None:
        self.location = location
        self._target = target

    def __str__(self) -> str:
        return self.location

    def __repr__(self) -> str:
        return f"LedgerAddress({self.location!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LedgerAddress) and other.location == self.location

    def __hash__(self) -> int:
        return hash(self.location)

    @property
    def is_file(self) -> bool:
        """True for a ledger file, False for a team ledger on a server."""
        return isinstance(self._target, Path)


def _target_of(address: LedgerAddress) -> Path | str:
    return address._target


def _with_password(url: str, password: str) -> str:
    """`url` with a typed password as libpq's `password` parameter (which `redact_url` hides everywhere)."""
    from urllib.parse import quote

    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}password={quote(password, safe='')}"


class Ledger:
    """An open ledger. One instance per thread: background work opens its own through `address`."""

    def __init__(self, path: Path, ctx: LedgerContext, *, address: LedgerAddress | None = None) -> None:
        self.path = path
        """The ledger file (backups, restore). A team ledger has none: use `location` and `address`."""
        self._ctx = ctx
        self._closed = False
        self._address = address or LedgerAddress(str(path), path)

    # -- lifecycle -------------------------------------------------------------------------------
    notices: tuple[str, ...] = ()
    """Sentences from opening (safeguards put back, read-only file) that the person should read once."""
    read_only: bool = False

    @classmethod
    def open(
        cls,
        path: Path | str | LedgerAddress | None = None,
        *,
        actor: str | None = None,
        create: bool = True,
        init: bool = False,
        daily_backup: bool = True,
        reading: bool = False,
        password: str | None = None,
    ) -> Ledger:
        """Open a ledger file (the default one without a path).

        The first open in a process checks the file (bounded in time), backs it up when the newest
        backup is a day old (and before a migration), and puts back safeguards another tool removed.
        `init` turns an empty SQLite file of another program into a ledger; without it that is refused.
        The app passes `daily_backup=False` and calls `backup_if_due` off the UI thread instead.
        `reading` says the caller only reads (a command-line query): a big file is then not checked page
        by page first, which would cost more than the query (SQLite still refuses a damaged page read).
        `password` (a team ledger only) is one typed into a prompt: used to connect, kept only in `address`
        (in memory), never part of `location`.
        """
        # The engine is chosen here, and only here: everything after talks to the `LedgerStore` port.
        if isinstance(path, LedgerAddress):
            path = _target_of(path)
        if isinstance(path, str) and is_postgres_url(path):
            return cls._open_team_ledger(path, password)
        from factledger.storage.sqlite_store import SqliteStore

        resolved = Path(path).expanduser() if path is not None else default_ledger_path()
        store = SqliteStore.open(
            resolved,
            create=create,
            init=init,
            backups_root=backups_root,
            newest_backup=safety.newest_good_backup,
            reading=reading,
        )
        ledger = cls(resolved, LedgerContext(store=store, actor=actor or default_reviewer()))
        ledger.read_only = store.read_only
        ledger.notices = store.notices
        if daily_backup and store.first_open and not store.read_only:
            try:
                safety.backup_if_due(store, resolved)
            except UserError as error:  # a full backup disk must not keep the person from their ledger
                ledger.notices = (*ledger.notices, error.message)
        return ledger

    @classmethod
    def _open_team_ledger(cls, url: str, password: str | None = None) -> Ledger:
        """A team ledger on a PostgreSQL server (`postgresql://user@host:5432/dbname`).

        The actor is whoever the server says is connected (`session_user`): the history records that
        name whatever a client claims, so the facts' own columns (verified by, dismissed by) agree with it.
        Its backups are the server's business: no daily backup, and `backup` is refused with a sentence
        naming pg_dump. `location` is the address without its password (no sentence ever shows one);
        `address` keeps `url` itself, privately, so a worker reconnects to the same server as the same person.
        """
        from .team import open_team_store, redact_url

        target = url if password is None else _with_password(url, password)
        store = open_team_store(target)
        try:
            actor = store.actor
        except BaseException:
            store.close()
            raise
        address = LedgerAddress(redact_url(url), target)
        return cls(Path(store.url), LedgerContext(store=store, actor=actor), address=address)

    @property
    def location(self) -> str:
        """Where the ledger is, for people: the file's path, or the team ledger's URL without a password."""
        return self._address.location

    @property
    def address(self) -> LedgerAddress:
        """What opens this same ledger again (`Ledger.open(ledger.address)`); background work uses it."""
        return self._address

    def reopen(self, *, actor: str | None = None) -> Ledger:
        """A new connection to this same ledger (never creating one), for another thread."""
        return type(self).open(self._address, actor=actor, create=False, daily_backup=False)

    def close(self) -> None:
        self._closed = True
        self._ctx.store.close()

    @property
    def closed(self) -> bool:
        """True once closed; a view's deferred work checks it before asking anything."""
        return self._closed

    # -- safety: backups and checks ----------------------------------------------------------------
    def backup(self, *, reason: str = "manual") -> Path:
        """Make a backup now (SQLite's online backup: consistent while others write)."""
        return safety.backup_now(self._ctx.store, self.path, reason=reason)

    def backup_if_due(self) -> Path | None:
        """The daily backup, when the newest backup is a day old; None when none was due."""
        if self.read_only:
            return None
        return safety.backup_if_due(self._ctx.store, self.path)

    def backups(self) -> list[safety.BackupInfo]:
        """This ledger's backups, newest first, with their counts of sources and facts."""
        return safety.list_backups(self.path, self._ctx.store)

    @property
    def backup_folder(self) -> Path:
        return safety.folder_of(self.path, self._ctx.store)

    def set_backup_folder(self, folder: Path | str | None) -> None:
        """Choose where this ledger's backups go (None: back to the default folder)."""
        safety.set_folder(self._ctx.store, folder)

    def integrity_problems(self) -> list[str]:
        """The full `PRAGMA integrity_check` (every page and index): empty when the file is sound.

        When it finds damage, every connection of this process to the file stops writing into it.
        """
        return self._ctx.store.integrity_problems()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object | TracebackType | None) -> None:
        self.close()

    @property
    def actor(self) -> str:
        return self._ctx.actor

    @actor.setter
    def actor(self, name: str) -> None:
        self._ctx.actor = name.strip() or default_reviewer()

    @property
    def store(self) -> LedgerStore:
        """The storage port this ledger reads and writes through (for tools and tests that need the
        store itself; the application uses the methods here)."""
        return self._ctx.store

    @property
    def clock(self) -> Callable[[], str]:
        """What stamps edits and history events (UTC ISO text); a test or a demo sets a fixed one."""
        return self._ctx.clock

    @clock.setter
    def clock(self, clock: Callable[[], str]) -> None:
        self._ctx.clock = clock

    def info(self) -> LedgerInfo:
        """What the ledger holds, counted (`factledger info`): the counts come from storage."""
        counts = self._ctx.store.counts()
        return LedgerInfo(
            path=self.location,
            schema_version=self._ctx.store.schema_version,
            sources=counts.sources,
            claims=counts.claims,
            suggestions=counts.suggestions,
            evidence=counts.evidence,
            history=counts.history,
            dismissed=counts.dismissed,
            by_status=counts.by_status,
            by_kind=counts.by_kind,
        )

    # -- edits (every mutation goes through here, in one transaction) -----------------------------
    def apply(self, edit: Edit) -> Changes:
        """Apply an edit (built by `core.operations`) in one transaction; a `UserError` leaves nothing written.

        An edit that cannot be undone (`backup_reason` set) is preceded by a backup of the ledger, when the
        store keeps file backups (a team ledger's backups are the server's: pg_dump, not FactLedger).
        """
        from .edits import StaleEdit  # loaded already: every Edit comes from it

        if edit.backup_reason is not None and self._ctx.store.keeps_file_backups:
            self.backup(reason=edit.backup_reason)
        try:
            with self._ctx.store.transaction():
                return edit.apply(self._ctx)
        except StaleEdit as refused:
            # the edit's transaction is rolled back; the refused attempt is kept in a small one of its own
            with self._ctx.store.transaction():
                refused.record(self._ctx)
            raise

    def revert(self, edit: Edit) -> Changes:
        with self._ctx.store.transaction():
            return edit.revert(self._ctx)

    # -- importing -------------------------------------------------------------------------------
    def import_document(
        self, document: Document, suggestions: Sequence[Suggestion] | None = None
    ) -> ImportResult:
        """Store a document with its suggestions: extracted now, or `suggestions` already made elsewhere."""
        from .importing import import_document, store_document

        if suggestions is not None:
            return store_document(self._ctx, document, suggestions)
        return import_document(self._ctx, document)

    def import_inputs(
        self,
        items: Iterable[ImportInput],
        *,
        progress: Callable[[int, int, ImportResult], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[ImportResult]:
        from .importing import import_inputs

        return import_inputs(self._ctx, items, progress=progress, cancelled=cancelled)

    def refresh(
        self,
        source_ids: Iterable[str] | None = None,
        *,
        fetch: Callable[[str], Document] | None = None,
        progress: Callable[[int, int, RefreshResult], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[RefreshResult]:
        """Fetch web sources again (None: all of them) and add a version to each whose text changed."""
        from factledger import reading

        from .refresh import refresh_sources

        return refresh_sources(
            self._ctx,
            None if source_ids is None else list(source_ids),
            fetch=fetch or reading.fetch_url,
            progress=progress,
            cancelled=cancelled,
        )

    def refresh_suggestions(self, source_id: str) -> Changes:
        """Extract again (after an update of the extractor); dismissed and logged spans stay out."""
        from . import operations

        return self.apply(operations.extract_again(source_id=source_id))

    # -- sources ---------------------------------------------------------------------------------
    def sources(self) -> list[SourceSummary]:
        return self._ctx.sources.summaries()

    def source(self, source_id: str) -> Source:
        source = self._ctx.sources.get(source_id)
        if source is None:
            raise UserError(f"There is no source with id {source_id} in this ledger.")
        return source

    def original(self, source_id: str) -> bytes | None:
        return self._ctx.sources.original(source_id)

    def versions(self, source_id: str) -> list[VersionInfo]:
        """Every version of the source `source_id` is a version of, oldest first (one for most sources)."""
        return self._ctx.versions.versions(source_id)

    def anchors(self, claim_ids: Iterable[str]) -> dict[str, Anchor]:
        """The last re-anchoring of each of these facts, for those whose source has had a new version."""
        return self._ctx.versions.anchors(claim_ids)

    def stealth_edits(self) -> dict[str, AnchorState]:
        """The facts whose quote changed or vanished in a newer version of their source, with that state."""
        return self._ctx.versions.changed_states()

    def delete_source(self, source_id: str) -> Changes:
        """Not undoable: the window asks first, a backup is made first, history keeps a record of what
        was removed. Every version of the source goes, newest first (older versions' facts with it)."""
        from . import operations

        return self.apply(operations.delete_source(source_id=source_id))

    def edit_source(self, source_id: str, *, reason: str | None = None, **fields: Any) -> Changes:
        """Correct a source's title, outlet, url, published date or authors (undoable, in the history)."""
        from . import operations

        return self.apply(operations.edit_source(source_id=source_id, reason=reason, **fields))

    # -- suggestions -----------------------------------------------------------------------------
    def suggestions(self, source_id: str) -> list[StoredSuggestion]:
        return self._ctx.suggestions.for_source(source_id)

    def count_suggestions(self, source_id: str) -> int:
        """How many suggestions of one source are open (an index count; nothing is built)."""
        return self._ctx.suggestions.count_for_source(source_id)

    def accept(self, suggestion_id: str, **overrides: Any) -> tuple[str, Changes]:
        """Accept one suggestion as a fact; the new fact's id and what changed."""
        from . import operations

        edit = operations.accept(suggestion_id=suggestion_id, **overrides)
        return edit.claim_id, self.apply(edit)

    def accept_all(
        self, *, source_id: str | None = None, kind: ClaimKind | None = None, min_score: float = 0.0
    ) -> AcceptAll:
        """Accept the open suggestions as facts in one transaction that also chooses them, so another
        process accepting some meanwhile cannot make this one fail half-chosen; returns the applied edit."""
        from . import operations

        edit = operations.accept_all(source_id=source_id, kind=kind, min_score=min_score)
        self.apply(edit)
        return edit

    def dismiss(self, suggestion_id: str) -> Changes:
        from . import operations

        return self.apply(operations.dismiss(suggestion_id=suggestion_id))

    # -- claims ----------------------------------------------------------------------------------
    def log_claim(self, **arguments: Any) -> tuple[str, Changes]:
        """Log a span as a fact by hand (the arguments of `operations.log_claim`); its id and what changed."""
        from . import operations

        edit = operations.log_claim(**arguments)
        return edit.claim_id, self.apply(edit)

    def edit_claim(self, claim_id: str, *, reason: str | None = None, **fields: Any) -> Changes:
        from . import operations

        return self.apply(operations.edit_claim(claim_id=claim_id, reason=reason, **fields))

    def set_status(
        self,
        claim_id: str,
        *,
        status: Status | str,
        reason: str | None = None,
        evidence: EvidenceInput | None = None,
    ) -> Changes:
        from . import operations

        return self.apply(
            operations.set_status(claim_id=claim_id, status=status, reason=reason, evidence=evidence)
        )

    def add_evidence(self, claim_id: str, *, evidence: EvidenceInput) -> tuple[str, Changes]:
        from . import operations

        edit = operations.add_evidence(claim_id=claim_id, evidence=evidence)
        return edit.evidence_id, self.apply(edit)

    def delete_claim(self, claim_id: str, *, reason: str | None = None) -> Changes:
        from . import operations

        return self.apply(operations.delete_claim(claim_id=claim_id, reason=reason))

    def claim(self, claim_id: str) -> Claim:
        claim = self._ctx.claims.get(claim_id)
        if claim is None:
            raise UserError(f"There is no fact with id {claim_id} in this ledger.")
        return claim

    def claims(
        self,
        claim_filter: ClaimFilter = ClaimFilter(),
        order: ClaimOrder = ClaimOrder(),
        *,
        offset: int = 0,
        limit: int = 200,
    ) -> ClaimPage:
        """A page of facts; each `Claim` is built when first read (`ClaimPage`), ids without building."""
        return self._ctx.claims.page(claim_filter, order, offset=offset, limit=limit)

    def claims_beside(
        self,
        claim_id: str,
        claim_filter: ClaimFilter,
        order: ClaimOrder,
        *,
        limit: int = 200,
        before: bool = False,
    ) -> ClaimPage | None:
        """The `limit` facts listed right after (or before) one, sought by its sort key rather than counted
        to; None when that fact is gone. A table pages next to a page it holds this way."""
        return self._ctx.claims.page_beside(claim_id, claim_filter, order, limit=limit, before=before)

    def count_claims(self, claim_filter: ClaimFilter = ClaimFilter()) -> int:
        return self._ctx.claims.count(claim_filter)

    def claim_position(self, claim_id: str, claim_filter: ClaimFilter, order: ClaimOrder) -> int | None:
        """Where a fact sits in a filtered, ordered listing; None when the filter hides it."""
        return self._ctx.claims.position(claim_id, claim_filter, order)

    def subjects(self, *, limit: int = 500) -> list[tuple[str, int]]:
        """The most common subjects with their number of facts, for pickers."""
        return self._ctx.claims.subjects(limit=limit)

    def source_titles(self, source_ids: Iterable[str]) -> dict[str, str]:
        """Display names of just these sources (a table page needs a few, not every source's summary)."""
        return self._ctx.sources.titles(source_ids)

    def source_dates(self, source_ids: Iterable[str]) -> dict[str, str]:
        """Publication dates (YYYY-MM-DD) of just these sources, for facts dated by their source."""
        return self._ctx.sources.published_days(source_ids)

    def claims_for_source(self, source_id: str) -> list[Claim]:
        return self._ctx.claims.for_source(source_id)

    def evidence(self, claim_id: str) -> list[Evidence]:
        return self._ctx.evidence.for_claim(claim_id)

    def history(self, claim_id: str) -> list[HistoryEvent]:
        return self._ctx.history.for_claim(claim_id)

    def search(self, query: str, *, limit: int = 100, ranked: bool = True) -> list[SearchHit]:
        return self._ctx.store.search(query, limit=limit, ranked=ranked)

    def factsheet_rows(self, claim_filter: ClaimFilter = ClaimFilter()) -> Iterator[FactSheetRow]:
        return self._ctx.store.factsheet_rows(claim_filter)

    def export(
        self,
        path: Path | str,
        *,
        fmt: str = "csv",
        claim_filter: ClaimFilter = ClaimFilter(),
        options: ExportOptions | None = None,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write a fact sheet; the file appears only when complete (exporting writes a temp file first).

        Every quote is checked against its source first: a ledger whose quotes were altered outside
        FactLedger is refused with the facts named, so no export ships a fabricated quote.
        """
        from factledger.exporting import export

        self._ctx.store.refuse_if_open(Path(path), doing="exporting over")
        try:
            return export(
                self.factsheet_rows(claim_filter),
                path,
                fmt=fmt,
                options=options,
                progress=progress,
                cancelled=cancelled,
            )
        except QuoteMismatch as mismatch:
            bad = self._ctx.claims.quote_mismatches() or [mismatch.claim_id]
            shown = ", ".join(bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
            raise UserError(
                f"Nothing was exported: the quote of {len(bad)} fact(s) ({shown}) no longer matches the words "
                "of its source, so the ledger was changed outside FactLedger. Restore a backup or correct them."
            ) from mismatch

    # -- chart series (queries through the ChartStore port; values in core.series) ----------------
    @property
    def _charts(self) -> ChartStore:
        return self._ctx.store.charts

    def timeline(
        self,
        claim_filter: ClaimFilter = ClaimFilter(),
        *,
        grouping: chart_series.TimelineGrouping | None = None,
        today: date | None = None,
        max_markers: int | None = None,
        window: tuple[float, float] | None = None,
    ) -> chart_series.Timeline:
        """`core.series.timeline`; `grouping` and `max_markers` left out (None) take its defaults (by subject,
        `MAX_MARKERS`), resolved here so the chart series load only when a chart asks."""
        from . import series as chart_series

        return chart_series.timeline(
            self._charts,
            claim_filter,
            grouping=chart_series.TimelineGrouping.SUBJECT if grouping is None else grouping,
            today=today,
            max_markers=chart_series.MAX_MARKERS if max_markers is None else max_markers,
            window=window,
        )

    def timeline_point(self, claim_id: str) -> chart_series.TimelinePoint | None:
        from . import series as chart_series

        return chart_series.timeline_point(self._charts, claim_id)

    def metrics(self, claim_filter: ClaimFilter = ClaimFilter()) -> list[chart_series.Metric]:
        from . import series as chart_series

        return chart_series.metrics(self._charts, claim_filter)

    def figures(
        self, claim_filter: ClaimFilter = ClaimFilter(), *, subject: str, unit: str | None
    ) -> chart_series.Figures:
        from . import series as chart_series

        return chart_series.figures(self._charts, claim_filter, subject=subject, unit=unit)

    def progress(self, claim_filter: ClaimFilter = ClaimFilter()) -> chart_series.Progress:
        from . import series as chart_series

        return chart_series.progress(self._charts, claim_filter)

    def verdict_claims(self, claim_filter: ClaimFilter, *, day: str, limit: int = 1) -> list[str]:
        from . import series as chart_series

        return chart_series.verdict_claims(self._charts, claim_filter, day=day, limit=limit)

    def commitments(
        self, claim_filter: ClaimFilter = ClaimFilter(), *, today: date | None = None
    ) -> list[chart_series.CommitmentTotal]:
        from . import series as chart_series

        return chart_series.commitments(self._charts, claim_filter, today=today)

    def link(
        self, from_claim: str, to_claim: str, *, kind: LinkKind | str, note: str | None = None
    ) -> Changes:
        """Draw a relation (restates, contradicts, part of) that checks and exports can use; drawing one
        that is already there changes nothing (a script may run the same command twice)."""
        from . import operations

        edit = operations.link(
            from_claim=from_claim, to_claim=to_claim, kind=kind, note=note, existing_ok=True
        )
        return self.apply(edit)

    def related(self, claim_id: str) -> list[Related]:
        """Facts that contradict or restate this one (the check's open findings, and links drawn)."""
        from .related import related_facts

        return related_facts(self._ctx, claim_id)

    def relation_marks(
        self, claims: Sequence[Claim], figures: SubjectFigures | None = None
    ) -> dict[str, str]:
        """A short badge per fact ("⚠ contradicts 1", "restated ×2") for a table page of facts."""
        from .related import relation_marks

        return relation_marks(self._ctx, claims, figures)

    def check(self, claim_filter: ClaimFilter = ClaimFilter()) -> list[Finding]:
        """Contradictions, restated figures and parts that exceed their whole among the filtered facts."""
        from .checks import check_claims

        return check_claims(self._ctx, claim_filter)

    def open_findings(self, claim_filter: ClaimFilter = ClaimFilter()) -> list[Finding]:
        """The check's findings less those a person dismissed (what the window's Check ledger lists)."""
        from .related import without_dismissed

        return without_dismissed(self._ctx, self.check(claim_filter))
