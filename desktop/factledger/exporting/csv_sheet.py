"""The CSV fact sheet: RFC 4180, UTF-8 (with a BOM for Excel by default), safe against formula injection."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from operator import attrgetter

from factledger.domain.factsheet import CSV_COLUMNS, FactSheetRow

from .atomic import atomic_text_file
from .cells import FORMULA_TRIGGERS, evidence_text, format_number, neutralize
from .progress import CancelFn, ProgressFn, RowCounter


def write_csv(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    *,
    bom: bool = True,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> int:
    """Stream `rows` to a CSV file at `path` (header `CSV_COLUMNS`) and return how many rows were written.

    Cells are quoted only where RFC 4180 requires it, lines end in CRLF, and newlines inside a field
    are kept. Every text cell that could start a formula gets a leading apostrophe; `value` and
    `amount` are written as plain positional numbers so negative figures stay numeric. The BOM makes
    Excel pick UTF-8; pandas reads it with `encoding="utf-8-sig"`. The file appears only when complete.
    """
    counter = RowCounter(progress=progress, cancelled=cancelled)
    # Plain UTF-8 plus an explicit BOM writes the same bytes as "utf-8-sig" through the C encoder
    # (utf-8-sig's incremental encoder is Python code, called once per write).
    with atomic_text_file(path, encoding="utf-8") as out:
        if bom:
            out.write("\ufeff")
        out.write(_csv_line(CSV_COLUMNS))
        for row in rows:
            out.write(_csv_line(csv_cells(row)))
            counter.tick()
        counter.finish()
    return counter.count


def _csv_line(cells: Sequence[str]) -> str:
    """One CSV record with its CRLF, quoted exactly as `csv.writer` (QUOTE_MINIMAL, CRLF) quotes it.

    A cell is quoted when it holds a comma, a double quote, CR or LF, and its double quotes are doubled.
    Python 3.11's `csv.writer` looks each character up in the line terminator with a function call,
    which made it the slowest step of a 100,000-row export; `in` scans with memchr. Rows here always
    have several cells (csv.writer also quotes a record that is one empty cell).
    """
    return (
        ",".join(
            [
                ('"' + cell.replace('"', '""') + '"')
                if ("," in cell or '"' in cell or "\n" in cell or "\r" in cell)
                else cell
                for cell in cells
            ]
        )
        + "\r\n"
    )


def csv_cells(row: FactSheetRow) -> list[str]:
    """One row's cells in `CSV_COLUMNS` order, already neutralized and formatted (also used for previews)."""
    # The hot path of a 100,000-row export: one attrgetter call and one comprehension per row.
    cells = [
        "" if text is None else ("'" + text if text and text[0] in _TRIGGER_CHARS else text)
        for text in _text_fields(row)
    ]
    # Ascending positions, so each insert lands at its final index.
    cells.insert(_VALUE, format_number(row.value))
    cells.insert(_AMOUNT, format_number(row.amount))
    cells.insert(_EVIDENCE, neutralize(evidence_text(row.evidence)))
    return cells


_VALUE, _AMOUNT, _EVIDENCE = (CSV_COLUMNS.index(name) for name in ("value", "amount", "evidence"))
_text_fields = attrgetter(*(name for name in CSV_COLUMNS if name not in ("value", "amount", "evidence")))
_TRIGGER_CHARS = "".join(FORMULA_TRIGGERS)
