"""Titles, authors and dates of the readability news pages: trafilatura alone versus FactLedger's HTML reader.

Run from the repository root: `PYTHONPATH=desktop .venv/bin/python benchmarks/reading_metadata.py`.
Prints the table and writes docs/READING_METADATA.md; skipped when ../shared/corpus is absent.

Gold is each page's `expected-metadata.json` (written by Mozilla Readability's authors). It is scored as given
("raw"), and also "checked": four entries that the page itself contradicts are replaced by what the page says,
each with its evidence below, so a reader that reads the page right is not charged for Readability's slips.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from factledger.reading import read_bytes
from factledger.reading.html_reader import _extract, decode_html

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"

# Where the page contradicts Readability's expectation: (field, value the page states, evidence).
CHECKED: dict[str, tuple[str, str, str]] = {
    "guardian-1": (
        "title",
        "'What is the sea telling us?': Māori tribes fearful over whale strandings",
        "the page's `<h1 itemprop=headline>`; Readability kept og:title's ` | <author>` suffix",
    ),
    "herald-sun-1": (
        "byline",
        "Laurie Oakes",
        "`article:author` and the article's own `by: Laurie Oakes`; Readability took a columnist list entry",
    ),
    "salon-1": (
        "byline",
        "Richard (R.J.) Eskow",
        "the article header's `rel=author` link and the page's analytics author slot; Readability took a "
        "sidebar story's byline",
    ),
    "seattletimes-1": (
        "byline",
        "Benjamin Romano",
        "`<meta name=author>` and the `h-card` byline; Readability's byline is the page's date line",
    ),
}
_SPLIT = re.compile(r"\s+(?:and|et|&)\s+|\s*,\s*|\s*\(\s*(?:avec|with)\s+", re.IGNORECASE)


@dataclass
class Score:
    """Counts of pages whose title, authors and date agree with the gold, out of the pages that give one."""

    titles: int = 0
    title_pages: int = 0
    authors: int = 0
    author_pages: int = 0
    dates: int = 0
    date_pages: int = 0
    dated: int = 0  # pages with any published date found
    false_authors: int = 0  # a person named on a page whose gold names none
    misses: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Found:
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    outlet: str | None


def trafilatura_alone(page: Path) -> Found:
    """What the reader gave before structured metadata: trafilatura's fields, "By " and `;` split only."""
    html = decode_html((page / "source.html").read_bytes(), label=page.name)
    result = _extract(html, url=None)
    assert result is not None
    authors = tuple(re.sub(r"^by\s+", "", a.strip(), flags=re.IGNORECASE) for a in result.authors)
    return Found(result.title, tuple(a for a in authors if a), result.published, result.outlet)


def factledger(page: Path) -> Found:
    """What FactLedger's reader gives now."""
    document = read_bytes((page / "source.html").read_bytes(), file_name="source.html")
    return Found(document.title, document.authors, document.published, document.outlet)


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").replace("’", "'")
    return " ".join(re.sub(r"^by\s+", "", text.strip(), flags=re.IGNORECASE).casefold().split())


def _people(byline: str) -> set[str]:
    return {_key(p) for p in _SPLIT.split(re.sub(r"^by\s+", "", byline, flags=re.IGNORECASE)) if _key(p)}


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalpha())


def score(read: object, corpus: Path, *, checked: bool) -> Score:
    """Score `read` (a page folder to `Found`) on every readability page."""
    assert callable(read)
    result = Score()
    for page in sorted(p for p in (corpus / "readability").iterdir() if p.is_dir()):
        gold = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        if checked and page.name in CHECKED:
            name, value, _evidence = CHECKED[page.name]
            gold[name] = value
        found: Found = read(page)
        result.title_pages += 1
        if _norm(found.title) == _norm(gold["title"]):
            result.titles += 1
        else:
            result.misses.append(f"{page.name} title {found.title!r}")
        byline = gold.get("byline")
        if byline:
            result.author_pages += 1
            if _norm(byline) == _norm(gold.get("siteName")):
                ok = not found.authors and _norm(found.outlet) == _norm(byline)  # the outlet is the byline
            else:
                ok = {_key(a) for a in found.authors} == _people(byline)
            result.authors += ok
            if not ok:
                result.misses.append(f"{page.name} authors {found.authors!r}")
        elif found.authors:
            result.false_authors += 1
            result.misses.append(f"{page.name} authors {found.authors!r} (none expected)")
        result.dated += found.published is not None
        if gold.get("publishedTime"):
            result.date_pages += 1
            ok = (found.published or "")[:10] == gold["publishedTime"][:10]
            result.dates += ok
            if not ok:
                result.misses.append(f"{page.name} date {found.published!r}")
    return result


def report(corpus: Path) -> str:
    lines = [
        "# Page metadata on the readability pages\n",
        "Written by `benchmarks/reading_metadata.py`. *Before*: trafilatura alone (the reader until structured "
        "metadata); *after*: FactLedger's HTML reader (JSON-LD, OpenGraph, `citation_*`, Dublin Core, "
        "microdata, then trafilatura). Authors match when the set of people is the same; a byline that is the "
        "outlet's name matches when no person and that outlet are given.\n",
        "| gold | reader | titles | authors | dates (gold has one) | pages dated | people where none expected |",
        "|---|---|---|---|---|---|---|",
    ]
    misses: list[str] = []
    for checked in (False, True):
        for label, read in (("before", trafilatura_alone), ("after", factledger)):
            s = score(read, corpus, checked=checked)
            lines.append(
                f"| {'checked' if checked else 'raw'} | {label} | {s.titles}/{s.title_pages} | "
                f"{s.authors}/{s.author_pages} | {s.dates}/{s.date_pages} | {s.dated}/{s.title_pages} | "
                f"{s.false_authors} |"
            )
            if checked and label == "after":
                misses = s.misses
    lines += ["", "Checked gold (the page contradicts Readability's expectation):", ""]
    lines += [
        f"- {page}: {name} = {value!r} ({evidence})" for page, (name, value, evidence) in CHECKED.items()
    ]
    lines += ["", "Remaining misses after, on checked gold: " + ("; ".join(misses) or "none")]
    return "\n".join(lines) + "\n"


def main() -> None:
    if not (CORPUS / "readability").is_dir():
        print("../shared/corpus/readability is absent: nothing measured.")
        sys.exit(0)
    text = report(CORPUS)
    print(text)
    (REPO / "docs").mkdir(exist_ok=True)
    (REPO / "docs" / "READING_METADATA.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
