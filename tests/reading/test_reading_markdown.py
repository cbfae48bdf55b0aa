"""Markdown: front matter as metadata, markup out of the text, link targets kept aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from factledger.reading import read_bytes, read_file

ARTICLE = """---
title: 'Fact Sheet: Trade Deal'
date: 2025-05-08
source_url: https://www.example.gov/fact-sheet
author: [Ann Lee, Bo Chan]
---

# Headline **here**

**ESTABLISHING A NEW PARADIGM:** Today the President
announced a [historic deal](https://example.gov/deal) worth *$5 billion*.

-   First item with `code`
-   Second item ![chart](https://example.gov/chart.png)

| Year | Value |
|------|-------|
| 2024 | $5 billion |

<!-- -->
"""


def test_front_matter_becomes_metadata() -> None:
    """Title, date, source URL and authors come from the YAML front matter."""
    document = read_bytes(ARTICLE.encode(), file_name="deal.md")
    assert document.title == "Fact Sheet: Trade Deal"
    assert document.published == "2025-05-08"
    assert document.url == "https://www.example.gov/fact-sheet"
    assert document.authors == ("Ann Lee", "Bo Chan")
    assert document.media_type == "text/markdown"


def test_markup_is_stripped_and_link_targets_kept_as_metadata() -> None:
    """No `**`, `#`, `[`, `](` or URLs in the text; the targets are in `links`."""
    document = read_bytes(ARTICLE.encode(), file_name="deal.md")
    assert document.text == (
        "Headline here\n\n"
        "ESTABLISHING A NEW PARADIGM: Today the President announced a historic deal worth $5 billion.\n\n"
        "First item with code\n\n"
        "Second item chart\n\n"
        "Year | Value\n2024 | $5 billion"
    )
    assert document.links == ("https://example.gov/deal", "https://example.gov/chart.png")


def test_without_front_matter_the_first_heading_is_the_title() -> None:
    """A plain Markdown note is titled by its first heading."""
    document = read_bytes(b"Intro line.\n\n## Budget 2025\n\nSpending rises 4%.\n", file_name="n.md")
    assert document.title == "Budget 2025"
    assert document.text == "Intro line.\n\nBudget 2025\n\nSpending rises 4%."


def test_a_thematic_break_at_the_top_is_not_front_matter() -> None:
    """`---` lines around prose that is not a YAML mapping stay part of the text."""
    document = read_bytes(b"---\nJust prose, not YAML.\n---\n\nBody.\n", file_name="n.md")
    assert document.text == "Just prose, not YAML.\n\nBody."


def test_unmatched_strong_markers_do_not_survive() -> None:
    """`**Heading: **` (closing marker after a space, so not emphasis in CommonMark) loses its asterisks."""
    document = read_bytes(b"**SECURING BILLIONS: ** Today, a deal.\n", file_name="n.md")
    assert document.text == "SECURING BILLIONS: Today, a deal."


@pytest.mark.corpus
def test_white_house_briefings_read_with_front_matter_and_no_markup(corpus: Path) -> None:
    """Each briefing has its title, date and source URL, and no Markdown syntax left in its text."""
    files = sorted((corpus / "whitehouse-briefings").glob("*.md"))
    assert len(files) == 6
    for path in files:
        document = read_file(path)
        assert document.title and document.published and document.url, path.name
        assert document.published[:10] == path.name[:10]
        assert document.url.startswith("https://")
        assert "**" not in document.text and "](" not in document.text and "<!--" not in document.text
        assert not any(line.startswith(("#", "-   ", "> ")) for line in document.text.split("\n"))
    trade = read_file(
        corpus / "whitehouse-briefings" / "2025-05-08-fact-sheet-u-s-uk-reach-historic-trade-deal.md"
    )
    assert "creating a $5 billion opportunity for new exports" in trade.text


def test_without_front_matter_the_byline_and_date_lines_under_the_headline_are_read() -> None:
    """A blog-style "*By A · Oct. 30, 2025*" and a newsletter-style date line give authors and date."""
    blog = "# Port expands to the east\n\n*By Ana Roe · Oct. 30, 2025*\n\nThe port will add 3 berths.\n"
    document = read_bytes(blog.encode(), file_name="port.md")
    assert document.title == "Port expands to the east"
    assert document.authors == ("Ana Roe",)
    assert document.published == "2025-10-30"
    letter = "## Weekly briefing\n\nUpdated: Monday 3 November 2025, 09:00 GMT\n\nRates held at 4%.\n"
    assert read_bytes(letter.encode(), file_name="brief.md").published == "2025-11-03"
