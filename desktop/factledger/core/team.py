"""Team ledgers on a PostgreSQL server: making one, adding its people, and recognising its address.

A thin facade over `storage.postgres` for the CLI (which calls core only). The driver loads only here,
when a command meets a server; every error is a `UserError` sentence and no sentence, log line or
record carries a password (`redact_url`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factledger.domain import UserError
from factledger.storage.postgres.urls import is_postgres_url, redact_url

if TYPE_CHECKING:
    from types import ModuleType

    from factledger.storage.postgres.store import PostgresStore

TEAM_ROLES = ("reader", "checker", "editor")


@dataclass(frozen=True, slots=True)
class TeamLedger:
    """What `init_team_ledger` found or made."""

    where: str
    schema_version: int
    migrations_applied: tuple[str, ...]
    roles_created: tuple[str, ...]


def _driver() -> ModuleType:
    """The storage engine's connection module; it loads the driver, which may be missing from an install."""
    try:
        from factledger.storage.postgres import connection
    except ImportError as exc:  # a packaging mistake, not the person's: still a sentence
        raise UserError(
            "This FactLedger was installed without its PostgreSQL driver (psycopg); "
            "reinstall it to use team ledgers."
        ) from exc
    return connection


def _require_url(url: str) -> None:
    if not is_postgres_url(url):
        raise UserError(
            f"{redact_url(url)} is not a team ledger address: give one like postgresql://user@host:5432/dbname."
        )


def init_team_ledger(url: str) -> TeamLedger:
    """Make the database at `url` a team ledger (or bring one up to date) and set up its three roles."""
    _require_url(url)
    engine = _driver()
    from factledger.storage.postgres.migrations import ensure_schema
    from factledger.storage.postgres.roles import set_up_roles

    with engine.connect(url, autocommit=True) as conn:
        try:
            version, applied = ensure_schema(conn, url)
            setup = set_up_roles(conn, url)
        except engine.DriverError as exc:
            raise engine.work_sentence(exc, user=conn.info.user) from exc
    return TeamLedger(engine.where(url), version, tuple(applied), setup.created)


def add_team_user(url: str, name: str, role: str, *, password: str | None = None) -> bool:
    """Give `name` the team role `role` (reader, checker, editor); True when the login was created now."""
    _require_url(url)
    engine = _driver()
    from factledger.storage.postgres.migrations import schema_version
    from factledger.storage.postgres.roles import add_user

    with engine.connect(url, autocommit=True) as conn:
        try:
            schema_version(conn, url)
            created: bool = add_user(conn, url, name, role, password=password)
        except engine.DriverError as exc:
            raise engine.work_sentence(exc, user=conn.info.user) from exc
    return created


def open_team_store(url: str) -> PostgresStore:
    """The storage port over the team ledger at `url` (what `Ledger.open` uses for an address)."""
    _require_url(url)
    _driver()
    from factledger.storage.postgres.store import PostgresStore

    return PostgresStore.open(url)


FILE_ONLY_COMMANDS: dict[str, str] = {
    "backup": "its backups are the server's business: back it up with pg_dump (or the server's own backups)",
    "backups": "FactLedger keeps no backups of it: list the server's, made with pg_dump",
    "restore": "restore it on the server with pg_restore from a pg_dump backup",
    "salvage": "a damaged server database is repaired by its administrator (pg_dump what can be read)",
}
"""The commands that still work on ledger files only, with what to do instead on a team ledger."""


def file_only_refusal(ledger: str | None, command: str | None = None) -> str | None:
    """The sentence for a team ledger address given to a command that works on ledger files only (or to
    the app, which opens team ledgers in a later version); None when the command works on both."""
    if not is_postgres_url(ledger):
        return None
    where = redact_url(ledger or "")
    if command is None:
        return (
            f"{where} is a team ledger on a PostgreSQL server; the app does not open team ledgers yet. "
            "Use the command line (factledger --ledger URL COMMAND), or copy it into a file "
            "(factledger copy URL FILE.factledger)."
        )
    if command not in FILE_ONLY_COMMANDS:
        return None
    return (
        f"factledger {command} works on ledger files only and {where} is a team ledger on a PostgreSQL "
        f"server: {FILE_ONLY_COMMANDS[command]}."
    )


__all__ = [
    "FILE_ONLY_COMMANDS",
    "TEAM_ROLES",
    "TeamLedger",
    "add_team_user",
    "file_only_refusal",
    "init_team_ledger",
    "is_postgres_url",
    "open_team_store",
    "redact_url",
]
