"""The export formats by name, their file suffixes, and `export`, which dispatches to the right writer."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from factledger.domain import UserError
from factledger.domain.factsheet import FactSheetRow

from .claimreview import DEFAULT_PUBLISHER, write_claimreview
from .csv_sheet import write_csv
from .json_sheet import write_json
from .markdown_sheet import write_markdown
from .progress import CancelFn, ProgressFn


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Format-specific choices; each format reads the ones that concern it and ignores the rest."""

    bom: bool = True  # csv: a UTF-8 byte-order mark so Excel does not guess a legacy encoding
    publisher: str = DEFAULT_PUBLISHER  # claimreview: who made the reviews
    base_url: str | None = None  # claimreview: where the fact sheet is published, for per-claim URLs
    review_published: str | None = None  # claimreview: ISO date the reviews are published
    title: str = "Fact sheet"  # md: the document heading


Writer = Callable[
    [Iterable[FactSheetRow], "str | os.PathLike[str]", ExportOptions, ProgressFn | None, CancelFn | None], int
]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One format a fact sheet can be written in, as offered to the CLI and the export dialog."""

    name: str  # what `--format` takes
    label: str  # what a file dialog shows
    suffix: str  # the default file extension, with its dot
    write: Writer


def _csv(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    options: ExportOptions,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
) -> int:
    return write_csv(rows, path, bom=options.bom, progress=progress, cancelled=cancelled)


def _json(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    options: ExportOptions,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
) -> int:
    return write_json(rows, path, progress=progress, cancelled=cancelled)


def _claimreview(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    options: ExportOptions,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
) -> int:
    return write_claimreview(
        rows,
        path,
        publisher=options.publisher,
        base_url=options.base_url,
        review_published=options.review_published,
        progress=progress,
        cancelled=cancelled,
    )


def _markdown(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    options: ExportOptions,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
) -> int:
    return write_markdown(rows, path, title=options.title, progress=progress, cancelled=cancelled)


EXPORT_FORMATS: Mapping[str, ExportFormat] = MappingProxyType(
    {
        "csv": ExportFormat("csv", "CSV spreadsheet (*.csv)", ".csv", _csv),
        "json": ExportFormat("json", "JSON (*.json)", ".json", _json),
        "claimreview": ExportFormat("claimreview", "ClaimReview JSON-LD (*.jsonld)", ".jsonld", _claimreview),
        "md": ExportFormat("md", "Markdown fact sheet (*.md)", ".md", _markdown),
    }
)
"""Formats by the name the CLI's `--format` takes, in the order a dialog should offer them."""


def export_format(name: str) -> ExportFormat:
    """The format called `name` (case-insensitive), or a `UserError` listing the choices."""
    spec = EXPORT_FORMATS.get(name.strip().lower())
    if spec is None:
        raise UserError(f"'{name}' is not an export format; choose one of: {', '.join(EXPORT_FORMATS)}.")
    return spec


def export(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    *,
    fmt: str,
    options: ExportOptions | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> int:
    """Write `rows` to `path` in format `fmt` and return the number of facts written.

    Like every writer: streams, calls `progress` and checks `cancelled` every `PROGRESS_EVERY` rows,
    raises `ExportCancelled` on cancel, and only replaces `path` once the whole file is written.
    """
    spec = export_format(fmt)
    return spec.write(rows, path, options or ExportOptions(), progress, cancelled)
