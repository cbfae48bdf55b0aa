"""LinkRepository: relations between claims (restates, contradicts, part of)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from factledger.domain import ClaimLink


class LinkRepository:
    """`core.store.LinkStore` over SQLite: the `links` table (one row per drawn relation, ignored if drawn twice)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, link_id: str, from_claim: str, to_claim: str, *, kind: str, note: str | None, at: str
    ) -> bool:
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO links (id, from_claim, to_claim, kind, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [link_id, from_claim, to_claim, kind, note, at],
        )
        return cursor.rowcount > 0

    def remove(self, from_claim: str, to_claim: str, *, kind: str) -> bool:
        cursor = self._db.execute(
            "DELETE FROM links WHERE from_claim = ? AND to_claim = ? AND kind = ?",
            [from_claim, to_claim, kind],
        )
        return cursor.rowcount > 0

    def pairs(self, *, kind: str) -> list[tuple[str, str]]:
        rows = self._db.execute("SELECT from_claim, to_claim FROM links WHERE kind = ? ORDER BY id", [kind])
        return [(str(a), str(b)) for a, b in rows]

    def touching(self, claim_ids: Sequence[str]) -> list[ClaimLink]:
        """Every link from or to one of these facts."""
        if not claim_ids:
            return []
        marks = ",".join("?" * len(claim_ids))
        rows = self._db.execute(
            f"SELECT from_claim, to_claim, kind FROM links WHERE from_claim IN ({marks}) OR to_claim IN ({marks})",
            [*claim_ids, *claim_ids],
        )
        return [ClaimLink(str(a), str(b), str(k)) for a, b, k in rows.fetchall()]
