"""Pages, positions and keyset neighbours of a few thousand facts, many without the sort value, are the
same on a team ledger as on a ledger file, in both directions and across the NULLs' boundary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from factledger.core.team import init_team_ledger
from factledger.domain import ClaimFilter, ClaimOrder
from factledger.storage.postgres.store import PostgresStore
from factledger.storage.sqlite_store import SqliteStore, sqlite_database

N = 3_000
TEXT = " ".join(f"word{i % 97} figure{i}" for i in range(400))
COLUMNS = '(id, source_id, kind, quote, start, "end", statement, subject, value, created_at, updated_at)'


def _rows() -> list[tuple[object, ...]]:
    rows = []
    for i in range(N):
        start = (i * 7) % (len(TEXT) - 20)
        rows.append(
            (
                f"c{i:05d}",
                "s1",
                "statistic",
                TEXT[start : start + 10],
                start,
                start + 10,
                f"statement {i % 500} about word{i % 97}",
                None if i % 3 == 0 else f"subj{i % 30}",
                float(i % 100) if i % 4 else None,
                "2025-01-01",
                f"2025-01-{1 + i % 28:02d}",
            )
        )
    return rows


@pytest.fixture
def both(postgres_dsn: str, tmp_path: Path) -> Iterator[tuple[SqliteStore, PostgresStore]]:
    sqlite = SqliteStore.open(
        tmp_path / "paging.factledger", backups_root=lambda: tmp_path, newest_backup=lambda _p: None
    )
    db = sqlite_database(sqlite)
    source = "INSERT INTO sources (id, imported_at, text, content_sha256, media_type) VALUES ('s1', 'x', {}, 'h', 'text/plain')"
    with sqlite.transaction():
        db.execute(source.format("?"), [TEXT])
        db.conn.executemany(f"INSERT INTO claims {COLUMNS} VALUES ({', '.join('?' * 11)})", _rows())
    init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn, conn.transaction():
        conn.execute(source.format("%s"), [TEXT])
        with conn.cursor().copy(f"COPY claims {COLUMNS} FROM STDIN") as copy:
            for row in _rows():
                copy.write_row(row)
    server = PostgresStore.open(postgres_dsn)
    yield sqlite, server
    sqlite.close()
    server.close()


@pytest.mark.parametrize("column", ["subject", "value", "statement", "updated_at", "source"])
def test_every_engine_lists_the_same_rows_in_the_same_order(
    both: tuple[SqliteStore, PostgresStore], column: str
) -> None:
    """Both engines page through facts giving the same rows in the same order."""
    sqlite, server = both
    for descending in (False, True):
        order = ClaimOrder(column, descending=descending)
        for offset in (0, 990, 1_000 - 25, 1_480, 2_240, N - 10):
            expected = sqlite.claims.page(ClaimFilter(), order, offset=offset, limit=50).ids()
            assert server.claims.page(ClaimFilter(), order, offset=offset, limit=50).ids() == expected
            anchor = f"c{offset:05d}"
            for before in (False, True):
                mine = server.claims.page_beside(anchor, ClaimFilter(), order, limit=40, before=before)
                theirs = sqlite.claims.page_beside(anchor, ClaimFilter(), order, limit=40, before=before)
                assert mine is not None and theirs is not None and mine.ids() == theirs.ids()
            assert server.claims.position(anchor, ClaimFilter(), order) == sqlite.claims.position(
                anchor, ClaimFilter(), order
            )
    narrowed = ClaimFilter(subject="subj7", text="word7")
    assert server.claims.count(narrowed) == sqlite.claims.count(narrowed) > 0
    assert (
        server.claims.page(narrowed, ClaimOrder("value")).ids()
        == sqlite.claims.page(narrowed, ClaimOrder("value")).ids()
    )
