"""Plain-text articles: headline, byline and date lines become metadata; the text stays as dropped."""

from __future__ import annotations

from factledger.reading import read_bytes
from factledger.reading.text_header import read_text_header


def test_headline_byline_and_date_lines_are_read_as_metadata() -> None:
    text = "Carmaker pledges $4 billion for Ohio\nBy Elena Marsh and Tom Reyes, Industry Desk\nOctober 30, 2025\n\nBody."
    doc = read_bytes(text.encode(), file_name="a.txt")
    assert doc.title == "Carmaker pledges $4 billion for Ohio"
    assert doc.authors == ("Elena Marsh", "Tom Reyes")
    assert doc.published == "2025-10-30"
    assert doc.text.startswith("Carmaker pledges")


def test_an_article_that_starts_with_a_sentence_has_no_guessed_title() -> None:
    header = read_text_header("Toyota committed to invest another $10 billion.\n\nMore text.")
    assert header.title is None and header.authors == () and header.published is None


def test_a_single_line_note_is_not_a_headline_of_itself() -> None:
    assert read_text_header("Japan will invest $550 billion").title is None


def test_iso_and_day_month_dates_are_understood() -> None:
    assert read_text_header("Title line\n2024-04-10\n\nText.").published == "2024-04-10"
    assert read_text_header("Title line\n10 April 2024\n\nText.").published == "2024-04-10"
