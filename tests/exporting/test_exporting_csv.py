"""The CSV fact sheet read back by Python's csv module and by pandas: values, quoting, numbers, safety."""

from __future__ import annotations

import csv
import dataclasses
import io
import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factledger.domain.factsheet import CSV_COLUMNS, FactSheetRow
from factledger.exporting import csv_cells, write_csv

TEXT_COLUMNS = [name for name in CSV_COLUMNS if name not in ("value", "amount", "evidence")]
TRICKY = {
    "statement": 'He said "no", then\nleft, the café — 😀',
    "quote": 'Line one,\nline two with “curly” and "straight" quotes\r\nand a CRLF',
    "unit": "€",
    "subject": "=1+1",
    "speaker": "+44 20 7946 0958",
    "period": "-5% on the year",
    "committer": "@everyone",
    "action": "\tindented",
    "status_reason": "\rcarriage",
    "context": '=HYPERLINK("http://evil.example","click")',
}


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_text(value: str | None) -> str:
    """What a text cell must read back as: the value, with an apostrophe if it could start a formula."""
    if value is None:
        return ""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def test_header_is_the_documented_column_order(tmp_path: Path, make_row) -> None:
    """The first line names exactly CSV_COLUMNS, in order."""
    path = tmp_path / "facts.csv"
    write_csv([make_row()], path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == CSV_COLUMNS


def test_cells_follow_the_row_fields_of_the_same_name(make_row) -> None:
    """Each cell sits under the column named after the FactSheetRow field it comes from."""
    values = {name: f"v-{name}" for name in TEXT_COLUMNS}
    cells = dict(
        zip(CSV_COLUMNS, csv_cells(make_row(**values, value=1.5, amount=2.5, evidence=())), strict=True)
    )
    assert {name: cells[name] for name in TEXT_COLUMNS} == values
    assert (cells["value"], cells["amount"], cells["evidence"]) == ("1.5", "2.5", "")


def test_csv_columns_are_the_leading_fields_of_the_row_type() -> None:
    """CSV_COLUMNS and FactSheetRow cannot drift apart."""
    names = tuple(field.name for field in dataclasses.fields(FactSheetRow))
    assert names[: len(CSV_COLUMNS)] == CSV_COLUMNS


def test_tricky_text_round_trips_through_the_csv_module(tmp_path: Path, make_row) -> None:
    """Newlines, commas, quotes, non-ASCII and emoji come back; formula starters gain an apostrophe."""
    row = make_row(**TRICKY)
    path = tmp_path / "facts.csv"
    assert write_csv([row], path) == 1
    [back] = read_rows(path)
    for name in TEXT_COLUMNS:
        assert back[name] == expected_text(getattr(row, name)), name


def test_file_is_utf8_with_bom_and_crlf_records_by_default(tmp_path: Path, make_row) -> None:
    """Excel needs the BOM to pick UTF-8; RFC 4180 wants CRLF between records; inner newlines stay LF."""
    path = tmp_path / "facts.csv"
    write_csv([make_row(quote="a\nb")], path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,kind,")
    assert data.endswith(b"\r\n")
    assert b'"a\nb"' in data


def test_bom_can_be_switched_off(tmp_path: Path, make_row) -> None:
    """Tools that choke on a BOM get plain UTF-8."""
    path = tmp_path / "facts.csv"
    write_csv([make_row()], path, bom=False)
    assert path.read_bytes().startswith(b"id,kind,")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (10_000_000_000.0, "10000000000"),
        (-3.5, "-3.5"),
        (1e-7, "0.0000001"),
        (1.5e20, "150000000000000000000"),
        (0.1, "0.1"),
        (-0.0, "0"),
        (float("nan"), ""),
        (float("inf"), ""),
        (None, ""),
    ],
)
def test_numbers_are_written_positionally_and_unneutralized(value: float | None, cell: str, make_row) -> None:
    """Numeric columns never use exponents and a negative number keeps its minus sign unescaped."""
    cells = dict(zip(CSV_COLUMNS, csv_cells(make_row(value=value, amount=value)), strict=True))
    assert (cells["value"], cells["amount"]) == (cell, cell)


def test_negative_numbers_are_not_quoted_in_the_file(tmp_path: Path, make_row) -> None:
    """A real negative figure is a bare number in the file, not text."""
    path = tmp_path / "facts.csv"
    write_csv([make_row(value=-3.5, amount=-1200.25)], path)
    line = path.read_text(encoding="utf-8-sig").splitlines()[1]
    assert ",-3.5," in line and ",-1200.25," in line


def test_evidence_is_one_readable_cell(tmp_path: Path, make_row) -> None:
    """Each piece of evidence names its stance and where it points, separated by semicolons."""
    path = tmp_path / "facts.csv"
    write_csv([make_row()], path)
    [back] = read_rows(path)
    assert back["evidence"] == (
        "supports: Joint statement <https://gov.example/joint> — “$550 billion”; "
        "contradicts: https://other.example/500bn (says $500 billion)"
    )


