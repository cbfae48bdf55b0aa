"""People and permissions, enforced by the server: connect as each team role and be refused with a sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest

from factledger.core.team import add_team_user, init_team_ledger
from factledger.domain import UserError
from factledger.storage.postgres.connection import connect, work_sentence

from .conftest import PostgresServer

TEXT = "The minister said exports rose 12% last year."


def _as(server: PostgresServer, dsn: str, user: str) -> str:
    database = dsn.rsplit("/", 1)[1]
    return server.dsn(database, user=user, password=f"pw-{user}")


@contextmanager
def _refused(match: str) -> Iterator[None]:
    """The server refuses; the sentence the person reads says so and names nothing secret."""
    with pytest.raises(psycopg.Error) as raised:
        yield
    sentence = work_sentence(raised.value).message
    assert match in sentence and "Nothing was changed" in sentence, sentence


@pytest.fixture
def team(postgres_server: PostgresServer, postgres_dsn: str, login_role: list[str]) -> Callable[[str], Any]:
    """A team ledger with one source and fact, and a reader, a checker and an editor who log in with passwords."""
    init_team_ledger(postgres_dsn)
    for role in ("reader", "checker", "editor"):
        name = f"t_{role}_{postgres_dsn[-6:]}"
        login_role.append(name)
        assert add_team_user(postgres_dsn, name, role, password=f"pw-{name}") is True
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO sources (id, imported_at, text, content_sha256, media_type) "
            "VALUES ('s1', 'x', %s, 'h', 'text/plain')",
            [TEXT],
        )
        conn.execute(
            'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, created_at, updated_at) '
            "VALUES ('c1', 's1', 'statistic', 'exports rose 12%', 18, 34, 'Exports rose 12%', 'x', 'x')"
        )

    def connect_as(role: str) -> psycopg.Connection[Any]:
        return connect(_as(postgres_server, postgres_dsn, f"t_{role}_{postgres_dsn[-6:]}"), autocommit=True)

    return connect_as


def test_a_reader_reads_and_cannot_change_anything(team: Callable[[str], Any]) -> None:
    """A reader can read the facts but the server refuses any change to claims or history."""
    with team("reader") as conn:
        assert conn.execute("SELECT statement FROM facts").fetchall() == [("Exports rose 12%",)]
        with _refused("permission denied for table claims"):
            conn.execute("UPDATE claims SET subject = 'exports'")
        with _refused("permission denied for table history"):
            conn.execute(
                "INSERT INTO history (entity, entity_id, action, actor, at) VALUES ('c', 'c1', 'x', 'y', 'z')"
            )


def test_a_checker_triages_but_final_verdicts_are_the_editors(team: Callable[[str], Any]) -> None:
    """A checker can triage, add evidence and write history under their own name, but only an editor can
    give, take back or delete a verdict."""
    with team("checker") as checker:
        checker.execute("UPDATE claims SET status = 'in_review', subject = 'exports' WHERE id = 'c1'")
        checker.execute(
            "INSERT INTO evidence (id, claim_id, stance, url, added_at) VALUES ('e1', 'c1', 'supports', 'https://x', 'x')"
        )
        checker.execute(
            "INSERT INTO history (entity, entity_id, claim_id, action, actor, at) "
            "VALUES ('claim', 'c1', 'c1', 'status', 'The Editor', 'x')"
        )
        with _refused('only an editor may give or take back the verdict "verified"'):
            checker.execute("UPDATE claims SET status = 'verified' WHERE id = 'c1'")
        with _refused('the verdict "partly true"'):
            checker.execute(
                'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, status, created_at, '
                "updated_at) VALUES ('c2', 's1', 'claim', 'The minister', 0, 12, 's', 'partly_true', 'x', 'x')"
            )
        with _refused("permission denied for table claims"):
            checker.execute("DELETE FROM claims WHERE id = 'c1'")
        actor = checker.execute("SELECT actor FROM history").fetchone()
        assert actor is not None and actor[0] == checker.info.user  # not 'The Editor': the server says who

    with team("editor") as editor:
        editor.execute("UPDATE claims SET status = 'verified' WHERE id = 'c1'")
    with team("checker") as checker, _refused('take back the verdict "verified"'):
        checker.execute("UPDATE claims SET status = 'in_review' WHERE id = 'c1'")
    with team("editor") as editor:
        editor.execute("DELETE FROM claims WHERE id = 'c1'")
        assert editor.execute("SELECT count(*) FROM claims").fetchone() == (0,)
        assert editor.execute("SELECT sum(n) FROM timeline_counts").fetchone() == (None,)


def test_a_checker_cannot_write_the_timeline_summary_itself(team: Callable[[str], Any]) -> None:
    """A checker cannot write the timeline summary, directly or through its helper function."""
    with team("checker") as conn:
        with _refused("permission denied for table timeline_counts"):
            conn.execute("UPDATE timeline_counts SET n = 99")
        with _refused("permission denied for table timeline_counts"):
            conn.execute("SELECT factledger_timeline_add('2024', 'x', 'verified', 'claim', 1000)")


def test_a_session_cannot_slip_its_own_tables_under_the_guards(team: Callable[[str], Any]) -> None:
    """A temporary `sources` table (or a search_path) cannot stand in for the ledger's in the triggers."""
    with team("checker") as conn:
        conn.execute("CREATE TEMP TABLE sources (id text, text text, published text)")
        conn.execute("INSERT INTO pg_temp.sources VALUES ('s1', 'Anything I like to quote here', NULL)")
        conn.execute("SET search_path = pg_temp, public")
        with _refused("exact words of its source"):
            conn.execute(
                'INSERT INTO public.claims (id, source_id, kind, quote, start, "end", statement, created_at, '
                "updated_at) VALUES ('c9', 's1', 'claim', 'Anything', 0, 8, 's', 'x', 'x')"
            )


