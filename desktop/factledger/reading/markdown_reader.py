"""Read Markdown: YAML front matter as metadata, markup stripped from the text, link targets kept aside."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from factledger.domain import Document

from .decode import decode_text
from .html_text import html_to_text
from .normalize import clean_field, join_paragraphs, require_text
from .text_header import read_text_header

MEDIA_TYPE = "text/markdown"
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TITLE_KEYS = ("title",)
_DATE_KEYS = ("date", "published", "published_time", "published_at", "pubdate")
_URL_KEYS = ("source_url", "url", "canonical_url", "link")
_AUTHOR_KEYS = ("author", "authors", "byline")
_OUTLET_KEYS = ("outlet", "publisher", "site_name", "sitename", "source")
# Emphasis markers CommonMark leaves as literal text when they do not flank a word ("**Heading: **").
_STRAY_STRONG = re.compile(r"\*{2,}|(?<!\w)_{2,}|_{2,}(?!\w)")
_SPACE_RUNS = re.compile(r"[ \t]{2,}")


def read_markdown(
    data: bytes, *, label: str, file_name: str | None, url: str | None, charset: str | None = None
) -> Document:
    """A `Document` of the rendered words of a Markdown file and the metadata of its front matter (else the
    byline and date lines under its headline)."""
    source = decode_text(data, label=label, declared=charset)
    meta, body = split_front_matter(source)
    paragraphs, links, first_heading = _render(body)
    text = require_text(join_paragraphs(paragraphs), label=label)
    # Without front matter, an article's first lines may still state byline and date as plain text does.
    header = read_text_header(text)
    return Document(
        text=text,
        title=_first(meta, _TITLE_KEYS) or first_heading or header.title,
        outlet=_first(meta, _OUTLET_KEYS),
        authors=_authors(meta) or header.authors,
        published=_first(meta, _DATE_KEYS) or header.published,
        url=url or _first(meta, _URL_KEYS),
        language=_first(meta, ("lang", "language")),
        media_type=MEDIA_TYPE,
        file_name=file_name,
        original=data,
        links=links,
    )


def split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    """Split `---` YAML front matter from the body; text that is not a YAML mapping stays in the body."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    try:
        meta = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, RecursionError, ValueError):
        # PyYAML composes nested collections recursively (thousands of `[` exhaust the stack) and converts
        # integers with Python's digit limit (a 5,000-digit date raises ValueError).
        return {}, source
    if not isinstance(meta, dict):
        return {}, source
    return {str(key).lower(): value for key, value in meta.items()}, source[match.end() :]


def _render(body: str) -> tuple[list[str], tuple[str, ...], str | None]:
    """Walk markdown-it's tokens: one paragraph per block, table rows as lines, inline markup dropped."""
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    paragraphs: list[str] = []
    links: list[str] = []
    first_heading: str | None = None
    row: list[str] | None = None
    table: list[str] | None = None
    in_heading = False
    for token in tokens:
        kind = token.type
        if kind == "table_open":
            table = []
        elif kind == "table_close" and table is not None:
            paragraphs.append("\n".join(table))
            table = None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None and table is not None:
            table.append(" | ".join(row))
            row = None
        elif kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "inline":
            words = _inline_text(token.children or [], links)
            if row is not None:
                row.append(" ".join(words.split()))
            else:
                paragraphs.append(words)
                if in_heading and first_heading is None and token.map is not None:
                    first_heading = clean_field(words)
        elif kind in ("fence", "code_block"):
            paragraphs.append(token.content)
        elif kind == "html_block":
            paragraphs.extend(html_to_text(token.content).paragraphs)
    return paragraphs, tuple(links), first_heading


def _inline_text(children: list[Token], links: list[str]) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text":
            # Markdown renders any run of spaces as one, so the text does too.
            parts.append(_SPACE_RUNS.sub(" ", _STRAY_STRONG.sub("", child.content)))
        elif kind == "code_inline":
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")  # a wrapped source line is not a break in the writer's sentence
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind in ("link_open", "image"):
            target = child.attrGet("href") or child.attrGet("src")
            if isinstance(target, str) and target not in links:
                links.append(target)
            if kind == "image":
                parts.append(_inline_text(child.children or [], links))
        elif kind == "html_inline":
            continue  # tags such as <sup> carry no words of their own
    return _SPACE_RUNS.sub(" ", "".join(parts)).strip(" ")


def _first(meta: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            cleaned = clean_field(value)
            if cleaned:
                return cleaned
    return None


def _authors(meta: dict[str, Any]) -> tuple[str, ...]:
    for key in _AUTHOR_KEYS:
        value = meta.get(key)
        names = value if isinstance(value, list) else [value]
        cleaned = tuple(name for name in (clean_field(n) for n in names if isinstance(n, str)) if name)
        if cleaned:
            return cleaned
    return ()
