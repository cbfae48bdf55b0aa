"""The CSV fact sheet opened by a real spreadsheet: LibreOffice converts it and openpyxl reads the cells."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from factledger.domain.factsheet import CSV_COLUMNS
from factledger.exporting import write_csv

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

# What a person gets when opening the file: comma-separated, '"' quoted, UTF-8 (76), header line 1,
# default column types, English (US) number format (1033) so "-3.5" is a decimal number.
CSV_IMPORT = "CSV:44,34,76,1,,1033"

TRICKY_TEXT = {
    "statement": 'He said "no, never", then\nleft — café, naïve, 東京, 😀',
    "quote": "First line,\nsecond line with “curly” quotes",
    "unit": "€",
    "subject": "=1+1",
    "speaker": "+44 20 7946 0958",
    "period": "-5% on the year",
    "committer": "@SUM(A1:A9)",
    "action": "\tstarts with a tab",
    "status_reason": '=HYPERLINK("http://evil.example","click me")',
    "context": "-2+3",
}


def spreadsheet_cells(csv_path: Path, tmp_path: Path) -> list[list[openpyxl.cell.cell.Cell]]:
    """Convert `csv_path` with LibreOffice headless (private profile) and return the first sheet's rows."""
    out = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            f"--infilter={CSV_IMPORT}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(csv_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = out / (csv_path.stem + ".xlsx")
    assert converted.exists(), f"LibreOffice did not convert: {result.stdout} {result.stderr}"
    sheet = openpyxl.load_workbook(converted).worksheets[0]
    return [list(row) for row in sheet.iter_rows()]


@pytest.fixture(scope="module")
def converted(
    tmp_path_factory: pytest.TempPathFactory, make_row
) -> tuple[list, list[list[openpyxl.cell.cell.Cell]]]:
    """One conversion shared by the tests below: LibreOffice takes a second or two to start."""
    tmp_path = tmp_path_factory.mktemp("libreoffice")
    rows = [
        make_row(**TRICKY_TEXT, value=-3.5, amount=10_000_000_000.0),
        make_row(id="c-0002", statement="Plain", value=0.0000001, amount=-1200.25, evidence=()),
        make_row(id="c-0003", statement="No figure", value=None, amount=None),
    ]
    path = tmp_path / "facts.csv"
    write_csv(rows, path)
    return rows, spreadsheet_cells(path, tmp_path)


def test_header_row_is_the_column_names(converted) -> None:
    """The spreadsheet's first row is exactly the documented header (no stray BOM in A1)."""
    _rows, cells = converted
    assert tuple(cell.value for cell in cells[0]) == CSV_COLUMNS


def test_no_cell_becomes_a_formula(converted) -> None:
    """Every cell is a value: formula starters from user text stay text, shown with their apostrophe."""
    _rows, cells = converted
    kinds = {cell.data_type for row in cells for cell in row}
    assert "f" not in kinds
    by_name = dict(zip(CSV_COLUMNS, cells[1], strict=True))
    assert by_name["subject"].value == "'=1+1"
    assert by_name["subject"].data_type == "s"
    assert by_name["context"].value == "'-2+3"


def test_every_text_value_round_trips(converted) -> None:
    """Quotes with newlines, commas, double quotes, non-ASCII and emoji read back unchanged."""
    rows, cells = converted
    for row, sheet_row in zip(rows, cells[1:], strict=True):
        by_name = dict(zip(CSV_COLUMNS, sheet_row, strict=True))
        for name in CSV_COLUMNS:
            if name in ("value", "amount", "evidence"):
                continue
            original = getattr(row, name)
            got = by_name[name].value
            if original is None:
                assert got is None, name
            elif isinstance(got, dt.datetime):
                # LibreOffice recognises ISO dates; a date cell is the same value in a spreadsheet.
                assert got.date() == dt.date.fromisoformat(original), name
            else:
                expected = "'" + original if original[0] in "=+-@\t\r" else original
                assert got == expected, name


def test_numbers_stay_numbers_including_negative_ones(converted) -> None:
    """value and amount are numeric cells with the exact figures; missing ones are empty."""
    rows, cells = converted
    for row, sheet_row in zip(rows, cells[1:], strict=True):
        by_name = dict(zip(CSV_COLUMNS, sheet_row, strict=True))
        for name in ("value", "amount"):
            number = getattr(row, name)
            if number is None:
                assert by_name[name].value is None
            else:
                assert by_name[name].data_type == "n", name
                assert by_name[name].value == pytest.approx(number, rel=1e-15), name


def test_evidence_cell_reads_back_whole(converted) -> None:
    """The evidence summary with its curly quotes and URLs survives as one cell."""
    _rows, cells = converted
    by_name = dict(zip(CSV_COLUMNS, cells[1], strict=True))
    assert by_name["evidence"].value == (
        "supports: Joint statement <https://gov.example/joint> — “$550 billion”; "
        "contradicts: https://other.example/500bn (says $500 billion)"
    )
