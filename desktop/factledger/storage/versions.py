"""Versions of a source and the re-anchoring of its facts: the `m009_source_versions` tables and their SQL.

A version is a row of `sources` of its own (its own text, hash and original bytes: a source's text is never
updated); `lineage` names version 1 of the same article (NULL on version 1 itself, so older ledgers need no
rewrite) and `version` counts from 1. `anchors` keeps the last re-anchoring of each fact: its state, the two
versions, both wordings, the score and the figures whose value changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlite_utils import Database

from factledger.domain import DismissedSpan, Document, Lineage, WebSource

# Domain types, re-exported for storage code.
from factledger.domain import FactSpan as FactSpan
from factledger.domain import VersionInfo as VersionInfo
from factledger.domain.anchors import Anchor, AnchorRecord, AnchorState

_STATES = ", ".join(f"'{s}'" for s in AnchorState)
ANCHOR_COLUMNS = (
    "claim_id",
    "state",
    "from_source",
    "to_source",
    "old_quote",
    "new_quote",
    "score",
    "figures",
    "at",
)


def create(db: Database) -> None:
    """The migration's body: two columns on `sources`, their indexes, and the `anchors` table."""
    db.executescript(
        f"""
        ALTER TABLE sources ADD COLUMN lineage TEXT;     -- version 1's id; NULL on version 1 itself
        ALTER TABLE sources ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX sources_lineage ON sources(lineage, version) WHERE lineage IS NOT NULL;
        CREATE INDEX sources_url ON sources(url) WHERE url IS NOT NULL;
        CREATE INDEX sources_title ON sources(title, outlet) WHERE title IS NOT NULL;
        CREATE TABLE anchors (
            claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ({_STATES})),
            from_source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            to_source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            old_quote TEXT NOT NULL,
            new_quote TEXT,
            score REAL NOT NULL,
            figures TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX anchors_state ON anchors(state, claim_id);
        CREATE INDEX anchors_to_source ON anchors(to_source);
        CREATE INDEX anchors_from_source ON anchors(from_source);
        """
    )


LINEAGE = "coalesce(lineage, id)"
LATEST = (
    "NOT EXISTS (SELECT 1 FROM sources newer WHERE newer.lineage = coalesce({s}.lineage, {s}.id) "
    "AND newer.version > {s}.version)"
)
"""SQL true for the newest version of its source; `{s}` is the alias of the sources row."""


def _title_key(title: str | None) -> str:
    return " ".join((title or "").split()).casefold()


def _url_variants(url: str) -> list[str]:
    """The same page written with or without its fragment or a trailing slash."""
    base = url.split("#", 1)[0]
    stripped = base.rstrip("/")
    return sorted({url, base, stripped, stripped + "/"})


ANCHOR_SELECT = """SELECT a.claim_id, a.state, a.from_source, a.to_source, f.version, t.version, a.old_quote,
                           a.new_quote, a.score, a.figures, f.imported_at, t.imported_at, a.at
                    FROM anchors a JOIN sources f ON f.id = a.from_source JOIN sources t ON t.id = a.to_source"""
"""An anchor with both versions' numbers and dates, in the column order `anchor_from_row` reads."""


def anchor_from_row(row: Sequence[Any]) -> Anchor:
    """One `ANCHOR_SELECT` row as an `Anchor` (both engines)."""
    return Anchor(
        claim_id=row[0],
        state=AnchorState(row[1]),
        from_source=row[2],
        to_source=row[3],
        from_version=int(row[4]),
        to_version=int(row[5]),
        old_quote=row[6],
        new_quote=row[7],
        score=float(row[8]),
        figures=row[9],
        from_date=row[10],
        to_date=row[11],
        at=row[12],
    )


