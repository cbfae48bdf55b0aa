"""Benchmark: a 100,000-fact CSV fact sheet from a real ledger, against `sqlite3 -csv` of the same columns.

Run from the repo root: `PYTHONPATH=desktop .venv/bin/python benchmarks/export_ledger.py [--claims N]`.
Both sides read the same ledger file (built by make_ledger.py through the project's storage code) and
write the same 26 columns: FactLedger streams `FactSheetRow`s through `Ledger.export` (quoting, formula
neutralization, evidence text, context around the quote, temp file + rename); the baseline is the sqlite3
shell running an equivalent SELECT with `-csv`. Memory: tracemalloc's peak while exporting 10% of the facts
and all of them; a streaming export keeps the two close.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from _bench import emit, samples_ms
from make_ledger import build_ledger

from factledger.core import Ledger
from factledger.domain import ClaimFilter

RUNS = 3

# The same columns the CSV fact sheet writes, evidence joined as text and 160 characters of context.
BASELINE_SQL = """
SELECT c.id, c.kind, c.statement, c.quote, c.value, c.unit, c.qualifier, c.period, c.subject, c.speaker,
       c.attribution, c.committer, c.action, c.amount, c.deadline, c.fulfilment, c.status, c.status_reason,
       c.verified_by, c.verified_at, s.title, s.outlet, s.url, s.published,
       (SELECT group_concat(e.stance || ': ' || coalesce(es.title, e.url, '') || ' ' || coalesce(e.quote, ''), '; ')
          FROM evidence e LEFT JOIN sources es ON es.id = e.source_id WHERE e.claim_id = c.id),
       substr(s.text, max(1, c.start + 1 - 160), c."end" - c.start + 320)
  FROM claims c JOIN sources s ON s.id = c.source_id
 ORDER BY coalesce(s.published, s.imported_at), s.id, c.start, c.id;
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    sqlite3_shell = shutil.which("sqlite3")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ledger_path = folder / "export.factledger"
        build_ledger(args.claims, ledger_path)
        out = folder / "sheet.csv"
        with Ledger.open(ledger_path) as ledger:
            ours = samples_ms(lambda: ledger.export(out, fmt="csv", claim_filter=ClaimFilter()), RUNS)
            size_mb = out.stat().st_size / 1e6
            sources = [s.id for s in ledger.sources()]
            tenth = ClaimFilter(source_ids=frozenset(sources[: max(1, len(sources) // 10)]))
            peaks = []
            for claim_filter in (tenth, ClaimFilter()):
                tracemalloc.start()
                count = ledger.export(out, fmt="csv", claim_filter=claim_filter)
                peaks.append((count, tracemalloc.get_traced_memory()[1] / 2**20))
                tracemalloc.stop()
        baseline = None
        if sqlite3_shell:
            target = folder / "baseline.csv"

            def dump() -> None:
                with target.open("wb") as handle:
                    subprocess.run(
                        [sqlite3_shell, "-csv", str(ledger_path), BASELINE_SQL], stdout=handle, check=True
                    )

            baseline = samples_ms(dump, RUNS)
    emit(
        f"CSV export of {args.claims:,} facts from a ledger ({size_mb:.0f} MB)",
        [v / 1000 for v in ours],
        unit="s",
        baseline=None if baseline is None else [v / 1000 for v in baseline],
        target="≤ 2 s and ≤ 3× sqlite3 -csv of the same columns",
        met=None
        if baseline is None
        else (sorted(ours)[RUNS // 2] <= 2000 and sorted(ours)[RUNS // 2] <= 3 * sorted(baseline)[RUNS // 2]),
    )
    (small, small_peak), (large, large_peak) = peaks
    emit(
        f"CSV export peak traced memory, {small:,} vs {large:,} facts",
        [large_peak],
        unit="MiB",
        target="flat as the count grows",
        met=large_peak <= 2 * max(small_peak, 1.0),
        note=f"{small_peak:.1f} MiB at {small:,} facts, {large_peak:.1f} MiB at {large:,}",
    )


if __name__ == "__main__":
    main()
