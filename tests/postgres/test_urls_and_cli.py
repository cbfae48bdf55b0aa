"""Connection strings: recognised, never shown with their password, and refused where files are expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factledger.cli import main
from factledger.storage.postgres.urls import has_password, is_postgres_url, redact_url

from .conftest import PostgresServer

SECRET = "s3cr3t-Pa55"


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (
            f"postgresql://anna:{SECRET}@db.example.org:5432/desk",
            "postgresql://anna:***@db.example.org:5432/desk",
        ),
        (f"postgres://anna:{SECRET}@[::1]/desk", "postgres://anna:***@[::1]/desk"),
        (f"postgresql://anna:p@ss{SECRET}@host/desk", "postgresql://anna:***@host/desk"),
        (
            f"postgresql://anna@host/desk?sslmode=require&password={SECRET}",
            "postgresql://anna@host/desk?sslmode=require&password=***",
        ),
        (f"host=db user=anna password={SECRET} dbname=desk", "host=db user=anna password=*** dbname=desk"),
        (f"host=db password='{SECRET} x' dbname=desk", "host=db password=*** dbname=desk"),
        (
            f"could not connect to postgresql://anna:{SECRET}@h/desk: refused",
            "could not connect to postgresql://anna:***@h/desk: refused",
        ),
        ("postgresql://anna@host/desk", "postgresql://anna@host/desk"),
        ("/home/anna/ledger.factledger", "/home/anna/ledger.factledger"),
    ],
)
def test_redact_url_hides_every_password(given: str, shown: str) -> None:
    """Every form of password in a connection string is hidden when the string is shown."""
    assert redact_url(given) == shown
    assert SECRET not in redact_url(given)
    assert has_password(given) == (given != shown)


def test_only_postgresql_urls_are_team_ledgers() -> None:
    """Only postgresql:// and postgres:// addresses are taken as team ledgers, in any case."""
    assert is_postgres_url("postgresql://h/db") and is_postgres_url(" POSTGRES://h/db")
    assert not is_postgres_url("ledger.factledger") and not is_postgres_url(None)
    assert not is_postgres_url("mysql://h/db")


@pytest.mark.parametrize(
    "arguments",
    [
        ["backup", "--ledger", "URL"],
        ["backups", "--ledger", "URL"],
        ["restore", "latest", "--ledger", "URL"],
        ["salvage", "--ledger", "URL"],
    ],
)
def test_file_commands_refuse_a_team_ledger_with_a_sentence(
    arguments: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No traceback, no file named after the URL, no password in the sentence."""
    monkeypatch.chdir(tmp_path)
    url = f"postgresql://anna:{SECRET}@localhost:5432/desk"
    assert main([url if a == "URL" else a for a in arguments]) == 2
    err = capsys.readouterr().err
    assert "is a team ledger on a PostgreSQL server" in err and SECRET not in err
    assert "postgresql://anna:***@localhost:5432/desk" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "arguments",
    [["claims", "--ledger", "URL"], ["--ledger", "URL", "import", "x.txt"], ["--ledger", "URL", "info"]],
)
def test_everyday_commands_connect_and_name_a_refused_connection_without_its_password(
    arguments: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The everyday commands open a team ledger like a file: a server that is not there is a sentence,
    and no file is named after the address."""
    monkeypatch.chdir(tmp_path)
    url = f"postgresql://anna:{SECRET}@127.0.0.1:1/desk"
    assert main([url if a == "URL" else a for a in arguments]) == 2
    err = capsys.readouterr().err
    assert "refused the connection on port 1" in err and SECRET not in err
    assert list(tmp_path.iterdir()) == []


def test_the_app_is_handed_a_team_ledger_address_as_given() -> None:
    """`factledger --ledger postgresql://...` without a command opens the app on the team ledger: the
    address reaches the app untouched (the app connects, asking for a password only if libpq has none)."""
    opened: list[str | None] = []
    url = "postgresql://anna@h/desk?sslmode=require"
    assert main(["--ledger", url], open_app=lambda ledger, argv: opened.append(ledger) or 0) == 0
    assert opened == [url]


def test_team_init_and_add_user_from_the_command_line(
    postgres_server: PostgresServer,
    postgres_dsn: str,
    login_role: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The command line makes a team ledger, adds a user with a typed password who can then log in, and
    reports a wrong password without showing it."""
    assert main(["team", "init", postgres_dsn, "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["schema_version"] == 2
    assert made["migrations_applied"] == ["p001_initial", "p002_fact_versions"]
    assert main(["team", "init", postgres_dsn]) == 0
    assert "already a team ledger, up to date" in capsys.readouterr().out

    name = f"cli_{postgres_dsn[-6:]}"
    login_role.append(name)
    answers = iter(["typed-password", "typed-password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["team", "add-user", name, "--role", "checker", "--ledger", postgres_dsn, "--password"]) == 0
    assert capsys.readouterr().out.strip() == f"added {name} as checker."
    database = postgres_dsn.rsplit("/", 1)[1]
    import psycopg

    with psycopg.connect(postgres_server.dsn(database, user=name, password="typed-password")) as conn:
        assert conn.execute("SELECT pg_has_role(%s, 'factledger_checker', 'MEMBER')", [name]).fetchone() == (
            True,
        )

    wrong = postgres_server.dsn(database, password=SECRET)
    assert main(["team", "add-user", "x", "--role", "reader", "--ledger", wrong]) == 2
    err = capsys.readouterr().err
    assert "refused the password" in err and SECRET not in err


def test_add_user_with_differing_passwords_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adding a user whose two typed passwords differ is refused before anything changes."""
    answers = iter(["one", "two"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert (
        main(["team", "add-user", "bob", "--role", "reader", "--ledger", "postgresql://h/db", "--password"])
        == 2
    )
    assert "The two passwords differ" in capsys.readouterr().err


def test_info_and_verify_name_a_team_ledger_by_its_whole_address(
    postgres_dsn: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`info --json` keeps its `path` field: the URL with `//` intact and its password hidden; `verify`
    names the same; reopening by the ledger's address reaches the server again and makes no file."""
    from factledger.core import Ledger
    from factledger.core.team import init_team_ledger

    monkeypatch.chdir(tmp_path)
    init_team_ledger(postgres_dsn)
    shown = redact_url(postgres_dsn)
    assert shown.startswith("postgresql://") and shown != postgres_dsn
    assert main(["--ledger", postgres_dsn, "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == shown
    assert main(["--ledger", postgres_dsn, "verify"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{shown}:") and postgres_dsn not in out
    with Ledger.open(postgres_dsn) as ledger:
        assert ledger.location == shown and not ledger.address.is_file
        assert postgres_dsn not in repr(ledger.address) and postgres_dsn not in str(ledger.address)
        with ledger.reopen() as again, Ledger.open(ledger.address) as third:
            assert again.actor == third.actor == ledger.actor
            assert again.info().schema_version == ledger.info().schema_version
    assert list(tmp_path.iterdir()) == []
