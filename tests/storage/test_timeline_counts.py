"""The `timeline_counts` summary always equals counting the claims directly, whatever wrote them."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.storage import open_database, write_transaction
from factledger.storage.bulk import fts_batched, insert_rows
from factledger.storage.schema import migrations
from factledger.storage.timeline_counts import iso_day

SUMMARY = "SELECT month, stated, subject, status, kind, n FROM timeline_counts"
DIRECT = f"""
    SELECT CAST((day + 719162) / 30.4375 AS INTEGER),
           CASE WHEN day IS NULL THEN COALESCE(stated_on, published) END, subject, status, kind, count(*) FROM (
        SELECT CASE WHEN claims.stated_on IS NULL THEN {iso_day("sources.published")} ELSE claims.stated_day END
               AS day, claims.stated_on AS stated_on, sources.published AS published, claims.subject AS subject,
               claims.status AS status, claims.kind AS kind
          FROM claims LEFT JOIN sources ON sources.id = claims.source_id)
     GROUP BY 1, 2, 3, 4, 5"""
STATED = (
    None,
    None,
    "2024-02-03",
    "2025-07",
    "2023",
    "fiscal 2024",
    "soon",
    "2025-13-45",
    "2019-12-31T23:00",
)
PUBLISHED = ("2025-07-23", "2024-01", "2022", "spring 2021", None, "2025-02-30")
CLAIM_INSERT = (
    'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, subject, stated_on, status, '
    "created_at, updated_at) VALUES (?, ?, ?, 't', 0, 1, 's', ?, ?, ?, 'x', 'x')"
)


def _key(row: tuple[object, ...]) -> str:
    return repr(row)


def assert_summary_is_direct(db: Database) -> None:
    summary = sorted(db.execute(SUMMARY).fetchall(), key=_key)
    assert summary == sorted(db.execute(DIRECT).fetchall(), key=_key)
    assert all(row[-1] > 0 for row in summary)


def _source_rows(rng: random.Random, first: int, count: int) -> list[tuple[object, ...]]:
    return [
        (f"src_{n}", rng.choice(PUBLISHED), "2026-01-01", "text", f"sha{n}", "text/plain")
        for n in range(first, first + count)
    ]


def _claim_rows(rng: random.Random, first: int, count: int, sources: int) -> list[tuple[object, ...]]:
    return [
        (
            f"clm_{n}",
            f"src_{rng.randrange(sources)}",
            rng.choice(("claim", "statistic", "commitment")),
            rng.choice(("rail", "jobs", None)),
            rng.choice(STATED),
            rng.choice(("unverified", "verified", "false")),
        )
        for n in range(first, first + count)
    ]


def _fill(db: Database, rng: random.Random, *, sources: int = 6, claims: int = 120) -> None:
    for row in _source_rows(rng, 0, sources):
        db.execute(
            "INSERT INTO sources (id, published, imported_at, text, content_sha256, media_type) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            row,
        )
    for row in _claim_rows(rng, 0, claims, sources):
        db.execute(CLAIM_INSERT, row)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "counts.factledger")
    _fill(database, random.Random(7))
    yield database
    database.conn.close()


def test_inserted_claims_are_counted_by_their_own_or_their_sources_date(db: Database) -> None:
    """ISO, month, year, free-text, impossible and missing dates, own or borrowed, all land on their key."""
    assert_summary_is_direct(db)
    assert db.execute("SELECT sum(n) FROM timeline_counts").fetchone()[0] == 120


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("status", ("verified", "in_review", "false")),
        ("kind", ("commitment", "claim", "statistic")),
        ("subject", ("energy", None, "rail")),
        ("stated_on", ("2020-05-05", None, "by 2031", "1999")),
        ("source_id", ("src_1", "src_4", "src_5")),
    ],
)
def test_an_updated_key_column_moves_the_fact(db: Database, column: str, values: tuple[object, ...]) -> None:
    """Updating status, kind, subject, stated_on or source_id moves the count from the old key to the new."""
    for offset, value in enumerate(values):
        db.execute(f'UPDATE claims SET "{column}" = ? WHERE rowid % 3 = ?', [value, offset % 3])
        assert_summary_is_direct(db)


def test_an_update_of_other_columns_leaves_the_summary_alone(db: Database) -> None:
    """Editing a statement fires nothing that could drift the counts."""
    before = sorted(db.execute(SUMMARY).fetchall(), key=_key)
    db.execute("UPDATE claims SET statement = 'edited', status = status")
    assert sorted(db.execute(SUMMARY).fetchall(), key=_key) == before


@pytest.mark.parametrize("published", ["2010-01-01", "2025-07-24", "next spring", None, "2031"])
def test_a_sources_published_date_moves_the_facts_it_dates(db: Database, published: str | None) -> None:
    """Facts without their own date follow their source's published date, wherever it goes."""
    for source in ("src_0", "src_2", "src_4"):
        db.execute("UPDATE sources SET published = ? WHERE id = ?", [published, source])
        assert_summary_is_direct(db)


