"""`factledger copy SRC DST`: a whole ledger from a file to a team ledger on a server, or back.

A facade: which way to copy is decided here from the two addresses, the copying itself is
`storage.postgres.copying` (one transaction on the destination, rows unchanged). A file ledger written by
an older FactLedger is backed up before it is brought up to date, as when it is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from factledger.domain import UserError

from .team import _driver, is_postgres_url, redact_url

if TYPE_CHECKING:
    from factledger.storage.postgres.copying import CopyReport


def copy_ledger(source: str, destination: str) -> CopyReport:
    """Copy the ledger at `source` to `destination`: one is a ledger file, the other a postgresql:// URL."""
    from_server, to_server = is_postgres_url(source), is_postgres_url(destination)
    if from_server == to_server:
        both = "team ledgers on a server" if from_server else "ledger files"
        tool = "pg_dump and pg_restore" if from_server else "factledger backup, or copy the file"
        raise UserError(
            f"{redact_url(source)} and {redact_url(destination)} are both {both}: copy goes between a ledger file "
            f"and a team ledger. Use {tool} instead."
        )
    _driver()
    from factledger.storage.postgres.copying import postgres_to_sqlite, sqlite_to_postgres
    from factledger.storage.sqlite_store import migration_backup

    from .paths import backups_root

    if to_server:
        return sqlite_to_postgres(
            Path(source).expanduser(),
            destination,
            backup=migration_backup(backups_root),
        )
    return postgres_to_sqlite(source, Path(destination).expanduser())


__all__ = ["copy_ledger"]
