"""Which dropped or imported files are articles: text, Markdown, HTML, PDF, e-mail and Word, nothing else.

A folder of downloads or a project often holds data files (.json, .csv) and project files (README, LICENSE)
next to the articles; importing those made sources titled "{". They are skipped, and each skip is named.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factledger import reading
from factledger.reading import ImportInput
from factledger.reading.sniff import SUFFIXES

ARTICLE_SUFFIXES = frozenset(SUFFIXES)
"""The suffixes the readers take: .txt .text .md .markdown .html .htm .xhtml .pdf .eml .docx."""
PROJECT_FILE_STEMS = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "changes",
        "history",
        "authors",
        "contributors",
        "contributing",
        "notice",
        "code_of_conduct",
        "security",
        "todo",
    }
)
"""Files that describe a folder or project rather than report news, whatever their suffix."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input left out of an import, with the reason in words."""

    label: str
    reason: str


def expand_inputs(given: Iterable[str | Path]) -> list[ImportInput]:
    """Paths, folders and URLs as a person typed them, as the inputs to import (a folder's files in order).

    Everything given is kept, articles or not: the command line imports what it was told to and reports
    each failure, where a drop onto the window is sorted with `split_articles` first.
    """
    return reading.expand_inputs(given)


def printable(text: str) -> str:
    """`text` safe to print on one terminal line: undecodable bytes of a file name and control characters
    (a newline in a file name) become U+FFFD."""
    return reading.printable(text)


def split_articles(inputs: Sequence[ImportInput]) -> tuple[list[ImportInput], list[Skipped]]:
    """The inputs to import (web pages, dropped text, article files) and the files skipped, in order."""
    articles: list[ImportInput] = []
    skipped: list[Skipped] = []
    for item in inputs:
        if item.kind != "file" or item.path is None:
            articles.append(item)
            continue
        reason = _not_an_article(item.path)
        if reason is None:
            articles.append(item)
        else:
            skipped.append(Skipped(item.label, reason))
    return articles, skipped


def _not_an_article(path: Path) -> str | None:
    stem = path.name.split(".", 1)[0].casefold()
    if stem in PROJECT_FILE_STEMS:
        return "a project file, not an article"
    suffix = path.suffix.casefold()
    if suffix not in ARTICLE_SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file without a type"
        return f"{kind}, not an article (text, Markdown, HTML, PDF, e-mail or Word)"
    return None


def import_summary(outcomes: Sequence[str], skipped: Sequence[Skipped], *, requested: int) -> str:
    """The status line after an import: "Imported 2 sources, 1 duplicate, 3 skipped (not articles), 1 failed".

    `outcomes` are the results' outcomes ("imported", "duplicate", "failed"); `requested` counts the inputs
    sent to import, so the ones a cancel left out are said too.
    """
    imported = sum(1 for o in outcomes if o == "imported")
    duplicates = sum(1 for o in outcomes if o == "duplicate")
    failed = sum(1 for o in outcomes if o == "failed")
    not_run = max(0, requested - len(outcomes))
    parts = [f"Imported {imported} source{'s' if imported != 1 else ''}"]
    if duplicates:
        parts.append(f"{duplicates} already in the ledger")
    if skipped:
        names = ", ".join(s.label for s in skipped[:3]) + ("…" if len(skipped) > 3 else "")
        parts.append(f"{len(skipped)} skipped as not articles ({names})")
    if failed:
        parts.append(f"{failed} failed")
    if not_run:
        parts.append(f"{not_run} not imported (cancelled)")
    return ", ".join(parts) + "."
