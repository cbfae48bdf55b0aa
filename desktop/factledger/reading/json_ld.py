"""JSON-LD a page embeds about its article: tolerant parsing and the article node's headline, authors, dates.

Pages ship JSON-LD wrapped in CDATA or HTML comments, with trailing commas, raw control characters or two
objects back to back; each block is repaired only as far as plain `json` needs, and a block that still does
not parse is skipped, never fatal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# schema.org types that describe one written piece; their subtypes all end in one of these words.
_ARTICLE_SUFFIXES = ("article", "blogposting", "report", "posting")
_WRAPPERS = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_MAX_DEPTH = 12


@dataclass(frozen=True, slots=True)
class LinkedArticle:
    """What the page's own JSON-LD says about its article (any field may be missing)."""

    headline: str | None = None
    persons: tuple[str, ...] = ()  # authors typed (or untyped) as people; organisations are not persons
    organisations: tuple[str, ...] = ()  # authors typed as organisations, and the publisher
    published: str | None = None
    created: str | None = None  # `dateCreated`: only when nothing else gives a publication date
    publisher: str | None = None
    declared_authors: bool = False  # the node names some author, person or not


def parse_blocks(blocks: list[str]) -> list[Any]:
    """Every JSON value the blocks hold, skipping what cannot be repaired."""
    values: list[Any] = []
    for block in blocks:
        values.extend(_parse(block))
    return values


def _parse(block: str) -> Iterator[Any]:
    text = _WRAPPERS.sub("", block.strip()).strip()
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        values = list(_decode_all(candidate))
        if values:
            yield from values
            return


def _decode_all(text: str) -> Iterator[Any]:
    """The JSON values in `text` one after another (some pages concatenate several objects)."""
    decoder = json.JSONDecoder(strict=False)
    index = 0
    while index < len(text):
        while index < len(text) and text[index] in " \t\r\n;,":
            index += 1
        if index >= len(text):
            return
        try:
            value, index = decoder.raw_decode(text, index)
        except ValueError:
            return
        yield value


def find_article(values: list[Any], *, page_urls: tuple[str, ...] = ()) -> LinkedArticle | None:
    """The page's article node (top level, inside `@graph`, or nested), its author references resolved.

    A page may describe other articles too (related stories): the node whose address is the page's own
    (`page_urls`: its canonical and OpenGraph URLs) wins, else the first with a headline.
    """
    nodes = list(_nodes(values, 0))
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    articles = [node for node in nodes if _is_article(node)]
    if not articles:
        return None
    own = {_address(u) for u in page_urls if u}
    article = next(
        (a for a in articles if own & _addresses(a)),
        next((a for a in articles if _text(a.get("headline"))), articles[0]),
    )
    persons: list[str] = []
    organisations: list[str] = []
    declared = _as_list(article.get("author")) + _as_list(article.get("creator"))
    for author in declared:
        resolved = _resolve(author, by_id)
        name = _name(resolved)
        if not name:
            continue
        (organisations if _is_organisation(resolved) else persons).append(name)
    publisher = _name(_resolve(article.get("publisher"), by_id))
    return LinkedArticle(
        headline=_text(article.get("headline")) or _text(article.get("name")),
        persons=tuple(persons),
        organisations=tuple(organisations),
        published=_text(article.get("datePublished")),
        created=_text(article.get("dateCreated")),
        publisher=publisher,
        declared_authors=bool(declared),
    )


def _addresses(node: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for key in ("url", "@id", "mainEntityOfPage"):
        for value in _as_list(node.get(key)):
            if isinstance(value, dict):
                value = value.get("@id") or value.get("url")
            if isinstance(value, str) and value.strip():
                found.add(_address(value))
    return found


def _address(url: str) -> str:
    """A URL without scheme, fragment, query or final slash: the same page however it was linked."""
    url = url.strip().split("#", 1)[0].split("?", 1)[0]
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/").casefold()


def _nodes(value: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item", "hasPart"):
                yield from _nodes(item, depth + 1)


def _types(node: dict[str, Any]) -> list[str]:
    return [t.rsplit("/", 1)[-1].casefold() for t in _as_list(node.get("@type")) if isinstance(t, str)]


def _is_article(node: dict[str, Any]) -> bool:
    return any(t.endswith(_ARTICLE_SUFFIXES) for t in _types(node))


def _is_organisation(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    return any(t in ("organization", "newsmediaorganization", "corporation") for t in _types(node))


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """An `{"@id": ...}` reference replaced by the node it names, when the page defines it."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
