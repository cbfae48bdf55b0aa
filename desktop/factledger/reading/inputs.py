"""What the user asked to import (files, folders, URLs, dropped HTML or text) as inputs; reading them."""

from __future__ import annotations

import os
import re
import stat
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from factledger.domain import Document

from .fetch import fetch_url
from .plain_text import read_plain_text
from .read import printable, read_file
from .sniff import SUFFIXES

InputKind = Literal["file", "url", "html", "text"]
_WEB_PREFIX = re.compile(r"https?://", re.IGNORECASE)
SELECTION_LABEL = "The dropped selection"
TEXT_LABEL = "The dropped text"


@dataclass(frozen=True)
class ImportInput:
    """One thing to import, decoded from a drop, a paste, File>Import or the command line.

    `label` names it in progress and error messages (a file name, a URL, "The dropped selection").
    `data` holds the bytes of dropped HTML or text; `base_url` is the page a selection came from.
    """

    kind: InputKind
    label: str
    path: Path | None = None
    url: str | None = None
    data: bytes | None = None
    base_url: str | None = None


def file_input(path: Path, *, label: str | None = None) -> ImportInput:
    """An input for one local file, named by its file name unless a label is given."""
    return ImportInput(kind="file", label=printable(label or path.name or str(path)), path=path)


def url_input(url: str) -> ImportInput:
    """An input for a web page to fetch."""
    return ImportInput(kind="url", label=printable(url), url=url)


def is_web_url(value: str) -> bool:
    """True for something written as an `http://` or `https://` address.

    A malformed one (`http://[::1/x`) still counts, so fetching it answers with a sentence for that one
    input instead of the whole import stopping on a parser error.
    """
    text = value.strip()
    prefix = _WEB_PREFIX.match(text)
    return prefix is not None and len(text) > prefix.end() and not any(c.isspace() for c in text)


def file_url_to_path(url: str) -> Path | None:
    """The local path a `file://` URL names, or None for anything else."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() != "file":
        return None
    return Path(urllib.request.url2pathname(urllib.parse.unquote(parts.path)))


def expand_inputs(items: Iterable[str | Path]) -> list[ImportInput]:
    """Turn command-line or File>Import arguments into inputs, in the order given.

    Folders are walked recursively, keeping only files with a suffix FactLedger reads and skipping hidden
    files and folders, in sorted order. A path that does not exist is kept: reading it reports the problem
    for that one input while the others import.
    """
    found: list[ImportInput] = []
    for item in items:
        if isinstance(item, str) and is_web_url(item):
            found.append(url_input(item.strip()))
            continue
        path = (file_url_to_path(item) if isinstance(item, str) else None) or Path(item)
        if _is_folder(path):
            found.extend(_folder_inputs(path))
        else:
            found.append(file_input(path))
    return found


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder; any error (a name too long, a loop) leaves it to reading to explain."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def _folder_inputs(folder: Path) -> list[ImportInput]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                files.append(Path(root) / name)
    files.sort(key=lambda p: p.relative_to(folder).parts)
    return [file_input(p, label=str(Path(folder.name) / p.relative_to(folder))) for p in files]


def read_input(item: ImportInput, *, fetch: Callable[[str], Document] = fetch_url) -> Document:
    """Read one input into a `Document`; `fetch` is injectable so callers and tests choose the network."""
    if item.kind == "file" and item.path is not None:
        return read_file(item.path)
    if item.kind == "url" and item.url is not None:
        return fetch(item.url)
    if item.kind == "html" and item.data is not None:
        from .html_reader import read_html  # trafilatura and lxml load with the first HTML, not at start

        return read_html(item.data, label=item.label, file_name=None, url=item.base_url, selection=True)
    if item.kind == "text" and item.data is not None:
        return read_plain_text(item.data, label=item.label, file_name=None, url=item.base_url)
    raise ValueError(f"inconsistent ImportInput: {item!r}")
