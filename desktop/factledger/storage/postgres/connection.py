"""Connecting to a PostgreSQL ledger and turning the driver's errors into sentences.

Passwords come from libpq's own places (the URL, `~/.pgpass`, `PGPASSFILE`, service files, `PGPASSWORD`);
nothing here stores one. Every sentence names the server by its redacted URL or by host, port, database
and user, never with the password.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict

from factledger.domain import UserError

from .urls import redact_url

DriverError = psycopg.Error
"""Every error the driver raises; callers outside storage catch it by this name and never import psycopg."""
APPLICATION_NAME = "FactLedger"
CONNECT_TIMEOUT_SECONDS = 10
MIN_SERVER_VERSION = 150000
"""PostgreSQL 15: `UNIQUE NULLS NOT DISTINCT` keeps the timeline summary's one row per key."""


def parts_of(url: str) -> dict[str, str]:
    """host, port, dbname and user of a connection string, with libpq's defaults spelled out for sentences."""
    try:
        found = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    except psycopg.ProgrammingError as exc:
        raise UserError(f"{redact_url(url)} is not a PostgreSQL connection string: {exc}.") from exc
    found.pop("password", None)
    return found


def where(url: str) -> str:
    """'the database D on H:P' for sentences."""
    found = parts_of(url)
    host = found.get("host") or found.get("hostaddr") or "localhost"
    port = found.get("port") or "5432"
    database = found.get("dbname") or found.get("user") or "the default database"
    return f"the database {database} on {host}:{port}"


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection[Any]:
    """Open a connection, or raise a `UserError` saying why not (wrong host, refused, password, TLS ...)."""
    extra: dict[str, Any] = {"application_name": APPLICATION_NAME}
    if "connect_timeout" not in parts_of(url):
        extra["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    try:
        conn = psycopg.connect(url, autocommit=autocommit, **extra)
    except psycopg.Error as exc:
        raise connect_sentence(url, exc) from None
    if conn.info.server_version < MIN_SERVER_VERSION:
        version = conn.info.server_version
        conn.close()
        raise UserError(
            f"The server of {where(url)} runs PostgreSQL {version // 10000}; a team ledger needs "
            "PostgreSQL 15 or newer."
        )
    return conn


def connect_sentence(url: str, exc: BaseException) -> UserError:
    """The sentence for a failed connection attempt; libpq's own words come last, redacted."""
    text = str(exc).strip()
    lower = text.lower()
    found = parts_of(url)
    host = found.get("host") or "localhost"
    port = found.get("port") or "5432"
    user = found.get("user") or "your user name"
    place = where(url)
    if "could not translate host name" in lower or "name or service not known" in lower:
        return UserError(f"Cannot find the server {host}: check the host name in {redact_url(url)}.")
    if "connection refused" in lower:
        return UserError(
            f"The server {host} refused the connection on port {port}: is PostgreSQL running there and "
            "listening on that address?"
        )
    if "password authentication failed" in lower:
        return UserError(
            f"The server refused the password of {user} for {place}: check the password "
            "(or ~/.pgpass) and the user name."
        )
    if "no password supplied" in lower:
        return UserError(
            f"The server asks for a password of {user} for {place}: put it in ~/.pgpass "
            "(or PGPASSFILE), or type it when asked; it is never stored in FactLedger's settings."
        )
    if "ssl" in lower and ("does not support" in lower or "required" in lower or "not available" in lower):
        return UserError(
            f"A TLS connection to {host}:{port} was required but the server does not offer one: "
            "enable SSL on the server or change sslmode."
        )
    if "does not exist" in lower and "database" in lower:
        database = found.get("dbname") or user
        return UserError(
            f"There is no database {database} on {host}:{port}: create it first (createdb) or check its name."
        )
    if "pg_hba.conf" in lower:
        return UserError(
            f"The server {host} does not let {user} connect to {place} from here (pg_hba.conf): "
            "ask its administrator to allow it."
        )
    if "permission denied for database" in lower:
        return UserError(f"{user} may not connect to {place}: they are not a member of this team ledger.")
    if "timeout expired" in lower or "timed out" in lower:
        return UserError(
            f"The server {host}:{port} did not answer in time: check the address and the network."
        )
    return UserError(f"Cannot connect to {place}: {redact_url(text)}.")


def work_sentence(exc: psycopg.Error, *, user: str | None = None) -> UserError:
    """The sentence for an error while working on a connected ledger (refused by rights, lost connection)."""
    diag = getattr(exc, "diag", None)
    primary = (diag.message_primary if diag is not None else None) or str(exc).strip()
    who = user or "this user"
    if isinstance(exc, errors.InsufficientPrivilege):
        return UserError(f"Refused by the server: {redact_url(primary).rstrip('.')}. Nothing was changed.")
    if isinstance(exc, errors.RaiseException):  # the schema's own guards (append-only history, quotes)
        return UserError(f"Refused by the ledger: {redact_url(primary).rstrip('.')}. Nothing was changed.")
    if isinstance(exc, errors.UniqueViolation):  # two people saving the same thing at once
        return UserError(
            "Someone else saved the same thing a moment ago (the same article, suggestion or link), so "
            "nothing of this change was saved; try again to see theirs."
        )
    if isinstance(exc, errors.TransactionRollback):  # a deadlock or serialization failure
        return UserError(
            "This change collided with another person's change at the same moment and was rolled back "
            "whole; nothing of it was saved. Try again."
        )
    if isinstance(exc, psycopg.OperationalError):
        return UserError(
            f"The connection to the server was lost ({redact_url(primary).rstrip('.')}); the unfinished "
            "change was rolled back and nothing of it was saved."
        )
    return UserError(f"The server refused the work of {who}: {redact_url(primary).rstrip('.')}.")


__all__ = [
    "MIN_SERVER_VERSION",
    "DriverError",
    "connect",
    "connect_sentence",
    "parts_of",
    "where",
    "work_sentence",
]
