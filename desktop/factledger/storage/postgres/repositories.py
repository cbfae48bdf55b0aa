"""The repositories of a team ledger: the PostgreSQL twins of `storage/sources.py`, `claims.py` and the rest.

Same questions, same domain types, same rows for undo; the SQL differs where the engines do: `%s`
placeholders, `ON CONFLICT` for SQLite's `INSERT OR REPLACE / IGNORE`, `IS DISTINCT FROM` for `IS NOT`,
the GIN-indexed `tsvector` for FTS5, and NULLs placed explicitly (PostgreSQL sorts them last ascending,
SQLite first), so pages, positions and keyset neighbours come out in the same order on both engines.
Row conversions, column lists and the version-matching rules are the SQLite adapter's own (shared, not
copied). Text ordering follows the database's collation: a ledger database made with the C or C.UTF-8
collation (as `docs/TEAM.md` advises) orders text exactly as SQLite does, by code point.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from factledger.domain import (
    Claim,
    ClaimFilter,
    ClaimLink,
    ClaimOrder,
    DismissedSpan,
    Document,
    EntityAction,
    Evidence,
    FactSpan,
    HistoryEvent,
    Lineage,
    Source,
    SourceSummary,
    StoredSuggestion,
    Suggestion,
    UserError,
    VersionInfo,
    WebSource,
)
from factledger.domain.anchors import Anchor, AnchorRecord, AnchorState
from factledger.domain.claim_page import ClaimPage

from ..claims import _ORDER_SQL, EDITABLE_COLUMNS, REVERSE_AFTER, _sort_keys
from ..claims import where_clause as sqlite_where_clause
from ..evidence import EVIDENCE_COLUMNS
from ..history import _json
from ..rows import (
    CLAIM_COLUMNS,
    SELECT_CLAIM_COLUMNS,
    SUGGESTION_COLUMNS,
    claim_from_row,
    claim_from_tuple,
    claim_to_row,
    evidence_from_row,
    history_from_row,
    source_from_row,
    suggestion_from_row,
    suggestion_to_row,
)
from ..search import search_terms
from ..sources import _checked_column
from ..versions import (
    ANCHOR_COLUMNS,
    ANCHOR_SELECT,
    LATEST,
    LINEAGE,
    _json_list,
    _same_story_dates,
    _title_key,
    _url_variants,
    anchor_from_row,
)
from .schema import CLAIMS_DOCUMENT
from .session import Session

CHUNK = 500


def marks(values: Sequence[Any]) -> str:
    return ", ".join("%s" for _ in values)


def tsquery_text(query: str) -> str | None:
    """What a person typed as a `to_tsquery('simple', ...)` text: every word must appear, the last as a prefix.

    The same words as SQLite's FTS5 expression (`search_terms`); each is a quoted lexeme, so typed
    punctuation never reaches tsquery syntax and a half-typed query cannot raise a syntax error.
    """
    tokens, prefix = search_terms(query)
    if not tokens:
        return None
    quoted = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in tokens]
    if prefix:
        quoted[-1] += ":*"
    return " & ".join(quoted)


def _text_condition(text: str) -> tuple[str, str] | None:
    match = tsquery_text(text)
    if not match:
        return None
    # the subquery names only the claims table, so the document's column names are unambiguous in every
    # statement that joins other tables (exports join evidence, which has a quote too)
    return f"claims.id IN (SELECT id FROM claims WHERE {CLAIMS_DOCUMENT} @@ to_tsquery('simple', %s))", match


def where_clause(claim_filter: ClaimFilter) -> tuple[str, list[Any]]:
    """SQL condition and parameters for a filter: `storage.claims.where_clause` with this engine's parts."""
    return sqlite_where_clause(claim_filter, mark="%s", text_condition=_text_condition, always="TRUE")


NOT_NULL_SORTS = frozenset({"kind", "statement", "status", "source", "updated_at"})
"""Sort keys whose columns are NOT NULL: their ORDER BY names no NULLS placement, so the planner walks
their (column, id) index (it does not see that NULLS FIRST is moot on a NOT NULL column)."""


def order_clause(order: ClaimOrder, *, nulls: bool = True) -> str:
    """SQLite's order: NULLs first ascending and last descending, then the fact's id.

    `nulls=False` leaves the NULLs' place out, for a statement whose rows all have the sort value or all
    lack it: the (column, id) index then serves it (its NULLs sit the other way round from SQLite's).
    """
    column = _ORDER_SQL.get(order.column)
    if column is None:
        raise UserError(
            f"Claims cannot be sorted by '{order.column}'; choose one of: {', '.join(_ORDER_SQL)}."
        )
    direction = "DESC" if order.descending else "ASC"
    placed = ""
    if nulls and order.column not in NOT_NULL_SORTS:
        placed = " NULLS LAST" if order.descending else " NULLS FIRST"
    return f"{column.format(d=direction)} {direction}{placed}, claims.id {direction}"


