"""Writing a fact sheet from a ledger by format name, as the command line asks for it.

The CLI names formats and options as text; this turns them into the exporter's types so the CLI never
imports `factledger.exporting` (import-linter: the CLI calls core only) and the exporters load only when
something is exported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from factledger.domain import ClaimFilter

if TYPE_CHECKING:
    from .ledger import Ledger


def export_fact_sheet(
    ledger: Ledger, output: Path, *, fmt: str, claim_filter: ClaimFilter, bom: bool = True
) -> int:
    """Write the facts `claim_filter` selects to `output` in format `fmt`; returns how many were written.

    The format is checked before anything is read, so a wrong name costs no time on a big ledger.
    `bom` only concerns CSV (a byte-order mark so Excel reads UTF-8).
    """
    from factledger.exporting import ExportOptions, export_format

    export_format(fmt)
    return ledger.export(output, fmt=fmt, claim_filter=claim_filter, options=ExportOptions(bom=bom))


__all__ = ["export_fact_sheet"]
