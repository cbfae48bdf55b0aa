"""Ranked search scores a bounded window of the newest matches; short prefixes stay guarded."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.domain import Claim, ClaimKind
from factledger.storage import open_database, search, write_transaction
from factledger.storage.bulk import fts_batched, insert_claims, insert_sources

search_module = importlib.import_module("factledger.storage.search")  # the package re-exports the function
TEXT = "grain grain grain. grain once. tax"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "search.factledger")
    source = (
        "src_1",
        "article",
        "Harvest",
        "Outlet",
        None,
        "[]",
        None,
        "2024-01-01T00:00:00Z",
        "en",
        TEXT,
        "sha1",
        None,
        "text/plain",
    )
    statements = ["grain grain grain"] + [f"grain once {n}" for n in range(5)] + ["tax rises"]
    claims = [
        Claim(
            id=f"clm_{n}",
            source_id="src_1",
            kind=ClaimKind.CLAIM,
            quote=TEXT[span[0] : span[1]],
            start=span[0],
            end=span[1],
            statement=text,
            created_at="x",
            updated_at="x",
        )
        for n, text in enumerate(statements)
        for span in [(31, 34) if text.startswith("tax") else (19, 30)]
    ]
    with write_transaction(database), fts_batched(database):
        insert_sources(database, [source])
        insert_claims(database, claims)
    return database


def test_ranked_search_puts_the_best_match_first_when_it_is_inside_the_window(db: Database) -> None:
    """Ranked search puts the best match first when every match fits inside the scoring window."""
    hits = [h.id for h in search(db, "grain ", ranked=True) if h.entity == "claim"]
    assert hits[0] == "clm_0"
    assert len(hits) == 6


def test_ranked_search_scores_only_the_newest_matches_past_the_window(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When matches outnumber the window, ranked search scores only the newest ones."""
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    hits = [h.id for h in search(db, "grain ", ranked=True) if h.entity == "claim"]
    assert sorted(hits) == ["clm_3", "clm_4", "clm_5"]


def test_unranked_search_is_not_limited_by_the_window(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unranked search returns every match, however small the ranking window."""
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    assert len([h for h in search(db, "grain ", ranked=False) if h.entity == "claim"]) == 6


def test_one_letter_is_a_whole_word_and_two_letters_are_a_prefix(db: Database) -> None:
    """A one-letter search matches only a whole word, while two letters match as a prefix."""
    assert [h.id for h in search(db, "t") if h.entity == "claim"] == []
    assert [h.id for h in search(db, "ta") if h.entity == "claim"] == ["clm_6"]
