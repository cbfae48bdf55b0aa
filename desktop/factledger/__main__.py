"""`python -m factledger` and the `factledger` command: the app without arguments, the CLI with them."""

from __future__ import annotations

import sys


def main() -> int:
    from factledger.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
