"""Loads sqlite-utils without the pandas and numpy support FactLedger never uses, keeping both out of start-up.

sqlite-utils imports pandas and numpy, whenever they are installed, only to map their scalar types (numpy
integers and floats, `pandas.Timestamp`) to column types. FactLedger writes plain Python values, yet those
two imports were most of the time to the first window: ~90 ms for numpy and another ~150 ms for pandas where
it is installed (every development environment). Hiding them while sqlite-utils loads leaves that mapping
out; afterwards both import normally for whoever needs them (the charts, tests, scripts).
"""

from __future__ import annotations

import sys

UNUSED_OPTIONAL = ("pandas", "numpy")
"""Packages sqlite-utils imports if it can, whose types no FactLedger write ever carries."""


def load_sqlite_utils() -> None:
    """Import sqlite-utils once, with `UNUSED_OPTIONAL` hidden unless something already imported them.

    A `None` entry in `sys.modules` makes `import` raise `ModuleNotFoundError`, the case sqlite-utils handles
    by going without. Storage is imported at start-up on the main thread, before any worker thread exists.
    """
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in UNUSED_OPTIONAL if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


load_sqlite_utils()
