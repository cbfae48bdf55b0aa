"""The import pipeline: read an input, extract suggestions, store both in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from factledger import extraction, reading
from factledger.domain import Changes, Document, Suggestion, UserError
from factledger.reading import ImportInput
from factledger.storage import write_transaction
from factledger.storage.open_ledgers import refuse_if_open

from .context import LedgerContext, new_id

Outcome = Literal["imported", "duplicate", "failed"]


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


def store_document(ctx: LedgerContext, document: Document, suggestions: Sequence[Suggestion]) -> ImportResult:
    """Store one document and its open suggestions atomically; the same text twice is one source."""
    label = document.file_name or document.url or document.title or "document"
    with write_transaction(ctx.db):
        existing = ctx.sources.id_for_hash(document.content_sha256)
        if existing is not None:
            return ImportResult(
                label,
                "duplicate",
                existing,
                document.title,
                message=f"{label}: already in this ledger (same text as source {existing}).",
            )
        source_id = "src_" + document.content_sha256[:16]
        now = ctx.clock()
        ctx.sources.insert(source_id, document, imported_at=now)
        count = ctx.suggestions.add_for_source(
            source_id, suggestions, claimed=set(), new_id=lambda: new_id("sug")
        )
        ctx.history.append(
            entity="source",
            entity_id=source_id,
            action="import",
            actor=ctx.actor,
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
    """Import each input on its own: a bad file fails alone with its reason, the rest import."""
    queue = list(items)
    results: list[ImportResult] = []
    for index, item in enumerate(queue):
        if cancelled is not None and cancelled():
            break
        try:
            if item.path is not None:  # reading an open ledger's file with open() would drop its locks
                refuse_if_open(item.path, doing="importing")
            document = reading.read_input(item, fetch=fetch)
            result = import_document(ctx, document)
            if result.label != item.label:
                result = ImportResult(
                    item.label,
                    result.outcome,
                    result.source_id,
                    result.title,
                    result.suggestion_count,
                    result.message.replace(result.label, item.label, 1),
                    result.changes,
                )
        except UserError as error:
            result = ImportResult(item.label, "failed", message=f"{item.label}: {error.message}")
        results.append(result)
        if progress is not None:
            progress(index + 1, len(queue), result)
    return results
