"""DOCX: paragraphs and tables in document order, footnotes, core properties, and zip limits."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factledger.domain import UserError
from factledger.reading import MAX_EXPANDED_BYTES, docx_reader, read_bytes, read_file


def _report(document: Any) -> None:
    document.add_heading("Budget 2025", level=1)
    document.add_paragraph("Spending rises to $4.2 billion.")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(
        table.rows, [("Year", "Amount", "Change"), ("2025", "$4.2 billion", "+3%")], strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = document.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Merged note"
    document.add_paragraph("After the tables.  ")
    document.core_properties.title = "City budget"
    document.core_properties.author = "Finance Office"
    document.core_properties.created = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)


def test_paragraphs_and_tables_come_in_document_order(build_docx: Callable[..., bytes]) -> None:
    """Heading, paragraph, table rows as `a | b` lines, a merged cell once, then the closing paragraph."""
    document = read_bytes(build_docx(_report), file_name="budget.docx")
    assert document.text == (
        "Budget 2025\n\nSpending rises to $4.2 billion.\n\n"
        "Year | Amount | Change\n2025 | $4.2 billion | +3%\n\nMerged note\n\nAfter the tables."
    )


def test_core_properties_become_metadata(build_docx: Callable[..., bytes]) -> None:
    """Title, author and creation time come from the core properties."""
    document = read_bytes(build_docx(_report), file_name="budget.docx")
    assert document.title == "City budget"
    assert document.authors == ("Finance Office",)
    assert document.published == "2024-05-06T07:08:09+00:00"
    assert document.media_type == docx_reader.MEDIA_TYPE


def test_truncated_docx_is_refused_as_damaged(build_docx: Callable[..., bytes]) -> None:
    """Half a DOCX fails with a message naming the file."""
    data = build_docx(_report)
    with pytest.raises(UserError, match=r"“cut.docx”.*(damaged|truncated)"):
        read_bytes(data[: len(data) // 2], file_name="cut.docx")


def test_other_zip_archives_are_refused() -> None:
    """A ZIP that is not a Word package is named as unsupported."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("data.csv", "a,b\n1,2\n")
    with pytest.raises(UserError, match="ZIP archive"):
        read_bytes(out.getvalue(), file_name="data.docx")


def test_a_docx_expanding_past_the_cap_is_refused_unread(
    build_docx: Callable[..., bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The declared expanded size is checked before python-docx opens anything."""
    monkeypatch.setattr(docx_reader, "MAX_EXPANDED_BYTES", 1000)
    with pytest.raises(UserError, match="would expand to"):
        read_bytes(build_docx(_report), file_name="big.docx")


def test_highly_compressible_zip_bomb_is_refused() -> None:
    """A small file declaring hundreds of megabytes inside is refused."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (MAX_EXPANDED_BYTES + 1))
    assert len(out.getvalue()) < 1024 * 1024
    with pytest.raises(UserError, match="would expand to"):
        read_bytes(out.getvalue(), file_name="bomb.docx")


@pytest.mark.corpus
def test_mammoth_documents_read_tables_lists_and_footnotes(corpus: Path) -> None:
    """Real Word files: a table between paragraphs, list items, footnotes after the body."""
    folder = corpus / "docx-mammoth"
    tables = read_file(folder / "tests__test-data__tables.docx")
    assert tables.text == "Above\n\nTop left | Top right\nBottom left | Bottom right\n\nBelow"
    assert tables.authors == ("Michael Williamson",)
    assert read_file(folder / "tests__test-data__simple-list.docx").text == "Apple\n\nBanana"
    footnotes = read_file(folder / "tests__test-data__footnotes.docx")
    assert footnotes.text == "Ouch.\n\nA tachyon walks into a bar.\n\nFin."
    assert read_file(folder / "tests__test-data__comments.docx").text == "Ouch."
