"""The metrics list's conflict flags: one period, more than one source and more than one value."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from factledger.domain import ClaimFilter, ClaimKind
from factledger.storage import open_database, series

REFERENCE = """
    SELECT DISTINCT subject, unit FROM (
        SELECT subject, unit FROM claims WHERE COALESCE(value, amount) IS NOT NULL AND subject IS NOT NULL
         GROUP BY subject, unit, period
        HAVING count(DISTINCT source_id) > 1 AND count(DISTINCT COALESCE(value, amount)) > 1)"""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "metrics.factledger")
    for n in range(4):
        database.execute(
            "INSERT INTO sources (id, imported_at, text, content_sha256, media_type) "
            "VALUES (?, 'x', 't', ?, 'text/plain')",
            [f"src_{n}", f"sha{n}"],
        )
    yield database
    database.conn.close()


def _figure(
    db: Database, n: int, source: int, subject: str | None, period: str | None, **figure: object
) -> None:
    db.execute(
        'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, subject, unit, period, value, '
        "amount, created_at, updated_at) VALUES (?, ?, ?, 't', 0, 1, 's', ?, 'USD', ?, ?, ?, 'x', 'x')",
        [
            f"clm_{n}",
            f"src_{source}",
            "commitment" if "amount" in figure else "statistic",
            subject,
            period,
            figure.get("value"),
            figure.get("amount"),
        ],
    )


def test_only_one_period_told_differently_by_two_sources_is_a_conflict(db: Database) -> None:
    """Same value twice, two values in one source, or two values in two periods are not conflicts."""
    _figure(db, 1, 0, "same", "2024", value=5.0)
    _figure(db, 2, 1, "same", "2024", value=5.0)
    _figure(db, 3, 0, "one source", "2024", value=5.0)
    _figure(db, 4, 0, "one source", "2024", value=6.0)
    _figure(db, 5, 0, "two periods", "2023", value=5.0)
    _figure(db, 6, 1, "two periods", "2024", value=6.0)
    _figure(db, 7, 2, "pledge", None, amount=500e9)
    _figure(db, 8, 3, "pledge", None, amount=550e9)
    assert series.conflicted_metric_keys(db, ClaimFilter()) == {("pledge", "USD")}


def test_conflicts_equal_counting_distinct_sources_and_values(db: Database) -> None:
    """On random figures, asking min <> max gives what count(DISTINCT ...) > 1 gives."""
    rng = random.Random(23)
    for n in range(400):
        figure = (
            {"value": rng.choice((None, 1.0, 2.0))}
            if rng.random() < 0.7
            else {"amount": rng.choice((1.0, 3.0))}
        )
        _figure(
            db,
            n,
            rng.randrange(4),
            rng.choice(("a", "b", "c", "d", None)),
            rng.choice(("2024", "2025", None)),
            **figure,
        )
    expected = set(db.execute(REFERENCE).fetchall())
    assert series.conflicted_metric_keys(db, ClaimFilter()) == expected
    assert expected  # the random ledger holds at least one conflict
    statistics = ClaimFilter(kinds=frozenset({ClaimKind.STATISTIC}))
    narrowed = REFERENCE.replace("WHERE ", "WHERE kind = 'statistic' AND ")
    assert series.conflicted_metric_keys(db, statistics) == set(db.execute(narrowed).fetchall())
