"""Where ledgers live by default (one file in the user's data folder) and where the log goes (platformdirs)."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "FactLedger"
DEFAULT_LEDGER_NAME = "ledger.factledger"


def default_ledger_path() -> Path:
    """`FACTLEDGER_HOME` overrides the data folder (tests, portable installs)."""
    override = os.environ.get("FACTLEDGER_HOME")
    base = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    return base / DEFAULT_LEDGER_NAME


def log_dir() -> Path:
    """The folder of the log file: the user's log folder, or `logs` in `FACTLEDGER_HOME` when that is set
    (tests and portable installs keep everything in one place, as the default ledger does)."""
    override = os.environ.get("FACTLEDGER_HOME")
    return Path(override) / "logs" if override else user_log_path(APP_NAME, appauthor=False)


def backups_root() -> Path:
    """Where backups go unless a ledger names its own folder: `FACTLEDGER_BACKUP_DIR`, else a `backups`
    folder in the user data folder, beside the default ledger (one subfolder per ledger)."""
    override = os.environ.get("FACTLEDGER_BACKUP_DIR")
    return Path(override).expanduser() if override else default_ledger_path().parent / "backups"


def default_reviewer() -> str:
    """Who history names when no reviewer name was set in the preferences."""
    name = os.environ.get("FACTLEDGER_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"
