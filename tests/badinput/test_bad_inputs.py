"""Hundreds of hostile inputs through `factledger import`: one sentence each, no traceback, nothing lost.

Each test imports a batch of bad inputs between good ones into a ledger that already holds sources, then
checks the exit code, one line per input with the expected outcome and a sentence, no "Traceback" on
either stream, `PRAGMA integrity_check`, and that every source imported before is still there. The
subprocess timeout is a hang detector only (generous, never a speed claim: speed is in benchmarks/).
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import kinds, server
from .kinds import Case

HANG = 900  # seconds: far above any honest run on a busy two-core machine; only a hang reaches it
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _label(case: Case) -> str:
    """The name the command prints for a case: its file name or URL, made printable as the CLI does."""
    text = case.label
    return _CONTROL.sub("\ufffd", text)


def _cli(ledger: Path, *args: str, timeout: float = HANG) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "factledger", "--ledger", str(ledger), *args],
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, set[str]]:
    """A ledger holding two sources before any bad input arrives, and their ids."""
    ledger = tmp_path / "seeded.factledger"
    first = tmp_path / "seed-first.md"
    second = tmp_path / "seed-second.txt"
    first.write_text("# Seed\n\nThe agency said wages rose 3.1 percent in 2021.\n")
    second.write_text("The council promised to build 400 homes by 2027, the mayor said.\n")
    result = _cli(ledger, "import", str(first), str(second))
    assert result.returncode == 0, result.stderr.decode()
    return ledger, _source_ids(ledger)


def _source_ids(ledger: Path) -> set[str]:
    with sqlite3.connect(ledger) as db:
        return {row[0] for row in db.execute("SELECT id FROM sources")}


def _integrity(ledger: Path) -> str:
    with sqlite3.connect(ledger) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def check_batch(ledger: Path, before: set[str], cases: list[Case], lines: list[str], output: str) -> None:
    """The shared assertions: a line per input in order, outcome and sentence as expected, nothing lost."""
    assert "Traceback" not in output, output[-4000:]
    assert len(lines) == len(cases), "\n".join(lines[-20:])
    problems = []
    for case, line in zip(cases, lines, strict=True):
        word, _, rest = line.partition(": ")
        if _label(case) not in line:
            problems.append(f"{case.kind}: line does not name the input: {line[:300]!r}")
        # Two made-up inputs with one title and sender are versions of one story: stored all the same.
        stored = "imported" if word == "new version" else word
        if case.outcome is not None and stored != case.outcome:
            problems.append(f"{case.kind}: expected {case.outcome}, got {line[:300]!r}")
        if word == "failed":
            if not re.search(r"[.)]$", rest.strip()):
                problems.append(f"{case.kind}: failure is not a sentence: {line[:300]!r}")
            if case.says and case.says.lower() not in rest.lower():
                problems.append(f"{case.kind}: sentence lacks {case.says!r}: {line[:300]!r}")
        elif stored not in ("imported", "duplicate"):
            problems.append(f"{case.kind}: unexpected line {line[:300]!r}")
    assert not problems, "\n".join(problems)
    assert _integrity(ledger) == "ok"
    assert before <= _source_ids(ledger)


def _run_batch(ledger: Path, before: set[str], cases: list[Case], tmp_path: Path) -> None:
    good_last = tmp_path / "good-last.md"
    good_last.write_text("# Last\n\nThe port handled 12 million containers in 2023, the authority said.\n")
    everything = [*cases, Case("good-last", str(good_last), "imported")]
    args = [os.fsencode(c.arg) if "://" not in c.arg else c.arg.encode() for c in everything]
    result = subprocess.run(
        [
            os.fsencode(sys.executable),
            b"-m",
            b"factledger",
            b"--ledger",
            os.fsencode(ledger),
            b"import",
            *args,
        ],
        capture_output=True,
        timeout=HANG,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    out = result.stdout.decode("utf-8", "replace")
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == (1 if any(c.outcome != "imported" for c in cases) else 0), err[-3000:]
    check_batch(ledger, before, everything, out.splitlines(), out + err)


@pytest.fixture
def file_cases(tmp_path: Path) -> list[Case]:
    folder = tmp_path / "inputs"
    folder.mkdir()
    cases: list[Case] = []
    for builder in kinds.FILE_BUILDERS:
        part = folder / builder.__name__
        part.mkdir()
        cases.extend(builder(part))
    return cases


def test_every_file_kind_fails_alone_with_a_sentence(
    seeded: tuple[Path, set[str]], file_cases: list[Case], tmp_path: Path
) -> None:
    """Every hostile file kind in one `import` answers with its own line, and the good file after them imports."""
    ledger, before = seeded
    _run_batch(ledger, before, file_cases, tmp_path)


def test_malformed_addresses_fail_alone(seeded: tuple[Path, set[str]], tmp_path: Path) -> None:
    """Addresses urllib cannot parse (bad IPv6, long labels, bad ports) are one failed line each."""
    ledger, before = seeded
    _run_batch(ledger, before, kinds.urls_without_server(), tmp_path)


def test_misbehaving_server_kinds_fail_alone(seeded: tuple[Path, set[str]], tmp_path: Path) -> None:
    """Errors, redirects, images, short bodies, resets and broken HTTP from a local server: one line each."""
    ledger, before = seeded
    with server.serving() as base:
        _run_batch(ledger, before, server.url_cases(base, server.ROUTES), tmp_path)


@pytest.mark.slow
def test_dripping_servers_end_at_the_deadline(
    seeded: tuple[Path, set[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Servers that drip bytes forever (headers, body with and without length, chunked) or never answer end
    at the overall deadline with a sentence; run through the CLI entry in-process so the deadline can be short."""
    from factledger import cli
    from factledger.reading import fetch

    ledger, before = seeded
    monkeypatch.setattr(fetch, "DEADLINE", 3.0)
    monkeypatch.setattr(fetch, "READ_TIMEOUT", 2.0)
    with server.serving() as base:
        cases = [
            *server.url_cases(base, server.SLOW_ROUTES),
            Case("http-ok-after", base + "/ok.html", "imported"),
        ]
        code = cli.main(["--ledger", str(ledger), "import", *(c.arg for c in cases)])
    captured = capsys.readouterr()
    assert code == 1
    check_batch(ledger, before, cases, captured.out.splitlines(), captured.out + captured.err)


