"""SuggestionRepository: open suggestions per source, and the dismissed ones that must stay dismissed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlite_utils import Database

from factledger.domain import (
    StoredSuggestion as StoredSuggestion,  # a domain type, re-exported for storage code
)
from factledger.domain import Suggestion

from .rows import SUGGESTION_COLUMNS, suggestion_from_row, suggestion_to_row


class SuggestionRepository:
    """`core.store.SuggestionStore` over SQLite: the `suggestions` table and the `dismissed` spans.

    `raw` rows hold every column, so an accepted or dismissed suggestion is put back exactly on undo.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, rows: Iterable[dict[str, Any]]) -> int:
        batch = list(rows)
        if batch:
            columns = ", ".join(f'"{c}"' for c in SUGGESTION_COLUMNS)
            marks = ", ".join("?" for _ in SUGGESTION_COLUMNS)
            self._db.conn.executemany(
                f"INSERT INTO suggestions ({columns}) VALUES ({marks})",
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
        """Store what extraction proposed, minus what a person already dismissed or logged."""
        dismissed = self.dismissed_keys(source_id)
        rows = [
            suggestion_to_row(new_id(), source_id, s)
            for s in suggestions
            if (str(s.kind), s.start, s.end) not in dismissed and (s.start, s.end) not in claimed
        ]
        return self.insert(rows)

    def for_source(self, source_id: str) -> list[StoredSuggestion]:
        cursor = self._db.execute(
            'SELECT * FROM suggestions WHERE source_id = ? ORDER BY start, "end", id', [source_id]
        )
        names = [d[0] for d in cursor.description]
        return [self._stored(dict(zip(names, row, strict=True))) for row in cursor]

    def count_for_source(self, source_id: str) -> int:
        """How many suggestions of one source are open (an index count; nothing is built)."""
        row = self._db.execute("SELECT count(*) FROM suggestions WHERE source_id = ?", [source_id]).fetchone()
        return int(row[0])

    def get(self, suggestion_id: str) -> StoredSuggestion | None:
        row = self.raw(suggestion_id)
        return None if row is None else self._stored(row)

    def raw(self, suggestion_id: str) -> dict[str, Any] | None:
        cursor = self._db.execute("SELECT * FROM suggestions WHERE id = ?", [suggestion_id])
        row = cursor.fetchone()
        return None if row is None else dict(zip([d[0] for d in cursor.description], row, strict=True))

    def ids(
        self, *, source_id: str | None = None, kind: str | None = None, min_score: float = 0.0
    ) -> list[str]:
        sql = "SELECT id FROM suggestions WHERE score >= ?"
        params: list[Any] = [min_score]
        if source_id is not None:
            sql += " AND source_id = ?"
            params.append(source_id)
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        return [r[0] for r in self._db.execute(sql + " ORDER BY source_id, start, id", params)]

    def delete(self, suggestion_id: str) -> None:
        self._db.execute("DELETE FROM suggestions WHERE id = ?", [suggestion_id])

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM suggestions").fetchone()[0])

    def dismiss(self, row: dict[str, Any], *, actor: str, at: str) -> None:
        self._db.execute(
            'INSERT OR REPLACE INTO dismissed (source_id, kind, start, "end", quote, dismissed_by, dismissed_at) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [row["source_id"], row["kind"], row["start"], row["end"], row["quote"], actor, at],
        )

    def undismiss(self, row: dict[str, Any]) -> None:
        self._db.execute(
            'DELETE FROM dismissed WHERE source_id = ? AND kind = ? AND start = ? AND "end" = ?',
            [row["source_id"], row["kind"], row["start"], row["end"]],
        )

    def dismissed_keys(self, source_id: str) -> set[tuple[str, int, int]]:
        rows = self._db.execute('SELECT kind, start, "end" FROM dismissed WHERE source_id = ?', [source_id])
        return {(str(k), int(a), int(b)) for k, a, b in rows}

    def count_dismissed(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM dismissed").fetchone()[0])

    @staticmethod
    def _stored(row: dict[str, Any]) -> StoredSuggestion:
        return StoredSuggestion(row["id"], row["source_id"], suggestion_from_row(row))
