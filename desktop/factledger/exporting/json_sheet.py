"""The JSON fact sheet: an array with one object per fact and its evidence nested, written as a stream."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from typing import Any

from factledger.domain.factsheet import CSV_COLUMNS, EvidenceRef, FactSheetRow

from .atomic import atomic_text_file
from .cells import finite
from .progress import CancelFn, ProgressFn, RowCounter


def write_json(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> int:
    """Stream `rows` to a UTF-8 JSON array at `path` and return how many facts were written.

    Keys follow `CSV_COLUMNS`, then `source_id`, `stated_on`, `claim_start`, `claim_end`, `delivered`;
    `evidence` is a list of objects. Non-finite numbers become null. The file appears only when complete.
    """
    return stream_json_array(rows, path, fact_object, progress=progress, cancelled=cancelled)


def stream_json_array(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    to_object: Callable[[FactSheetRow], dict[str, Any]],
    *,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
) -> int:
    """Write `[obj, obj, ...]` one element at a time, so memory does not grow with the number of rows."""
    counter = RowCounter(progress=progress, cancelled=cancelled)
    with atomic_text_file(path) as out:
        out.write("[")
        for row in rows:
            out.write(",\n  " if counter.count else "\n  ")
            out.write(json.dumps(to_object(row), ensure_ascii=False, allow_nan=False))
            counter.tick()
        out.write("\n]\n" if counter.count else "]\n")
        counter.finish()
    return counter.count


def fact_object(row: FactSheetRow) -> dict[str, Any]:
    """A fact as plain JSON: every CSV column (null where unknown), the span, and structured evidence."""
    data: dict[str, Any] = {name: getattr(row, name) for name in CSV_COLUMNS}
    data["value"] = finite(row.value)
    data["amount"] = finite(row.amount)
    data["source_id"] = row.source_id
    data["stated_on"] = row.stated_on
    data["claim_start"] = row.claim_start
    data["claim_end"] = row.claim_end
    data["delivered"] = finite(row.delivered)
    data["evidence"] = [evidence_object(ref) for ref in row.evidence]
    return data


def evidence_object(ref: EvidenceRef) -> dict[str, Any]:
    """One piece of evidence as plain JSON, stance as its stored value."""
    return {
        "stance": ref.stance.value,
        "source_id": ref.source_id,
        "source_title": ref.source_title,
        "source_url": ref.source_url,
        "url": ref.url,
        "quote": ref.quote,
        "note": ref.note,
        "start": ref.start,
        "end": ref.end,
    }
