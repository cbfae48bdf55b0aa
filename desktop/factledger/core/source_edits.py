"""Changing a source: correcting its details (title, outlet, address, date, authors) as an undoable, logged
edit; extracting its suggestions again; deleting it, which cannot be undone.

Extraction guesses these from the document, and plain text or a PDF often carries none: a fact-checker
must be able to set the publication date, because every fact without a date of its own is placed on the
timeline, filtered and exported by its source's date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar

from factledger.domain import Changes, Document, UserError

from .context import LedgerContext, new_id
from .edits import Edit
from .fields import SOURCE_FIELDS, checked_date


def normalize_source_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Storable values: blanks as None, the date checked, authors as the JSON array the schema keeps."""
    result: dict[str, Any] = {}
    for name, raw in fields.items():
        if name not in SOURCE_FIELDS:
            raise UserError(f"'{name}' is not a detail of a source; choose from {', '.join(SOURCE_FIELDS)}.")
        if name == "authors":
            names = raw.split(",") if isinstance(raw, str) else list(raw or ())
            result[name] = json.dumps([n.strip() for n in names if str(n).strip()], ensure_ascii=False)
            continue
        value = raw.strip() if isinstance(raw, str) else raw
        if not value:
            result[name] = None
        elif name == "published":
            result[name] = checked_date("the publication date", str(value))
        else:
            result[name] = str(value)
    return result


@dataclass
class EditSource(Edit):
    """Change some details of a source; the history keeps both the old and the new values.

    `fields` are already normalized (`normalize_source_fields`), so a typing mistake is refused before
    the edit reaches the undo stack.
    """

    source_id: str
    fields: dict[str, Any]
    reason: str | None = None
    _before: dict[str, Any] | None = None
    description = "Edit source details"

    def apply(self, ctx: LedgerContext) -> Changes:
        current = self._current(ctx)
        changed = {k: v for k, v in self.fields.items() if current[k] != v}
        self._before = {k: current[k] for k in changed}
        return self._write(ctx, changed, before=self._before, action="edit source", reason=self.reason)

    def revert(self, ctx: LedgerContext) -> Changes:
        assert self._before is not None, "revert before apply"
        current = self._current(ctx)
        now = {k: current[k] for k in self._before}
        return self._write(ctx, self._before, before=now, action="undo edit source", reason=None)

    def _current(self, ctx: LedgerContext) -> dict[str, Any]:
        details = ctx.sources.details(self.source_id, SOURCE_FIELDS)
        if details is None:
            raise UserError(f"There is no source with id {self.source_id} in this ledger.")
        return details

    def _write(
        self,
        ctx: LedgerContext,
        values: dict[str, Any],
        *,
        before: dict[str, Any],
        action: str,
        reason: str | None,
    ) -> Changes:
        if not values:
            return Changes()
        ctx.sources.update_details(self.source_id, values)
        ctx.record(
            entity="source",
            entity_id=self.source_id,
            action=action,
            before=before,
            after=values,
            reason=reason,
        )
        # Views of facts refresh on a changed source: facts without a date of their own move with it.
        return Changes(sources=frozenset({self.source_id}), history=True)


@dataclass
class DeleteSource(Edit):
    """Remove a source with every version of it (newest first), their facts, evidence and suggestions.

    It cannot be undone: the window asks first, the ledger is backed up right before it is applied, and the
    history keeps a record of what was removed (the title and the facts' ids).
    """

    source_id: str
    description = "Delete source"
    undoable: ClassVar[bool] = False
    backup_reason: ClassVar[str | None] = "before-delete"

    def apply(self, ctx: LedgerContext) -> Changes:
        source = ctx.sources.get(self.source_id)
        if source is None:
            raise UserError(f"There is no source with id {self.source_id} in this ledger.")
        version_ids = [v.id for v in reversed(ctx.versions.versions(self.source_id))] or [self.source_id]
        claim_ids = frozenset(c.id for v in version_ids for c in ctx.claims.for_source(v))
        for version_id in version_ids:
            ctx.sources.delete(version_id)
        ctx.record(
            entity="source",
            entity_id=self.source_id,
            action="delete",
            before={"title": source.title, "claims": sorted(claim_ids)},
        )
        return Changes(
            sources=frozenset(version_ids), claims=claim_ids, suggestions=frozenset(version_ids), history=True
        )

    def revert(self, ctx: LedgerContext) -> Changes:
        raise UserError("Deleting a source cannot be undone; the backup made right before it still holds it.")


@dataclass
class ExtractAgain(Edit):
    """Replace a source's open suggestions by what the extractor finds now (after an update of it).

    Dismissed spans and spans already logged as facts stay out. Not undoable: the old suggestions were
    only guesses, and the same extractor cannot give them back.
    """

    source_id: str
    description = "Extract suggestions again"
    undoable: ClassVar[bool] = False

    def apply(self, ctx: LedgerContext) -> Changes:
        from factledger import extraction  # loaded on use: a query command starts without the extractor

        source = ctx.sources.get(self.source_id)
        if source is None:
            raise UserError(f"There is no source with id {self.source_id} in this ledger.")
        document = Document(
            text=source.text,
            title=source.title,
            outlet=source.outlet,
            authors=source.authors,
            published=source.published,
            url=source.url,
            media_type=source.media_type,
        )
        for stored in ctx.suggestions.for_source(self.source_id):
            ctx.suggestions.delete(stored.id)
        ctx.suggestions.add_for_source(
            self.source_id,
            extraction.suggest(document),
            claimed=ctx.claims.spans_for_source(self.source_id),
            new_id=lambda: new_id("sug"),
        )
        return Changes(sources=frozenset({self.source_id}), suggestions=frozenset({self.source_id}))

    def revert(self, ctx: LedgerContext) -> Changes:
        raise UserError("Extracting suggestions again cannot be undone.")
