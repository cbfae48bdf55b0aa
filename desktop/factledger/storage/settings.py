"""SettingsRepository: data preferences that belong to a ledger rather than to a machine."""

from __future__ import annotations

from sqlite_utils import Database


class SettingsRepository:
    """`core.store.SettingsStore` over SQLite: the `settings` key/value table inside the ledger file."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return None if row is None else row[0]

    def set(self, key: str, value: str | None) -> None:
        self._db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
