"""The team ledger's twin of SQLite's m010: `claims.version`, kept by the server, reaches ledgers made
before it through `team init`."""

from __future__ import annotations

import psycopg
import pytest

from factledger.core.team import init_team_ledger
from factledger.storage.postgres import migrations


def test_a_schema_1_team_ledger_gets_versions_through_team_init(
    postgres_dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ledger made at schema 1 keeps its fact at version 1 after the update; every update then moves
    the version on, and a client can only raise it."""
    with monkeypatch.context() as older:
        older.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO sources (id, imported_at, text, content_sha256, media_type) "
            "VALUES ('s1', '2025-01-01T00:00:00Z', 'Exports rose 12%.', 'h1', 'text/plain')"
        )
        conn.execute(
            'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at, updated_at) '
            "VALUES ('c1', 's1', 'statistic', 'Exports rose 12%', 0, 16, 'Exports rose 12%', 'x', 'x')"
        )
    made = init_team_ledger(postgres_dsn)
    assert made.migrations_applied == ("p002_fact_versions",)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:

        def version() -> object:
            row = conn.execute("SELECT version FROM claims WHERE id = 'c1'").fetchone()
            return None if row is None else row[0]

        assert version() == 1
        conn.execute("UPDATE claims SET subject = 'trade' WHERE id = 'c1'")
        assert version() == 2
        conn.execute("UPDATE claims SET version = 1 WHERE id = 'c1'")
        assert version() == 3
        conn.execute("UPDATE claims SET version = 10 WHERE id = 'c1'")
        assert version() == 10
