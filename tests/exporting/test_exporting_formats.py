"""Choosing an export format by name: the offered formats, their suffixes, and bad names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factledger.domain import UserError
from factledger.exporting import EXPORT_FORMATS, ExportOptions, export, export_format


def test_the_cli_formats_are_offered_with_their_suffixes() -> None:
    """The names `--format` accepts map to a default file suffix each."""
    assert {name: spec.suffix for name, spec in EXPORT_FORMATS.items()} == {
        "csv": ".csv",
        "json": ".json",
        "claimreview": ".jsonld",
        "md": ".md",
    }


def test_format_names_are_case_insensitive() -> None:
    """`--format CSV` works like `--format csv`."""
    assert export_format(" CSV ") is EXPORT_FORMATS["csv"]


def test_an_unknown_format_lists_the_choices(tmp_path: Path, make_row) -> None:
    """A typo gets a sentence naming the formats, and nothing is written."""
    with pytest.raises(UserError, match="choose one of: csv, json, claimreview, md"):
        export([make_row()], tmp_path / "x.xls", fmt="xls")
    assert list(tmp_path.iterdir()) == []


def test_export_passes_format_options_through(tmp_path: Path, make_row) -> None:
    """Options reach the writer that uses them: the BOM for CSV, the publisher for ClaimReview."""
    csv_path, review_path = tmp_path / "a.csv", tmp_path / "a.jsonld"
    export([make_row()], csv_path, fmt="csv", options=ExportOptions(bom=False))
    export([make_row()], review_path, fmt="claimreview", options=ExportOptions(publisher="Desk"))
    assert csv_path.read_bytes().startswith(b"id,")
    assert json.loads(review_path.read_text(encoding="utf-8"))[0]["author"]["name"] == "Desk"
