"""The window's code loads no storage engine of its own: app.py, the composition root, injects it.

import-linter sees static imports only; `factledger.core` hands out names lazily (PEP 562), so this test
imports every ui module in a fresh interpreter and looks at what actually got loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import factledger.ui

_PROBE = """
import json, pkgutil, importlib, sys
import factledger.ui as ui
names = [m.name for m in pkgutil.walk_packages(ui.__path__, "factledger.ui.")]
for name in names:
    importlib.import_module(name)
loaded = sorted(
    m for m in sys.modules
    if m.startswith("factledger.storage") or m.split(".")[0] in {"sqlite3", "sqlite_utils", "psycopg"}
)
print(json.dumps({"modules": len(names), "engine": loaded}))
"""


def test_importing_every_ui_module_loads_no_storage_engine() -> None:
    """Every ui module imports, and none of them pulls in storage, sqlite3, sqlite-utils or psycopg."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    package_root = Path(factledger.ui.__file__).parents[2]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package_root), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["modules"] > 30
    assert report["engine"] == []
