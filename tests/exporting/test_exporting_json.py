"""The JSON fact sheet: a valid array, one object per fact, evidence nested, read back by json.load."""

from __future__ import annotations

import json
from pathlib import Path

from factledger.domain import Stance
from factledger.domain.factsheet import CSV_COLUMNS, EvidenceRef, FactSheetRow
from factledger.exporting import write_json


def row_from_json(data: dict) -> FactSheetRow:
    """Rebuild a row from its JSON object, the way a consumer of the export would."""
    evidence = tuple(EvidenceRef(**{**ref, "stance": Stance(ref["stance"])}) for ref in data["evidence"])
    return FactSheetRow(**{**data, "evidence": evidence})


def test_json_round_trips_every_field(tmp_path: Path, make_row) -> None:
    """Each fact comes back equal to what was written, tricky text and nested evidence included."""
    rows = [
        make_row(),
        make_row(id="c-2", statement='"=1+1", 東京 😀\nnext line', value=-3.5, amount=None, evidence=()),
        make_row(id="c-3", kind="commitment", amount=10e9, delivered=2.5e9, fulfilment="partially_fulfilled"),
    ]
    path = tmp_path / "facts.json"
    assert write_json(rows, path) == 3
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [row_from_json(item) for item in data] == rows


def test_keys_follow_the_csv_column_order_then_the_span(tmp_path: Path, make_row) -> None:
    """JSON and CSV describe a fact with the same names in the same order."""
    path = tmp_path / "facts.json"
    write_json([make_row()], path)
    [item] = json.loads(path.read_text(encoding="utf-8"))
    assert tuple(item) == (*CSV_COLUMNS, "source_id", "stated_on", "claim_start", "claim_end", "delivered")
    assert item["evidence"][0]["stance"] == "supports"


def test_text_is_not_neutralized_in_json(tmp_path: Path, make_row) -> None:
    """Formula protection is a spreadsheet concern: JSON keeps text exactly as stored."""
    path = tmp_path / "facts.json"
    write_json([make_row(statement="=1+1")], path)
    assert json.loads(path.read_text(encoding="utf-8"))[0]["statement"] == "=1+1"


def test_non_finite_numbers_become_null(tmp_path: Path, make_row) -> None:
    """NaN is not JSON; an unusable number is written as null so every parser accepts the file."""
    path = tmp_path / "facts.json"
    write_json([make_row(value=float("nan"), amount=float("-inf"))], path)
    [item] = json.loads(path.read_text(encoding="utf-8"))
    assert (item["value"], item["amount"]) == (None, None)


def test_no_rows_is_an_empty_array(tmp_path: Path) -> None:
    """An empty selection is still valid JSON."""
    path = tmp_path / "facts.json"
    assert write_json([], path) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == []
