"""The import pipeline: read an input, extract suggestions, store both in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from factledger import extraction, reading
from factledger.domain import Changes, Document, Suggestion, UserError
from factledger.reading import ImportInput

from . import operations
from .context import LedgerContext, new_id
from .versions import AddSourceVersion, VersionReport

Outcome = Literal["imported", "duplicate", "failed", "new_version"]
LONG_EXTRACTION_CHARS = 200_000
"""Text from which on finding facts takes about a second or more (see benchmarks/bad_inputs.py)."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one input; `message` is the sentence shown to the person."""

    label: str
    outcome: Outcome
    source_id: str | None = None
    title: str | None = None
    suggestion_count: int = 0
    message: str = ""
    changes: Changes = field(default_factory=Changes)
    version: int | None = None  # 1 for a new source, N for a new version of one
    report: VersionReport | None = None  # what re-anchoring did, for a new version
    edit: AddSourceVersion | None = None  # the applied edit, so a new version can be undone


def store_document(ctx: LedgerContext, document: Document, suggestions: Sequence[Suggestion]) -> ImportResult:
    """Store one document and its open suggestions atomically; the same text twice is one source."""
    label = document.file_name or document.url or document.title or "document"
    with ctx.store.transaction():
        existing = ctx.sources.id_for_hash(document.content_sha256)
        if existing is not None:
            found = ctx.versions.lineage(existing)
            return ImportResult(
                label,
                "duplicate",
                existing,
                document.title,
                message=f"{label}: already in this ledger (same text as source {existing}).",
                version=None if found is None else found.version,
            )
        previous = ctx.versions.match(document)
        if previous is not None:
            return _new_version(ctx, label, previous, document, suggestions)
        source_id = "src_" + document.content_sha256[:16]
        now = ctx.clock()
        ctx.sources.insert(source_id, document, imported_at=now)
        count = ctx.suggestions.add_for_source(
            source_id, suggestions, claimed=set(), new_id=lambda: new_id("sug")
        )
        ctx.record(
            entity="source",
            entity_id=source_id,
            action="import",
            at=now,
            after={
                "title": document.title,
                "file_name": document.file_name,
                "url": document.url,
                "suggestions": count,
            },
        )
    changes = Changes(sources=frozenset({source_id}), suggestions=frozenset({source_id}), history=True)
    return ImportResult(
        label,
        "imported",
        source_id,
        document.title,
        count,
        message=f"{label}: imported with {count} suggestions.",
        changes=changes,
        version=1,
    )


def _new_version(
    ctx: LedgerContext, label: str, previous: str, document: Document, suggestions: Sequence[Suggestion]
) -> ImportResult:
    """The document is a later version of a source already here: store it and re-anchor every fact."""
    edit = operations.add_source_version(previous=previous, document=document, suggestions=suggestions)
    changes = edit.apply(ctx)
    report = edit.report
    assert report is not None  # apply always reports
    count = len(ctx.suggestions.for_source(edit.source_id))
    return ImportResult(
        label,
        "new_version",
        edit.source_id,
        document.title,
        count,
        message=f"{label}: version {report.version} of source {report.lineage} ({report.summary()}).",
        changes=changes,
        version=report.version,
        report=report,
        edit=edit,
    )


def import_document(ctx: LedgerContext, document: Document) -> ImportResult:
    return store_document(ctx, document, extraction.suggest(document))


def import_inputs(
    ctx: LedgerContext,
    items: Iterable[ImportInput],
    *,
    progress: Callable[[int, int, ImportResult], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    fetch: Callable[[str], Document] = reading.fetch_url,
) -> list[ImportResult]:
    """Import each input on its own: a bad file fails alone with its reason, the rest import.

    Cancelling is honoured between inputs; an input already being read is finished and kept, unless its
    text is long enough for extraction to take seconds: then a cancel that came while it was read stops
    there, and nothing of it is stored.
    """
    queue = list(items)
    results: list[ImportResult] = []
    for index, item in enumerate(queue):
        if cancelled is not None and cancelled():
            break
        found = _read_and_extract(
            item, fetch=fetch, cancelled=cancelled, refuse_if_open=ctx.store.refuse_if_open
        )
        if found is None:
            break
        if isinstance(found, ImportResult):
            result = found
        else:
            try:
                result = _relabel(store_document(ctx, *found), item.label)
            except UserError as error:
                result = ImportResult(item.label, "failed", message=f"{item.label}: {error.message}")
        results.append(result)
        if progress is not None:
            progress(index + 1, len(queue), result)
    return results


def _read_and_extract(
    item: ImportInput,
    *,
    fetch: Callable[[str], Document],
    cancelled: Callable[[], bool] | None,
    refuse_if_open: Callable[..., None],
) -> tuple[Document, list[Suggestion]] | ImportResult | None:
    """The document and its suggestions, a failed result saying why, or None once cancelled.

    `refuse_if_open(path, doing=...)` is the store's guard against reading an open ledger's file."""
    try:
        if item.path is not None:  # reading an open ledger's file with open() would drop its locks
            refuse_if_open(item.path, doing="importing")
        document = reading.read_input(item, fetch=fetch)
        if cancelled is not None and len(document.text) > LONG_EXTRACTION_CHARS and cancelled():
            return None  # a cancel that came while reading spares the person a long extraction
        return document, extraction.suggest(document)
    except UserError as error:
        return ImportResult(item.label, "failed", message=f"{item.label}: {error.message}")
    except RecursionError:
        return ImportResult(
            item.label,
            "failed",
            message=f"{item.label}: this input is nested too deeply to be read (thousands of levels); nothing was imported.",
        )
    except MemoryError:
        return ImportResult(
            item.label,
            "failed",
            message=f"{item.label}: reading this input needs more memory than this computer has free; nothing was imported.",
        )
    except Exception as error:  # one unforeseen damaged input must not stop the others
        return ImportResult(
            item.label,
            "failed",
            message=(
                f"{item.label}: this input could not be read because of an unexpected problem in it "
                f"({type(error).__name__}: {error}); nothing was imported from it."
            ),
        )


def _relabel(result: ImportResult, label: str) -> ImportResult:
    """The result named as the person named the input (a path or URL), not by the document's file name."""
    if result.label == label:
        return result
    return ImportResult(
        label,
        result.outcome,
        result.source_id,
        result.title,
        result.suggestion_count,
        result.message.replace(result.label, label, 1),
        result.changes,
        result.version,
        result.report,
        result.edit,
    )
