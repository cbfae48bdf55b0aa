"""The team ledger's schema on PostgreSQL: the SQLite ledger's tables and promises, kept by the server."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import psycopg
import pytest

from factledger.core import Ledger
from factledger.core.team import init_team_ledger
from factledger.domain import UserError
from factledger.storage.postgres.migrations import SCHEMA_VERSION, SQLITE_SCHEMA_VERSION
from factledger.storage.schema import SCHEMA_VERSION as SQLITE_VERSION
from factledger.storage.schema import STATED_DAY_SQL

SOURCE_TEXT = "Exports rose 12% in 2024, the ministry said. Imports fell."


def _sqlite_columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%fts%' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'"
            )
        ]
        return {n: [r[1] for r in conn.execute(f'PRAGMA table_xinfo("{n}")')] for n in names}
    finally:
        conn.close()


def _pg_columns(conn: psycopg.Connection[object]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for table, column in conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name <> 'factledger_schema' ORDER BY table_name, ordinal_position"
    ):
        found.setdefault(str(table), []).append(str(column))
    return found


def _source_and_claim(conn: psycopg.Connection[object], *, published: str | None = "2025-03-04") -> None:
    conn.execute(
        "INSERT INTO sources (id, imported_at, text, content_sha256, media_type, published) "
        "VALUES ('s1', '2025-01-01T00:00:00Z', %s, 'h1', 'text/plain', %s)",
        [SOURCE_TEXT, published],
    )
    conn.execute(
        'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, subject, created_at, updated_at) '
        "VALUES ('c1', 's1', 'statistic', 'Exports rose 12%', 0, 16, 'Exports rose 12%', 'exports', 'x', 'x')"
    )


def test_same_tables_and_columns_in_the_same_order_as_a_fresh_sqlite_ledger(
    postgres_dsn: str, tmp_path: Path
) -> None:
    """A SQLite migration without its PostgreSQL twin fails here: both engines document one schema."""
    made = init_team_ledger(postgres_dsn)
    assert (made.schema_version, made.migrations_applied) == (
        SCHEMA_VERSION,
        ("p001_initial", "p002_fact_versions"),
    )
    assert SQLITE_SCHEMA_VERSION == SQLITE_VERSION
    Ledger.open(tmp_path / "fresh.factledger").close()
    with psycopg.connect(postgres_dsn) as conn:
        assert _pg_columns(conn) == _sqlite_columns(tmp_path / "fresh.factledger")
    again = init_team_ledger(postgres_dsn)  # running it again changes nothing
    assert again.migrations_applied == () and again.roles_created == ()


def test_history_is_append_only_even_for_the_owner(postgres_dsn: str) -> None:
    """History on the server cannot be changed, deleted or emptied, even by the ledger's owner."""
    init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO history (entity, entity_id, action, actor, at) VALUES ('claim', 'c1', 'edit', 'x', 'y')"
        )
        for statement, words in (
            ("UPDATE history SET reason = 'rewritten'", "cannot be changed"),
            ("DELETE FROM history", "cannot be deleted"),
            ("TRUNCATE history", "cannot be emptied"),
        ):
            with pytest.raises(psycopg.errors.RaiseException, match=words):
                conn.execute(statement)  # type: ignore[arg-type]
        assert conn.execute("SELECT count(*) FROM history").fetchone() == (1,)


def test_the_server_writes_who_and_when_into_the_history(postgres_dsn: str) -> None:
    """A client's claimed actor and time are replaced by its login role and the server's clock."""
    init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO history (entity, entity_id, action, actor, at) "
            "VALUES ('claim', 'c1', 'edit', 'Somebody Else', '1999-01-01T00:00:00Z')"
        )
        row = conn.execute("SELECT actor, at FROM history").fetchone()
    assert row is not None and row[0] == "factledger_admin"
    assert row[1] > "2026" and row[1].endswith("Z") and len(row[1]) == len("2026-01-01T00:00:00Z")


def test_quotes_must_be_the_exact_words_of_their_source(postgres_dsn: str) -> None:
    """The server refuses a quote that is not its source's exact words and a source text change that moves
    under a quote, but allows text added at the end."""
    init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        _source_and_claim(conn)
        with pytest.raises(psycopg.errors.RaiseException, match="exact words of its source"):
            conn.execute("UPDATE claims SET quote = 'Exports rose 13%' WHERE id = 'c1'")
        with pytest.raises(psycopg.errors.RaiseException, match="cannot change under the quotes"):
            conn.execute("UPDATE sources SET text = 'Something else entirely, longer than before.'")
        conn.execute("UPDATE sources SET text = text || ' More.'")  # quotes still hold: allowed


def test_full_text_search_walks_the_gin_index(postgres_dsn: str) -> None:
    """Full-text search of claims on the server finds by prefix and uses the search index."""
    from factledger.storage.postgres.schema import CLAIMS_DOCUMENT

    init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        _source_and_claim(conn)
        query = f"SELECT id FROM claims WHERE {CLAIMS_DOCUMENT} @@ to_tsquery('simple', 'expo:*')"
        assert list(conn.execute(query)) == [("c1",)]  # type: ignore[arg-type]
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(str(r[0]) for r in conn.execute("EXPLAIN " + query))  # type: ignore[operator]
    assert "claims_search" in plan