def test_history_numbers_are_the_servers(team: Callable[[str], Any]) -> None:
    """History row numbers are chosen by the server, whatever number a client tries to write."""
    with team("checker") as conn:
        conn.execute(
            "INSERT INTO history (id, entity, entity_id, action, actor, at) VALUES (9000000000, 'c', 'c1', 'x', 'y', 'z')"
        )
        conn.execute(
            "INSERT INTO history (entity, entity_id, action, actor, at) VALUES ('c', 'c1', 'x', 'y', 'z')"
        )
        ids = [row[0] for row in conn.execute("SELECT id FROM history ORDER BY id")]
    assert len(ids) == 2 and max(ids) < 100


def test_add_user_changes_a_role_and_refuses_bad_names(
    team: Callable[[str], Any], postgres_dsn: str, postgres_server: PostgresServer
) -> None:
    """Adding an existing user changes their role, and an unknown role, an unsafe name or the server's
    administrator is refused."""
    name = f"t_reader_{postgres_dsn[-6:]}"
    assert add_team_user(postgres_dsn, name, "editor") is False  # existing login: role changed, password kept
    with team("reader") as conn:
        conn.execute("UPDATE claims SET status = 'verified'")
    with pytest.raises(UserError, match="is not a team role"):
        add_team_user(postgres_dsn, name, "owner")
    with pytest.raises(UserError, match="cannot be a user name"):
        add_team_user(postgres_dsn, "x; DROP TABLE claims", "reader")
    with pytest.raises(UserError, match="administrator of the server"):
        add_team_user(postgres_dsn, postgres_server.admin, "reader")


def test_a_team_member_cannot_add_users(
    team: Callable[[str], Any], postgres_dsn: str, postgres_server: PostgresServer
) -> None:
    """A team member, even an editor, cannot add people to the team."""
    as_editor = _as(postgres_server, postgres_dsn, f"t_editor_{postgres_dsn[-6:]}")
    with pytest.raises(UserError, match="may not add people to the team on the server"):
        add_team_user(as_editor, "newcomer", "reader")


def test_connection_faults_are_sentences_without_the_password(
    postgres_server: PostgresServer, postgres_dsn: str
) -> None:
    """Each kind of connection fault becomes a sentence naming the problem, never showing the password."""
    database = postgres_dsn.rsplit("/", 1)[1]
    wrong = postgres_server.dsn(database, password="not-the-password-42")
    cases = {
        wrong: "refused the password of factledger_admin",
        postgres_server.dsn(database, password=""): "asks for a password",
        postgres_server.dsn("no_such_db"): "There is no database no_such_db on 127.0.0.1",
        f"postgresql://u:not-the-password-42@127.0.0.1:{_closed_port()}/db": "refused the connection on port",
        "postgresql://u:not-the-password-42@host.invalid/db": "Cannot find the server host.invalid",
        f"{wrong}?sslmode=require": "A TLS connection to 127.0.0.1",
    }
    for url, words in cases.items():
        with pytest.raises(UserError) as refused:
            connect(url).close()
        assert words in refused.value.message
        assert (
            "not-the-password-42" not in refused.value.message
            and postgres_server.password not in refused.value.message
        )


def test_a_database_that_is_not_a_ledger_yet_is_named_so(postgres_dsn: str) -> None:
    """Adding a user to an empty database says it is not a team ledger yet."""
    with pytest.raises(UserError, match="is empty: it is not a team ledger yet"):
        add_team_user(postgres_dsn, "someone", "reader")


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_database_owner_who_is_not_a_superuser_sets_up_the_team(
    postgres_server: PostgresServer, login_role: list[str], seeded_ledger: Any, tmp_path: Any
) -> None:
    """The documented set-up: an owner with CREATEROLE (no superuser) runs init, add-user and copy."""
    from factledger.core.copying import copy_ledger

    owner, database = "desk_owner_t", "newsdesk_t"
    login_role.append(owner)
    with psycopg.connect(postgres_server.dsn(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'pw-{owner}'")
        admin.execute(f"CREATE DATABASE {database} OWNER {owner} ENCODING 'UTF8' TEMPLATE template0")
    try:
        url = postgres_server.dsn(database, user=owner, password=f"pw-{owner}")
        copy_ledger(str(seeded_ledger), url)  # copy runs team init itself
        member = f"m_{owner}"
        login_role.append(member)
        add_team_user(url, member, "checker", password=f"pw-{member}")
        with connect(
            postgres_server.dsn(database, user=member, password=f"pw-{member}"), autocommit=True
        ) as conn:
            assert conn.execute("SELECT count(*) > 0 FROM facts").fetchone() == (True,)
            with _refused('take back the verdict "verified"'):
                conn.execute("UPDATE claims SET status = 'unverified' WHERE status = 'verified'")
        back = tmp_path / "back.factledger"
        copy_ledger(url, str(back))
        assert back.exists()
    finally:
        with psycopg.connect(postgres_server.dsn(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            admin.execute(f"DROP OWNED BY {owner}")


def test_a_connection_lost_mid_work_is_a_sentence(postgres_server: PostgresServer, postgres_dsn: str) -> None:
    """A connection lost in the middle of work becomes a sentence saying nothing of that work was saved."""
    init_team_ledger(postgres_dsn)
    with connect(postgres_dsn) as conn:
        pid = conn.info.backend_pid
        with psycopg.connect(postgres_server.dsn(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        with pytest.raises(psycopg.OperationalError) as lost:
            conn.execute("UPDATE claims SET subject = 'x'")
    sentence = work_sentence(lost.value).message
    assert (
        sentence.startswith("The connection to the server was lost") and "nothing of it was saved" in sentence
    )
