"""Benchmark: CSV fact-sheet export speed at 100,000 facts and memory flatness at 10,000 vs 100,000.

Run from the repo root: `PYTHONPATH=desktop .venv/bin/python benchmarks/export_csv.py [--rows N] [--runs R]`.
Rows are synthetic but deterministic (fixed seed) and shaped like real ones: long quotes with commas,
quotes and newlines, a few formula-looking cells, negative and fractional numbers, one or two pieces of
evidence. The timing writes from an in-memory list so it measures the writer alone; the memory check
streams rows from a generator, as storage will, and reports tracemalloc's peak during the export.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from factledger.domain import Stance
from factledger.domain.factsheet import EvidenceRef, FactSheetRow
from factledger.exporting import write_csv

SEED = 20250801
SENTENCE = (
    "the government said it would invest billion in new rail lines by 2030, officials confirmed "
    'after a "historic" agreement; critics — including économistes — doubt the figure 😀'
)
WORDS = tuple(SENTENCE.split())
KINDS = ("claim", "commitment", "statistic")
STATUSES = ("verified", "partly_true", "disputed", "false", "unverifiable", "in_review", "unverified")


def synthetic_rows(count: int, *, seed: int = SEED) -> Iterator[FactSheetRow]:
    """Yield `count` deterministic rows, one at a time (no list is built)."""
    rng = random.Random(seed)
    for i in range(count):
        source = i // 50
        quote = " ".join(rng.choices(WORDS, k=rng.randint(12, 40)))
        if i % 7 == 0:
            quote = quote.replace(", ", ",\n", 1)
        statement = ("=" if i % 97 == 0 else "") + " ".join(rng.choices(WORDS, k=rng.randint(6, 16)))
        value = rng.choice((None, round(rng.uniform(-100, 100), 2), float(rng.randint(1, 10**12))))
        evidence = tuple(
            EvidenceRef(
                stance=rng.choice(tuple(Stance)),
                source_id=f"s-{rng.randint(0, 2000):06d}",
                source_title="Joint statement on investment",
                source_url=f"https://example.org/doc/{rng.randint(0, 10**6)}",
                quote=" ".join(rng.choices(WORDS, k=5)),
            )
            for _ in range(rng.randint(0, 2))
        )
        yield FactSheetRow(
            id=f"c-{i:08d}",
            kind=KINDS[i % 3],
            statement=statement,
            quote=quote,
            value=value,
            unit=rng.choice((None, "USD", "%", "people")),
            qualifier=rng.choice((None, "at least", "about")),
            period=rng.choice((None, "2024", "2025–2029")),
            subject="rail investment",
            speaker=rng.choice(("Jane Doe", "Ministry of Transport", None)),
            attribution=rng.choice(("on_record", "spokesperson", "on_background", None)),
            committer="Government" if i % 3 == 1 else None,
            action="invest in rail" if i % 3 == 1 else None,
            amount=float(rng.randint(1, 10**11)) if i % 3 == 1 else None,
            deadline="2030-12-31" if i % 3 == 1 else None,
            fulfilment="announced" if i % 3 == 1 else None,
            status=STATUSES[i % len(STATUSES)],
            status_reason="Matches the budget documents." if i % 2 else None,
            verified_by="Ana" if i % 2 else None,
            verified_at="2025-08-01T10:00:00+00:00" if i % 2 else None,
            source_title=f"Article {source}",
            outlet="Example Times",
            source_url=f"https://news.example/articles/{source}",
            published="2025-07-23",
            evidence=evidence,
            context="Earlier text. " + quote + " Later text.",
            source_id=f"s-{source:06d}",
            stated_on="2025-07-22",
            claim_start=100,
            claim_end=100 + len(quote),
        )


def time_export(rows: list[FactSheetRow], folder: Path, runs: int) -> list[float]:
    """Seconds per `write_csv` of `rows`, one entry per run."""
    times = []
    for run in range(runs):
        start = time.perf_counter()
        write_csv(rows, folder / f"bench-{run}.csv")
        times.append(time.perf_counter() - start)
    return times


def peak_memory(count: int, folder: Path) -> int:
    """Peak bytes Python allocated while streaming `count` generated rows to CSV."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        write_csv(synthetic_rows(count), folder / f"mem-{count}.csv")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        rows = list(synthetic_rows(args.rows))
        print(f"generated {len(rows):,} rows in {time.perf_counter() - start:.2f} s (not part of the timing)")
        times = time_export(rows, folder, args.runs)
        size = (folder / "bench-0.csv").stat().st_size
        del rows
        print(
            f"write_csv {args.rows:,} rows: median {statistics.median(times):.3f} s over {args.runs} runs "
            f"(min {min(times):.3f}, max {max(times):.3f}); file {size / 1e6:.1f} MB"
        )
        small, large = args.rows // 10, args.rows
        peaks = {count: peak_memory(count, folder) for count in (small, large)}
        for count, peak in peaks.items():
            print(f"peak traced memory streaming {count:,} rows: {peak / 1024:.0f} KiB")
        print(f"memory ratio {large:,}/{small:,} rows: {peaks[large] / peaks[small]:.2f}x (flat is ~1x)")


if __name__ == "__main__":
    main()
