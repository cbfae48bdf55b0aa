"""SourceRepository: imported documents, their original bytes, and per-source counts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from factledger.domain import Document, Source
from factledger.domain import SourceSummary as SourceSummary  # a domain type, re-exported for storage code

from .rows import source_from_row
from .versions import LATEST


class SourceRepository:
    """`core.store.SourceStore` over SQLite: the `sources` table, with `originals` for the bytes as imported.

    Never selects a source's text unless asked for it (`get`, `text`): a text may be megabytes.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    def id_for_hash(self, content_sha256: str) -> str | None:
        row = self._db.execute("SELECT id FROM sources WHERE content_sha256 = ?", [content_sha256]).fetchone()
        return None if row is None else str(row[0])

    def insert(
        self,
        source_id: str,
        document: Document,
        *,
        imported_at: str,
        lineage: str | None = None,
        version: int = 1,
    ) -> None:
        """A new source, or (with `lineage`, version 1's id) a new version of one."""
        self._db.execute(
            """INSERT INTO sources (id, kind, title, outlet, url, authors, published, imported_at, language,
                                    text, content_sha256, file_name, media_type, lineage, version)
               VALUES (?, 'article', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
                "INSERT INTO originals (source_id, file_name, media_type, size, content) VALUES (?, ?, ?, ?, ?)",
                [
                    source_id,
                    document.file_name,
                    document.media_type,
                    len(document.original),
                    document.original,
                ],
            )

    def get(self, source_id: str) -> Source | None:
        cursor = self._db.execute("SELECT * FROM sources WHERE id = ?", [source_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return source_from_row(dict(zip([d[0] for d in cursor.description], row, strict=True)))

    def details(self, source_id: str, columns: Sequence[str]) -> dict[str, Any] | None:
        """Just these columns of one source (never its text, which may be megabytes)."""
        names = ", ".join(_checked_column(c) for c in columns)
        row = self._db.execute(f"SELECT {names} FROM sources WHERE id = ?", [source_id]).fetchone()
        return None if row is None else dict(zip(columns, row, strict=True))

    def update_details(self, source_id: str, values: Mapping[str, Any]) -> None:
        """Set descriptive columns; the FTS triggers keep title and outlet searchable."""
        assignments = ", ".join(f"{_checked_column(c)} = ?" for c in values)
        self._db.execute(f"UPDATE sources SET {assignments} WHERE id = ?", [*values.values(), source_id])

    def text(self, source_id: str) -> str | None:
        row = self._db.execute("SELECT text FROM sources WHERE id = ?", [source_id]).fetchone()
        return None if row is None else str(row[0])

    def original(self, source_id: str) -> bytes | None:
        row = self._db.execute("SELECT content FROM originals WHERE source_id = ?", [source_id]).fetchone()
        return None if row is None else bytes(row[0])

    def summaries(self) -> list[SourceSummary]:
        """One row per source: its newest version, counting the facts of every version."""
        cursor = self._db.execute(
            f"""SELECT s.id, s.title, s.outlet, s.published, s.url, s.file_name, s.imported_at,
                      CASE WHEN s.version = 1 THEN (SELECT count(*) FROM claims c WHERE c.source_id = s.id)
                      ELSE (SELECT count(*) FROM claims c JOIN sources v ON v.id = c.source_id
                            WHERE coalesce(v.lineage, v.id) = s.lineage) END,
                      (SELECT count(*) FROM suggestions g WHERE g.source_id = s.id),
                      s.version, CASE WHEN s.version > 1 THEN substr(s.imported_at, 1, 10) END
               FROM sources s WHERE {LATEST.format(s="s")}
               ORDER BY coalesce(s.published, s.imported_at) DESC, s.id"""
        )
        return [SourceSummary(*row) for row in cursor.fetchall()]

    def titles(self, source_ids: Iterable[str]) -> dict[str, str]:
        """Display names of just these sources: a table page needs a few, not `summaries()` of every source
        (which counts claims per source and costs most of a second at 100,000 sources)."""
        wanted = sorted(set(source_ids))
        names: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._db.execute(
                f"SELECT id, coalesce(title, file_name, url, id) FROM sources WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            names.update((str(i), str(t)) for i, t in rows)
        return names

    def published_days(self, source_ids: Iterable[str]) -> dict[str, str]:
        """Publication days (YYYY-MM-DD) of just these sources, for facts dated by their source."""
        wanted = sorted(set(source_ids))
        dates: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._db.execute(
                f"SELECT id, substr(published, 1, 10) FROM sources WHERE published IS NOT NULL AND id IN "
                f"({', '.join('?' * len(chunk))})",
                chunk,
            )
            dates.update((str(i), str(d)) for i, d in rows)
        return dates

    def delete(self, source_id: str) -> bool:
        return self._db.execute("DELETE FROM sources WHERE id = ?", [source_id]).rowcount > 0

    def count(self) -> int:
        """Sources, each counted once however many versions it has."""
        return int(self._db.execute("SELECT count(*) FROM sources WHERE lineage IS NULL").fetchone()[0])


_DETAIL_COLUMNS = frozenset({"title", "outlet", "url", "published", "authors", "language"})


def _checked_column(name: str) -> str:
    """Column names are spliced into SQL: only the known descriptive ones pass."""
    if name not in _DETAIL_COLUMNS:
        raise ValueError(f"not a descriptive column of sources: {name!r}")
    return name
