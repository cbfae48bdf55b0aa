"""read_file and read_bytes: choosing the reader by content, then media type, then suffix; refusals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from factledger.domain import UserError
from factledger.reading import MAX_FILE_BYTES, read_bytes, read_file
from factledger.reading import read as read_module


def test_content_beats_the_suffix(text_pdf: Callable[..., bytes]) -> None:
    """A PDF named .txt and HTML named .txt are read as what they are."""
    assert read_bytes(text_pdf(["Real PDF."]), file_name="misnamed.txt").media_type == "application/pdf"
    html = b"<!DOCTYPE html><html><body><p>Hello there.</p></body></html>"
    assert read_bytes(html, file_name="page.txt").media_type == "text/html"


def test_media_type_beats_the_suffix_for_ambiguous_text() -> None:
    """Text served as Markdown is read as Markdown, with its charset parameter honoured."""
    document = read_bytes(
        "# Título\n\nCafé **fuerte**.".encode("cp1252"), media_type="text/markdown; charset=cp1252"
    )
    assert document.text == "Título\n\nCafé fuerte."


def test_suffix_decides_when_content_is_silent() -> None:
    """`.md` is Markdown; `.txt` is kept verbatim."""
    assert read_bytes(b"**bold** claim", file_name="a.md").text == "bold claim"
    assert read_bytes(b"**bold** claim", file_name="a.txt").text == "**bold** claim"


def test_unknown_suffix_with_text_content_reads_as_text() -> None:
    """A `.log` of words is text."""
    assert read_bytes(b"GDP grew 2%.", file_name="notes.log").text == "GDP grew 2%."


def test_unknown_binary_is_named_unsupported() -> None:
    """A binary file with an unknown suffix lists the formats FactLedger does read."""
    with pytest.raises(UserError, match=r"not a format FactLedger reads.*PDF"):
        read_bytes(b"\x00\x01\x02GIF89a" * 50, file_name="image.gif")


def test_directory_is_refused(tmp_path: Path) -> None:
    """A folder given to read_file says to import its files instead."""
    with pytest.raises(UserError, match="is a folder"):
        read_file(tmp_path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    """A path that does not exist is named in the message."""
    with pytest.raises(UserError, match=r"“gone.txt” was not found"):
        read_file(tmp_path / "gone.txt")


def test_file_over_the_cap_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The size check uses the file's size on disk; the message gives both sizes."""
    monkeypatch.setattr(read_module, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(UserError, match=r"“big.txt” is 2 KB, more than the 10 bytes"):
        read_file(path)


def test_the_cap_is_fifty_megabytes() -> None:
    """The documented cap."""
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


def test_every_document_text_is_normalized(tmp_path: Path) -> None:
    """No CR, no trailing spaces, no triple newlines, no leading or trailing blank lines."""
    path = tmp_path / "messy.txt"
    path.write_bytes(b"\r\n\r\n  Indented first.   \r\n\r\n\r\n\r\nLast.  \r\n\r\n")
    text = read_file(path).text
    assert text == "  Indented first.\n\nLast."
