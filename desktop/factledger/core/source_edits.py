"""Correcting a source's details (title, outlet, address, date, authors) as an undoable, logged edit.

Extraction guesses these from the document, and plain text or a PDF often carries none: a fact-checker
must be able to set the publication date, because every fact without a date of its own is placed on the
timeline, filtered and exported by its source's date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from factledger.domain import Changes, UserError

from .context import LedgerContext
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
        ctx.history.append(
            entity="source",
            entity_id=self.source_id,
            claim_id=None,
            action=action,
            actor=ctx.actor,
            at=ctx.clock(),
            before=before,
            after=values,
            reason=reason,
        )
        # Views of facts refresh on a changed source: facts without a date of their own move with it.
        return Changes(sources=frozenset({self.source_id}), history=True)
