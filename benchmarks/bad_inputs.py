"""The worst inputs for time and memory, each imported by `factledger import` in a fresh process.

Run from the repository root: `.venv/bin/python benchmarks/bad_inputs.py [--runs N] [--only NAME]`.
Cases: a 49 MB HTML page, a 49 MB text file, a 10 MB single line, 10 million short lines, 1.4 MB of numbers
only (with spaces, and comma-separated without any), 200 KB of nested Markdown brackets, and text dense with figures at the 4-million-character limit
(as paragraphs and as one line).
For each it prints the median wall time over the runs, the peak memory of the import process and the
line the command printed (imported, or refused with its sentence). A run that passes `--cap` seconds is
killed and reported as "≥ cap". `--code DIR` runs another source tree (a `desktop` folder), for a
before/after comparison with an older commit exported by `git archive`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench import emit

PARAGRAPH = (
    b"The ministry said exports rose 4.5 percent in 2023 to $12 billion, while imports fell 2 percent. "
    b"Officials expect growth of 3 percent by 2026, the report said.\n\n"
)


def _html_49mb() -> bytes:
    chunk = b"<p>" + PARAGRAPH + b"</p><div class='nav'><span>menu</span></div>\n"
    return (
        b"<html><head><title>Big</title></head><body><article>"
        + chunk * (49_000_000 // len(chunk))
        + b"</article></body></html>"
    )


def _numbers_only() -> bytes:
    return b"\n".join(
        b" ".join(b"%d" % ((i * 7919 + j * 104729) % 100000) for j in range(10)) for i in range(25_000)
    )


CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "html-49mb": (".html", _html_49mb),
    "text-49mb": (".txt", lambda: PARAGRAPH * (49_000_000 // len(PARAGRAPH))),
    "single-line-10mb": (
        ".txt",
        lambda: PARAGRAPH.replace(b"\n", b" ").replace(b". ", b", ") * (10_000_000 // len(PARAGRAPH)),
    ),
    "short-lines-10m": (".txt", lambda: b"a 1\n" * 10_000_000),
    "numbers-only-1.4mb": (".txt", _numbers_only),
    "numbers-no-spaces-1.4mb": (
        ".txt",
        lambda: b",".join(b"%d" % (i * 7919 % 1000003) for i in range(200_000))[:1_400_000],
    ),
    "nested-brackets-200kb": (".md", lambda: b"[" * 100_000 + b"]" * 100_000),
    "dense-figures-4m-chars": (".txt", lambda: PARAGRAPH * (3_990_000 // len(PARAGRAPH))),
    "single-line-4m-chars": (
        ".txt",
        lambda: PARAGRAPH.replace(b"\n", b" ") * (3_990_000 // len(PARAGRAPH)),
    ),
}


def run_once(path: Path, *, code: Path | None, cap: float) -> tuple[float, int, str]:
    """Seconds, peak RSS in MiB and the printed line of one `factledger import` of `path`."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "FACTLEDGER_HOME": folder, "PYTHONDONTWRITEBYTECODE": "1"}
        if code is not None:
            env["PYTHONPATH"] = str(code)
        started = time.perf_counter()
        ledger = str(Path(folder) / "l.factledger")
        process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, "--ledger", ledger, "import", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            output, errors = process.communicate(timeout=cap)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return cap, 0, f"killed after {cap:g} s"
        elapsed = time.perf_counter() - started
        peak = [int(line.split()[1]) for line in errors.decode().splitlines() if line.startswith("PEAK ")]
        lines = output.decode("utf-8", "replace").strip().splitlines()
        return elapsed, (peak[-1] // 1024 if peak else 0), (lines[-1] if lines else "")[:200]


# The import process reports its own peak memory as it exits.
_CHILD = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write(f'PEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n"
    "from factledger.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", action="append", default=[], choices=sorted(CASES))
    parser.add_argument("--cap", type=float, default=600.0, help="kill a run after this many seconds")
    parser.add_argument(
        "--code", type=Path, default=None, help="a `desktop` folder to run instead of this one"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only or list(CASES):
            suffix, build = CASES[name]
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(build())
            runs = [run_once(path, code=args.code, cap=args.cap) for _ in range(args.runs)]
            seconds = [r[0] for r in runs]
            capped = any(r[0] >= args.cap for r in runs)
            emit(
                f"bad input: {name}",
                seconds,
                unit="s",
                target="≤ 60 s with an answer",
                met=statistics.median(seconds) <= 60 and not capped,
                note=f"peak {max(r[1] for r in runs)} MiB; {runs[-1][2]}",
                stat="median" if not capped else f"≥ {args.cap:g} (killed)",
            )
            path.unlink()


if __name__ == "__main__":
    main()
