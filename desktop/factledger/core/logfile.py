"""The log file: a rotating `factledger.log` in the user's log folder (`paths.log_dir`).

The desktop app writes FactLedger's messages and every bug (with its traceback) there, so a person can attach
the file to a report (Help > Open log folder); the CLI writes only bugs, since it prints everything else.
Nothing here is imported at CLI start: `logging.handlers` loads when a handler is made.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .paths import log_dir

LOG_FILE_NAME = "factledger.log"
MAX_BYTES = 1_000_000
"""One file stays small enough to attach to a report; older text moves to factledger.log.1 … .3."""
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    """Where the log is written (in `FACTLEDGER_HOME`/logs under tests)."""
    return log_dir() / LOG_FILE_NAME


def attach_log_file(logger: logging.Logger, *, level: int) -> logging.Handler:
    """Add a rotating handler on the log file to `logger` (once per file: a second call returns the first).

    The handler opens the file on the first record (`delay`), so a run that logs nothing creates nothing.
    """
    from logging.handlers import RotatingFileHandler

    path = log_file()
    for existing in logger.handlers:
        if isinstance(existing, RotatingFileHandler) and Path(existing.baseFilename) == path.resolve():
            existing.setLevel(min(existing.level, level))
            return existing
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    return handler


def record_bug(error: BaseException, *, where: str) -> Path:
    """Write an unexpected exception with its traceback to the log file (the CLI's only use of the file)."""
    logger = logging.getLogger("factledger")
    attach_log_file(logger, level=logging.ERROR)
    logger.error("%s failed (a bug in FactLedger)", where, exc_info=(type(error), error, error.__traceback__))
    return log_file()
