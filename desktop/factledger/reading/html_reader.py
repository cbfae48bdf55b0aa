"""Read HTML pages: the article's main text (trafilatura) and its metadata, boilerplate left out.

Metadata the page states in markup (JSON-LD, OpenGraph, `citation_*`, Dublin Core, microdata; see
`page_metadata`) wins over trafilatura's guesses, which fill only the fields the markup leaves empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import trafilatura

from factledger.domain import Document

from .bylines import person_names, unique_names
from .decode import decode_text
from .html_text import html_to_text
from .limits import MAX_ARTICLE_HTML_CHARS
from .normalize import clean_field, join_paragraphs, require_text
from .page_metadata import PageMetadata, read_page_metadata, strip_title_suffix

MEDIA_TYPE = "text/html"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f]+")
# Elements of trafilatura's output tree that start a paragraph of their own.
_BLOCKS = frozenset(("p", "head", "list", "item", "quote", "table", "code", "div", "section"))


def decode_html(data: bytes, *, label: str, charset: str | None = None) -> str:
    """Decode page bytes: an HTTP charset, else the page's own `<meta charset>`, else detection."""
    declared = charset
    if declared is None:
        match = _META_CHARSET.search(data[:8192])
        declared = match.group(1).decode("ascii") if match else None
    return decode_text(data, label=label, declared=declared)


def read_html(
    data: bytes,
    *,
    label: str,
    file_name: str | None,
    url: str | None,
    charset: str | None = None,
    selection: bool = False,
) -> Document:
    """A page's article text and metadata.

    A `selection` (HTML dragged from a browser) is text the user already chose, so all of it is kept
    instead of asking the extractor to find the article in it. A page where trafilatura finds no article
    (a short note, a listing, markup nested deeper than lxml follows) falls back to all visible text.
    """
    html = decode_html(data, label=label, charset=charset)
    # trafilatura's time grows faster than the page (30 s for 10 MB): beyond the limit, all visible text.
    plain = None if selection or len(html) > MAX_ARTICLE_HTML_CHARS else _extract(html, url=url)
    walked = html_to_text(html)
    page = PageMetadata() if selection else read_page_metadata(html)
    if plain is None or not plain.text.strip():
        text = join_paragraphs(list(walked.paragraphs))
        return Document(
            text=require_text(text, label=label),
            title=None if selection else clean_field(page.title) or clean_field(walked.title),
            outlet=clean_field(page.outlet),
            authors=page.authors,
            published=page.published,
            url=url,
            language=walked.language or _language(html),
            media_type=MEDIA_TYPE,
            file_name=file_name,
            original=data,
            links=walked.links,
        )
    outlet = clean_field(page.outlet) or clean_field(plain.outlet)
    not_people = tuple(n for n in (*page.organisations, outlet) if n)
    authors = page.authors
    if not authors and not page.credited_to_no_person:
        # Guesses only where the markup names no author: trafilatura's, then the page's byline element.
        guessed = [n for raw in plain.authors for n in person_names(raw, not_names=not_people)]
        authors = unique_names(guessed) or page.shown_bylines
    guessed_title = clean_field(plain.title) or clean_field(walked.title)
    return Document(
        text=plain.text,
        title=clean_field(page.title)
        or (strip_title_suffix(guessed_title, (*not_people, *authors)) if guessed_title else None),
        outlet=outlet,
        authors=authors,
        published=page.published or plain.published or page.time_published,
        url=url or clean_field(plain.url),
        language=plain.language or _language(html),
        media_type=MEDIA_TYPE,
        file_name=file_name,
        original=data,
        links=plain.links,
    )


class _Extracted:
    """The parts of trafilatura's answer FactLedger keeps, in its own types."""

    def __init__(self, result: Any) -> None:
        body = result.body
        paragraphs = list(_paragraphs(body)) if body is not None else []
        self.text = join_paragraphs(paragraphs)
        self.title: str | None = result.title
        self.outlet: str | None = result.sitename
        self.published: str | None = result.date
        self.url: str | None = result.url
        self.language: str | None = result.language
        # trafilatura joins several authors with "; ".
        self.authors = tuple(a for a in (result.author or "").split(";") if a.strip())
        links: list[str] = []
        if body is not None:
            for ref in body.iter("ref"):
                target = ref.get("target")
                if target and target not in links:
                    links.append(target)
        self.links = tuple(links)


def _extract(html: str, *, url: str | None) -> _Extracted | None:
    result = trafilatura.bare_extraction(
        html,
        url=url,
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        include_links=True,
        with_metadata=True,
        # Only dates the page states as its own; a year in a table is not a publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return None if result is None else _Extracted(result)


def _paragraphs(element: Any) -> Iterator[str]:
    """Paragraphs of trafilatura's output tree: headings, paragraphs, list items; a table's rows as lines."""
    own: list[str] = [element.text or ""]
    for child in element:
        if child.tag in _BLOCKS:
            yield _tidy("".join(own))
            if child.tag == "table":
                yield "\n".join(_row(row) for row in child.iter("row"))
            else:
                yield from _paragraphs(child)
            own = [child.tail or ""]
        else:
            own += ["\n" if child.tag == "lb" else _inline(child), child.tail or ""]
    yield _tidy("".join(own))


def _row(row: Any) -> str:
    return " | ".join(_tidy(_inline(cell)) for cell in row.iter("cell"))


def _inline(element: Any) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        parts += ["\n" if child.tag == "lb" else _inline(child), child.tail or ""]
    return "".join(parts)


def _tidy(text: str) -> str:
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip("\n")


def _language(html: str) -> str | None:
    match = _HTML_LANG.search(html[:8192])
    return match.group(1) if match else None
