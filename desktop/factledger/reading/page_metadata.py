"""The metadata a page states about itself in markup: JSON-LD, OpenGraph and `article:*`, `citation_*`,
Dublin Core, schema.org microdata, `<meta name=author>` and `<time datetime>`.

Each field is taken from the most explicit source that has it (JSON-LD, then scholarly and Dublin Core tags,
then OpenGraph and `article:*`, then microdata); the page's visible byline elements are read separately as a
last resort. The reader combines this with trafilatura's guesses (see `html_reader`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from .bylines import is_desk, is_person_name, person_names, unique_names
from .date_line import date_of_line
from .json_ld import find_article, parse_blocks

_TITLE_KEYS = ("citation_title", "dc.title", "dcterms.title", "og:title", "twitter:title")
_AUTHOR_KEYS = (
    *("citation_author", "citation_authors", "dc.creator", "dcterms.creator", "author", "article:author"),
    *("og:article:author", "parsely-author"),
)
_DATE_KEYS = (
    *(
        "citation_publication_date",
        "citation_date",
        "citation_online_date",
        "dc.date.issued",
        "dcterms.issued",
    ),
    *("dc.date", "dcterms.date", "article:published_time", "og:article:published_time", "article:published"),
    *("datepublished",),
)
# Scholarly and Dublin Core tags name one person per tag, often inverted ("Roe, Jane A.").
_ONE_PERSON_KEYS = frozenset(("citation_author", "dc.creator", "dcterms.creator"))
_INVERTED = re.compile(r"^\s*([^,]+?)\s*,\s*([^,]+?)\s*$")
_SITE_KEYS = ("og:site_name", "citation_journal_title", "dc.publisher", "dcterms.publisher")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:-]\s+|\s+[|]\s*")
# Byline elements a page shows (class or id naming a byline or author), read only when nothing else names one.
_LOWER_CLASS = "translate(@class, 'ABEHILNORTUY', 'abehilnortuy')"
_BYLINE_TEST = f"contains({_LOWER_CLASS}, 'byline') or contains({_LOWER_CLASS}, 'author')"
_ELLIPSIS = ("…", "...")
_MAX_BYLINE_CHARS = 200


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the markup says: each field None/empty when the page does not state it."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date (YYYY-MM-DD), the day the page itself gives
    outlet: str | None = None
    organisations: tuple[str, ...] = ()  # names given as authors or publisher that are not people
    # The markup credits a desk ("Our Foreign Staff") or an organisation: no guess should replace it.
    credited_to_no_person: bool = False
    shown_bylines: tuple[str, ...] = ()  # people named in the page's visible byline elements
    time_published: str | None = None  # first `<time datetime>`: only a fallback, related stories use it too


def read_page_metadata(html: str) -> PageMetadata:
    """Read the structured metadata of `html`; a page with none, or unparseable markup, gives empty fields."""
    try:
        root = lxml.html.document_fromstring(
            html.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return PageMetadata()
    meta = _meta_tags(root)
    canonical = tuple(link.get("href") or "" for link in root.xpath("//link[@rel='canonical']"))
    linked = find_article(
        parse_blocks(_json_ld_blocks(root)), page_urls=canonical + _meta_all(meta, ("og:url",))
    )
    outlet = _first(meta, _SITE_KEYS) or (linked.publisher if linked else None)
    organisations = tuple(
        n
        for n in ((linked.organisations if linked else ()) + (outlet,) + _meta_all(meta, ("dc.publisher",)))
        if n
    )
    authors, no_person = _authors(root, meta, linked, organisations)
    title = _untruncated(linked.headline if linked else None, _meta_all(meta, _TITLE_KEYS)) or _first(
        meta, _TITLE_KEYS
    )
    published = _day(linked.published if linked else None) or next(
        (d for d in (_day(v) for v in _meta_all(meta, _DATE_KEYS)) if d), None
    )
    return PageMetadata(
        title=strip_title_suffix(title, (*organisations, *authors)) if title else None,
        authors=authors,
        published=published or _microdata_date(root) or _day(linked.created if linked else None),
        outlet=outlet,
        organisations=organisations,
        credited_to_no_person=no_person,
        shown_bylines=() if authors or no_person else _shown_bylines(root, organisations),
        time_published=_first_time(root),
    )


def _untruncated(headline: str | None, others: tuple[str, ...]) -> str | None:
    """A JSON-LD headline cut short with an ellipsis (search engines cap its length) gives way to the
    full wording another tag has."""
    if headline is None or not headline.endswith(_ELLIPSIS):
        return headline
    stem = _key(headline.rstrip(".… "))
    return next((o for o in others if _key(o).startswith(stem) and len(_key(o)) > len(stem)), headline)


def strip_title_suffix(title: str, names: tuple[str, ...]) -> str:
    """`Headline | Outlet` or `Headline - Author` without the part naming the outlet or an author."""
    keys = {_key(n) for n in names if n}
    pieces = _TITLE_SEPARATORS.split(title)
    separators = _TITLE_SEPARATORS.findall(title)
    while len(pieces) > 1 and _key(pieces[-1]) in keys:
        pieces.pop()
        separators.pop()
    while len(pieces) > 1 and _key(pieces[0]) in keys:
        pieces.pop(0)
        separators.pop(0)
    out = pieces[0]
    for sep, piece in zip(separators, pieces[1:], strict=True):
        out += sep + piece
    return out.strip()


def _key(text: str) -> str:
    """Letters and digits only, without a leading "the": "The Guardian" and "the Guardian" agree."""
    key = "".join(ch for ch in text.casefold() if ch.isalnum())
    return key[3:] if text.strip().casefold().startswith("the ") else key


def _meta_tags(root: Any) -> dict[str, list[str]]:
    """`<meta>` contents by lower-cased `name`, `property` or `itemprop`, in page order."""
    tags: dict[str, list[str]] = {}
    for element in root.iter("meta"):
        content = " ".join((element.get("content") or "").split())
        if not content:
            continue
        for attribute in ("name", "property", "itemprop"):
            key = (element.get(attribute) or "").strip().casefold()
            if key:
                tags.setdefault(key, []).append(content)
    return tags


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for value in meta.get(key, ()):
            if not _is_url(value):
                return value
    return None


def _meta_all(meta: dict[str, list[str]], keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(value for key in keys for value in meta.get(key, ()))


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "//", "/"))


def _json_ld_blocks(root: Any) -> list[str]:
    return [
        script.text or ""
        for script in root.iter("script")
        if (script.get("type") or "").strip().casefold() == "application/ld+json"
    ]


def _authors(
    root: Any, meta: dict[str, list[str]], linked: Any, organisations: tuple[str, ...]
) -> tuple[tuple[str, ...], bool]:
    """People from the most explicit source that names any (JSON-LD, meta tags, microdata), and whether
    the markup credits the article to no person on purpose: a desk ("Our Foreign Staff") or an
    organisation typed as its author. The outlet's name in a generic author tag is not such a credit: many
    sites put it on every page, whoever wrote the article."""
    credited = linked is not None and (bool(linked.organisations) or any(is_desk(r) for r in linked.persons))
    if linked is not None:
        people = unique_names(
            [n for raw in linked.persons for n in person_names(raw, not_names=organisations)]
        )
        if people:
            return people, False
    for key in _AUTHOR_KEYS:
        values = [v for v in meta.get(key, ()) if not _is_url(v)]
        if key in _ONE_PERSON_KEYS:
            values = [_inverted(v) for v in values]
        credited = credited or any(is_desk(v) for v in values)
        people = unique_names([n for raw in values for n in person_names(raw, not_names=organisations)])
        if people:
            return people, False
    people, desk = _microdata_authors(root, organisations)
    return people, not people and (credited or desk)


def _microdata_authors(root: Any, organisations: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """Names in `itemprop=author` elements (their `itemprop=name` when scoped) or `rel=author` links, and
    whether one of them names a desk instead."""
    desk = False
    for element in root.xpath("//*[@itemprop]"):
        if "author" not in (element.get("itemprop") or "").split() or element.tag == "meta":
            continue
        named = element.xpath(".//*[contains(concat(' ', @itemprop, ' '), ' name ')]")
        raw = (named[0].get("content") or named[0].text_content()) if named else element.text_content()
        desk = desk or is_desk(raw)
        names = person_names(raw, not_names=organisations)
        if names:
            return names, False
    for link in root.xpath("//a[@rel]"):
        if "author" in (link.get("rel") or "").casefold().split():
            desk = desk or is_desk(link.text_content())
            names = person_names(link.text_content(), not_names=organisations)
            if names:
                return names, False
    return (), desk


def _inverted(name: str) -> str:
    """`Roe, Jane A.` (or `van Roe, Jane`) as `Jane A. Roe`; anything else, "Jane Roe, Tom Fox" too, unchanged."""
    match = _INVERTED.match(name)
    if match is None or not is_person_name(f"{match[2]} {match[1]}"):
        return name
    surname = match[1].split()
    if len(surname) > 1 and not surname[0][0].islower():
        return name
    return f"{match[2]} {match[1]}"


def _shown_bylines(root: Any, organisations: tuple[str, ...]) -> tuple[str, ...]:
    """People named by the page's visible byline ("By Erin Cunningham").

    Bylines after the page's first `<h1>` come first: the article's own byline sits under its headline,
    while one before it belongs to a teaser or a menu. The first byline that names people or a desk decides;
    a desk ("Our Foreign Staff") means no person, not a reason to take a related story's byline further down.
    """
    headline = next(root.iter("h1"), None)
    after = headline.xpath(f"following::*[{_BYLINE_TEST}]") if headline is not None else []
    for element in [*after, *root.xpath(f"//*[{_BYLINE_TEST}]")]:
        if element.tag in ("meta", "link", "script", "style"):
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) > _MAX_BYLINE_CHARS:
            continue
        names = person_names(text, not_names=organisations)
        if names:
            return names
        if is_desk(text):
            return ()
    return ()


def _microdata_date(root: Any) -> str | None:
    for element in root.xpath("//*[@itemprop]"):
        if "datepublished" in (element.get("itemprop") or "").casefold().split():
            day = _day(element.get("datetime") or element.get("content"))
            if day:
                return day
    for element in root.xpath("//time[@pubdate]"):
        day = _day(element.get("datetime"))
        if day:
            return day
    return None


def _first_time(root: Any) -> str | None:
    for element in root.iter("time"):
        day = _day(element.get("datetime"))
        if day:
            return day
    return None


def _day(value: str | None) -> str | None:
    """The calendar day an ISO date or datetime names, as the page wrote it (its own time zone); another
    spelling ("Fri Mar 13 21:30:09 EST 2015") when it is a full, unambiguous date."""
    if not value:
        return None
    match = _ISO_DAY.match(value)
    if match is None:
        try:
            return datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            return date_of_line(value)
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None
