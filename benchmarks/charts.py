"""Benchmark: chart series SQL on 1,000,000 claims; timeline first frame and pan frame at 100,000 markers.

Run from the repo root: `QT_QPA_PLATFORM=offscreen PYTHONPATH=desktop .venv/bin/python benchmarks/charts.py`.
The ledger is created by `Ledger.open` and filled with raw `executemany` (fixed seed) so it builds in seconds.
It is kept at `--ledger` (default: the temp folder's factledger-charts-bench.factledger) and reused by later
runs while it holds `--claims` claims; opening an older one migrates it first (with a backup copy beside it).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from factledger.core import Ledger
from factledger.domain import ClaimFilter, ClaimKind
from factledger.storage.sqlite_store import sqlite_database

SEED = 20250801
STATUSES = ("unverified", "in_review", "verified", "partly_true", "disputed", "false", "unverifiable")
FULFILMENT = ("announced", "in_progress", "fulfilled", "partially_fulfilled", "stalled", "broken", None)


def fill(ledger: Ledger, claims: int, *, sources: int = 2_000) -> None:
    rng = random.Random(SEED)
    db = sqlite_database(ledger.store)
    db.execute("BEGIN")
    db.conn.executemany(
        "INSERT INTO sources (id, title, published, imported_at, text, content_sha256, media_type) "
        "VALUES (?, ?, ?, '2026-01-01', 'Japan pledged 550 billion.', ?, 'text/plain')",
        [
            (
                f"src_{i}",
                f"Report {i}",
                f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"{i:064x}",
            )
            for i in range(sources)
        ],
    )

    def row(i: int) -> tuple[object, ...]:
        kind = ("claim", "statistic", "commitment")[i % 3]
        stated = (
            None
            if i % 5 == 0
            else f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
        commitment = kind == "commitment"
        status = rng.choice(STATUSES)
        return (
            f"clm_{i:08d}",
            f"src_{i % sources}",
            kind,
            "550 billion",
            14,
            25,
            "Japan pledged 550 billion.",
            f"subject {rng.randint(0, 49)}",
            f"speaker {rng.randint(0, 99)}",
            stated,
            rng.choice((None, 500e9, 550e9, 16707.0)) if kind == "statistic" else None,
            "USD",
            f"20{rng.randint(20, 25)}" if kind == "statistic" else None,
            f"committer {rng.randint(0, 19)}" if commitment else None,
            rng.random() * 1e9 if commitment else None,
            str(rng.randint(2024, 2030)) if commitment else None,
            rng.choice(FULFILMENT) if commitment else None,
            status,
            "2026-01-01T00:00:00Z" if status in ("verified", "false") else None,
        )

    batch = 50_000
    for first in range(0, claims, batch):
        db.conn.executemany(
            'INSERT INTO claims (id, source_id, kind, quote, start, "end", statement, subject, speaker, stated_on, '
            "value, unit, period, committer, amount, deadline, fulfilment, status, verified_at, created_at, "
            "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'2026-01-01','2026-01-01')",
            [row(i) for i in range(first, min(first + batch, claims))],
        )
    db.execute("COMMIT")


Timing = tuple[float, float, float]
"""Median, min and max in milliseconds: the machine is shared, so a median alone hides how noisy it was."""


def _timing(times: list[float]) -> Timing:
    return statistics.median(times), min(times), max(times)


def median_ms(action: Callable[[], object], runs: int) -> Timing:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return _timing(times)


def series_benchmark(path: Path, claims: int, runs: int) -> dict[str, Timing]:
    ledger = Ledger.open(path, actor="bench")
    if ledger.count_claims() != claims:
        fill(ledger, claims)
    everything = ClaimFilter()
    subject = ClaimFilter(subject="subject 7")
    today = date(2026, 1, 15)
    results = {
        "progress (status x kind, verdicts per day)": median_ms(lambda: ledger.progress(everything), runs),
        "commitments tracker": median_ms(lambda: ledger.commitments(everything, today=today), runs),
        "metrics list (with conflicts)": median_ms(lambda: ledger.metrics(everything), runs),
        "figures of one metric": median_ms(
            lambda: ledger.figures(everything, subject="subject 7", unit="USD"), runs
        ),
        "timeline, all claims (aggregated)": median_ms(
            lambda: ledger.timeline(everything, today=today), runs
        ),
        "timeline, one subject (~20,000 markers)": median_ms(
            lambda: ledger.timeline(subject, today=today), runs
        ),
        "timeline, statistics of one subject": median_ms(
            lambda: ledger.timeline(
                ClaimFilter(subject="subject 7", kinds=frozenset({ClaimKind.STATISTIC})), today=today
            ),
            runs,
        ),
    }
    ledger.close()
    return results


def frame_benchmark(runs: int) -> dict[str, Timing]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    import importlib.util
    import sys

    here = Path(__file__).resolve().parents[1] / "tests" / "ui" / "test_charts_panel.py"
    spec = importlib.util.spec_from_file_location("charts_fixture", here)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["charts_fixture"] = module
    spec.loader.exec_module(module)
    from factledger.ui.charts import TimelineChart
    from factledger.ui.session import LedgerSession

    timeline = module._synthetic_timeline(100_000)
    with tempfile.TemporaryDirectory() as folder:
        session = LedgerSession(Ledger.open(Path(folder) / "empty.factledger"))
        first, pans = [], []
        for _ in range(runs):
            chart = TimelineChart(session)
            chart.resize(1400, 800)
            chart.show()
            start = time.perf_counter()
            chart.show_timeline(timeline)
            chart.plot.viewport().repaint()
            app.processEvents()
            first.append((time.perf_counter() - start) * 1000)
            box = chart.plot.getPlotItem().getViewBox()
            for step in range(20):
                start = time.perf_counter()
                box.translateBy(x=86_400.0 * 20 * (1 if step % 2 else -1))
                chart.plot.viewport().repaint()
                pans.append((time.perf_counter() - start) * 1000)
            chart.close()
            chart.deleteLater()
        session.ledger.close()
    return {
        "timeline first frame, 100,000 markers": _timing(first),
        "timeline pan frame, 100,000 markers": _timing(pans),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--ledger", type=Path, default=Path(tempfile.gettempdir()) / "factledger-charts-bench.factledger"
    )
    parser.add_argument("--skip-frames", action="store_true", help="only the chart queries, no Qt frames")
    args = parser.parse_args()
    results = series_benchmark(args.ledger, args.claims, args.runs)
    if not args.skip_frames:
        results.update(frame_benchmark(args.runs))
    for name, (median, low, high) in results.items():
        print(f"{name:50s} {median:9.1f} ms (median)  min {low:.1f}  max {high:.1f}")


if __name__ == "__main__":
    main()
