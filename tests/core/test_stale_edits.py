"""Two people (two `Ledger` objects, two connections) editing one fact: the later edit based on a version
that moved on is refused with who changed it, nothing is overwritten, and the history keeps both attempts.

Every test runs on a ledger file (SQLite) and on a team ledger on the tests' throw-away PostgreSQL server
(two editors, so the refusal names the other person as the server recorded them).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factledger.core import Ledger, operations
from factledger.domain import Document, UserError

TEXT = "Exports rose 12% in 2024. Imports fell 3% in 2024."
STALE = re.compile(
    r"^This fact was changed by (?P<name>\S+) at (?P<at>\d{4}-\d\d-\d\d \d\d:\d\d UTC) — reload to see it\.$"
)

Opener = Callable[[str], Ledger]


def _sqlite(request: pytest.FixtureRequest, folder: Path) -> Opener:
    path = folder / "shared.factledger"
    return lambda person: Ledger.open(path, actor=person)


def _postgresql(request: pytest.FixtureRequest, folder: Path) -> Opener:
    """Each person is an editor of their own on a fresh team ledger (the server records who acted)."""
    from factledger.core.team import add_team_user, init_team_ledger

    server = request.getfixturevalue("postgres_server")
    dsn: str = request.getfixturevalue("postgres_dsn")
    login_role: list[str] = request.getfixturevalue("login_role")
    init_team_ledger(dsn)
    database = dsn.rsplit("/", 1)[1]
    urls: dict[str, str] = {}

    def open_as(person: str) -> Ledger:
        if person not in urls:
            name = f"{person.lower()}_{database[-6:]}"
            login_role.append(name)
            add_team_user(dsn, name, "editor", password=f"pw-{person}")
            urls[person] = server.dsn(database, user=name, password=f"pw-{person}")
        return Ledger.open(urls[person])

    return open_as


ENGINES: dict[str, Callable[[pytest.FixtureRequest, Path], Opener]] = {
    "sqlite": _sqlite,
    "postgresql": _postgresql,
}


@pytest.fixture(params=sorted(ENGINES))
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Opener:
    """Opens the shared ledger as a person (on each engine)."""
    return ENGINES[str(request.param)](request, tmp_path)


@pytest.fixture
def people(opener: Opener) -> Iterator[tuple[Ledger, Ledger, str]]:
    """Ana's and Ben's ledgers on one shared ledger, and a fact both are looking at."""
    ana = opener("Ana")
    ben = opener("Ben")
    try:
        source_id = ana.import_document(Document(text=TEXT, title="Trade"), suggestions=[]).source_id
        assert source_id is not None
        log = operations.log_claim(source_id=source_id, start=0, end=16, kind="statistic")
        ana.apply(log)
        yield ana, ben, log.claim_id
    finally:
        ben.close()
        ana.close()


def _refusal(error: pytest.ExceptionInfo[UserError]) -> re.Match[str]:
    found = STALE.match(error.value.message)
    assert found is not None, error.value.message
    return found


def test_a_stale_edit_is_refused_and_the_first_edit_stays(people: tuple[Ledger, Ledger, str]) -> None:
    """Both read version 1; Ana's edit wins, Ben's is refused naming Ana, and history has both attempts."""
    ana, ben, claim_id = people
    seen_by_ana = ana.claim(claim_id)
    seen_by_ben = ben.claim(claim_id)
    assert seen_by_ana.version == seen_by_ben.version == 1

    ana.apply(
        operations.edit_claim(
            claim_id=claim_id, expected_version=seen_by_ana.version, statement="Exports rose 12 percent."
        )
    )
    with pytest.raises(UserError) as refused:
        ben.apply(
            operations.edit_claim(
                claim_id=claim_id, expected_version=seen_by_ben.version, statement="Exports grew by 12%."
            )
        )
    found = _refusal(refused)
    assert found["name"] == ana.actor

    for reader in (ana, ben):
        now = reader.claim(claim_id)
        assert (now.statement, now.version) == ("Exports rose 12 percent.", 2)
    events = ben.history(claim_id)
    assert [(e.action, e.actor) for e in events[-2:]] == [("edit", ana.actor), ("edit_refused", ben.actor)]
    assert json.loads(events[-2].after or "{}") == {"statement": "Exports rose 12 percent."}
    assert json.loads(events[-1].after or "{}") == {"statement": "Exports grew by 12%."}
    assert found["at"] == events[-2].at[:16].replace("T", " ") + " UTC"

    # after reloading, Ben's edit on the version he now sees goes through
    fresh = ben.claim(claim_id)
    ben.apply(operations.edit_claim(claim_id=claim_id, expected_version=fresh.version, subject="exports"))
    assert (ana.claim(claim_id).subject, ana.claim(claim_id).version) == ("exports", 3)


def test_a_stale_verdict_and_a_stale_delete_are_refused(people: tuple[Ledger, Ledger, str]) -> None:
    """A status change and a deletion based on an old version are refused like an edit; nothing is lost."""
    ana, ben, claim_id = people
    old = ben.claim(claim_id).version
    ana.apply(operations.set_status(claim_id=claim_id, status="in_review", expected_version=old))
    with pytest.raises(UserError) as refused:
        ben.apply(
            operations.set_status(
                claim_id=claim_id, status="unverified", reason="not yet", expected_version=old
            )
        )
    assert _refusal(refused)["name"] == ana.actor
    with pytest.raises(UserError) as deleting:
        ben.apply(operations.delete_claim(claim_id=claim_id, expected_version=old))
    assert _refusal(deleting)["name"] == ana.actor

    kept = ana.claim(claim_id)
    assert (kept.status, kept.version) == ("in_review", 2)
    actions = [e.action for e in ana.history(claim_id)]
    assert actions[-3:] == ["status", "status_refused", "delete_refused"]
    assert json.loads(ana.history(claim_id)[-2].after or "{}")["status"] == "unverified"


def test_without_a_version_edits_are_not_checked(people: tuple[Ledger, Ledger, str]) -> None:
    """The CLI and scripts give no version: their edits apply as before (the last one wins) and each
    still moves the version on, so a window that read before them is refused afterwards."""
    ana, ben, claim_id = people
    shown = ben.claim(claim_id).version
    ana.apply(operations.edit_claim(claim_id=claim_id, subject="trade"))
    ben.apply(operations.edit_claim(claim_id=claim_id, subject="exports"))
    assert (ana.claim(claim_id).subject, ana.claim(claim_id).version) == ("exports", 3)
    with pytest.raises(UserError, match="reload to see it"):
        ben.apply(operations.edit_claim(claim_id=claim_id, expected_version=shown, subject="imports"))


def test_undo_and_redo_of_an_own_checked_edit_are_not_refused(people: tuple[Ledger, Ledger, str]) -> None:
    """The version check guards the edit as first made; undoing and redoing it is the person's own history
    (each step still moves the version on)."""
    ana, _ben, claim_id = people
    edit = operations.edit_claim(claim_id=claim_id, expected_version=1, subject="trade")
    ana.apply(edit)
    ana.revert(edit)
    ana.apply(edit)
    assert (ana.claim(claim_id).subject, ana.claim(claim_id).version) == ("trade", 4)


def test_a_concurrent_stale_update_waits_and_then_changes_nothing(
    opener: Opener, people: tuple[Ledger, Ledger, str]
) -> None:
    """While Ana's edit is not yet committed, Ben's conditional update on the same version cannot slip in:
    it waits for her commit (PostgreSQL's row lock, SQLite's write lock) and then finds the version moved
    on, so it changes nothing."""
    ana, _ben, claim_id = people
    outcome: list[bool] = []

    def ben_edits() -> None:
        with opener("Ben") as ben:  # a connection of its own, in its own thread
            store = ben.store
            with store.transaction():
                outcome.append(store.claims.update(claim_id, {"subject": "ben"}, expected_version=1))

    store = ana.store
    with store.transaction():
        assert store.claims.update(claim_id, {"subject": "ana"}, expected_version=1)
        worker = threading.Thread(target=ben_edits)
        worker.start()
        worker.join(0.5)
        assert worker.is_alive() and outcome == []  # Ben waits while Ana's change is not committed
    worker.join(30)
    assert outcome == [False]
    claim = ana.claim(claim_id)
    assert (claim.subject, claim.version) == ("ana", 2)


def test_an_edit_of_a_fact_deleted_meanwhile_is_refused_with_a_sentence(
    people: tuple[Ledger, Ledger, str],
) -> None:
    """Ben edits a fact Ana has deleted since he read it: he is told so, and nothing comes back."""
    ana, ben, claim_id = people
    shown = ben.claim(claim_id).version
    ana.apply(operations.delete_claim(claim_id=claim_id))
    with pytest.raises(UserError, match="was deleted by someone else in the meantime"):
        ben.apply(operations.edit_claim(claim_id=claim_id, expected_version=shown, subject="trade"))
    with pytest.raises(UserError, match="no fact with id"):
        ana.claim(claim_id)
    assert [e.action for e in ana.history(claim_id)][-2:] == ["delete", "edit_refused"]