def test_folders_holding_fifos_and_loops_import_the_rest(
    seeded: tuple[Path, set[str]], tmp_path: Path
) -> None:
    """A folder with a FIFO, a symlink loop and a device link among good files imports the good ones."""
    ledger, before = seeded
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Rents rose 7 percent in 2022, the survey found.\n")
    os.mkfifo(folder / "b-pipe.txt")
    os.symlink("c-loop.md", folder / "c-loop.md")
    os.symlink("/dev/zero", folder / "d-zero.txt")
    (folder / "e-good.md").write_text("Bus fares fell 5 percent in 2020, the operator said.\n")
    result = _cli(ledger, "import", str(folder))
    out = result.stdout.decode()
    assert result.returncode == 1
    assert "Traceback" not in out + result.stderr.decode()
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "imported",
        "failed",
        "failed",
        "failed",
        "imported",
    ]
    assert _integrity(ledger) == "ok" and before <= _source_ids(ledger)


def test_non_utf8_name_between_good_files_imports_all_three(tmp_path: Path) -> None:
    """The issue's reproduction: good1.md, a name with bytes \\xff\\xfe, good2.md gives three sources."""
    for name, words in (
        (b"good1.md", b"Exports rose 1 percent."),
        (b"bad_\xff\xfe.txt", b"Imports fell 2 percent."),
        (b"good2.md", b"Prices rose 3 percent."),
    ):
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
            handle.write(words)
    ledger = tmp_path / "l.factledger"
    result = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"factledger",
            b"--ledger",
            os.fsencode(ledger),
            b"import",
            os.path.join(os.fsencode(tmp_path), b"good1.md"),
            os.path.join(os.fsencode(tmp_path), b"bad_\xff\xfe.txt"),
            os.path.join(os.fsencode(tmp_path), b"good2.md"),
        ],
        capture_output=True,
        timeout=HANG,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert len(_source_ids(ledger)) == 3
    assert "bad_\ufffd\ufffd.txt" in result.stdout.decode("utf-8", "replace")


def test_the_kinds_number_at_least_two_hundred(file_cases: list[Case]) -> None:
    """The suite tries at least 200 distinct kinds of bad input (files, names, addresses, server faults)."""
    total = (
        len(file_cases)
        + len(kinds.urls_without_server())
        + len(server.ROUTES)
        + len(server.SLOW_ROUTES)
        + len(HEAVY)
        + 2  # the folder of special files and the non-UTF-8 reproduction
    )
    assert len({c.kind for c in file_cases}) == len(file_cases)
    assert total >= 200, total


# --- heavy inputs: the worst cases for time and memory --------------------------------------------------

HEAVY: tuple[tuple[str, str, str | None], ...] = (
    ("text-49mb", ".txt", "million characters"),
    ("html-49mb", ".html", "million characters"),
    ("single-line-10mb", ".txt", None),
    ("short-lines-10m", ".txt", "million characters"),
    ("numbers-only-1.4mb", ".txt", None),
    ("nested-brackets-200kb", ".md", None),
    ("over-50mb", ".txt", "more than the 50 MB"),
)


def _heavy_bytes(kind: str) -> Iterator[bytes]:
    paragraph = (
        b"The ministry said exports rose 4.5 percent in 2023 to $12 billion, while imports fell 2 percent. "
        b"Officials expect growth of 3 percent by 2026, the report said.\n\n"
    )
    if kind == "text-49mb":
        yield paragraph * (49_000_000 // len(paragraph))
    elif kind == "html-49mb":
        chunk = b"<p>" + paragraph + b"</p><div><span>menu</span></div>\n"
        yield b"<html><body><article>" + chunk * (49_000_000 // len(chunk)) + b"</article></body></html>"
    elif kind == "single-line-10mb":
        yield paragraph.replace(b"\n", b" ").replace(b". ", b", ") * (10_000_000 // len(paragraph))
    elif kind == "short-lines-10m":
        yield b"a 1\n" * 10_000_000
    elif kind == "numbers-only-1.4mb":
        yield b"\n".join(
            b" ".join(b"%d" % ((i * 7919 + j * 104729) % 100000) for j in range(10)) for i in range(25_000)
        )
    elif kind == "nested-brackets-200kb":
        yield b"[" * 100_000 + b"]" * 100_000
    elif kind == "over-50mb":
        yield b"x " * (26 * 1024 * 1024)


@pytest.mark.slow
def test_the_worst_inputs_end_with_a_sentence(seeded: tuple[Path, set[str]], tmp_path: Path) -> None:
    """49 MB text and HTML, a 10 MB line, 10 million lines, numbers only and bracket storms each end with an
    answer (imported, or refused by a stated limit) instead of running for many minutes."""
    ledger, before = seeded
    cases = []
    for kind, suffix, says in HEAVY:
        path = tmp_path / f"{kind}{suffix}"
        with path.open("wb") as handle:
            for block in _heavy_bytes(kind):
                handle.write(block)
        cases.append(Case(kind, str(path), "failed" if says else None, says))
    _run_batch(ledger, before, cases, tmp_path)