def test_deleted_claims_and_sources_are_uncounted(db: Database) -> None:
    """A deleted claim, and a deleted source with its claims (cascade), leave no count behind."""
    db.execute("DELETE FROM claims WHERE rowid % 4 = 0")
    assert_summary_is_direct(db)
    db.execute("DELETE FROM sources WHERE id IN ('src_0', 'src_3')")
    assert_summary_is_direct(db)
    db.execute("DELETE FROM claims")
    assert db.execute("SELECT count(*) FROM timeline_counts").fetchone()[0] == 0


def test_a_source_inserted_after_its_claims_dates_them(db: Database) -> None:
    """With foreign keys off (the sqlite3 shell's default) claims can precede their source."""
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute(CLAIM_INSERT, ("clm_orphan", "src_late", "claim", "rail", None, "unverified"))
    assert_summary_is_direct(db)
    db.execute(
        "INSERT INTO sources (id, published, imported_at, text, content_sha256, media_type) "
        "VALUES ('src_late', '2021-03-04', 'x', 't', 'late', 'text/plain')"
    )
    assert_summary_is_direct(db)
    db.execute("DELETE FROM sources WHERE id = 'src_late'")
    assert_summary_is_direct(db)


def test_a_bulk_import_counts_its_rows_in_one_pass_and_keeps_edits_right(db: Database) -> None:
    """Rows added under fts_batched are counted on the way out; edits inside the block, of old rows and
    of rows not yet counted, and a source's date change, all end up as a direct count says."""
    rng = random.Random(11)
    with write_transaction(db), fts_batched(db):
        insert_rows(
            db,
            "sources",
            ("id", "published", "imported_at", "text", "content_sha256", "media_type"),
            _source_rows(rng, 6, 4),
        )
        db.conn.executemany(CLAIM_INSERT, _claim_rows(rng, 1000, 300, 10))
        assert db.execute("SELECT sum(n) FROM timeline_counts").fetchone()[0] == 120  # not yet counted
        db.execute("UPDATE claims SET status = 'disputed' WHERE rowid % 5 = 0")  # old and new rows
        db.execute("UPDATE sources SET published = '2018-08-08' WHERE id IN ('src_1', 'src_7')")
        db.execute("DELETE FROM claims WHERE rowid % 7 = 0")
    assert_summary_is_direct(db)
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "timeline_counts_claims_ai" in triggers
    db.execute(CLAIM_INSERT, ("clm_after", "src_8", "claim", None, None, "unverified"))
    assert_summary_is_direct(db)


def test_a_failed_bulk_import_leaves_summary_and_triggers_as_they_were(db: Database) -> None:
    """The rollback takes the uncounted rows and the swapped triggers back together."""
    before = sorted(db.execute(SUMMARY).fetchall(), key=_key)
    with pytest.raises(sqlite3.IntegrityError), write_transaction(db), fts_batched(db):
        db.conn.executemany(CLAIM_INSERT, _claim_rows(random.Random(3), 2000, 50, 6))
        db.execute(CLAIM_INSERT, ("clm_2000", "src_0", "claim", None, None, "unverified"))  # duplicate id
    assert sorted(db.execute(SUMMARY).fetchall(), key=_key) == before
    db.execute(CLAIM_INSERT, ("clm_new", "src_1", "claim", "rail", "2020", "verified"))
    assert_summary_is_direct(db)


def test_migrating_a_ledger_that_has_claims_fills_the_summary(tmp_path: Path) -> None:
    """A schema-5 ledger with claims gets a summary equal to the direct count, and triggers from then on."""
    path = tmp_path / "v5.factledger"
    conn = sqlite3.connect(path, isolation_level=None)
    old = Database(conn)
    migrations.apply(old, stop_before="m006_timeline_counts")
    old.execute("PRAGMA user_version = 5")
    _fill(old, random.Random(5), claims=200)
    assert "timeline_counts" not in old.table_names()
    conn.close()

    db = open_database(path)
    assert_summary_is_direct(db)
    assert db.execute("SELECT sum(n) FROM timeline_counts").fetchone()[0] == 200
    db.execute("UPDATE claims SET status = 'verified' WHERE rowid % 2 = 0")
    assert_summary_is_direct(db)
    db.conn.close()
