"""Exports appear whole or not at all: cancel, a failing row source and bad targets never leave half files."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from factledger.domain import UserError
from factledger.domain.factsheet import FactSheetRow
from factledger.exporting import EXPORT_FORMATS, ExportCancelled, export

FORMATS = sorted(EXPORT_FORMATS)


def many_rows(make_row, count: int) -> Iterator[FactSheetRow]:
    for i in range(count):
        yield make_row(id=f"c-{i:05d}", source_id=f"s-{i // 100}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_mid_export_leaves_no_file(tmp_path: Path, make_row, fmt: str) -> None:
    """Cancelling after the first progress step raises ExportCancelled and leaves the folder empty."""
    target = tmp_path / f"facts.{fmt}"
    with pytest.raises(ExportCancelled) as raised:
        export(many_rows(make_row, 5000), target, fmt=fmt, cancelled=lambda: True)
    assert raised.value.rows_done == 1000
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_keeps_the_previous_file_intact(tmp_path: Path, make_row, fmt: str) -> None:
    """A cancelled export over an existing file leaves the old content byte for byte."""
    target = tmp_path / f"facts.{fmt}"
    target.write_bytes(b"the export from last week")
    calls = iter([False, True])
    with pytest.raises(ExportCancelled):
        export(many_rows(make_row, 5000), target, fmt=fmt, cancelled=lambda: next(calls))
    assert target.read_bytes() == b"the export from last week"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failing_row_source_leaves_no_temporary_file(tmp_path: Path, make_row, fmt: str) -> None:
    """An error while rows stream in propagates unchanged and cleans up the partial file."""

    def broken() -> Iterator[FactSheetRow]:
        yield from many_rows(make_row, 1500)
        raise RuntimeError("database went away")

    target = tmp_path / f"facts.{fmt}"
    target.write_text("old")
    with pytest.raises(RuntimeError, match="database went away"):
        export(broken(), target, fmt=fmt)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_successful_export_replaces_the_old_file(tmp_path: Path, make_row) -> None:
    """Only a complete export takes the target's place."""
    target = tmp_path / "facts.csv"
    target.write_text("old")
    assert export(many_rows(make_row, 3), target, fmt="csv") == 3
    assert target.read_text(encoding="utf-8-sig").startswith("id,kind,")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_replacing_keeps_the_old_files_permissions(tmp_path: Path, make_row) -> None:
    """A file someone made group-readable stays so after it is re-exported."""
    target = tmp_path / "facts.csv"
    target.write_text("old")
    target.chmod(0o640)
    export(many_rows(make_row, 1), target, fmt="csv")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_missing_folder_is_a_user_error(tmp_path: Path, make_row) -> None:
    """Exporting into a folder that does not exist says so in a sentence."""
    with pytest.raises(UserError, match="does not exist"):
        export(many_rows(make_row, 1), tmp_path / "nowhere" / "facts.csv", fmt="csv")


def test_a_folder_as_target_is_a_user_error(tmp_path: Path, make_row) -> None:
    """Choosing a folder instead of a file name is explained, and the folder is untouched."""
    with pytest.raises(UserError, match="is a folder"):
        export(many_rows(make_row, 1), tmp_path, fmt="csv")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_without_write_permission_is_a_user_error(
    tmp_path: Path, make_row, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the user cannot write to is explained, not a traceback (simulated: tests may run as root)."""

    def denied(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("factledger.exporting.atomic.os.open", denied)
    with pytest.raises(UserError, match="Cannot write to the folder"):
        export(many_rows(make_row, 1), tmp_path / "facts.csv", fmt="csv")
