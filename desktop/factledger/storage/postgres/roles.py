"""The team's roles and what each may do, enforced by the server's grants and triggers.

Three group roles (PostgreSQL roles are server-wide, so every team ledger on a server shares them):

- `factledger_reader`: reads everything;
- `factledger_checker`: a reader who imports, triages, logs and edits facts, adds evidence and links, and
  sets statuses other than final verdicts (the schema's `claims_final_verdicts` trigger refuses those);
- `factledger_editor`: a checker who gives final verdicts (verified, false, partly true, disputed,
  unverifiable) and deletes facts and sources.

Each is a member of the one before, so an editor can do all a checker can. People are login roles that
are members of exactly one of them (`add_user`). Passwords are sent to the server already hashed
(SCRAM-SHA-256, computed by libpq), so they do not appear in the server's statement log either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import errors, sql

from factledger.domain import UserError

from .connection import where
from .schema import CHECKER_ROLE, EDITOR_ROLE, READER_ROLE

ROLES = {"reader": READER_ROLE, "checker": CHECKER_ROLE, "editor": EDITOR_ROLE}
"""The names `factledger team add-user --role` takes, and the server roles they stand for."""

_READ = (
    "sources",
    "originals",
    "claims",
    "evidence",
    "history",
    "links",
    "suggestions",
    "dismissed",
    "settings",
    "anchors",
    "timeline_counts",
    "factledger_schema",
    "facts",
    "claim_history",
)
_CHECKER_WRITES = {
    "sources": "INSERT, UPDATE",
    "originals": "INSERT, UPDATE",
    "claims": "INSERT, UPDATE",
    "suggestions": "INSERT, UPDATE, DELETE",
    "evidence": "INSERT, UPDATE, DELETE",
    "links": "INSERT, UPDATE, DELETE",
    "dismissed": "INSERT, UPDATE, DELETE",
    "anchors": "INSERT, UPDATE, DELETE",
    "settings": "INSERT, UPDATE, DELETE",
    "history": "INSERT",
}
_EDITOR_WRITES = {"claims": "DELETE", "sources": "DELETE", "originals": "DELETE"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-@]{0,62}$")


@dataclass(frozen=True, slots=True)
class TeamSetup:
    """What `set_up_roles` did: the roles created now (empty when they existed) and the database granted."""

    created: tuple[str, ...]
    database: str


def set_up_roles(conn: psycopg.Connection[Any], url: str) -> TeamSetup:
    """Create the three roles when missing and grant them their rights on this database's ledger."""
    try:
        return _set_up_roles(conn)
    except errors.InsufficientPrivilege as exc:
        raise _needs_createrole(conn, url) from exc


def _set_up_roles(conn: psycopg.Connection[Any]) -> TeamSetup:
    created: list[str] = []
    with conn.transaction():
        for role in (READER_ROLE, CHECKER_ROLE, EDITOR_ROLE):
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone() is None:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
                created.append(role)
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(READER_ROLE), sql.Identifier(CHECKER_ROLE))
        )
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(CHECKER_ROLE), sql.Identifier(EDITOR_ROLE))
        )
        database = str(conn.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
        reader = sql.Identifier(READER_ROLE)
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), reader))
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(_schema(conn), reader))
        for table in _READ:
            conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(sql.Identifier(table), reader))
        for table, rights in _CHECKER_WRITES.items():
            conn.execute(
                sql.SQL(f"GRANT {rights} ON {{}} TO {{}}").format(
                    sql.Identifier(table), sql.Identifier(CHECKER_ROLE)
                )
            )
        conn.execute(
            sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
                sql.Identifier("history_id_seq"), sql.Identifier(CHECKER_ROLE)
            )
        )
        for table, rights in _EDITOR_WRITES.items():
            conn.execute(
                sql.SQL(f"GRANT {rights} ON {{}} TO {{}}").format(
                    sql.Identifier(table), sql.Identifier(EDITOR_ROLE)
                )
            )
    return TeamSetup(tuple(created), database)


def _schema(conn: psycopg.Connection[Any]) -> sql.Identifier:
    return sql.Identifier(str(conn.execute("SELECT current_schema()").fetchone()[0]))  # type: ignore[index]


def _needs_createrole(
    conn: psycopg.Connection[Any], url: str, doing: str = "set up the team's roles"
) -> UserError:
    return UserError(
        f"{conn.info.user} may not {doing} on the server of {where(url)}: run this as the database's owner "
        "with the CREATEROLE right (or as the server's administrator). Nothing was changed."
    )


def add_user(conn: psycopg.Connection[Any], url: str, name: str, role: str, *, password: str | None) -> bool:
    """Make `name` a login role in exactly one team role; True when the login role was created now.

    An existing login role keeps its password unless a new one is given, and leaves its other team roles
    (so `add-user` also changes someone's role). A superuser or a team group role is never touched.
    """
    if role not in ROLES:
        raise UserError(f"{role!r} is not a team role: use reader, checker or editor.")
    if not _NAME.match(name) or name.lower().startswith("pg_") or name in ROLES.values():
        raise UserError(
            f"{name!r} cannot be a user name: use letters, digits, _ . - @ (not starting with a digit or pg_)."
        )
    hashed = None
    if password is not None:
        hashed = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
    who = sql.Identifier(name)
    with conn.transaction():
        found = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [name]).fetchone()
        if found is not None and found[0]:
            raise UserError(f"{name} is an administrator of the server; give the team roles to other users.")
        verb = sql.SQL("ALTER ROLE" if found is not None else "CREATE ROLE")
        statement = sql.SQL("{} {} LOGIN").format(verb, who)
        if hashed is not None:
            statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(hashed))
        try:
            conn.execute(statement)
            for other in ROLES.values():
                if other != ROLES[role]:
                    conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), who))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(ROLES[role]), who))
        except errors.UndefinedObject as exc:
            raise UserError(
                f"The team roles do not exist on the server of {where(url)} yet: run factledger team init first."
            ) from exc
        except errors.InsufficientPrivilege as exc:
            raise _needs_createrole(conn, url, "add people to the team") from exc
    return found is None


__all__ = ["ROLES", "TeamSetup", "add_user", "set_up_roles"]
