"""The CLI writes a bug (never a person's mistake) with its traceback to the rotating log file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from factledger import cli, cli_commands
from factledger.core.logfile import log_file


@pytest.fixture
def factledger_logger() -> Iterator[logging.Logger]:
    """The `factledger` logger with whatever file handler a test adds removed again afterwards."""
    logger = logging.getLogger("factledger")
    before = list(logger.handlers)
    yield logger
    for handler in logger.handlers[:]:
        if handler not in before:
            handler.close()
            logger.removeHandler(handler)


def test_a_bug_in_a_command_is_logged_with_its_traceback_and_still_raised(
    ledger_path: Path, monkeypatch: pytest.MonkeyPatch, factledger_logger: logging.Logger
) -> None:
    """An exception no command expected reaches the log file with the failing frame, then the terminal."""

    def broken_info(ledger: object, args: object) -> int:
        raise ZeroDivisionError("info divided by nothing")

    monkeypatch.setattr(cli_commands, "info", broken_info)
    with pytest.raises(ZeroDivisionError):
        cli.main(["info", "--ledger", str(ledger_path)])
    for handler in factledger_logger.handlers:
        handler.flush()
    text = log_file().read_text(encoding="utf-8")
    assert "factledger info failed (a bug in FactLedger)" in text
    assert "Traceback (most recent call last)" in text and "broken_info" in text


def test_a_user_mistake_in_a_command_writes_no_log(
    ledger_path: Path, tmp_path: Path, factledger_logger: logging.Logger
) -> None:
    """A sentence for the person (a missing file to import) exits 2 and leaves the log file unwritten."""
    assert cli.main(["import", str(tmp_path / "nope.txt"), "--ledger", str(ledger_path)]) != 0
    assert not log_file().exists()
