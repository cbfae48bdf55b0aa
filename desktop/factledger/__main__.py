"""`python -m factledger` and the `factledger` command: the app without arguments, the CLI with them."""

from __future__ import annotations

import sys


def _open_app(ledger_path: str | None, argv: list[str]) -> int:
    from factledger.app import run_app

    return run_app(ledger_path=ledger_path, argv=argv)


def _selftest() -> int:
    from factledger.selftest import run_selftest

    return run_selftest()


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        # Answered before argparse and the CLI load: scripts ask this to probe the install, and it
        # should cost no more than starting Python (benchmarks/cli_startup.py).
        from factledger import __version__

        print(f"FactLedger {__version__}")
        return 0
    from factledger.cli import main as cli_main

    return cli_main(open_app=_open_app, selftest=_selftest)


if __name__ == "__main__":
    sys.exit(main())
