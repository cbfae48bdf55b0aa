"""A typed prefix that can only match its own word is searched as that word, with the same results."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.core import Ledger
from factledger.domain import Document
from factledger.storage import open_database, search
from factledger.storage.database import close_database

search_module = importlib.import_module("factledger.storage.search")  # the package re-exports the function
TEXT = (
    "Unemployment fell to 4.1 percent. The rate rose. Rates rose again. "
    "Unemployment rose in Zürich. The mayor said unemployment would fall."
)


@pytest.fixture
def db(ledger_path: Path) -> Iterator[Database]:
    """A closed ledger with one source and a fact per sentence, opened again through storage."""
    with Ledger.open(ledger_path) as ledger:
        source = ledger.import_document(Document(text=TEXT, title="Jobs"))
        assert source.source_id
        start = 0
        for sentence in TEXT.split(". "):
            begin = TEXT.index(sentence, start)
            ledger.log_claim(source_id=source.source_id, start=begin, end=begin + len(sentence), kind="claim")
            start = begin + len(sentence)
    database = open_database(ledger_path)
    yield database
    close_database(database)


def test_a_prefix_that_covers_only_its_own_word_drops_the_star(db: Database) -> None:
    """ "unemployment" has no longer word in the index: its prefix phrase becomes the whole word."""
    assert search_module._exact_prefix(db, "claims_fts", '"unemployment"*') == '"unemployment"'
    assert search_module._exact_prefix(db, "claims_fts", '"fell" "Unemployment"*') == '"fell" "Unemployment"'


def test_a_prefix_of_longer_words_keeps_the_star(db: Database) -> None:
    """ "rate" also starts "rates", and "unemploy" starts "unemployment": both stay prefix searches."""
    assert search_module._exact_prefix(db, "claims_fts", '"rate"*') == '"rate"*'
    assert search_module._exact_prefix(db, "claims_fts", '"unemploy"*') == '"unemploy"*'


def test_words_the_tokenizer_folds_beyond_lower_case_are_left_as_typed(db: Database) -> None:
    """Non-ASCII words and words joined by punctuation are not rewritten: their indexed form may differ."""
    assert search_module._exact_prefix(db, "claims_fts", '"Zürich"*') == '"Zürich"*'
    assert search_module._exact_prefix(db, "claims_fts", '"4.1"*') == '"4.1"*'
    assert search_module._exact_prefix(db, "claims_fts", '"unemployment"') == '"unemployment"'


@pytest.mark.parametrize("ranked", [True, False])
@pytest.mark.parametrize("query", ["unemployment", "Unemployment", "rate", "unemploy", "mayor", "4.1", "zür"])
def test_results_are_the_same_with_and_without_the_rewrite(
    db: Database, monkeypatch: pytest.MonkeyPatch, query: str, ranked: bool
) -> None:
    """Hits, their order and their snippets do not depend on whether the star was dropped."""
    rewritten = search(db, query, ranked=ranked)
    monkeypatch.setattr(search_module, "_exact_prefix", lambda _db, _fts, match: match)  # as before
    assert rewritten == search(db, query, ranked=ranked)
    assert rewritten  # every query here finds something, so the comparison is not of two empty lists