class VersionRepository:
    """`core.store.VersionStore` over SQLite: version rows of `sources` and the `anchors` table.

    Every step of adding a version (moving facts, anchors, carried suggestions and dismissals) is its own
    method so the edit that adds a version can reverse each on undo.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    def match(self, document: Document) -> str | None:
        """The newest version of the source this document is a later version of, if any: same URL; without a
        URL, same title and same outlet (or, when neither has an outlet, the same byline), and publication
        dates no further apart than `SAME_STORY_DAYS` where both are known — so a newsletter or a daily
        column that reuses its title from one issue to the next stays a separate source."""
        if document.url:
            variants = _url_variants(document.url)
            marks = ", ".join("?" for _ in variants)
            row = self._db.execute(
                f"SELECT {LINEAGE} FROM sources WHERE url IN ({marks}) ORDER BY imported_at DESC LIMIT 1",
                variants,
            ).fetchone()
            return None if row is None else self.latest(str(row[0]))
        title = _title_key(document.title)
        if not title:
            return None
        rows = self._db.execute(
            f"SELECT {LINEAGE}, title, outlet, authors, published FROM sources "
            "WHERE title IS NOT NULL AND url IS NULL ORDER BY imported_at DESC"
        )
        authors = sorted(document.authors)
        for lineage, other_title, outlet, other_authors, published in rows:
            if _title_key(other_title) != title or (outlet or None) != (document.outlet or None):
                continue
            if not _same_story_dates(published, document.published):
                continue
            if not document.outlet and (not authors or sorted(_json_list(other_authors)) != authors):
                continue
            return self.latest(str(lineage))
        return None

    def lineage(self, source_id: str) -> Lineage | None:
        """Version 1's id and this version's number (None when there is no such source)."""
        row = self._db.execute(f"SELECT {LINEAGE}, version FROM sources WHERE id = ?", [source_id]).fetchone()
        return None if row is None else Lineage(str(row[0]), int(row[1]))

    def latest(self, lineage: str) -> str:
        row = self._db.execute(
            f"SELECT id FROM sources WHERE {LINEAGE} = ? ORDER BY version DESC LIMIT 1", [lineage]
        ).fetchone()
        return str(row[0]) if row is not None else lineage

    def versions(self, source_id: str) -> list[VersionInfo]:
        """Every version of the source `source_id` is a version of, oldest first."""
        found = self.lineage(source_id)
        if found is None:
            return []
        rows = self._db.execute(
            f"SELECT id, {LINEAGE}, version, imported_at, published, title, length(text) FROM sources "
            "WHERE id = ? OR lineage = ? ORDER BY version",
            [found.root, found.root],
        )
        return [VersionInfo(str(a), str(b), int(c), str(d), e, f, int(g)) for a, b, c, d, e, f, g in rows]

    def facts(self, source_ids: Sequence[str]) -> list[FactSpan]:
        marks = ", ".join("?" for _ in source_ids)
        rows = self._db.execute(
            f'SELECT id, source_id, start, "end", quote FROM claims WHERE source_id IN ({marks}) ORDER BY id',
            list(source_ids),
        )
        return [FactSpan(str(a), str(b), int(c), int(d), str(e)) for a, b, c, d, e in rows]

    def move_fact(self, claim_id: str, *, source_id: str, start: int, end: int, quote: str, at: str) -> None:
        """Source, span and quote change in one statement, so the quote/span invariant holds at every step."""
        self._db.execute(
            'UPDATE claims SET source_id = ?, start = ?, "end" = ?, quote = ?, updated_at = ? WHERE id = ?',
            [source_id, start, end, quote, at, claim_id],
        )

    def anchor_records(self, claim_ids: Iterable[str]) -> list[AnchorRecord]:
        """The stored re-anchoring of each of these facts that has one (what undo puts back)."""
        wanted = list(claim_ids)
        records: list[AnchorRecord] = []
        columns = ", ".join(ANCHOR_COLUMNS)
        for index in range(0, len(wanted), 500):
            chunk = wanted[index : index + 500]
            cursor = self._db.execute(
                f"SELECT {columns} FROM anchors WHERE claim_id IN ({', '.join('?' * len(chunk))})", chunk
            )
            records.extend(
                AnchorRecord(str(c), AnchorState(s), str(f), str(t), str(o), n, float(sc), fg, str(at))
                for c, s, f, t, o, n, sc, fg, at in cursor
            )
        return records

    def put_anchors(self, records: Iterable[AnchorRecord]) -> None:
        """Write (or replace) each fact's re-anchoring."""
        columns = ", ".join(ANCHOR_COLUMNS)
        self._db.conn.executemany(
            f"INSERT OR REPLACE INTO anchors ({columns}) VALUES ({', '.join('?' for _ in ANCHOR_COLUMNS)})",
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
        """The last re-anchoring of each of these facts that has one, with both versions' numbers and dates."""
        wanted = list(claim_ids)
        found: dict[str, Anchor] = {}
        for index in range(0, len(wanted), 500):
            chunk = wanted[index : index + 500]
            cursor = self._db.execute(
                f"{ANCHOR_SELECT} WHERE a.claim_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            for row in cursor:
                anchor = anchor_from_row(row)
                found[anchor.claim_id] = anchor
        return found

    def changed_claim_ids(self) -> list[str]:
        """Facts whose quote changed or vanished in a newer version (stealth edits)."""
        return sorted(self.changed_states())

    def changed_states(self) -> dict[str, AnchorState]:
        """Each stealth-edited fact with its state (walks the state index: a handful, not every fact)."""
        rows = self._db.execute("SELECT claim_id, state FROM anchors WHERE state IN ('changed', 'orphaned')")
        return {str(c): AnchorState(s) for c, s in rows}

    def suggestion_rows(self, source_id: str) -> list[dict[str, Any]]:
        cursor = self._db.execute("SELECT * FROM suggestions WHERE source_id = ?", [source_id])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def delete_suggestions(self, source_id: str) -> None:
        self._db.execute("DELETE FROM suggestions WHERE source_id = ?", [source_id])

    def dismissed_spans(self, source_id: str) -> list[DismissedSpan]:
        """The suggestions a person rejected on this version of a source."""
        cursor = self._db.execute(
            'SELECT kind, start, "end", quote, dismissed_by, dismissed_at FROM dismissed WHERE source_id = ?',
            [source_id],
        )
        return [
            DismissedSpan(str(k), int(a), int(b), str(q), str(by), str(at)) for k, a, b, q, by, at in cursor
        ]

    def add_dismissed(self, source_id: str, spans: Iterable[DismissedSpan]) -> None:
        """Keep these spans dismissed on `source_id` too (those already there stay as they were)."""
        self._db.conn.executemany(
            'INSERT OR IGNORE INTO dismissed (source_id, kind, start, "end", quote, dismissed_by, dismissed_at) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [[source_id, s.kind, s.start, s.end, s.quote, s.dismissed_by, s.dismissed_at] for s in spans],
        )

    def delete_version(self, source_id: str) -> None:
        self._db.execute("DELETE FROM sources WHERE id = ?", [source_id])

    def web_sources(self) -> list[WebSource]:
        """The newest version of every source with a web address, oldest import first."""
        rows = self._db.execute(
            f"""SELECT s.id, s.url, coalesce(s.title, s.url) FROM sources s
                WHERE s.url IS NOT NULL AND {LATEST.format(s="s")} ORDER BY s.imported_at, s.id"""
        )
        return [WebSource(str(a), b, str(c)) for a, b, c in rows]


def _json_list(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


SAME_STORY_DAYS = 3
"""An edited article keeps its publication day (or moves it by a day or two with an update); the same title
further apart in time is another issue of a recurring title."""


def _same_story_dates(stored: str | None, incoming: str | None) -> bool:
    if not stored or not incoming:
        return True
    try:
        first = date.fromisoformat(stored[:10])
        second = date.fromisoformat(incoming[:10])
    except ValueError:
        return True
    return abs((first - second).days) <= SAME_STORY_DAYS
