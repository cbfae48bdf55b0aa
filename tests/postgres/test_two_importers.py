"""Two people import the same article at the same moment: one source, and the other is told so in a
sentence with nothing of their import saved; importing again finds the article already there."""

from __future__ import annotations

import threading

from factledger.core import Ledger
from factledger.core.importing import ImportResult
from factledger.core.team import init_team_ledger
from factledger.reading import expand_inputs
from factledger.resources import resource_path

SEED = str(resource_path("sample", "sample-article.txt"))


def test_the_same_article_imported_twice_at_once_is_one_source(postgres_dsn: str) -> None:
    """Two imports of one article at once leave one source."""
    init_team_ledger(postgres_dsn)
    (item,) = list(expand_inputs([SEED]))
    outcome: list[ImportResult] = []
    with Ledger.open(postgres_dsn) as first:
        results: list[object] = []

        def second_person() -> None:
            with Ledger.open(postgres_dsn) as second:
                outcome.extend(second.import_inputs([item]))
                results.append(second.import_inputs([item])[0].outcome)
                results.append(len(second.sources()))

        with first.store.transaction():
            (mine,) = first.import_inputs([item])  # holds its new source uncommitted
            other = threading.Thread(target=second_person)
            other.start()
            other.join(timeout=2)
            assert other.is_alive()  # the second import waits on the first one's row
        other.join(timeout=30)
        assert mine.outcome == "imported"
        [theirs] = outcome
        assert theirs.outcome == "failed" and "Someone else saved the same thing" in theirs.message
        assert results == ["duplicate", 1]  # importing again finds it; one source
        assert len(first.sources()) == 1
