"""LedgerServices: the means to open ledgers and restore backups, handed to the UI by the composition root.

The UI never imports the storage-backed parts of core (`core.ledger`, `core.backups`) at runtime: `app.py`
builds these services from them and passes them in (and installs them as the default for parts built
without an explicit one). Background work on an open session needs only an opener, and without services
uses the engine of the session's own ledger (`worker_opener`). This keeps "ui never imports storage, even indirectly" true, and lets a second
storage engine plug in at one place. No Qt here, so tests and scripts can install the services cheaply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from factledger.core import Ledger
    from factledger.core.ledger import LedgerAddress


class OpenLedger(Protocol):
    """`Ledger.open`'s shape: a path, a team ledger's URL or an open ledger's `address` (None for the default
    ledger) and the keyword options. `password` is one typed into the app's prompt, for a team ledger."""

    def __call__(
        self,
        path: Path | str | LedgerAddress | None = None,
        *,
        actor: str | None = None,
        create: bool = True,
        init: bool = False,
        daily_backup: bool = True,
        password: str | None = None,
    ) -> Ledger: ...


RestoreBackup = Callable[..., "Path | None"]
"""`restore_backup(backup, path, *, damaged=False)`: puts a backup in the ledger's place; where the old went."""
SalvageCopy = Callable[[Path], tuple[Path, str]]
"""`salvage_copy(path)`: copies what can be read of a damaged ledger beside it; the copy and the method."""


@dataclass(frozen=True, slots=True)
class LedgerServices:
    """Everything the UI needs that touches a ledger file other than through an open `Ledger`.

    Attributes:
        open_ledger: opens a ledger (the window's own, a switched-to one, or a worker's connection).
        restore_backup: replaces a ledger file by one of its backups, keeping the old file aside.
        salvage_copy: saves what can be read of a damaged ledger into a new file beside it.
    """

    open_ledger: OpenLedger
    restore_backup: RestoreBackup
    salvage_copy: SalvageCopy


_installed: list[LedgerServices] = []


def install_services(services: LedgerServices) -> None:
    """Make `services` the default for UI parts built without explicit ones (the app does this at start)."""
    _installed[:] = [services]


def installed_services() -> LedgerServices:
    """The services the composition root installed; a missing install is a bug of whoever built the UI."""
    if not _installed:
        raise RuntimeError(
            "No LedgerServices installed: the composition root (factledger.app.ledger_services) "
            "must build them and call install_services before the UI opens a ledger."
        )
    return _installed[0]


def services_or_installed(services: LedgerServices | None) -> LedgerServices:
    """The services given to a UI part, else the installed default."""
    return services if services is not None else installed_services()


def worker_opener(services: LedgerServices | None, ledger: Ledger) -> OpenLedger:
    """How background work opens its own connection to `ledger` (given its `address`, never its displayed
    `location`, which for a team ledger is no way to connect): the given services' opener,
    else the engine of the ledger in hand (`type(ledger).open`), which the composition root chose when it
    opened that ledger. A chart or dialog built on a session (a benchmark, the self-check) needs no more."""
    return services.open_ledger if services is not None else type(ledger).open
