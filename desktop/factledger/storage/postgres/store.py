"""The PostgreSQL adapter of the storage port: a team ledger opened like a file.

`PostgresStore` implements `core.store.LedgerStore` structurally over one psycopg connection (storage never
imports core; the contract tests run the same suite on both engines). `PostgresStore.open` is what
`Ledger.open` calls for a `postgresql://` address: it connects (every failure a sentence), refuses a
database that is not a ledger, is newer, or needs its owner's update, and reports who the server says
is connected (`session_user`, the name the history records).

Chart queries (`charts`) are answered by the server with the same rows a ledger file gives (`charts.py`).
Backups of a team ledger are the server's business (pg_dump, the server's own backups): `make_backup`
refuses with a sentence saying so, and no daily backup is attempted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from factledger.domain import ClaimFilter, SearchHit, UserError
from factledger.domain.factsheet import FactSheetRow
from factledger.domain.ledger_counts import LedgerCounts

from .. import open_ledgers
from ..factsheet import _CLAIMS_SQL, _EVIDENCE_SQL, _ORDER, rows_from
from ..search import RANK_WINDOW
from .charts import ChartRepository
from .connection import DriverError, connect, where, work_sentence
from .migrations import probe, refuse_unusable, schema_version
from .repositories import (
    ClaimRepository,
    EvidenceRepository,
    HistoryRepository,
    LinkRepository,
    SettingsRepository,
    SourceRepository,
    SuggestionRepository,
    VersionRepository,
    tsquery_text,
    where_clause,
)
from .schema import CLAIMS_DOCUMENT, SOURCES_DOCUMENT
from .session import Session
from .urls import redact_url

_HEADLINE = "StartSel=[, StopSel=], MaxWords=12, MinWords=4, MaxFragments=1, FragmentDelimiter=…"
"""ts_headline's options for a snippet shaped like FTS5's snippet(…, '[', ']', '…', 12)."""


class PostgresStore:
    """One team ledger on a PostgreSQL server: its repositories over one connection, its transactions,
    search and export stream. Owned by one thread, like the connection under it."""

    read_only = False
    first_open = False
    """Never the file's first opening here: a team ledger has no daily backup of FactLedger's own."""
    notices: tuple[str, ...] = ()
    keeps_file_backups = False
    """Backups of a team ledger are the server's (pg_dump): an irreversible edit takes none first."""

    def __init__(self, session: Session, url: str, version: int) -> None:
        self._db = session
        self.url = redact_url(url)
        """Where the ledger is, without any password: what sentences and titles show."""
        self.schema_version = version
        self.sources = SourceRepository(session)
        self.claims = ClaimRepository(session)
        self.suggestions = SuggestionRepository(session)
        self.evidence = EvidenceRepository(session)
        self.history = HistoryRepository(session)
        self.settings = SettingsRepository(session)
        self.links = LinkRepository(session)
        self.versions = VersionRepository(session)
        self.charts = ChartRepository(session)

    @classmethod
    def open(cls, url: str) -> PostgresStore:
        """Connect to the team ledger at `url` (passwords from libpq's own places) and check it is one this
        version can use; a `UserError` sentence otherwise, with the connection closed."""
        conn = connect(url, autocommit=True)
        try:
            version = schema_version(conn, url)
        except DriverError as exc:
            conn.close()
            raise work_sentence(exc, user=conn.info.user) from exc
        except BaseException:
            conn.close()
            raise
        return cls(Session(conn, reconnect=lambda: connect(url, autocommit=True)), url, version)

    @property
    def actor(self) -> str:
        """Who the server says is connected: the name every history event of this session records."""
        return str(self._db.scalar("SELECT session_user"))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing on the server; a refusal or a lost connection is a sentence; an inner one joins."""
        with self._db.transaction():
            yield

    def close(self) -> None:
        self._db.close()

    def counts(self) -> LedgerCounts:
        """Rows per table (sources once however many versions), and facts per status and per kind."""
        by_status = {
            str(status): int(n)
            for status, n in self._db.execute("SELECT status, count(*) FROM claims GROUP BY status")
        }
        by_kind = {
            str(kind): int(n)
            for kind, n in self._db.execute("SELECT kind, count(*) FROM claims GROUP BY kind")
        }
        return LedgerCounts(
            sources=self.sources.count(),
            claims=sum(by_status.values()),
            suggestions=self.suggestions.count(),
            evidence=self.evidence.count(),
            history=self.history.count(),
            dismissed=self.suggestions.count_dismissed(),
            by_status=by_status,
            by_kind=by_kind,
        )

    # -- search ------------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 100, ranked: bool = True) -> list[SearchHit]:
        """Facts, then sources, whose words match (the last word as a prefix), as on SQLite.

        Unranked: whole-word matches first, in import order, then prefix matches. Ranked: the best of the
        newest `RANK_WINDOW` matches by `ts_rank` (bm25's nearest in PostgreSQL; the order of equally good
        hits may differ from SQLite's, the hits themselves do not).
        """
        match = tsquery_text(query)
        if match is None:
            return []
        claims = self._matches(
            match,
            columns="c.id, c.source_id, c.statement, "
            f"ts_headline('simple', c.quote, to_tsquery('simple', %s), '{_HEADLINE}')",
            table="claims c",
            document=CLAIMS_DOCUMENT,
            newest="c.created_at DESC, c.id DESC",
            limit=limit,
            ranked=ranked,
        )
        hits = [SearchHit("claim", r[0], r[1], r[2], r[3]) for r in claims]
        remaining = limit - len(hits)
        if remaining > 0:
            sources = self._matches(
                match,
                columns="s.id, coalesce(s.title, s.file_name, s.id), "
                f"ts_headline('simple', s.text, to_tsquery('simple', %s), '{_HEADLINE}')",
                table="sources s",
                document=SOURCES_DOCUMENT,
                newest="s.imported_at DESC, s.id DESC",
                limit=remaining,
                ranked=ranked,
            )
            hits.extend(SearchHit("source", r[0], r[0], r[1], r[2]) for r in sources)
        return hits

    def _matches(
        self,
        match: str,
        *,
        columns: str,
        table: str,
        document: str,
        newest: str,
        limit: int,
        ranked: bool,
    ) -> list[tuple[str, ...]]:
        oldest = newest.replace(" DESC", " ASC")
        if not ranked:
            wanted = [match[:-2], match] if match.endswith(":*") else [match]
            rows: list[tuple[str, ...]] = []
            seen: set[str] = set()
            for words in wanted:
                found = self._db.execute(
                    f"SELECT {columns} FROM {table} WHERE {document} @@ to_tsquery('simple', %s) "
                    f"ORDER BY {oldest} LIMIT %s",
                    [words, words, limit],
                ).fetchall()
                rows += [row for row in found if row[0] not in seen][: limit - len(rows)]
                seen.update(row[0] for row in found)
                if len(rows) >= limit:
                    break
            return rows
        alias = table.split()[-1]
        return list(
            self._db.execute(
                f"SELECT {columns} FROM (SELECT * FROM {table} WHERE {document} @@ to_tsquery('simple', %s) "
                f"ORDER BY {newest} LIMIT %s) AS {alias} "
                f"ORDER BY ts_rank({document}, to_tsquery('simple', %s)) DESC, {oldest} LIMIT %s",
                [match, match, RANK_WINDOW, match, limit],
            ).fetchall()
        )

    # -- exports -----------------------------------------------------------------------------------
    def factsheet_rows(self, claim_filter: ClaimFilter) -> Iterator[FactSheetRow]:
        """The export stream of `storage.factsheet`, read through server-side cursors in one snapshot."""
        where_sql, params = where_clause(claim_filter)
        with self._db.snapshot():
            claims = self._db.stream(
                "fl_export_claims", _CLAIMS_SQL.format(where=where_sql, order=_ORDER), params
            )
            evidence = self._db.stream(
                "fl_export_evidence", _EVIDENCE_SQL.format(where=where_sql, order=_ORDER), params
            )
            try:
                yield from rows_from(claims, evidence, self._source_of)
            finally:  # the server-side cursors close inside the snapshot that declared them
                claims.close()
                evidence.close()

    def _source_of(self, source_id: str) -> tuple[object, ...]:
        row = self._db.one(
            "SELECT title, outlet, url, published, text FROM sources WHERE id = %s", [source_id]
        )
        if row is None:  # the claims' join found it a moment ago in the same snapshot
            raise UserError(f"The source {source_id} vanished from {self.url} during the export.")
        return row

    # -- checks and backups ------------------------------------------------------------------------
    def integrity_problems(self) -> list[str]:
        """What FactLedger can check of a team ledger: that it is still a ledger of a schema this version
        knows, and that every fact's quote is its source's words. Pages and indexes are the server's
        (its own checksums and `amcheck`), not a client's."""
        problems: list[str] = []
        try:
            found = probe(self._db.conn)
        except DriverError as exc:
            raise work_sentence(exc, user=self._db.user) from exc
        try:
            refuse_unusable(self.url, found)
        except UserError as error:
            problems.append(error.message)
        if found.kind != "ledger":
            problems.append(f"{where(self.url).capitalize()} has lost its schema table (factledger_schema).")
            return problems
        mismatched = self.claims.quote_mismatches()
        if mismatched:
            shown = ", ".join(mismatched[:5]) + (
                f" and {len(mismatched) - 5} more" if len(mismatched) > 5 else ""
            )
            problems.append(
                f"the quote of {len(mismatched)} fact(s) ({shown}) is no longer the words of its source"
            )
        return problems

    def refuse_if_open(self, path: Path, *, doing: str) -> None:
        """A team ledger is no file here; a ledger file open in this process must still not be overwritten."""
        open_ledgers.refuse_if_open(path, doing=doing)

    def has_work(self) -> bool:
        return bool(
            self._db.scalar("SELECT EXISTS (SELECT 1 FROM sources) OR EXISTS (SELECT 1 FROM history)")
        )

    def configured_backup_folder(self) -> Path | None:
        """None: FactLedger keeps no backup folder for a team ledger (the server's backups keep it)."""
        return None

    def make_backup(self, path: Path, folder: Path, *, reason: str) -> Path:
        raise UserError(backup_refusal(self.url))


def backup_refusal(url: str) -> str:
    """The sentence for a backup or restore asked of a team ledger."""
    return (
        f"{redact_url(url)} is a team ledger: its backups are the server's business, not FactLedger's. "
        "Back it up with pg_dump (pg_dump --format=custom) or the server's own backups, and restore with "
        "pg_restore; factledger copy URL FILE.factledger also makes a ledger file of it."
    )


__all__ = ["PostgresStore", "backup_refusal"]
