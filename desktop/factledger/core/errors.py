"""Errors as the core's callers meet them: the domain's expected errors, and the sentence for an engine's.

`LedgerDamaged` and `NeedsInit` are domain types; `user_error_for` asks the storage engine (SQLite today)
whether an exception that escaped a read is one of its own, so the CLI and the window name it in a sentence
without importing an adapter.
"""

from __future__ import annotations

from pathlib import Path

from factledger.domain import LedgerDamaged, NeedsInit, UserError


def user_error_for(exc: BaseException, path: Path) -> UserError | None:
    """The sentence for a storage error that escaped a read of the ledger at `path` (a damaged page found
    mid-listing, a lock); None for anything else, which stays a bug to report."""
    from factledger.storage.errors import user_error_for as engine_sentence

    return engine_sentence(exc, path)


__all__ = ["LedgerDamaged", "NeedsInit", "user_error_for"]
