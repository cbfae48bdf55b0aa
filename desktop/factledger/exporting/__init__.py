"""Fact-sheet exports (CSV, JSON, ClaimReview JSON-LD, Markdown) streamed from `FactSheetRow`s; no Qt."""

from .cells import FORMULA_TRIGGERS, format_number, neutralize
from .claimreview import STATUS_RATINGS, claim_review, validate_claimreview, write_claimreview
from .csv_sheet import csv_cells, write_csv
from .formats import EXPORT_FORMATS, ExportFormat, ExportOptions, export, export_format
from .json_sheet import fact_object, write_json
from .markdown_sheet import write_markdown
from .progress import PROGRESS_EVERY, ExportCancelled

__all__ = [
    "EXPORT_FORMATS",
    "FORMULA_TRIGGERS",
    "PROGRESS_EVERY",
    "STATUS_RATINGS",
    "ExportCancelled",
    "ExportFormat",
    "ExportOptions",
    "claim_review",
    "csv_cells",
    "export",
    "export_format",
    "fact_object",
    "format_number",
    "neutralize",
    "validate_claimreview",
    "write_claimreview",
    "write_csv",
    "write_json",
    "write_markdown",
]
