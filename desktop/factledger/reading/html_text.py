"""All visible text of an HTML fragment as paragraphs, for browser selections and as the extractor's fallback.

Written on the standard library's streaming `html.parser` rather than lxml because it follows any nesting
depth (libxml2 drops everything below 256 levels) and never recurses; it only decides where paragraphs
break, the parsing itself is the library's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCKS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div"),
        *("dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5"),
        *("h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("summary", "table", "tbody", "thead", "tfoot", "tr", "ul"),
    )
)
_CELLS = frozenset(("td", "th"))
_HIDDEN = frozenset(("script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"))
_SPACES = re.compile(r"[ \t\r\n\f\u200b]+")


@dataclass(frozen=True)
class HtmlText:
    """What a plain walk over HTML finds: paragraphs, the `<title>`, link targets and `<html lang>`."""

    paragraphs: tuple[str, ...]
    title: str | None
    links: tuple[str, ...]
    language: str | None


@dataclass
class _State:
    paragraphs: list[str] = field(default_factory=list)
    line: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    language: str | None = None
    hidden_depth: int = 0
    pre_depth: int = 0
    in_title: bool = False
    row_has_cell: bool = False


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.state = _State()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        s = self.state
        if tag == "title":
            s.in_title = True
        if tag in _HIDDEN:
            s.hidden_depth += 1
            return
        if tag == "html":
            s.language = dict(attrs).get("lang") or s.language
        if tag == "a":
            href = dict(attrs).get("href")
            if href and not href.startswith(("#", "javascript:")) and href not in s.links:
                s.links.append(href)
        if tag == "br":
            self._end_line()
        elif tag in _CELLS:
            if s.row_has_cell:
                s.line.append(" | ")
            s.row_has_cell = True
        elif tag in _BLOCKS:
            self._end_paragraph(tag)
        if tag == "pre":
            s.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        s = self.state
        if tag == "title":
            s.in_title = False
        if tag in _HIDDEN:
            s.hidden_depth = max(0, s.hidden_depth - 1)
            return
        if tag in _BLOCKS:
            self._end_paragraph(tag)
        if tag == "pre":
            s.pre_depth = max(0, s.pre_depth - 1)

    def handle_data(self, data: str) -> None:
        s = self.state
        if s.in_title:
            s.title.append(data)
        if s.hidden_depth:
            return
        if s.pre_depth:
            pieces = data.split("\n")
            s.line.append(pieces[0])
            for piece in pieces[1:]:
                self._end_line()
                s.line.append(piece)
        else:
            s.line.append(_SPACES.sub(" ", data))

    def _end_line(self) -> None:
        s = self.state
        line = "".join(s.line)
        s.line.clear()
        if s.pre_depth:
            s.lines.append(line)
        elif line.strip():
            s.lines.append(line.strip())

    def _end_paragraph(self, tag: str) -> None:
        s = self.state
        self._end_line()
        if tag == "tr":
            s.row_has_cell = False
            return  # rows of one table stay lines of one paragraph
        if tag in ("table", "tbody", "thead", "tfoot") or not s.row_has_cell:
            s.row_has_cell = False
            paragraph = "\n".join(s.lines).strip("\n")
            if paragraph.strip():
                s.paragraphs.append(paragraph)
            s.lines.clear()


def html_to_text(html: str) -> HtmlText:
    """Walk `html` and return its visible text, one paragraph per block element."""
    walker = _Walker()
    walker.feed(html)
    walker.close()
    walker._end_paragraph("p")
    s = walker.state
    title = " ".join("".join(s.title).split()) or None
    return HtmlText(
        paragraphs=tuple(s.paragraphs), title=title, links=tuple(s.links), language=s.language or None
    )
