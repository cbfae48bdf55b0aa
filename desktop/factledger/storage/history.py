"""HistoryRepository: the append-only change log (triggers in the schema refuse UPDATE and DELETE)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from factledger.domain import EntityAction, HistoryEvent

from .rows import history_from_row


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class HistoryRepository:
    """`core.store.HistoryStore` over SQLite: the `history` table, whose triggers refuse UPDATE and DELETE.

    `before` and `after` are stored as sorted-key JSON, so any SQLite tool reads the log as written.
    """

    def __init__(self, db: Database) -> None:
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
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [entity, entity_id, claim_id, action, actor, at, _json(before), _json(after), reason],
        )

    def for_claim(self, claim_id: str) -> list[HistoryEvent]:
        cursor = self._db.execute("SELECT * FROM history WHERE claim_id = ? ORDER BY id", [claim_id])
        names = [d[0] for d in cursor.description]
        return [history_from_row(dict(zip(names, row, strict=True))) for row in cursor]

    def entity_actions(self, claim_ids: Sequence[str], *, entity: str) -> list[EntityAction]:
        """The events about `entity` recorded on these facts, oldest first (read through the claim index)."""
        ids = sorted(set(claim_ids))
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT entity_id, action FROM history WHERE claim_id IN ({marks}) AND entity = ? ORDER BY id",
            [*ids, entity],
        )
        return [EntityAction(str(key), str(action)) for key, action in rows.fetchall()]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM history").fetchone()[0])
