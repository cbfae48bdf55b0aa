"""`factledger --selftest`: a headless end-to-end check of an install or a frozen build, one line of result.

It walks the path a person takes (import every supported format, accept suggestions, verify a fact, export
a fact sheet, draw a chart) on a throwaway ledger, so a bundle that lost a data file, a Qt plugin or a
hidden import fails here, in CI, and not on a user's desk. Qt is imported only for the chart step.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from factledger.core import Ledger
from factledger.domain import ClaimFilter, Status
from factledger.reading import expand_inputs
from factledger.resources import resource_path

# Each format the readers support, with the bundled variant of the sample article that exercises it.
SAMPLE_FILES: tuple[tuple[str, str], ...] = (
    ("text", "sample-article.txt"),
    ("HTML", "sample-article.html"),
    ("PDF", "sample-article.pdf"),
    ("DOCX", "sample-article.docx"),
    ("e-mail", "sample-article.eml"),
)
VERIFY_REASON = "Self-check: confirmed against the bundled sample article."


class SelftestFailure(Exception):
    """A step did not produce what it must; the message names the step and what was seen."""


@dataclass(frozen=True, slots=True)
class SelftestReport:
    """What the run did, for the one-line summary."""

    formats: int
    suggestions: int
    claims: int
    exported_rows: int
    chart: str
    seconds: float

    def summary(self) -> str:
        return (
            f"{self.formats} formats imported, {self.suggestions} suggestions, {self.claims} facts accepted, "
            f"1 verified, {self.exported_rows} CSV row(s) read back, {self.chart} chart rendered, "
            f"{self.seconds:.1f} s"
        )


def run_selftest() -> int:
    """Run every step; print `factledger selftest: OK (...)` and return 0, or the failure and return 1."""
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="factledger-selftest-") as workdir:
            report = _run(Path(workdir), started=started)
    except SelftestFailure as failure:
        print(f"factledger selftest: FAILED: {failure}", flush=True)
        return 1
    except Exception as error:  # anything else is the bug this check exists to catch: show all of it
        traceback.print_exc(file=sys.stderr)
        print(f"factledger selftest: FAILED: {type(error).__name__}: {error}", flush=True)
        return 1
    print(f"factledger selftest: OK ({report.summary()})", flush=True)
    return 0


def _run(workdir: Path, *, started: float) -> SelftestReport:
    suggestions = _import_every_format(workdir)
    with Ledger.open(workdir / "selftest.factledger", actor="selftest") as ledger:
        source_id, _ = _import_one(ledger, "text", resource_path("sample", SAMPLE_FILES[0][1]))
        ledger.accept_all(source_id=source_id)
        claims = ledger.claims_for_source(source_id)
        if not claims:
            raise SelftestFailure("accepting the sample's suggestions produced no facts")
        claim = claims[0]
        ledger.set_status(claim.id, status=Status.VERIFIED, reason=VERIFY_REASON)
        if ledger.claim(claim.id).status != Status.VERIFIED:
            raise SelftestFailure(f"fact {claim.id} is not verified after setting its status")
        exported = _export_and_read_back(ledger, workdir / "verified.csv", claim_id=claim.id)
        chart = _render_chart(ledger, workdir / "chart.png")
    return SelftestReport(
        formats=len(SAMPLE_FILES),
        suggestions=suggestions,
        claims=len(claims),
        exported_rows=exported,
        chart=chart,
        seconds=time.perf_counter() - started,
    )


def _render_chart(ledger: Ledger, path: Path) -> str:
    # Headless whatever the environment says: a CI runner may export a display it does not have.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from factledger.ui.selftest_chart import BlankChartError, render_ledger_chart  # the only Qt import

    try:
        return render_ledger_chart(ledger, path)
    except BlankChartError as error:
        raise SelftestFailure(f"chart: {error}") from error


def _import_every_format(workdir: Path) -> int:
    """Each format into a ledger of its own: variants of one article may normalize to the same text, and a
    shared ledger would then (rightly) refuse the later ones as duplicates instead of exercising them."""
    total = 0
    for label, name in SAMPLE_FILES:
        path = resource_path("sample", name)
        if not path.is_file():
            raise SelftestFailure(f"the bundled {label} sample is missing: {path}")
        with Ledger.open(workdir / f"format-{label}.factledger", actor="selftest") as ledger:
            source_id, count = _import_one(ledger, label, path)
            stored = len(ledger.suggestions(source_id))
            if stored != count:
                raise SelftestFailure(
                    f"the {label} sample reported {count} suggestions but {stored} were stored"
                )
            total += count
    return total


def _import_one(ledger: Ledger, label: str, path: Path) -> tuple[str, int]:
    """Import one file and return its source id and suggestion count, or fail naming the format."""
    results = ledger.import_inputs(expand_inputs([path]))
    if len(results) != 1:
        raise SelftestFailure(f"importing the {label} sample gave {len(results)} results instead of 1")
    result = results[0]
    if result.outcome != "imported" or result.source_id is None:
        raise SelftestFailure(f"the {label} sample did not import: {result.message}")
    if not ledger.source(result.source_id).text.strip():
        raise SelftestFailure(f"the {label} sample imported with no text")
    if result.suggestion_count == 0:
        raise SelftestFailure(f"the {label} sample imported without any suggestions")
    return result.source_id, result.suggestion_count


def _export_and_read_back(ledger: Ledger, path: Path, *, claim_id: str) -> int:
    written = ledger.export(path, fmt="csv", claim_filter=ClaimFilter(statuses=frozenset({Status.VERIFIED})))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if written != 1 or len(rows) != 1:
        raise SelftestFailure(
            f"the CSV export of verified facts has {len(rows)} rows (wrote {written}), not 1"
        )
    row = rows[0]
    if row.get("id") != claim_id or row.get("status") != Status.VERIFIED.value:
        raise SelftestFailure(f"the exported CSV row does not match the verified fact: {row.get('id')!r}")
    return len(rows)


__all__ = ["SAMPLE_FILES", "SelftestFailure", "SelftestReport", "run_selftest"]
