"""The command line loads only what a command uses: query commands start without readers or the extractor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "trafilatura",
    "lxml",
    "pandas",
    "numpy",
    "pypdf",
    "docx",
    "factledger.reading",
    "factledger.extraction",
)
"""Packages a query must not load: readers, the extractor and what sqlite-utils would pull in unasked."""

PROBE = """
import json, sys
from factledger.__main__ import main
sys.argv = ["factledger", *json.loads(sys.argv[1])]
try:
    code = main()
except SystemExit as done:
    code = done.code
loaded = sorted(name for name in sys.modules if any(name == h or name.startswith(h + ".") for h in HEAVY))
print("LOADED " + json.dumps(loaded), file=sys.stderr)
"""


UNUSED_BY_QUERIES = (
    "factledger.core.operations",
    "factledger.core.edits",
    "factledger.core.series",
    "factledger.core.related",
)
"""Core modules a query never calls (edit factories, chart series, relations): `Ledger` loads them on first use."""


def loaded_after(*argv: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """Runs one CLI command in a fresh interpreter and returns the `heavy` modules it had loaded at exit."""
    script = f"HEAVY = {heavy!r}\n" + PROBE
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(list(argv))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    marker = [line for line in result.stderr.splitlines() if line.startswith("LOADED ")]
    assert marker, result.stderr
    loaded: list[str] = json.loads(marker[-1].removeprefix("LOADED "))
    return loaded


def test_version_loads_nothing_heavy() -> None:
    """`--version` answers before the CLI, the ledger or any reader is imported."""
    assert loaded_after("--version") == []


def test_help_loads_nothing_heavy() -> None:
    """`--help` builds the parser from the vocabularies alone."""
    assert loaded_after("--help") == []


@pytest.mark.parametrize(
    "command", [["info", "--json"], ["search", "toyota", "--json"], ["claims", "--json"]]
)
def test_query_commands_load_no_reader_or_extractor(tmp_path: Path, command: list[str]) -> None:
    """Commands that only read the ledger start without trafilatura, lxml, pandas or the extraction patterns."""
    ledger = tmp_path / "queries.factledger"
    assert loaded_after(*command, "--ledger", str(ledger)) == []


def test_import_still_loads_the_readers_it_needs(tmp_path: Path) -> None:
    """The probe can fail: an import command does load the readers and the extractor."""
    article = tmp_path / "a.txt"
    article.write_text("Toyota committed to invest another $10 billion in 2025.\n", encoding="utf-8")
    loaded = loaded_after("import", str(article), "--ledger", str(tmp_path / "l.factledger"))
    assert "factledger.reading" in loaded
    assert "factledger.extraction" in loaded


@pytest.mark.parametrize(
    "command", [["info", "--json"], ["search", "toyota", "--json"], ["claims", "--json"]]
)
def test_query_commands_load_no_edit_or_chart_code(tmp_path: Path, command: list[str]) -> None:
    """A query starts without the edit factories, the chart series or the relations it never calls."""
    ledger = tmp_path / "queries.factledger"
    assert loaded_after(*command, "--ledger", str(ledger), heavy=UNUSED_BY_QUERIES) == []


def test_a_change_still_loads_the_edit_factories(tmp_path: Path) -> None:
    """The probe can fail: a command that changes the ledger loads the edit factories when it runs."""
    loaded = loaded_after(
        "delete", "no-such-fact", "--ledger", str(tmp_path / "l.factledger"), heavy=UNUSED_BY_QUERIES
    )
    assert "factledger.core.operations" in loaded
    assert "factledger.core.edits" in loaded
