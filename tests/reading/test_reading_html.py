"""HTML: the article's main text and metadata, boilerplate out, nothing fetched, sensible fallbacks."""

from __future__ import annotations

import json
import re
import socket
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import pytest

from factledger.domain import UserError
from factledger.reading import read_bytes

PARAGRAPH = (
    "The council approved a budget of $4.2 billion on Tuesday, an increase of 3 percent over last year. "
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council passes budget | City Times</title>
<meta property="og:site_name" content="City Times">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"><script src="http://127.0.0.1:9/app.js"></script>
</head><body>
<nav><a href="/">Home</a> <a href="/sports">Sports</a> <a href="/weather">Weather</a></nav>
<article><h1>Council passes budget</h1>
<p>{PARAGRAPH * 3}</p>
<p>“This is a responsible plan,” said <a href="https://city.example/mayor">the mayor</a>. {PARAGRAPH * 2}</p>
<img src="http://127.0.0.1:9/photo.jpg">
<p>Opponents said the plan would raise property taxes by at least 2 percent. {PARAGRAPH}</p>
</article>
<footer>Copyright City Times. Subscribe now! Privacy policy.</footer>
</body></html>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any connection attempt fail loudly, so a test proves reading never fetches."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("reading tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_article_text_and_metadata_come_out_without_boilerplate(no_network: None) -> None:
    """Main text, title, outlet, author and date are extracted; nav and footer are left out."""
    document = read_bytes(PAGE.encode(), file_name="budget.html")
    assert document.text.startswith("Council passes budget\n\nThe council approved a budget of $4.2 billion")
    assert "“This is a responsible plan,” said the mayor." in document.text
    assert "Subscribe now" not in document.text and "Sports" not in document.text
    assert document.title == "Council passes budget"
    assert document.outlet == "City Times"
    assert document.authors == ("Jane Roe",)
    assert document.published == "2024-03-05"
    assert document.language == "en"
    assert document.media_type == "text/html"
    assert "https://city.example/mayor" in document.links


def test_paragraphs_are_separated_by_one_blank_line(no_network: None) -> None:
    """Each paragraph of the article is its own block in the text."""
    document = read_bytes(PAGE.encode(), file_name="budget.html")
    blocks = document.text.split("\n\n")
    assert len(blocks) == 4
    assert all(block == block.strip() for block in blocks)


def test_meta_charset_decides_the_encoding() -> None:
    """A Windows-1252 page that says so in `<meta charset>` reads with its curly quotes intact."""
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    document = read_bytes(page.encode("cp1252"), file_name="budget.htm")
    assert "“This is a responsible plan,”" in document.text


def test_a_page_with_no_article_falls_back_to_its_visible_text() -> None:
    """A short note that the extractor rejects is still read: all visible text, title from `<title>`."""
    page = b"<html><head><title>Note</title><style>p{}</style></head><body><p>Rates: 5%.</p></body></html>"
    document = read_bytes(page, file_name="note.html")
    assert document.text == "Rates: 5%."
    assert document.title == "Note"


def test_deeply_nested_tags_are_read_not_crashed() -> None:
    """Markup nested 50,000 levels deep (beyond libxml2's limit) still yields its words."""
    depth = 50_000
    page = (
        "<html><body>"
        + "<div>" * depth
        + "<p>Deep fact: 7 percent.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    document = read_bytes(page.encode(), file_name="deep.html")
    assert document.text == "Deep fact: 7 percent."


def test_html_with_no_visible_text_is_refused() -> None:
    """Only scripts and styles: nothing to read, said plainly."""
    page = b"<html><head><script>var a=1;</script></head><body><img src='x.png'></body></html>"
    with pytest.raises(UserError, match="has no text"):
        read_bytes(page, file_name="empty.html")


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _f1(found: list[str], expected: list[str]) -> float:
    overlap = sum((Counter(found) & Counter(expected)).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / len(found), overlap / len(expected)
    return 2 * precision * recall / (precision + recall)


def _same(found: str | None, expected: str | None) -> bool:
    def norm(value: str | None) -> str:
        return " ".join(re.sub(r"^by\s+", "", value or "", flags=re.IGNORECASE).casefold().split())

    return norm(found) == norm(expected)


@pytest.mark.corpus
def test_readability_pages_match_their_expected_article_and_metadata(corpus: Path) -> None:
    """On 22 real news pages the main text scores a median token F1 >= 0.9 against the clean article,
    and title, byline and site name agree with the expected metadata on most pages."""
    pages = sorted(p for p in (corpus / "readability").iterdir() if p.is_dir())
    assert len(pages) == 22
    scores: dict[str, float] = {}
    titles = bylines = sites = 0
    with_byline = with_site = 0
    for page in pages:
        document = read_bytes((page / "source.html").read_bytes(), file_name="source.html")
        expected_text = lxml.html.fromstring((page / "expected.html").read_bytes()).text_content()
        scores[page.name] = _f1(_tokens(document.text), _tokens(expected_text))
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        titles += _same(document.title, meta["title"])
        if meta.get("byline"):
            with_byline += 1
            bylines += any(_same(author, meta["byline"]) for author in document.authors) or _same(
                document.outlet, meta["byline"]
            )
        if meta.get("siteName"):
            with_site += 1
            sites += _same(document.outlet, meta["siteName"])
    median = statistics.median(scores.values())
    print(f"\nreadability: median token F1 {median:.3f}, mean {statistics.mean(scores.values()):.3f}")
    print("  " + ", ".join(f"{name} {score:.2f}" for name, score in scores.items()))
    print(f"  title {titles}/{len(pages)}, byline {bylines}/{with_byline}, site name {sites}/{with_site}")
    assert median >= 0.9
    assert min(scores.values()) >= 0.6
    assert titles >= 0.9 * len(pages)
    assert sites >= 0.9 * with_site
    assert bylines >= 0.6 * with_byline
