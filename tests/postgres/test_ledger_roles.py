"""A team ledger opened through `Ledger.open` as each team role: the server's rights hold for the whole
API, a refusal is a sentence, and nothing of a refused edit is written."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factledger.core import Ledger
from factledger.core.team import add_team_user, init_team_ledger
from factledger.domain import UserError
from factledger.reading import expand_inputs
from factledger.resources import resource_path

from .conftest import PostgresServer

SEED = str(resource_path("sample", "sample-article.txt"))


@pytest.fixture
def url_as(postgres_server: PostgresServer, postgres_dsn: str, login_role: list[str]) -> Callable[[str], str]:
    """The team ledger's address for a reader, a checker or an editor (each with a password)."""
    init_team_ledger(postgres_dsn)
    database = postgres_dsn.rsplit("/", 1)[1]
    names = {}
    for role in ("reader", "checker", "editor"):
        names[role] = f"l_{role}_{database[-6:]}"
        login_role.append(names[role])
        add_team_user(postgres_dsn, names[role], role, password=f"pw-{role}")
    return lambda role: postgres_server.dsn(database, user=names[role], password=f"pw-{role}")


def test_each_role_works_through_the_ledger_as_far_as_the_server_lets_it(
    url_as: Callable[[str], str],
) -> None:
    """Reader, checker and editor each get exactly their rights through `Ledger`; a refusal writes nothing, and an editor deletes a source without a file backup."""
    with Ledger.open(url_as("checker")) as checker:
        assert checker.actor.startswith("l_checker_")
        (result,) = checker.import_inputs(expand_inputs([SEED]))
        assert result.source_id is not None
        group = checker.accept_all(source_id=result.source_id)
        claim_id = next(iter(checker.claims(limit=1).ids()))
        checker.set_status(claim_id, status="in_review", reason="asking the company")
        with pytest.raises(UserError, match="only an editor may give or take back the verdict"):
            checker.set_status(claim_id, status="verified", reason="matches the release")
        assert checker.claim(claim_id).status == "in_review"
        assert [e.action for e in checker.history(claim_id)][-1] == "status"
        accepted = len(group.edits)
    with Ledger.open(url_as("editor")) as editor:
        editor.set_status(claim_id, status="verified", reason="matches the release")
        verified = editor.claim(claim_id)
        assert verified.verified_by == editor.actor and verified.status == "verified"
        assert {e.actor for e in editor.history(claim_id)} == {editor.actor, checker.actor}
    with Ledger.open(url_as("reader")) as reader:
        assert reader.count_claims() == accepted and reader.search("battery")
        before = reader.history(claim_id)
        with pytest.raises(UserError, match="Refused by the server"):
            reader.set_status(claim_id, status="in_review", reason="reopening")
        assert reader.history(claim_id) == before and reader.claim(claim_id).status == "verified"
    with Ledger.open(url_as("checker")) as checker:
        # no file backup stands in the way any more: the server itself refuses a checker's delete
        with pytest.raises(UserError, match="Refused by the server"):
            checker.delete_source(result.source_id)
        assert checker.count_claims() == accepted
    with Ledger.open(url_as("editor")) as editor:
        # a ledger file is backed up before a source is deleted; a team ledger's backups are the server's
        # (pg_dump), so the editor's delete goes through without one
        editor.delete_source(result.source_id)
        assert result.source_id not in {s.id for s in editor.sources()}
        assert editor.count_claims() == 0
