"""The real app process under Xvfb opens a sample ledger and paints a non-blank main window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from factledger.core import Ledger
from factledger.reading import expand_inputs
from factledger.resources import sample_article_path

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_app_process_under_xvfb_saves_a_non_blank_screenshot(tmp_path: Path) -> None:
    """Given a ledger with the sample article, `python -m factledger --ledger PATH` shows it and grabs the window."""
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed")
    ledger_path = tmp_path / "sample.sqlite"
    with Ledger.open(ledger_path, actor="Test") as ledger:
        ledger.import_inputs(expand_inputs([sample_article_path()]))
        source_id = ledger.sources()[0].id
        for stored in ledger.suggestions(source_id)[:5]:
            ledger.accept(stored.id)
    shot = tmp_path / "shot.png"
    env = {
        **os.environ,
        "FACTLEDGER_SCREENSHOT": str(shot),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(REPO / "desktop"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    completed = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "factledger", "--ledger", str(ledger_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    image = QImage(str(shot))
    assert not image.isNull() and image.width() > 400 and image.height() > 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20