def test_pandas_reads_numbers_as_floats_and_text_verbatim(tmp_path: Path, make_row) -> None:
    """pandas sees value/amount as float64 (negatives included) and every text cell unchanged."""
    rows = [
        make_row(**TRICKY, value=-3.5, amount=10_000_000_000.0),
        make_row(id="c-0002", value=None, amount=0.25),
        make_row(id="c-0003", value=1e-7, amount=None),
    ]
    path = tmp_path / "facts.csv"
    write_csv(rows, path)
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert frame["value"].dtype == "float64" and frame["amount"].dtype == "float64"
    assert frame["value"][0] == -3.5 and math.isnan(frame["value"][1]) and frame["value"][2] == 1e-7
    assert frame["amount"].tolist()[:2] == [10_000_000_000.0, 0.25]
    text = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for name in TEXT_COLUMNS:
        assert text[name].tolist() == [expected_text(getattr(row, name)) for row in rows], name


def test_progress_is_reported_with_counts_and_once_at_the_end(tmp_path: Path, make_row) -> None:
    """A progress bar gets the running count every 1000 rows and the exact total last."""
    seen: list[int] = []
    count = write_csv((make_row(id=f"c-{i}") for i in range(2500)), tmp_path / "f.csv", progress=seen.append)
    assert count == 2500
    assert seen == [1000, 2000, 2500]


def test_rows_are_consumed_as_they_are_written(tmp_path: Path, make_row) -> None:
    """The writer pulls rows lazily: at the first progress call it has not read ahead of what it wrote."""
    pulled = 0

    def rows() -> Iterator[FactSheetRow]:
        nonlocal pulled
        for i in range(3000):
            pulled += 1
            yield make_row(id=f"c-{i}")

    pulled_at_progress: list[int] = []
    write_csv(rows(), tmp_path / "f.csv", progress=lambda _count: pulled_at_progress.append(pulled))
    assert pulled_at_progress[0] == 1000


def test_an_empty_selection_writes_just_the_header(tmp_path: Path) -> None:
    """No rows still gives a valid CSV a spreadsheet can open."""
    path = tmp_path / "facts.csv"
    assert write_csv([], path) == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + ",".join(CSV_COLUMNS).encode() + b"\r\n"


texts = st.text(max_size=40)
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    statement=texts,
    quote=texts,
    unit=st.none() | texts,
    speaker=st.none() | texts,
    context=st.none() | texts,
    value=numbers,
    amount=numbers,
)
def test_any_text_and_number_round_trips(
    tmp_path: Path,
    make_row,
    statement: str,
    quote: str,
    unit: str | None,
    speaker: str | None,
    context: str | None,
    value: float | None,
    amount: float | None,
) -> None:
    """Arbitrary Unicode text reads back exactly (apostrophe aside); numbers as the same float."""
    row = make_row(
        statement=statement,
        quote=quote,
        unit=unit,
        speaker=speaker,
        context=context,
        value=value,
        amount=amount,
    )
    path = tmp_path / "random.csv"
    write_csv([row], path)
    [back] = read_rows(path)
    for name in ("statement", "quote", "unit", "speaker", "context"):
        assert back[name] == expected_text(getattr(row, name))
    for name in ("value", "amount"):
        number = getattr(row, name)
        assert (back[name] == "") if number is None else (float(back[name]) == number)
        assert "e" not in back[name].lower()


def csv_module_bytes(rows: list[FactSheetRow], *, bom: bool) -> bytes:
    """The file Python's csv module writes for the same cells: the reference for quoting and line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_cells(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


quoting_texts = st.text(alphabet=st.sampled_from(',"\r\n\t\x00 a=é😀\u2028'), max_size=12) | texts


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=st.lists(st.none() | quoting_texts, min_size=4, max_size=4),
    quotes=st.lists(quoting_texts, min_size=1, max_size=3),
    bom=st.booleans(),
)
def test_the_file_is_byte_for_byte_what_the_csv_module_writes(
    tmp_path: Path, make_row, cells: list[str | None], quotes: list[str], bom: bool
) -> None:
    """Quoting (commas, quotes, CR, LF), empty cells, the BOM and CRLF match `csv.writer` exactly."""
    statement, speaker, unit, context = cells
    rows = [
        make_row(
            id=f"c-{i}", quote=quote, statement=statement or "", speaker=speaker, unit=unit, context=context
        )
        for i, quote in enumerate(quotes)
    ]
    path = tmp_path / "exact.csv"
    write_csv(rows, path, bom=bom)
    assert path.read_bytes() == csv_module_bytes(rows, bom=bom)
