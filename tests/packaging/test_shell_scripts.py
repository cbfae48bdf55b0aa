"""The build and CI scripts run under `set -euo pipefail` on machines we never see.

A pipe into a reader that stops early (`head`, `grep -q`) makes the writer die of SIGPIPE, and pipefail
turns that into a failed build, but only when the writer is still writing: a race that passes on one
machine and fails on the next. These checks keep such pipes out of every script that sets pipefail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(
    [ROOT / ".ci" / "run", *ROOT.glob("packaging/**/*.sh"), ROOT / "packaging" / "linux" / "factledger-open"]
)
EARLY_READER = re.compile(r"\|\s*(head\b|grep\s+(-\w*[qm]\w*)\b|sed\s+-n\s+['\"]?\d+q)")


def _code_lines(script: Path) -> list[tuple[int, str]]:
    lines = script.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if not line.lstrip().startswith("#")]


def _sets_pipefail(script: Path) -> bool:
    return any("pipefail" in line for _, line in _code_lines(script))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_script_parses(script: Path) -> None:
    """Each build and CI script is valid bash."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    result = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "script", [s for s in SCRIPTS if _sets_pipefail(s)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_early_closing_reader_under_pipefail(script: Path) -> None:
    """No build or CI script pipes into a reader that quits early while pipefail can fail the build."""
    offending = [
        f"{script.name}:{n}: {line.strip()}"
        for n, line in _code_lines(script)
        # Inside `sh -c '...'` there is no pipefail, so the pipe cannot fail the script.
        if EARLY_READER.search(line) and "sh -c" not in line and not line.lstrip().startswith("'")
    ]
    assert not offending, "pipe into a reader that quits early:\n" + "\n".join(offending)


def test_the_guard_catches_the_pipe_that_broke_a_build() -> None:
    """The guard flags the pipes into `head` and `grep -q` that broke a build and passes one into `awk`."""
    assert EARLY_READER.search("GLIBC=$(ldd --version | head -n1 | grep -oE 'x')")
    assert EARLY_READER.search("dpkg-query -W p | grep -q 'install ok installed' || x")
    assert not EARLY_READER.search("grep -oE '=> /[^ ]+' <<<\"$x\" | awk '{print $2}' | sort -u")
