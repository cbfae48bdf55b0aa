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
    from factledger.cli import main as cli_main

    return cli_main(open_app=_open_app, selftest=_selftest)


if __name__ == "__main__":
    sys.exit(main())
