"""ClaimRepository: one fact per row; filtering, ordering and paging happen in SQL, never in Python lists."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlite_utils import Database

from factledger.domain import Claim, ClaimFilter, ClaimOrder, UserError

from .rows import (
    CLAIM_COLUMNS,
    SELECT_CLAIM_COLUMNS,
    ClaimPage,
    claim_from_row,
    claim_from_tuple,
    claim_to_row,
)
from .search import fts_match_expression

# Sort keys map to columns that have an (column, id) index, so ORDER BY ... LIMIT walks an index
# ("source" walks (source_id, start, id), so one source's facts read in text order).
_ORDER_SQL: dict[str, str] = {
    "kind": "claims.kind",
    "statement": "claims.statement",
    "value": "claims.value",
    "unit": "claims.unit",
    "subject": "claims.subject",
    "speaker": "claims.speaker",
    "attribution": "claims.attribution",
    "status": "claims.status",
    "source": "claims.source_id {d}, claims.start",
    "stated_on": "claims.stated_on",
    "updated_at": "claims.updated_at",
}
# Past this offset a page is read from the far end when that is nearer: OFFSET steps through every
# skipped index entry, so the last page of a million facts would otherwise cost a full index walk.
REVERSE_AFTER = 20_000
# Past this offset the skipped rows are walked in the sort index for their rowids alone, and only the page's
# rows are read from the table: skipping with the wide SELECT costs about twice as much per skipped entry
# (on 1M facts, 8-14 ms instead of 15-22 ms for the middle page), while a first page gains nothing from it.
INDEX_WALK_AFTER = 1_000
EDITABLE_COLUMNS = frozenset(CLAIM_COLUMNS) - {
    "id",
    "source_id",
    "quote",
    "start",
    "end",
    "created_at",
    "version",  # the database's own count of updates (trigger `claims_version`)
}


def _sqlite_text_condition(text: str) -> tuple[str, str] | None:
    match = fts_match_expression(text)
    if not match:
        return None
    return "claims.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", match


def where_clause(
    claim_filter: ClaimFilter,
    *,
    mark: str = "?",
    text_condition: Callable[[str], tuple[str, str] | None] = _sqlite_text_condition,
    always: str = "1",
) -> tuple[str, list[Any]]:
    """SQL condition and parameters for a filter; shared by listing, counting, series and exports.

    One mechanism for both engines: PostgreSQL passes its placeholder (`%s`), its full-text condition and
    its TRUE, so a filter means the same facts wherever the ledger lives.
    """
    parts: list[str] = []
    params: list[Any] = []

    def member_of(column: str, values: frozenset[Any]) -> None:
        if values:
            parts.append(f"{column} IN ({', '.join(mark for _ in values)})")
            params.extend(sorted(str(v) for v in values))

    member_of("claims.kind", claim_filter.kinds)
    member_of("claims.status", claim_filter.statuses)
    member_of("claims.attribution", claim_filter.attributions)
    member_of("claims.source_id", claim_filter.source_ids)
    if claim_filter.subject:
        parts.append(f"claims.subject = {mark}")
        params.append(claim_filter.subject)
    if claim_filter.date_from:
        parts.append(f"claims.stated_on >= {mark}")
        params.append(claim_filter.date_from)
    if claim_filter.date_to:
        parts.append(f"claims.stated_on <= {mark}")
        params.append(claim_filter.date_to + "\uffff")
    if claim_filter.text and claim_filter.text.strip():
        condition = text_condition(claim_filter.text)
        if condition is not None:
            parts.append(condition[0])
            params.append(condition[1])
    return (" AND ".join(parts) or always), params


def order_clause(order: ClaimOrder) -> str:
    column = _ORDER_SQL.get(order.column)
    if column is None:
        raise UserError(
            f"Claims cannot be sorted by '{order.column}'; choose one of: {', '.join(_ORDER_SQL)}."
        )
    direction = "DESC" if order.descending else "ASC"
    return f"{column.format(d=direction)} {direction}, claims.id {direction}"


def _sort_keys(order: ClaimOrder) -> list[str]:
    """The columns `order_clause` sorts by, in order; only the first can hold NULL."""
    keys = ["source_id", "start"] if order.column == "source" else [order.column]
    return [*keys, "id"]


class ClaimRepository:
    """`core.store.ClaimStore` over SQLite: the `claims` table, paged and counted through its sort indexes.

    Pages are `ClaimPage`s of stored values (built into `Claim`s when read); counts are cached per filter
    until this connection or another one writes.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        # count(*) of a million rows costs tens of milliseconds and a table asks for it on every reload
        # and far page; the answer stays valid until this connection or another one writes.
        self._counts: dict[tuple[str, tuple[Any, ...]], tuple[tuple[int, int], int]] = {}

    def _data_version(self) -> tuple[int, int]:
        """Changes by this connection, and SQLite's counter of commits by other connections."""
        other = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        return self._db.conn.total_changes, other

    def insert(self, claim: Claim) -> None:
        row = claim_to_row(claim)
        columns = ", ".join(f'"{c}"' for c in row)
        self._db.execute(
            f"INSERT INTO claims ({columns}) VALUES ({', '.join('?' for _ in row)})", list(row.values())
        )

    def restore(self, row: Mapping[str, Any]) -> None:
        """Put back a row exactly as it was (undo of a delete)."""
        columns = ", ".join(f'"{c}"' for c in row)
        self._db.execute(
            f"INSERT INTO claims ({columns}) VALUES ({', '.join('?' for _ in row)})", list(row.values())
        )

    def get(self, claim_id: str) -> Claim | None:
        row = self.raw(claim_id)
        return None if row is None else claim_from_row(row)

    def raw(self, claim_id: str) -> dict[str, Any] | None:
        cursor = self._db.execute(f"SELECT {SELECT_CLAIM_COLUMNS} FROM claims WHERE id = ?", [claim_id])
        row = cursor.fetchone()
        return None if row is None else dict(zip(CLAIM_COLUMNS, row, strict=True))

    def update(
        self, claim_id: str, fields: Mapping[str, Any], *, expected_version: int | None = None
    ) -> bool:
        """Change some fields; with `expected_version`, only if the row still has that version (one
        statement, so no other writer can slip in between the check and the change). False when nothing
        was changed: the fact is gone or moved on."""
        unknown = set(fields) - EDITABLE_COLUMNS
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        assignments = ", ".join(f'"{c}" = ?' for c in fields)
        sql = f"UPDATE claims SET {assignments} WHERE id = ?"
        params = [*fields.values(), claim_id]
        if expected_version is not None:
            sql += " AND version = ?"
            params.append(expected_version)
        return self._db.execute(sql, params).rowcount > 0

    def delete(self, claim_id: str, *, expected_version: int | None = None) -> bool:
        """Remove a fact; with `expected_version`, only if the row still has that version."""
        if expected_version is None:
            return self._db.execute("DELETE FROM claims WHERE id = ?", [claim_id]).rowcount > 0
        cursor = self._db.execute(
            "DELETE FROM claims WHERE id = ? AND version = ?", [claim_id, expected_version]
        )
        return cursor.rowcount > 0

    def quote_mismatches(self) -> list[str]:
        """Ids of facts whose quote is not the exact characters of their source at start-end (or whose
        source is gone): only raw SQL with the schema's guards removed can leave any."""
        rows = self._db.execute(
            "SELECT claims.id FROM claims LEFT JOIN sources ON sources.id = claims.source_id "
            'WHERE sources.id IS NULL OR claims.quote IS NOT substr(sources.text, claims.start + 1, claims."end" - claims.start) '
            "ORDER BY claims.id"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def count(self, claim_filter: ClaimFilter = ClaimFilter()) -> int:
        where, params = where_clause(claim_filter)
        key = (where, tuple(params))
        version = self._data_version()
        cached = self._counts.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        total = int(self._db.execute(f"SELECT count(*) FROM claims WHERE {where}", params).fetchone()[0])
        if len(self._counts) > 32:
            self._counts.clear()
        self._counts[key] = (version, total)
        return total

    def page(
        self, claim_filter: ClaimFilter, order: ClaimOrder, *, offset: int = 0, limit: int = 200
    ) -> ClaimPage:
        """Rows `offset` .. `offset + limit - 1` in `order`; a page in the far half is read backwards."""
        where, params = where_clause(claim_filter)
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
        order_sql = order_clause(order)
        if offset >= INDEX_WALK_AFTER:
            # CROSS JOIN keeps the walked rowids as the outer loop; the outer sort orders just `limit` rows.
            sql = (
                f"SELECT {SELECT_CLAIM_COLUMNS} FROM (SELECT claims.rowid AS walked FROM claims WHERE {where} "
                f"ORDER BY {order_sql} LIMIT ? OFFSET ?) AS page "
                f"CROSS JOIN claims ON claims.rowid = page.walked ORDER BY {order_sql}"
            )
        else:
            sql = f"SELECT {SELECT_CLAIM_COLUMNS} FROM claims WHERE {where} ORDER BY {order_sql} LIMIT ? OFFSET ?"
        rows = self._db.execute(sql, [*params, limit, offset]).fetchall()
        return ClaimPage(rows[::-1] if reverse else rows)

    def position(self, claim_id: str, claim_filter: ClaimFilter, order: ClaimOrder) -> int | None:
        """The row a fact has in a filtered, ordered listing (None if the filter hides it).

        Counts the rows that sort before it, so a table can jump to a fact chosen elsewhere (a chart, a
        search hit) anywhere in a million rows without paging through them. NULLs sort first ascending
        and last descending, as SQLite orders them.
        """
        row = self.raw(claim_id)
        if row is None:
            return None
        where, params = where_clause(claim_filter)
        visible = self._db.execute(
            f"SELECT 1 FROM claims WHERE claims.id = ? AND {where}", [claim_id, *params]
        )
        if visible.fetchone() is None:
            return None
        order_clause(order)  # refuses unknown columns with a sentence
        keys = _sort_keys(order)
        before: list[str] = []
        before_params: list[Any] = []
        equal: list[str] = []
        equal_params: list[Any] = []
        for key in keys:
            column, value = f'claims."{key}"', row[key]
            if value is None:
                earlier, earlier_params = (f"{column} IS NOT NULL", []) if order.descending else ("0", [])
                same, same_params = f"{column} IS NULL", []
            else:
                comparison = ">" if order.descending else "<"
                nulls = "" if order.descending else f"{column} IS NULL OR "
                earlier, earlier_params = f"({nulls}{column} {comparison} ?)", [value]
                same, same_params = f"{column} = ?", [value]
            before.append(" AND ".join([*equal, earlier]))
            before_params.extend([*equal_params, *earlier_params])
            equal.append(same)
            equal_params.extend(same_params)
        condition = " OR ".join(f"({part})" for part in before)
        cursor = self._db.execute(
            f"SELECT count(*) FROM claims WHERE ({where}) AND ({condition})", [*params, *before_params]
        )
        return int(cursor.fetchone()[0])

    def page_beside(
        self,
        claim_id: str,
        claim_filter: ClaimFilter,
        order: ClaimOrder,
        *,
        limit: int = 200,
        before: bool = False,
    ) -> ClaimPage | None:
        """Up to `limit` (> 0) rows right after a fact in `order`, or right before it; in `order` either way.

        Keyset paging: the sort index is entered at the fact's own key, so the page beside one already shown
        costs the same at row 500,000 as at row 0, where OFFSET would step through every row before it.
        None when the fact is gone. The fact need not pass the filter; the rows returned do.
        """
        anchor = self.raw(claim_id)
        if anchor is None:
            return None
        # Rows before the fact are the rows after it in the opposite order (NULLs flip ends with it).
        seek = ClaimOrder(order.column, descending=order.descending != before)
        rows = self._rows_after(anchor, claim_filter, seek, limit)
        return rows.reversed() if before else rows

    def _rows_after(
        self, anchor: Mapping[str, Any], claim_filter: ClaimFilter, order: ClaimOrder, limit: int
    ) -> ClaimPage:
        """Each step is one index range; a NULL sort key splits the order in two (NULLs first ascending)."""
        where, params = where_clause(claim_filter)
        order_sql = order_clause(order)
        lead, *rest = _sort_keys(order)
        lead_column = f'claims."{lead}"'
        comparison = "<" if order.descending else ">"

        def row_after(keys: list[str]) -> tuple[str, list[Any]]:
            columns = ", ".join(f'claims."{k}"' for k in keys)
            return f"({columns}) {comparison} ({', '.join('?' for _ in keys)})", [anchor[k] for k in keys]

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
                f"ORDER BY {order_sql} LIMIT ?",
                [*params, *values, limit - len(rows)],
            )
            rows = rows.extended(cursor)
            if len(rows) >= limit:
                break
        return rows

    def subjects(self, *, limit: int) -> list[tuple[str, int]]:
        rows = self._db.execute(
            "SELECT subject, count(*) AS n FROM claims WHERE subject IS NOT NULL AND subject != '' "
            "GROUP BY subject ORDER BY n DESC, subject LIMIT ?",
            [limit],
        )
        return [(str(subject), int(n)) for subject, n in rows]

    def for_source(self, source_id: str) -> list[Claim]:
        cursor = self._db.execute(
            f"SELECT {SELECT_CLAIM_COLUMNS} FROM claims WHERE source_id = ? ORDER BY start, id", [source_id]
        )
        return [claim_from_tuple(row) for row in cursor]

    def spans_for_source(self, source_id: str) -> set[tuple[int, int]]:
        rows = self._db.execute('SELECT start, "end" FROM claims WHERE source_id = ?', [source_id])
        return {(int(a), int(b)) for a, b in rows}