def null_parts(order: ClaimOrder) -> tuple[str, str] | None:
    """For a sort on a column that may be NULL: the conditions of the rows listed first and of those
    listed after them (NULLs first ascending, last descending); None for a NOT NULL sort column."""
    if order.column in NOT_NULL_SORTS:
        return None
    column = f'claims."{order.column}"'
    missing, present = f"{column} IS NULL", f"{column} IS NOT NULL"
    return (present, missing) if order.descending else (missing, present)


class SourceRepository:
    """`core.store.SourceStore` on PostgreSQL: `sources` and `originals` (a source's text is never selected
    unless asked for)."""

    def __init__(self, db: Session) -> None:
        self._db = db

    def id_for_hash(self, content_sha256: str) -> str | None:
        found = self._db.scalar("SELECT id FROM sources WHERE content_sha256 = %s", [content_sha256])
        return None if found is None else str(found)

    def insert(
        self,
        source_id: str,
        document: Document,
        *,
        imported_at: str,
        lineage: str | None = None,
        version: int = 1,
    ) -> None:
        self._db.execute(
            """INSERT INTO sources (id, kind, title, outlet, url, authors, published, imported_at, language,
                                    text, content_sha256, file_name, media_type, lineage, version)
               VALUES (%s, 'article', %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
            [
                source_id,
                document.title,
                document.outlet,
                document.url,
                json.dumps(list(document.authors)),
                document.published,
                imported_at,
                document.language,
                document.text,
                document.content_sha256,
                document.file_name,
                document.media_type,
                lineage,
                version,
            ],
        )
        if document.original:
            self._db.execute(
                "INSERT INTO originals (source_id, file_name, media_type, size, content) "
                "VALUES (%s, %s, %s, %s, %s)",
                [
                    source_id,
                    document.file_name,
                    document.media_type,
                    len(document.original),
                    document.original,
                ],
            )

    def get(self, source_id: str) -> Source | None:
        rows = self._db.dicts("SELECT * FROM sources WHERE id = %s", [source_id])
        return source_from_row(rows[0]) if rows else None

    def details(self, source_id: str, columns: Sequence[str]) -> dict[str, Any] | None:
        names = ", ".join(_checked_column(c) for c in columns)
        row = self._db.one(f"SELECT {names} FROM sources WHERE id = %s", [source_id])
        return None if row is None else dict(zip(columns, row, strict=True))

    def update_details(self, source_id: str, values: Mapping[str, Any]) -> None:
        assignments = ", ".join(f"{_checked_column(c)} = %s" for c in values)
        self._db.execute(f"UPDATE sources SET {assignments} WHERE id = %s", [*values.values(), source_id])

    def text(self, source_id: str) -> str | None:
        found = self._db.scalar("SELECT text FROM sources WHERE id = %s", [source_id])
        return None if found is None else str(found)

    def original(self, source_id: str) -> bytes | None:
        found = self._db.scalar("SELECT content FROM originals WHERE source_id = %s", [source_id])
        return None if found is None else bytes(found)

    def summaries(self) -> list[SourceSummary]:
        rows = self._db.execute(
            f"""SELECT s.id, s.title, s.outlet, s.published, s.url, s.file_name, s.imported_at,
                      CASE WHEN s.version = 1 THEN (SELECT count(*) FROM claims c WHERE c.source_id = s.id)
                      ELSE (SELECT count(*) FROM claims c JOIN sources v ON v.id = c.source_id
                            WHERE coalesce(v.lineage, v.id) = s.lineage) END,
                      (SELECT count(*) FROM suggestions g WHERE g.source_id = s.id),
                      s.version, CASE WHEN s.version > 1 THEN substr(s.imported_at, 1, 10) END
               FROM sources s WHERE {LATEST.format(s="s")}
               ORDER BY coalesce(s.published, s.imported_at) DESC, s.id"""
        ).fetchall()
        return [SourceSummary(*row) for row in rows]

    def titles(self, source_ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(source_ids))
        names: dict[str, str] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            rows = self._db.execute(
                f"SELECT id, coalesce(title, file_name, url, id) FROM sources WHERE id IN ({marks(chunk)})",
                chunk,
            )
            names.update((str(i), str(t)) for i, t in rows)
        return names

    def published_days(self, source_ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(source_ids))
        days: dict[str, str] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            rows = self._db.execute(
                "SELECT id, substr(published, 1, 10) FROM sources WHERE published IS NOT NULL AND id IN "
                f"({marks(chunk)})",
                chunk,
            )
            days.update((str(i), str(d)) for i, d in rows)
        return days

    def delete(self, source_id: str) -> bool:
        return self._db.execute("DELETE FROM sources WHERE id = %s", [source_id]).rowcount > 0

    def count(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM sources WHERE lineage IS NULL"))


class ClaimRepository:
    """`core.store.ClaimStore` on PostgreSQL: filtered, ordered and paged by the server through the sort
    indexes. Counts are kept until anyone commits anything (see `count`)."""

    def __init__(self, db: Session) -> None:
        self._db = db
        self._counts: dict[tuple[str, tuple[Any, ...]], tuple[str, int]] = {}

    def _insert(self, row: Mapping[str, Any]) -> None:
        columns = ", ".join(f'"{c}"' for c in row)
        self._db.execute(f"INSERT INTO claims ({columns}) VALUES ({marks(list(row))})", list(row.values()))

    def insert(self, claim: Claim) -> None:
        self._insert(claim_to_row(claim))

    def restore(self, row: Mapping[str, Any]) -> None:
        self._insert(row)

    def get(self, claim_id: str) -> Claim | None:
        row = self.raw(claim_id)
        return None if row is None else claim_from_row(row)

    def raw(self, claim_id: str) -> dict[str, Any] | None:
        row = self._db.one(f"SELECT {SELECT_CLAIM_COLUMNS} FROM claims WHERE id = %s", [claim_id])
        return None if row is None else dict(zip(CLAIM_COLUMNS, row, strict=True))

    def update(
        self, claim_id: str, fields: Mapping[str, Any], *, expected_version: int | None = None
    ) -> bool:
        """Change some fields; with `expected_version`, only if the row still has that version. One
        statement: a concurrent writer holds the row lock until it commits, and PostgreSQL then re-checks
        the condition against the committed row, so the later of two stale edits changes nothing."""
        unknown = set(fields) - EDITABLE_COLUMNS
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        assignments = ", ".join(f'"{c}" = %s' for c in fields)
        sql = f"UPDATE claims SET {assignments} WHERE id = %s"
        params = [*fields.values(), claim_id]
        if expected_version is not None:
            sql += " AND version = %s"
            params.append(expected_version)
        return self._db.execute(sql, params).rowcount > 0

    def delete(self, claim_id: str, *, expected_version: int | None = None) -> bool:
        """Remove a fact; with `expected_version`, only if the row still has that version."""
        if expected_version is None:
            return self._db.execute("DELETE FROM claims WHERE id = %s", [claim_id]).rowcount > 0
        cursor = self._db.execute(
            "DELETE FROM claims WHERE id = %s AND version = %s", [claim_id, expected_version]
        )
        return cursor.rowcount > 0

    def quote_mismatches(self) -> list[str]:
        rows = self._db.execute(
            "SELECT claims.id FROM claims LEFT JOIN sources ON sources.id = claims.source_id "
            "WHERE sources.id IS NULL OR claims.quote IS DISTINCT FROM "
            'substr(sources.text, claims.start + 1, greatest(claims."end" - claims.start, 0)) '
            "ORDER BY claims.id"
        )
        return [str(row[0]) for row in rows]

    def count(self, claim_filter: ClaimFilter = ClaimFilter()) -> int:
        """count(*) of a million facts costs about a tenth of a second and a table asks on every reload:
        the answer is kept with the server's snapshot it was counted in (`pg_current_snapshot()`: which
        transactions had committed). The same snapshot later means no one has committed anything since,
        so the count still holds; inside a transaction of our own nothing is kept (its writes do not
        show in the snapshot)."""
        where, params = where_clause(claim_filter)
        if self._db.in_transaction:
            return int(self._db.scalar(f"SELECT count(*) FROM claims WHERE {where}", params))
        key = (where, tuple(params))
        cached = self._counts.get(key)
        if cached is not None and cached[0] == self._db.scalar("SELECT pg_current_snapshot()::text"):
            return cached[1]
        row = self._db.one(f"SELECT pg_current_snapshot()::text, count(*) FROM claims WHERE {where}", params)
        assert row is not None  # an aggregate always returns its row
        if len(self._counts) > 32:
            self._counts.clear()
        self._counts[key] = (str(row[0]), int(row[1]))
        return int(row[1])

    def page(
        self, claim_filter: ClaimFilter, order: ClaimOrder, *, offset: int = 0, limit: int = 200
    ) -> ClaimPage:
        """Rows `offset` .. `offset + limit - 1` in `order`; a page in the far half is read backwards."""
        where, params = where_clause(claim_filter)
        if limit < 0:  # "no limit", as SQLite reads LIMIT -1 (PostgreSQL reads LIMIT NULL so)
            rows = self._db.execute(
                f"SELECT {SELECT_CLAIM_COLUMNS} FROM claims WHERE {where} ORDER BY {order_clause(order)} "
                "OFFSET %s",
                [*params, offset],
            ).fetchall()
            return ClaimPage(rows)
        reverse = False
        if offset > REVERSE_AFTER:
            total = self.count(claim_filter)
            if offset >= total:
                return ClaimPage([])
            if offset > total // 2:
                reverse = True
                limit = min(limit, total - offset)
                offset = total - offset - limit
                order = ClaimOrder(order.column, descending=not order.descending)
        rows = self._slice(where, params, order, offset, limit)
        return ClaimPage(rows[::-1] if reverse else rows)

    def _slice(
        self, where: str, params: list[Any], order: ClaimOrder, offset: int, limit: int
    ) -> list[tuple[Any, ...]]:
        """`limit` rows from `offset`. On a column that may be NULL the NULLs and the others are read as two
        index walks, one after the other, rather than one sort of every filtered row."""
        parts = null_parts(order)
        if parts is None:
            return self._walk(where, params, order_clause(order), offset, limit)
        plain = order_clause(order, nulls=False)
        first, then = parts
        rows = self._walk(f"({where}) AND {first}", params, plain, offset, limit)
        if len(rows) < limit:
            # the first part ends on this page (the rest starts at its top) or before it (count it)
            start = 0
            if not rows:
                first_rows = self._db.scalar(
                    f"SELECT count(*) FROM claims WHERE ({where}) AND {first}", params
                )
                start = offset - int(first_rows)
            rows += self._walk(f"({where}) AND {then}", params, plain, start, limit - len(rows))
        return rows

    def _walk(
        self, where: str, params: list[Any], order_sql: str, offset: int, limit: int
    ) -> list[tuple[Any, ...]]:
        """One ordered slice (OFFSET: a walk through the sort index; walking ids alone first measured no
        faster here, the count before a far page costs more)."""
        sql = (
            f"SELECT {SELECT_CLAIM_COLUMNS} FROM claims WHERE {where} ORDER BY {order_sql} LIMIT %s OFFSET %s"
        )
        rows: list[tuple[Any, ...]] = self._db.execute(sql, [*params, limit, offset]).fetchall()
        return rows

    def position(self, claim_id: str, claim_filter: ClaimFilter, order: ClaimOrder) -> int | None:
        """Counts the rows that sort before the fact (NULLs first ascending, last descending)."""
        row = self.raw(claim_id)
        if row is None:
            return None
        where, params = where_clause(claim_filter)
        if (
            self._db.one(f"SELECT 1 FROM claims WHERE claims.id = %s AND {where}", [claim_id, *params])
            is None
        ):
            return None
        order_clause(order)  # refuses unknown columns with a sentence
        before: list[str] = []
        before_params: list[Any] = []
        equal: list[str] = []
        equal_params: list[Any] = []
        for key in _sort_keys(order):
            column, value = f'claims."{key}"', row[key]
            if value is None:
                earlier, earlier_params = (f"{column} IS NOT NULL", []) if order.descending else ("FALSE", [])
                same, same_params = f"{column} IS NULL", []
            else:
                comparison = ">" if order.descending else "<"
                nulls = "" if order.descending else f"{column} IS NULL OR "
                earlier, earlier_params = f"({nulls}{column} {comparison} %s)", [value]
                same, same_params = f"{column} = %s", [value]
            before.append(" AND ".join([*equal, earlier]))
            before_params.extend([*equal_params, *earlier_params])
            equal.append(same)
            equal_params.extend(same_params)
        condition = " OR ".join(f"({part})" for part in before)
        return int(
            self._db.scalar(
                f"SELECT count(*) FROM claims WHERE ({where}) AND ({condition})", [*params, *before_params]
            )
        )

    def page_beside(
        self,
        claim_id: str,
        claim_filter: ClaimFilter,
        order: ClaimOrder,
        *,
        limit: int = 200,
        before: bool = False,
    ) -> ClaimPage | None:
        anchor = self.raw(claim_id)
        if anchor is None:
            return None
        seek = ClaimOrder(order.column, descending=order.descending != before)
        rows = self._rows_after(anchor, claim_filter, seek, limit)
        return rows.reversed() if before else rows

    def _rows_after(
        self, anchor: Mapping[str, Any], claim_filter: ClaimFilter, order: ClaimOrder, limit: int
    ) -> ClaimPage:
        where, params = where_clause(claim_filter)
        order_sql = order_clause(
            order, nulls=False
        )  # each step's rows all have the lead value or all lack it
        lead, *rest = _sort_keys(order)
        lead_column = f'claims."{lead}"'
        comparison = "<" if order.descending else ">"

        def row_after(keys: list[str]) -> tuple[str, list[Any]]:
            columns = ", ".join(f'claims."{k}"' for k in keys)
            return f"({columns}) {comparison} ({marks(keys)})", [anchor[k] for k in keys]

        steps: list[tuple[str, list[Any]]]
        if anchor[lead] is None:
            within, values = row_after(rest)
            steps = [(f"{lead_column} IS NULL AND {within}", values)]
            if not order.descending:
                steps.append((f"{lead_column} IS NOT NULL", []))
        else:
            steps = [row_after([lead, *rest])]
            if order.descending:
                steps.append((f"{lead_column} IS NULL", []))
        rows = ClaimPage([])
        for condition, values in steps:
            cursor = self._db.execute(
                f"SELECT {SELECT_CLAIM_COLUMNS} FROM claims WHERE ({where}) AND {condition} "
                f"ORDER BY {order_sql} LIMIT %s",
                [*params, *values, limit - len(rows)],
            )
            rows = rows.extended(cursor.fetchall())
            if len(rows) >= limit:
                break
        return rows

    def subjects(self, *, limit: int) -> list[tuple[str, int]]:
        rows = self._db.execute(
            "SELECT subject, count(*) AS n FROM claims WHERE subject IS NOT NULL AND subject != '' "
            "GROUP BY subject ORDER BY n DESC, subject LIMIT %s",
            [limit],
        )
        return [(str(subject), int(n)) for subject, n in rows]

    def for_source(self, source_id: str) -> list[Claim]:
        rows = self._db.execute(
            f"SELECT {SELECT_CLAIM_COLUMNS} FROM claims WHERE source_id = %s ORDER BY start, id", [source_id]
        )
        return [claim_from_tuple(row) for row in rows]

    def spans_for_source(self, source_id: str) -> set[tuple[int, int]]:
        rows = self._db.execute('SELECT start, "end" FROM claims WHERE source_id = %s', [source_id])
        return {(int(a), int(b)) for a, b in rows}


class SuggestionRepository:
    """`core.store.SuggestionStore` on PostgreSQL: `suggestions` and the `dismissed` spans."""

    def __init__(self, db: Session) -> None:
        self._db = db

    def insert(self, rows: Iterable[Mapping[str, Any]]) -> int:
        batch = list(rows)
        columns = ", ".join(f'"{c}"' for c in SUGGESTION_COLUMNS)
        self._db.executemany(
            f"INSERT INTO suggestions ({columns}) VALUES ({marks(SUGGESTION_COLUMNS)})",
            [[row[c] for c in SUGGESTION_COLUMNS] for row in batch],
        )
        return len(batch)

    def add_for_source(
        self,
        source_id: str,
        suggestions: Iterable[Suggestion],
        *,
        claimed: set[tuple[int, int]],
        new_id: Callable[[], str],
    ) -> int:
        dismissed = self.dismissed_keys(source_id)
        return self.insert(
            suggestion_to_row(new_id(), source_id, s)
            for s in suggestions
            if (str(s.kind), s.start, s.end) not in dismissed and (s.start, s.end) not in claimed
        )

    def for_source(self, source_id: str) -> list[StoredSuggestion]:
        rows = self._db.dicts(
            'SELECT * FROM suggestions WHERE source_id = %s ORDER BY start, "end", id', [source_id]
        )
        return [_stored(row) for row in rows]

    def count_for_source(self, source_id: str) -> int:
        return int(self._db.scalar("SELECT count(*) FROM suggestions WHERE source_id = %s", [source_id]))

    def get(self, suggestion_id: str) -> StoredSuggestion | None:
        row = self.raw(suggestion_id)
        return None if row is None else _stored(row)

    def raw(self, suggestion_id: str) -> dict[str, Any] | None:
        rows = self._db.dicts("SELECT * FROM suggestions WHERE id = %s", [suggestion_id])
        return rows[0] if rows else None

    def ids(
        self, *, source_id: str | None = None, kind: str | None = None, min_score: float = 0.0
    ) -> list[str]:
        query = "SELECT id FROM suggestions WHERE score >= %s"
        params: list[Any] = [min_score]
        if source_id is not None:
            query += " AND source_id = %s"
            params.append(source_id)
        if kind is not None:
            query += " AND kind = %s"
            params.append(kind)
        return [str(r[0]) for r in self._db.execute(query + " ORDER BY source_id, start, id", params)]

    def delete(self, suggestion_id: str) -> None:
        self._db.execute("DELETE FROM suggestions WHERE id = %s", [suggestion_id])

    def count(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM suggestions"))

    def dismiss(self, row: Mapping[str, Any], *, actor: str, at: str) -> None:
        self._db.execute(
            'INSERT INTO dismissed (source_id, kind, start, "end", quote, dismissed_by, dismissed_at) '
            "VALUES (%s, %s, %s, %s, %s, %s, %s) "
            'ON CONFLICT (source_id, kind, start, "end") DO UPDATE SET quote = EXCLUDED.quote, '
            "dismissed_by = EXCLUDED.dismissed_by, dismissed_at = EXCLUDED.dismissed_at",
            [row["source_id"], row["kind"], row["start"], row["end"], row["quote"], actor, at],
        )

    def undismiss(self, row: Mapping[str, Any]) -> None:
        self._db.execute(
            'DELETE FROM dismissed WHERE source_id = %s AND kind = %s AND start = %s AND "end" = %s',
            [row["source_id"], row["kind"], row["start"], row["end"]],
        )

    def dismissed_keys(self, source_id: str) -> set[tuple[str, int, int]]:
        rows = self._db.execute('SELECT kind, start, "end" FROM dismissed WHERE source_id = %s', [source_id])
        return {(str(k), int(a), int(b)) for k, a, b in rows}

    def count_dismissed(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM dismissed"))


def _stored(row: Mapping[str, Any]) -> StoredSuggestion:
    return StoredSuggestion(row["id"], row["source_id"], suggestion_from_row(row))


_EVIDENCE_SELECT = ", ".join(f'"{c}"' for c in EVIDENCE_COLUMNS)


class EvidenceRepository:
    """`core.store.EvidenceStore` on PostgreSQL: the `evidence` table, whole rows for undo."""

    def __init__(self, db: Session) -> None:
        self._db = db

    def insert(self, row: Mapping[str, Any]) -> None:
        self._db.execute(
            f"INSERT INTO evidence ({_EVIDENCE_SELECT}) VALUES ({marks(EVIDENCE_COLUMNS)})",
            [row.get(c) for c in EVIDENCE_COLUMNS],
        )

    def for_claim(self, claim_id: str) -> list[Evidence]:
        return [evidence_from_row(r) for r in self.raw_for_claim(claim_id)]

    def raw_for_claim(self, claim_id: str) -> list[dict[str, Any]]:
        return self._db.dicts(
            f"SELECT {_EVIDENCE_SELECT} FROM evidence WHERE claim_id = %s ORDER BY added_at, id", [claim_id]
        )

    def raw(self, evidence_id: str) -> dict[str, Any] | None:
        rows = self._db.dicts(f"SELECT {_EVIDENCE_SELECT} FROM evidence WHERE id = %s", [evidence_id])
        return rows[0] if rows else None

    def delete(self, evidence_id: str) -> bool:
        return self._db.execute("DELETE FROM evidence WHERE id = %s", [evidence_id]).rowcount > 0

    def count(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM evidence"))


class HistoryRepository:
    """`core.store.HistoryStore` on PostgreSQL. The server fills in each event's number, actor
    (`session_user`) and time whatever the client sends, so `actor` and `at` here are only what SQLite
    would have recorded; triggers refuse changing or deleting an event."""

    def __init__(self, db: Session) -> None:
        self._db = db

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
    ) -> None:
        self._db.execute(
            "INSERT INTO history (entity, entity_id, claim_id, action, actor, at, before, after, reason) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [entity, entity_id, claim_id, action, actor, at, _json(before), _json(after), reason],
        )

    def for_claim(self, claim_id: str) -> list[HistoryEvent]:
        rows = self._db.dicts("SELECT * FROM history WHERE claim_id = %s ORDER BY id", [claim_id])
        return [history_from_row(row) for row in rows]

    def entity_actions(self, claim_ids: Sequence[str], *, entity: str) -> list[EntityAction]:
        ids = sorted(set(claim_ids))
        if not ids:
            return []
        rows = self._db.execute(
            f"SELECT entity_id, action FROM history WHERE claim_id IN ({marks(ids)}) AND entity = %s ORDER BY id",
            [*ids, entity],
        )
        return [EntityAction(str(key), str(action)) for key, action in rows.fetchall()]

    def count(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM history"))


class SettingsRepository:
    """`core.store.SettingsStore` on PostgreSQL: the ledger's `settings` table."""

    def __init__(self, db: Session) -> None:
        self._db = db

    def get(self, key: str) -> str | None:
        row = self._db.one("SELECT value FROM settings WHERE key = %s", [key])
        return None if row is None else row[0]

    def set(self, key: str, value: str | None) -> None:
        self._db.execute(
            "INSERT INTO settings (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            [key, value],
        )


