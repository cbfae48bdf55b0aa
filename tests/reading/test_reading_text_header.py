"""Plain-text articles: headline, byline and date lines become metadata; the text stays as dropped."""

from __future__ import annotations

from typing import Any

from factledger.reading import read_bytes
from factledger.reading.text_header import read_text_header


def test_headline_byline_and_date_lines_are_read_as_metadata() -> None:
    """A headline, byline and date line at the top of a text file become its title, authors and date, and
    the text keeps them."""
    text = "Carmaker pledges $4 billion for Ohio\nBy Elena Marsh and Tom Reyes, Industry Desk\nOctober 30, 2025\n\nBody."
    doc = read_bytes(text.encode(), file_name="a.txt")
    assert doc.title == "Carmaker pledges $4 billion for Ohio"
    assert doc.authors == ("Elena Marsh", "Tom Reyes")
    assert doc.published == "2025-10-30"
    assert doc.text.startswith("Carmaker pledges")


def test_an_article_that_starts_with_a_sentence_has_no_guessed_title() -> None:
    """An article that opens with a sentence gets no guessed title, authors or date."""
    header = read_text_header("Toyota committed to invest another $10 billion.\n\nMore text.")
    assert header.title is None and header.authors == () and header.published is None


def test_a_single_line_note_is_not_a_headline_of_itself() -> None:
    """A note of one line is not taken as its own headline."""
    assert read_text_header("Japan will invest $550 billion").title is None


def test_iso_and_day_month_dates_are_understood() -> None:
    """Date lines in ISO form and in day-month-year form are both read as the publication date."""
    assert read_text_header("Title line\n2024-04-10\n\nText.").published == "2024-04-10"
    assert read_text_header("Title line\n10 April 2024\n\nText.").published == "2024-04-10"


def test_a_us_wire_headline_and_published_line() -> None:
    """Headline without a full stop, then "Published 7:02 PM EDT, Thu October 30, 2025": title and day."""
    text = "Carmaker Pledges $4 Billion for Ohio Plant\nPublished 7:02 PM EDT, Thu October 30, 2025\n\nThe carmaker said."
    header = read_text_header(text)
    assert header.title == "Carmaker Pledges $4 Billion for Ohio Plant"
    assert header.published == "2025-10-30"


def test_a_british_headline_and_dotted_time_date_line() -> None:
    """Sentence-case headline, then "Mon 3 Nov 2025 14.30 GMT" (a weekday, a dotted time, a zone)."""
    header = read_text_header(
        "Council tax to rise by 5% in April\nMon 3 Nov 2025 14.30 GMT\n\nCouncils in England said."
    )
    assert header.title == "Council tax to rise by 5% in April"
    assert header.published == "2025-11-03"


def test_a_headline_case_title_keeps_its_full_stop() -> None:
    """A first line in Headline Capitalisation is a title even when an archive added a closing full stop."""
    text = "New Poll Gives Clinton A Double-Digit National Lead.\n\nClinton leads by 11 points, 46 percent to 35."
    assert read_text_header(text).title == "New Poll Gives Clinton A Double-Digit National Lead."


def test_a_date_after_the_byline_and_the_first_publication_over_an_update() -> None:
    """ "By A | Oct. 30, 2025" gives the day; an "Updated" line before the published one does not win."""
    header = read_text_header("Port expands\nBy Ana Roe | Oct. 30, 2025 at 5:00 p.m. ET\n\nText.")
    assert header.authors == ("Ana Roe",) and header.published == "2025-10-30"
    header = read_text_header("Port expands\nUpdated Nov 2, 2025\nPublished: 2025-10-30T09:00:00Z\n\nText.")
    assert header.published == "2025-10-30"


def test_sentences_partial_and_ambiguous_dates_are_not_date_lines() -> None:
    """A sentence holding a date, a month without a day, and "03/04/2025" (which day?) give no date."""
    for line in (
        "The council met on October 30, 2025",
        "October 2025",
        "03/04/2025",
        "Japan will invest $550 billion",
    ):
        assert read_text_header(f"Budget passes\n{line}\n\nText.").published is None, line


def test_a_lead_paragraph_is_not_a_headline() -> None:
    """A long first line or two sentences on it is body text, not a title."""
    two = "Rates rose. The bank said more may come\n\nText."
    assert read_text_header(two).title is None
    long = " ".join(["word"] * 40) + "\n\nText."
    assert read_text_header(long).title is None


def test_the_date_line_dates_the_facts_of_the_article(ledger: Any) -> None:
    """Imported, the article's facts without a date of their own take the date line's day."""
    text = (
        "Carmaker Pledges $4 Billion for Ohio Plant\nOct. 30, 2025\n\n"
        "Toyota will invest $4 billion in a new plant in Ohio, the company said. "
        "The plant will employ 2,000 workers by 2028."
    )
    result = ledger.import_document(read_bytes(text.encode(), file_name="plant.txt"))
    assert ledger.source(result.source_id).published == "2025-10-30"
    ledger.accept_all(source_id=result.source_id)
    facts = ledger.claims_for_source(result.source_id)
    assert facts
    assert {ledger.timeline_point(fact.id).stated_on for fact in facts} == {"2025-10-30"}


def test_a_date_line_above_the_headline() -> None:
    """A dateline-first layout ("Thursday, October 30, 2025" then the headline) gives both."""
    header = read_text_header(
        "Thursday, October 30, 2025\nFerry fares frozen until 2027\n\nThe operator said."
    )
    assert header.title == "Ferry fares frozen until 2027"
    assert header.published == "2025-10-30"


def test_a_byline_with_its_date_above_the_headline() -> None:
    """A byline line carrying the date ("By Ana Roe | Oct. 30, 2025") above the headline leaves it the title."""
    header = read_text_header(
        "By Ana Roe | Oct. 30, 2025\nFerry fares frozen until 2027\n\nThe operator said."
    )
    assert (header.title, header.authors, header.published) == (
        "Ferry fares frozen until 2027",
        ("Ana Roe",),
        "2025-10-30",
    )
