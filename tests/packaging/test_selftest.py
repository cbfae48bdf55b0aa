"""The self-check `factledger --selftest`: passes on a good tree, names the failing step on a broken one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factledger import resources, selftest

REPO = Path(__file__).resolve().parents[2]


def test_selftest_passes_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """Given the checked-out resources, the self-check prints one OK line and returns 0."""
    assert selftest.run_selftest() == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("factledger selftest: OK (5 formats imported,")


def test_selftest_passes_as_a_command() -> None:
    """`python -m factledger --selftest` in a fresh process prints one OK line and exits 0."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop")}
    done = subprocess.run(
        [sys.executable, "-m", "factledger", "--selftest"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("factledger selftest: OK (")


def test_selftest_names_a_missing_sample_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When a bundle lost one sample variant, the self-check fails and says which format is missing."""
    sample = tmp_path / "sample"
    sample.mkdir()
    for _, name in selftest.SAMPLE_FILES:
        if not name.endswith(".pdf"):
            (sample / name).write_bytes((REPO / "resources" / "sample" / name).read_bytes())
    monkeypatch.setattr(selftest, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert selftest.run_selftest() == 1
    out = capsys.readouterr().out
    assert out.startswith("factledger selftest: FAILED: the bundled PDF sample is missing")


def test_selftest_fails_on_a_sample_without_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sample that imports but yields no suggestions is reported as a failure of that format."""
    sample = tmp_path / "sample"
    sample.mkdir()
    for _, name in selftest.SAMPLE_FILES:
        (sample / name).write_bytes((REPO / "resources" / "sample" / name).read_bytes())
    (sample / "sample-article.txt").write_text("Nothing here.\n", encoding="utf-8")
    monkeypatch.setattr(selftest, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert selftest.run_selftest() == 1
    assert "FAILED: the text sample imported without any suggestions" in capsys.readouterr().out


def test_every_sample_variant_is_bundled_beside_the_text() -> None:
    """The variants make_sample_variants.py writes are committed where resources_dir() finds them."""
    folder = resources.resources_dir() / "sample"
    assert [name for _, name in selftest.SAMPLE_FILES if not (folder / name).is_file()] == []
