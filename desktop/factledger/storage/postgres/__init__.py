"""The team ledger's engine: a ledger's schema, roles and copies on a PostgreSQL server (psycopg 3).

Only `urls` is imported without the driver; the other modules load psycopg, so callers import them where
they are used and a command that never meets a server starts without it. `store.PostgresStore` is the
adapter of the storage port (`core.store`) that `Ledger.open` picks for a `postgresql://` address; its
repositories (`repositories`) run over one connection (`session`).
"""

from __future__ import annotations

from .urls import has_password, is_postgres_url, redact_url

__all__ = ["has_password", "is_postgres_url", "redact_url"]
