"""Counts of facts are kept between questions only while nobody commits anything: another person's new
fact, or one rolled back, is counted right at the next question."""

from __future__ import annotations

import psycopg
import pytest

from factledger.core.team import init_team_ledger
from factledger.domain import ClaimFilter
from factledger.storage.postgres.store import PostgresStore

TEXT = "Exports rose 12% in 2024. Imports fell 3% in 2024."
INSERT = (
    'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at, updated_at) '
    "VALUES (%s, 's1', 'statistic', 'Exports', 0, 7, 'x', 'x', 'x')"
)


def test_a_kept_count_never_outlives_a_commit(postgres_dsn: str) -> None:
    """A count kept by the store follows another connection's commits and ignores what it rolled back."""
    init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn, autocommit=True) as other:
        other.execute(
            "INSERT INTO sources (id, imported_at, text, content_sha256, media_type) "
            "VALUES ('s1', 'x', %s, 'h', 'text/plain')",
            [TEXT],
        )
        store = PostgresStore.open(postgres_dsn)
        try:
            assert store.claims.count() == 0 and store.claims.count() == 0
            other.execute(INSERT, ["c1"])
            assert store.claims.count() == 1
            with pytest.raises(RuntimeError), other.transaction():
                other.execute(INSERT, ["c2"])
                assert store.claims.count() == 1  # not committed: not seen
                raise RuntimeError("rolled back")
            assert store.claims.count() == 1
            with store.transaction():
                store.claims.delete("c1")
                assert store.claims.count() == 0  # our own uncommitted delete counts inside
            assert store.claims.count() == 0 and store.claims.count(ClaimFilter(subject="x")) == 0
            other.execute(INSERT, ["c3"])
            assert store.claims.count() == 1
        finally:
            store.close()