class LinkRepository:
    """`core.store.LinkStore` on PostgreSQL: the `links` table (a relation drawn twice is kept once)."""

    def __init__(self, db: Session) -> None:
        self._db = db

    def add(
        self, link_id: str, from_claim: str, to_claim: str, *, kind: str, note: str | None, at: str
    ) -> bool:
        cursor = self._db.execute(
            "INSERT INTO links (id, from_claim, to_claim, kind, note, created_at) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            [link_id, from_claim, to_claim, kind, note, at],
        )
        return cursor.rowcount > 0

    def remove(self, from_claim: str, to_claim: str, *, kind: str) -> bool:
        cursor = self._db.execute(
            "DELETE FROM links WHERE from_claim = %s AND to_claim = %s AND kind = %s",
            [from_claim, to_claim, kind],
        )
        return cursor.rowcount > 0

    def pairs(self, *, kind: str) -> list[tuple[str, str]]:
        rows = self._db.execute("SELECT from_claim, to_claim FROM links WHERE kind = %s ORDER BY id", [kind])
        return [(str(a), str(b)) for a, b in rows]

    def touching(self, claim_ids: Sequence[str]) -> list[ClaimLink]:
        if not claim_ids:
            return []
        ids = list(claim_ids)
        rows = self._db.execute(
            f"SELECT from_claim, to_claim, kind FROM links WHERE from_claim IN ({marks(ids)}) "
            f"OR to_claim IN ({marks(ids)})",
            [*ids, *ids],
        )
        return [ClaimLink(str(a), str(b), str(k)) for a, b, k in rows.fetchall()]


