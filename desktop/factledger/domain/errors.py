"""The expected errors: something the user can act on, shown as a sentence, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class UserError(Exception):
    """A problem caused by input or circumstances the user controls (a bad file, a locked ledger).

    The message is a complete sentence a person can act on; the UI shows it and keeps going,
    the CLI prints it to stderr and exits non-zero.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class LedgerDamaged(UserError):
    """The file is a ledger whose pages or tables are broken: nothing may be written into it.

    A domain type (not a storage one) because the window and the CLI offer the way out (restore `backup`,
    save a salvage copy) whatever engine found the damage. `backup` is the newest backup that passed its
    check (None when there is none) so a caller can offer to restore it.
    """

    def __init__(self, message: str, *, path: Path, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class NeedsInit(UserError):
    """A database file without any table that FactLedger did not create: turning it into a ledger is asked first.

    A domain type because the window asks the person and opens again with `init=True`; no layer above
    storage needs to know which engine refused.
    """

    def __init__(self, message: str, *, path: Path) -> None:
        super().__init__(message)
        self.path = path
