"""The per-input import loop shared by the command line and the window: failures stay one input's own."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from factledger import reading
from factledger.core import Ledger
from factledger.reading import ImportInput, expand_inputs


def _inputs(tmp_path: Path) -> list[ImportInput]:
    good = tmp_path / "good.md"
    good.write_text("# Good\n\nExports rose 4 percent in 2023, the ministry said.\n")
    deep = tmp_path / "deep.md"
    deep.write_text(
        "---\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n---\n\nImports fell 2 percent in 2022.\n"
    )
    os.mkfifo(tmp_path / "pipe.txt")
    late = tmp_path / "late.txt"
    late.write_text("Prices rose 3 percent in 2021, the office said.\n")
    return expand_inputs([str(good), str(deep), str(tmp_path / "pipe.txt"), "http://[::1/x", str(late)])


def test_window_import_work_gives_each_bad_input_its_own_line(tmp_path: Path) -> None:
    """The window's background import returns a failure sentence per bad input and imports the good ones."""
    from factledger.ui.import_flow import import_work

    ledger_path = tmp_path / "window.factledger"
    Ledger.open(ledger_path, actor="Test Reviewer").close()
    work = import_work(ledger_path, "Test Reviewer", _inputs(tmp_path))
    results = work(lambda done, total, label: None, lambda: False)
    assert [r.outcome for r in results] == ["imported", "imported", "failed", "failed", "imported"]
    assert "named pipe" in results[2].message and "web address" in results[3].message


def test_an_unforeseen_reader_error_fails_only_its_input(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception no reader anticipated becomes that input's failure sentence; the next input imports."""
    real = reading.read_input

    def flaky(item: ImportInput, **kwargs: Any) -> Any:
        if item.label == "deep.md":
            raise KeyError("xref")
        return real(item, **kwargs)

    monkeypatch.setattr(reading, "read_input", flaky)
    results = ledger.import_inputs(_inputs(tmp_path))
    assert [r.outcome for r in results] == ["imported", "failed", "failed", "failed", "imported"]
    assert "unexpected problem" in results[1].message and results[1].message.endswith(".")


def test_cancelling_while_a_long_input_is_read_skips_its_extraction(ledger: Ledger, tmp_path: Path) -> None:
    """A cancel that arrives while a long input is read is honoured before its extraction; nothing is stored."""
    long_text = tmp_path / "long.txt"
    long_text.write_text("Exports rose 4 percent in 2023, the ministry said.\n\n" * 6000)
    calls = iter([False, True])
    results = ledger.import_inputs(expand_inputs([str(long_text)]), cancelled=lambda: next(calls, True))
    assert results == []
    assert ledger.sources() == []


def test_cancelling_while_a_short_input_is_read_keeps_it(ledger: Ledger, tmp_path: Path) -> None:
    """A short input already being read when Cancel comes is finished and kept; the next one is not started."""
    calls = iter([False, True])
    results = ledger.import_inputs(_inputs(tmp_path), cancelled=lambda: next(calls, True))
    assert [r.outcome for r in results] == ["imported"]
    assert len(ledger.sources()) == 1
