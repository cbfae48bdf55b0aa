"""PDF: text layer in reading order, metadata, and clear refusals for scans, encryption and damage."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from factledger.domain import UserError
from factledger.reading import read_bytes, read_file


def _blank_pdf(*, password: str | None = None, owner_only: bool = False) -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if password is not None:
        writer.encrypt(
            user_password="" if owner_only else password, owner_password=password, algorithm="RC4-128"
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_pdf_reads_its_lines_and_metadata(text_pdf: Callable[..., bytes]) -> None:
    """A small PDF's lines come out in order with its title and creation date."""
    data = text_pdf(["Revenue rose 5% to $2 billion.", "Costs fell (slightly)."], title="Quarterly")
    document = read_bytes(data, file_name="q.pdf")
    assert document.text == "Revenue rose 5% to $2 billion.\nCosts fell (slightly)."
    assert (document.title, document.published, document.media_type) == (
        "Quarterly",
        "2024-01-02",
        "application/pdf",
    )
    assert document.original == data


def test_pdf_is_recognized_by_content_whatever_its_name(text_pdf: Callable[..., bytes]) -> None:
    """A PDF saved without a suffix is still read as PDF."""
    assert read_bytes(text_pdf(["Hello."]), file_name="download").text == "Hello."


def test_owner_locked_pdf_with_empty_user_password_opens() -> None:
    """Edit-restricted PDFs (empty user password) are readable and read: here, a page with no text."""
    with pytest.raises(UserError, match="no text layer"):
        read_bytes(_blank_pdf(password="owner", owner_only=True), file_name="locked.pdf")


def test_scanned_pdf_without_text_layer_is_refused_with_advice() -> None:
    """A page with no text layer asks for OCR."""
    with pytest.raises(UserError, match=r"no text layer.*OCR"):
        read_bytes(_blank_pdf(), file_name="scan.pdf")


def test_password_protected_pdf_is_refused() -> None:
    """An encrypted PDF asks for an unprotected copy."""
    with pytest.raises(UserError, match="password-protected"):
        read_bytes(_blank_pdf(password="secret"), file_name="secret.pdf")


def test_zero_byte_pdf_is_refused_as_empty(tmp_path: Path) -> None:
    """A 0-byte .pdf says it is empty."""
    path = tmp_path / "nothing.pdf"
    path.write_bytes(b"")
    with pytest.raises(UserError, match=r"“nothing.pdf” is empty"):
        read_file(path)


def test_pdf_suffix_without_pdf_content_is_refused() -> None:
    """Text named .pdf is not a PDF and is reported as such."""
    with pytest.raises(UserError, match="not a PDF"):
        read_bytes(b"hello, I am not a PDF", file_name="fake.pdf")


def test_truncated_pdf_is_reported_as_damaged_or_textless(text_pdf: Callable[..., bytes]) -> None:
    """Half a PDF fails with a message, never a traceback."""
    data = text_pdf(["Some words here."])
    with pytest.raises(UserError):
        read_bytes(data[: len(data) // 3], file_name="cut.pdf")


@pytest.mark.corpus
def test_court_transcript_reads_in_reading_order(corpus: Path) -> None:
    """Line numbers sit beside their lines, as pdfplumber's expected text has them."""
    document = read_file(corpus / "pdf-pdfplumber" / "tests__pdfs__scotus-transcript-p1.pdf")
    lines = document.text.split("\n")
    assert "1\tIN THE SUPREME COURT OF THE UNITED STATES" in lines
    assert "13\targument before the Supreme Court of the United States" in lines
    assert document.published == "2009-01-13"
    expected = (corpus / "pdf-pdfplumber" / "tests__comparisons__scotus-transcript-p1.txt").read_text()
    expected_words = expected.split()
    assert document.text.split() == expected_words


@pytest.mark.corpus
def test_statistics_table_keeps_rows_together(corpus: Path) -> None:
    """Each state's row of the NICS table is one line, first cell to total."""
    document = read_file(corpus / "pdf-pdfplumber" / "tests__pdfs__nics-background-checks-2015-11.pdf")
    rows = {line.split("\t")[0]: line for line in document.text.split("\n")}
    assert rows["Alabama"].endswith("71,137")
    assert rows["Wyoming"].endswith("5,017")
    assert document.text.startswith("NICS Firearm Background Checks\nNovember - 2015")


def test_a_pdf_that_places_every_word_alone_reads_as_words_with_spaces_and_no_ligatures() -> None:
    """Qt and browser PDFs give pypdf tab-separated words and "ﬁ" ligatures; the text gets plain spaces."""
    from factledger.reading.pdf_reader import _plain_words

    tabbed = "\t".join(["The", "ﬁrst", "plant", "will", "open"] * 10)
    assert _plain_words(tabbed) == " ".join(["The", "first", "plant", "will", "open"] * 10)
    table = "Alabama\t12,345\t6,789\nNew York\t1,234\t567\n" * 3
    assert _plain_words(table) == table
