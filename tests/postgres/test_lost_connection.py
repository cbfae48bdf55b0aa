"""A connection the server drops: the unfinished change is rolled back whole with a sentence, and the
next command works on a new connection without reopening the ledger."""

from __future__ import annotations

import psycopg
import pytest

from factledger.core import Ledger
from factledger.core.team import init_team_ledger
from factledger.domain import UserError
from factledger.reading import expand_inputs
from factledger.resources import resource_path

from .conftest import PostgresServer

SEED = str(resource_path("sample", "sample-article.txt"))


def _drop_connections(server: PostgresServer, dsn: str) -> int:
    """What a server restart or a network cut does to every open session of the test's database."""
    database = dsn.rsplit("/", 1)[1]
    with psycopg.connect(server.dsn(), autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        ).fetchall()
    return len(rows)


def test_a_dropped_connection_loses_the_change_not_the_ledger(
    postgres_server: PostgresServer, postgres_dsn: str
) -> None:
    """A connection dropped between commands is reconnected by itself; one dropped mid-change rolls that change back whole with a sentence, and the same ledger keeps working."""
    init_team_ledger(postgres_dsn)
    with Ledger.open(postgres_dsn) as ledger:
        (first,) = ledger.import_inputs(expand_inputs([SEED]))
        assert first.source_id is not None
        before = ledger.count_claims()
        assert _drop_connections(postgres_server, postgres_dsn) == 1
        # between commands: the next read reconnects by itself
        assert ledger.count_claims() == before and ledger.source(first.source_id).id == first.source_id

        # in the middle of an edit: all of it or none of it, said in a sentence
        def cut_then_accept() -> None:
            with ledger.store.transaction():
                ledger.store.settings.set("half", "done")
                _drop_connections(postgres_server, postgres_dsn)
                ledger.store.settings.set("other", "half")

        with pytest.raises(UserError, match="connection to the server was lost"):
            cut_then_accept()
        assert ledger.store.settings.get("half") is None
        ledger.accept_all(source_id=first.source_id)
        assert ledger.count_claims() > before