class VersionRepository:
    """`core.store.VersionStore` on PostgreSQL: version rows of `sources` and the `anchors` table, matched
    by the SQLite adapter's own rules (same URL variants, title key and publication-day distance)."""

    def __init__(self, db: Session) -> None:
        self._db = db

    def match(self, document: Document) -> str | None:
        if document.url:
            variants = _url_variants(document.url)
            row = self._db.one(
                f"SELECT {LINEAGE} FROM sources WHERE url IN ({marks(variants)}) "
                "ORDER BY imported_at DESC LIMIT 1",
                variants,
            )
            return None if row is None else self.latest(str(row[0]))
        title = _title_key(document.title)
        if not title:
            return None
        rows = self._db.execute(
            f"SELECT {LINEAGE}, title, outlet, authors, published FROM sources "
            "WHERE title IS NOT NULL AND url IS NULL ORDER BY imported_at DESC"
        )
        authors = sorted(document.authors)
        for lineage, other_title, outlet, other_authors, published in rows.fetchall():
            if _title_key(other_title) != title or (outlet or None) != (document.outlet or None):
                continue
            if not _same_story_dates(published, document.published):
                continue
            if not document.outlet and (not authors or sorted(_json_list(other_authors)) != authors):
                continue
            return self.latest(str(lineage))
        return None

    def lineage(self, source_id: str) -> Lineage | None:
        row = self._db.one(f"SELECT {LINEAGE}, version FROM sources WHERE id = %s", [source_id])
        return None if row is None else Lineage(str(row[0]), int(row[1]))

    def latest(self, lineage: str) -> str:
        found = self._db.scalar(
            f"SELECT id FROM sources WHERE {LINEAGE} = %s ORDER BY version DESC LIMIT 1", [lineage]
        )
        return str(found) if found is not None else lineage

    def versions(self, source_id: str) -> list[VersionInfo]:
        found = self.lineage(source_id)
        if found is None:
            return []
        rows = self._db.execute(
            f"SELECT id, {LINEAGE}, version, imported_at, published, title, length(text) FROM sources "
            "WHERE id = %s OR lineage = %s ORDER BY version",
            [found.root, found.root],
        )
        return [VersionInfo(str(a), str(b), int(c), str(d), e, f, int(g)) for a, b, c, d, e, f, g in rows]

    def facts(self, source_ids: Sequence[str]) -> list[FactSpan]:
        if not source_ids:
            return []
        rows = self._db.execute(
            f'SELECT id, source_id, start, "end", quote FROM claims WHERE source_id IN ({marks(source_ids)}) '
            "ORDER BY id",
            list(source_ids),
        )
        return [FactSpan(str(a), str(b), int(c), int(d), str(e)) for a, b, c, d, e in rows]

    def move_fact(self, claim_id: str, *, source_id: str, start: int, end: int, quote: str, at: str) -> None:
        self._db.execute(
            'UPDATE claims SET source_id = %s, start = %s, "end" = %s, quote = %s, updated_at = %s WHERE id = %s',
            [source_id, start, end, quote, at, claim_id],
        )

    def anchor_records(self, claim_ids: Iterable[str]) -> list[AnchorRecord]:
        wanted = list(claim_ids)
        records: list[AnchorRecord] = []
        columns = ", ".join(ANCHOR_COLUMNS)
        for index in range(0, len(wanted), CHUNK):
            chunk = wanted[index : index + CHUNK]
            rows = self._db.execute(
                f"SELECT {columns} FROM anchors WHERE claim_id IN ({marks(chunk)})", chunk
            )
            records.extend(
                AnchorRecord(str(c), AnchorState(s), str(f), str(t), str(o), n, float(sc), fg, str(at))
                for c, s, f, t, o, n, sc, fg, at in rows
            )
        return records

    def put_anchors(self, records: Iterable[AnchorRecord]) -> None:
        columns = ", ".join(ANCHOR_COLUMNS)
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in ANCHOR_COLUMNS if c != "claim_id")
        self._db.executemany(
            f"INSERT INTO anchors ({columns}) VALUES ({marks(ANCHOR_COLUMNS)}) "
            f"ON CONFLICT (claim_id) DO UPDATE SET {updates}",
            [
                [
                    r.claim_id,
                    str(r.state),
                    r.from_source,
                    r.to_source,
                    r.old_quote,
                    r.new_quote,
                    r.score,
                    r.figures,
                    r.at,
                ]
                for r in records
            ],
        )

    def anchors(self, claim_ids: Iterable[str]) -> dict[str, Anchor]:
        wanted = list(claim_ids)
        found: dict[str, Anchor] = {}
        for index in range(0, len(wanted), CHUNK):
            chunk = wanted[index : index + CHUNK]
            rows = self._db.execute(
                f"{ANCHOR_SELECT} WHERE a.claim_id IN ({marks(chunk)})",
                chunk,
            )
            for row in rows:
                anchor = anchor_from_row(row)
                found[anchor.claim_id] = anchor
        return found

    def changed_claim_ids(self) -> list[str]:
        return sorted(self.changed_states())

    def changed_states(self) -> dict[str, AnchorState]:
        rows = self._db.execute("SELECT claim_id, state FROM anchors WHERE state IN ('changed', 'orphaned')")
        return {str(c): AnchorState(s) for c, s in rows}

    def suggestion_rows(self, source_id: str) -> list[dict[str, Any]]:
        return self._db.dicts("SELECT * FROM suggestions WHERE source_id = %s", [source_id])

    def delete_suggestions(self, source_id: str) -> None:
        self._db.execute("DELETE FROM suggestions WHERE source_id = %s", [source_id])

    def dismissed_spans(self, source_id: str) -> list[DismissedSpan]:
        rows = self._db.execute(
            'SELECT kind, start, "end", quote, dismissed_by, dismissed_at FROM dismissed WHERE source_id = %s',
            [source_id],
        )
        return [
            DismissedSpan(str(k), int(a), int(b), str(q), str(by), str(at)) for k, a, b, q, by, at in rows
        ]

    def add_dismissed(self, source_id: str, spans: Iterable[DismissedSpan]) -> None:
        self._db.executemany(
            'INSERT INTO dismissed (source_id, kind, start, "end", quote, dismissed_by, dismissed_at) '
            "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            [[source_id, s.kind, s.start, s.end, s.quote, s.dismissed_by, s.dismissed_at] for s in spans],
        )

    def delete_version(self, source_id: str) -> None:
        self._db.execute("DELETE FROM sources WHERE id = %s", [source_id])

    def web_sources(self) -> list[WebSource]:
        rows = self._db.execute(
            f"""SELECT s.id, s.url, coalesce(s.title, s.url) FROM sources s
                WHERE s.url IS NOT NULL AND {LATEST.format(s="s")} ORDER BY s.imported_at, s.id"""
        )
        return [WebSource(str(a), b, str(c)) for a, b, c in rows]


__all__ = [
    "ClaimRepository",
    "EvidenceRepository",
    "HistoryRepository",
    "LinkRepository",
    "SettingsRepository",
    "SourceRepository",
    "SuggestionRepository",
    "VersionRepository",
    "order_clause",
    "tsquery_text",
    "where_clause",
]
