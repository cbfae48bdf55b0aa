"""Opening the storage layer does not drag numpy and pandas into start-up, and leaves them importable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def test_storage_loads_sqlite_utils_without_numpy_or_pandas() -> None:
    """Importing storage and sqlite-utils loads neither numpy nor pandas; numpy still imports afterwards."""
    script = (
        "import sys\n"
        "import factledger.storage\n"
        "import sqlite_utils\n"
        "print('numpy' in sys.modules, 'pandas' in sys.modules)\n"
        "import numpy\n"  # still importable afterwards, for the charts
        "print(numpy.__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=DESKTOP,
        env={"PYTHONPATH": str(DESKTOP), "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.split() == ["False", "False", "numpy"]
