"""EvidenceRepository: what supports, contradicts or frames a claim."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from factledger.domain import Evidence

from .rows import evidence_from_row

EVIDENCE_COLUMNS = (
    "id",
    "claim_id",
    "stance",
    "source_id",
    "start",
    "end",
    "url",
    "quote",
    "note",
    "added_by",
    "added_at",
)

_SELECT = ", ".join(f'"{c}"' for c in EVIDENCE_COLUMNS)


class EvidenceRepository:
    """`core.store.EvidenceStore` over SQLite: the `evidence` table; `raw` rows let a removal be undone whole."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, row: dict[str, Any]) -> None:
        columns = ", ".join(f'"{c}"' for c in EVIDENCE_COLUMNS)
        self._db.execute(
            f"INSERT INTO evidence ({columns}) VALUES ({', '.join('?' for _ in EVIDENCE_COLUMNS)})",
            [row.get(c) for c in EVIDENCE_COLUMNS],
        )

    def for_claim(self, claim_id: str) -> list[Evidence]:
        return [evidence_from_row(r) for r in self.raw_for_claim(claim_id)]

    def raw_for_claim(self, claim_id: str) -> list[dict[str, Any]]:
        cursor = self._db.execute(
            f"SELECT {_SELECT} FROM evidence WHERE claim_id = ? ORDER BY added_at, id",
            [claim_id],
        )
        return [dict(zip(EVIDENCE_COLUMNS, row, strict=True)) for row in cursor]

    def raw(self, evidence_id: str) -> dict[str, Any] | None:
        cursor = self._db.execute(
            f"SELECT {_SELECT} FROM evidence WHERE id = ?",
            [evidence_id],
        )
        row = cursor.fetchone()
        return None if row is None else dict(zip(EVIDENCE_COLUMNS, row, strict=True))

    def delete(self, evidence_id: str) -> bool:
        return self._db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id]).rowcount > 0

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM evidence").fetchone()[0])
