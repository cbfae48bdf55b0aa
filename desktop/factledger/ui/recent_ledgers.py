"""RecentLedgers: the ledgers opened lately, newest first, kept in the injected QSettings.

File > Open recent lists them and the app opens the first one that still exists when launched without a
path. The settings object is given, never made here, so tests keep their own ini file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "ledgers/recent"
MAX_RECENT = 8


class RecentLedgers:
    """The list of recently opened ledger paths, at most `MAX_RECENT`, without duplicates."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def paths(self) -> list[str]:
        """Newest first, as stored (a file may have gone since; the menu says so when it is chosen)."""
        value = self.settings.value(RECENT_KEY, [])
        # QSettings hands back a lone string for a one-item list read from an ini file.
        items: list[object] = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [str(item) for item in items if item]

    def last(self) -> Path | None:
        """The ledger used last whose file is still there: the app opens it when launched without a path."""
        for path in self.paths():
            if Path(path).is_file():
                return Path(path)
        return None

    def remember(self, path: Path | str) -> None:
        """Put `path` first, dropping an older entry for it and anything beyond the limit."""
        recent = [str(path), *(p for p in self.paths() if p != str(path))]
        self.settings.setValue(RECENT_KEY, recent[:MAX_RECENT])
