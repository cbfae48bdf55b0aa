"""Team-ledger tests: the server fixtures live in `tests/postgres_server.py` (shared with tests/storage)."""

from __future__ import annotations

from ..postgres_server import PostgresServer, seeded_ledger, sqlite_rows

__all__ = ["PostgresServer", "seeded_ledger", "sqlite_rows"]
