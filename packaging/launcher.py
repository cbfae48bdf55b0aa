"""PyInstaller entry script: the frozen app starts here and runs the same `main` as `python -m factledger`."""

import sys

from factledger.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