def test_stated_day_reads_dates_exactly_as_sqlite_does(postgres_dsn: str) -> None:
    """The server reads stated dates into days exactly as the SQLite ledger does, invalid ones included."""
    texts = [
        "2024-03-05", "2024-02-30", "2024-02-31", "2024-02-32", "2024-13-01", "2024-00-10", "2024-01-00",
        "2024-07", "2024-13", "1999", "0000-01-01", "0001-01-01", "2024-03-05T10:00:00Z", "2024-3-5",
        "fiscal 2024", "", "12024-01-01", "1969-12-31", "9999-12-31",
    ]  # fmt: skip
    memory = sqlite3.connect(":memory:")
    expected = [
        memory.execute(
            f"SELECT {STATED_DAY_SQL.replace('stated_on', '?')}", [t] * STATED_DAY_SQL.count("stated_on")
        ).fetchone()[0]
        for t in texts
    ]
    init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn) as conn:
        got = [conn.execute("SELECT factledger_iso_day(%s)", [t]).fetchone()[0] for t in texts]  # type: ignore[index]
    assert got == expected
    assert expected.count(None) >= 6  # the cases that are not dates really are NULL on both


def test_timeline_summary_follows_every_change(postgres_dsn: str) -> None:
    """After inserts, status and date edits, a source's date change and a source deleted with its facts,
    the triggers' summary equals counting the facts afresh."""
    init_team_ledger(postgres_dsn)
    fresh = """
        SELECT factledger_month(factledger_iso_day(d)) AS month,
               CASE WHEN factledger_iso_day(d) IS NULL THEN d END AS stated, subject, status, kind, count(*)
          FROM (SELECT coalesce(c.stated_on, s.published) AS d, c.subject, c.status, c.kind
                  FROM claims c LEFT JOIN sources s ON s.id = c.source_id) AS f
         GROUP BY 1, 2, 3, 4, 5"""
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        _source_and_claim(conn)
        conn.execute(
            "INSERT INTO sources (id, imported_at, text, content_sha256, media_type, published) "
            "VALUES ('s2', 'x', %s, 'h2', 'text/plain', 'last spring')",
            [SOURCE_TEXT],
        )
        for n, (source, stated) in enumerate([("s1", None), ("s1", "2024-05"), ("s2", None), ("s2", "FY24")]):
            conn.execute(
                'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, stated_on, '
                "created_at, updated_at) VALUES (%s, %s, 'claim', 'Imports fell.', 45, 58, 's', %s, 'x', 'x')",
                [f"k{n}", source, stated],
            )

        def same() -> bool:
            counted = Counter({tuple(r[:5]): r[5] for r in conn.execute(fresh)})
            kept = Counter(
                {
                    tuple(r[:5]): r[5]
                    for r in conn.execute(
                        "SELECT month, stated, subject, status, kind, n FROM timeline_counts"
                    )
                }
            )
            return counted == kept and conn.execute(
                "SELECT count(*) FROM timeline_counts WHERE n <= 0"
            ).fetchone() == (0,)

        assert same()
        conn.execute("UPDATE claims SET status = 'in_review', subject = 'imports' WHERE id IN ('k0', 'k2')")
        assert same()
        conn.execute("UPDATE claims SET stated_on = '2023-01-02' WHERE id = 'k1'")
        assert same()
        conn.execute("UPDATE sources SET published = '2025-06-01' WHERE id = 's2'")
        assert same()
        conn.execute("DELETE FROM sources WHERE id = 's1'")
        assert same()
        assert conn.execute("SELECT sum(n) FROM timeline_counts").fetchone() == (2,)


def test_a_database_with_tables_of_its_own_is_not_made_a_ledger(postgres_dsn: str) -> None:
    """A database that already has tables of its own is not made a ledger, and its tables are left alone."""
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(UserError, match=r"is not a FactLedger ledger: it has tables of its own \(invoices\)"):
        init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn) as conn:
        assert [
            r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ] == ["invoices"]


def test_a_ledger_of_a_newer_factledger_is_refused_and_left_alone(postgres_dsn: str) -> None:
    """A team ledger from a newer FactLedger is refused, naming both schema versions, and left unchanged."""
    from factledger.core.team import add_team_user

    init_team_ledger(postgres_dsn)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO factledger_schema (version, name) VALUES (%s, 'p999_future')", [SCHEMA_VERSION + 1]
        )
    for attempt in (
        lambda: init_team_ledger(postgres_dsn),
        lambda: add_team_user(postgres_dsn, "x", "reader"),
    ):
        with pytest.raises(UserError, match="written by a newer version of FactLedger") as refused:
            attempt()
        assert f"schema {SCHEMA_VERSION + 1}, this version knows {SCHEMA_VERSION}" in refused.value.message
    with psycopg.connect(postgres_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM factledger_schema").fetchone() == (SCHEMA_VERSION + 1,)


def test_a_database_not_in_utf8_is_refused(postgres_dsn: str) -> None:
    """A database that is not in UTF8 is refused as a team ledger."""
    from .conftest import PostgresServer  # noqa: F401  (the fixture's server makes the database)

    base = postgres_dsn.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(
            "CREATE DATABASE fl_latin TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'"
        )
    try:
        with pytest.raises(UserError, match="needs a UTF8 database"):
            init_team_ledger(f"{base}/fl_latin")
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE fl_latin")
