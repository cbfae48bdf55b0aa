"""Bulk writes keep full-text search and triggers right; pages read from the far end equal pages read forwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.domain import Claim, ClaimFilter, ClaimKind, ClaimOrder, Status
from factledger.domain.query import SORTABLE_COLUMNS
from factledger.storage import ClaimRepository, SourceRepository, open_database, search, write_transaction
from factledger.storage import claims as claims_module
from factledger.storage.bulk import fts_batched, insert_claims, insert_sources

TEXT = "Alpha figure rose. Beta pledge made. Gamma count fell."


def _source_row(number: int) -> tuple[object, ...]:
    text = f"{TEXT} Article {number}."
    return (
        f"src_{number:04d}",
        "article",
        f"Title {number}",
        "Outlet",
        None,
        "[]",
        "2024-01-01",
        "2024-01-02T00:00:00Z",
        "en",
        text,
        f"sha{number:04d}",
        None,
        "text/plain",
    )


def _claims(source: int, count: int) -> list[Claim]:
    words = ("Alpha figure rose.", "Beta pledge made.", "Gamma count fell.")
    starts = (0, 19, 37)
    out = []
    for n in range(count):
        k = n % 3
        out.append(
            Claim(
                id=f"clm_{source:04d}_{n:03d}",
                source_id=f"src_{source:04d}",
                kind=ClaimKind.STATISTIC,
                quote=words[k],
                start=starts[k],
                end=starts[k] + len(words[k]),
                statement=f"{words[k]} #{n % 7}",
                subject=("rail", None, "jobs")[n % 3],
                unit=(None, "%", "USD")[n % 3],
                value=float(n % 5),
                status=(Status.VERIFIED, Status.UNVERIFIED)[n % 2],
                created_at="2024-01-02",
                updated_at="2024-01-02",
            )
        )
    return out


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(tmp_path / "bulk.factledger")


def test_rows_written_in_a_batch_are_searchable_and_the_insert_triggers_come_back(db: Database) -> None:
    """Rows written in a batch with the search triggers off are searchable afterwards, and later single
    inserts are indexed again."""
    with write_transaction(db), fts_batched(db):
        insert_sources(db, [_source_row(1), _source_row(2)])
        insert_claims(db, _claims(1, 6))
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'claims_ai'").fetchone()[0] == 0
    assert (
        db.execute("SELECT count(*) FROM sqlite_master WHERE name IN ('claims_ai', 'sources_ai')").fetchone()[
            0
        ]
        == 2
    )
    assert {h.id for h in search(db, "gamma") if h.entity == "claim"} == {"clm_0001_002", "clm_0001_005"}
    assert {h.id for h in search(db, "article 2") if h.entity == "source"} == {"src_0002"}
    db.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
    late = Claim(
        id="clm_late",
        source_id="src_0002",
        kind=ClaimKind.CLAIM,
        quote="Alpha figure rose.",
        start=0,
        end=18,
        statement="late entry",
        created_at="x",
        updated_at="x",
    )
    with write_transaction(db):
        ClaimRepository(db).insert(late)
    assert "clm_late" in {h.id for h in search(db, "late")}


def test_a_failed_batch_leaves_no_rows_and_keeps_the_triggers(db: Database) -> None:
    """A batch that fails part-way leaves no rows behind and the search triggers in place."""
    with pytest.raises(RuntimeError), write_transaction(db), fts_batched(db):
        insert_sources(db, [_source_row(1)])
        raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    assert (
        db.execute("SELECT count(*) FROM sqlite_master WHERE name IN ('claims_ai', 'sources_ai')").fetchone()[
            0
        ]
        == 2
    )


def test_batching_outside_a_transaction_is_refused(db: Database) -> None:
    """Turning the search triggers off outside a write transaction is refused."""
    with pytest.raises(RuntimeError), fts_batched(db):
        pass


@pytest.mark.parametrize("column", SORTABLE_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_in_the_far_half_match_the_forward_order(
    db: Database, monkeypatch: pytest.MonkeyPatch, column: str, descending: bool
) -> None:
    """Pages read backwards from the far end hold the same facts in the same order as pages read forwards."""
    with write_transaction(db), fts_batched(db):
        insert_sources(db, [_source_row(n) for n in range(3)])
        for n in range(3):
            insert_claims(db, _claims(n, 23))
    repo = ClaimRepository(db)
    order = ClaimOrder(column, descending=descending)
    everything = [c.id for c in repo.page(ClaimFilter(), order, offset=0, limit=1000)]
    assert len(everything) == 69
    monkeypatch.setattr(claims_module, "REVERSE_AFTER", 0)
    for offset, limit in ((40, 10), (60, 20), (68, 5), (69, 5), (35, 34)):
        got = [c.id for c in repo.page(ClaimFilter(), order, offset=offset, limit=limit)]
        assert got == everything[offset : offset + limit]


def test_a_cached_count_follows_writes_from_this_and_other_connections(db: Database, tmp_path: Path) -> None:
    """The cached fact count follows writes made through this connection and through another one."""
    with write_transaction(db), fts_batched(db):
        insert_sources(db, [_source_row(1)])
        insert_claims(db, _claims(1, 4))
    repo = ClaimRepository(db)
    assert repo.count() == 4
    with write_transaction(db):
        insert_claims(db, _claims(1, 5)[4:])
    assert repo.count() == 5
    other = open_database(tmp_path / "bulk.factledger", create=False)
    with write_transaction(other):
        other.execute("DELETE FROM claims WHERE id = ?", ["clm_0001_000"])
    other.conn.close()
    assert repo.count() == 4
    assert repo.count(ClaimFilter(statuses=frozenset({Status.VERIFIED}))) == 2  # clm 2 and 4


def test_titles_name_only_the_sources_asked_for(db: Database) -> None:
    """Looking up titles returns only the sources asked for, and skips an id that does not exist."""
    with write_transaction(db), fts_batched(db):
        insert_sources(db, [_source_row(n) for n in range(3)])
    names = SourceRepository(db).titles(["src_0002", "src_0000", "src_9999"])
    assert names == {"src_0000": "Title 0", "src_0002": "Title 2"}
