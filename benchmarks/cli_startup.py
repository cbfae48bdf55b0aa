"""Benchmark: how soon the command line answers, in fresh processes, against starting Python itself.

Run from the repo root: `PYTHONPATH=desktop .venv/bin/python benchmarks/cli_startup.py [--ledger PATH]
[--against OTHER/desktop]`.

Each sample is a new process, timed from launch to exit. Commands run through a tiny launcher that does what
the installed `factledger` script does (`from factledger.__main__ import main`), so the source tree's code is
measured whichever copy the virtual environment was installed from. Baseline: `python -c pass` with the same
interpreter and environment, interleaved with the measured commands so load on the machine hits both alike.
Bytecode caches are allowed (the first, untimed run writes them), as an installed copy has them.
Targets (issue: a CLI that starts at once): `--version` at most 1.5x the baseline; `search` on the 1M-fact
ledger at most 150 ms more than `--version` (medians from this one run).

`--against` also times `--version` and `search` with another source tree's `desktop` folder first on the
module path (say, a checkout of `main`), interleaved with this tree's runs: old and new code measured in one
run, under the same load, which separate runs on a shared machine cannot give.

Backups go to FACTLEDGER_HOME: the one set in the environment (reuse it across runs to keep the day's
backup), else a temporary folder. The first open of a day backs the ledger up (gigabytes for 1M facts);
that happens in the untimed first run, never in the person's own data folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bench import emit
from make_ledger import build_ledger

RUNS = 15
LAUNCH = "import sys; from factledger.__main__ import main; sys.argv[0] = 'factledger'; sys.exit(main())"


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Bytecode caches allowed, as an installed copy has them: without, every run would compile the sources."""


def _time_ms(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledger", type=Path)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument(
        "--against", type=Path, metavar="DIR", help="another source tree's desktop folder to time alongside"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**ENV, "FACTLEDGER_HOME": ENV.get("FACTLEDGER_HOME") or str(Path(tmp) / "home")}
        ledger = args.ledger
        if ledger is None:
            ledger = Path(tmp) / "startup.factledger"
            build_ledger(args.claims, ledger)
        commands = {
            "baseline": [sys.executable, "-c", "pass"],
            "version": [sys.executable, "-c", LAUNCH, "--version"],
            "help": [sys.executable, "-c", LAUNCH, "--help"],
            "search": [
                sys.executable,
                "-c",
                LAUNCH,
                "search",
                "unemployment",
                "--ledger",
                str(ledger),
                "--json",
            ],
        }
        envs = {name: env for name in commands}
        if args.against is not None:
            other = {**env, "PYTHONPATH": str(args.against.resolve())}
            for name in ("version", "search"):
                commands[f"{name} against"] = commands[name]
                envs[f"{name} against"] = other
        for name, argv in commands.items():  # warm the page cache and .pyc files once; the day's backup
            _time_ms(argv, envs[name])
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                times[name].append(_time_ms(argv, envs[name]))
    base = times["baseline"]
    version = statistics.median(times["version"])
    emit(
        "factledger --version, fresh process",
        times["version"],
        baseline=base,
        target="<= 1.5x python -c pass",
        met=version <= 1.5 * statistics.median(base),
    )
    emit(
        "factledger --help, fresh process",
        times["help"],
        baseline=base,
        note="imports the vocabularies only: no storage, readers or extractor",
    )
    search = statistics.median(times["search"])
    emit(
        "factledger search --json on the benchmark ledger, fresh process",
        times["search"],
        baseline=times["version"],
        target="<= --version + 150 ms",
        met=search <= version + 150,
        note=f"{search - version:.0f} ms more than --version",
    )
    if args.against is not None:
        old_version = statistics.median(times["version against"])
        old_search = statistics.median(times["search against"])
        emit(
            f"factledger search --json with {args.against}, same run",
            times["search against"],
            baseline=times["version against"],
            target="<= --version + 150 ms",
            met=old_search <= old_version + 150,
            note=f"{old_search - old_version:.0f} ms more than its --version; "
            f"this tree: {search - version:.0f} ms",
        )


if __name__ == "__main__":
    main()
