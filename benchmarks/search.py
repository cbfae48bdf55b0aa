"""Benchmark: full-text search, LIMIT 100, ranked and unranked, on a 1M-claim ledger.

Run from the repo root: `PYTHONPATH=desktop .venv/bin/python benchmarks/search.py [--ledger PATH] [--claims N]`.
Without --ledger a ledger is built with make_ledger.py in a temporary folder. Queries cover rare names,
subjects, figures, two-word phrases, very common words and one- and two-letter prefixes as typed; each is
timed `--runs` times through `factledger.storage.search` (snippets and joins included) and p95 is taken
over all timings of a mode.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from _bench import emit, p95, samples_ms
from make_ledger import build_ledger

from factledger.storage import open_database, search

QUERIES: dict[str, tuple[str, ...]] = {
    "rare name": ("Okafor", "Watanabe", "Ximena"),
    "subject": ("unemployment", "rail investment", "hospital waiting"),
    "figure": ("billion", "2019", "26.6%"),
    "common word": ("the", "said", "has", "in"),
    "one-letter prefix": ("t", "a", "s"),
    "two-letter prefix": ("th", "un", "ra"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledger", type=Path)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.ledger
        if path is None:
            path = Path(tmp) / "search.factledger"
            build_ledger(args.claims, path)
        db = open_database(path, create=False)
        claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
        print(f"ledger {path}: {claims:,} claims")
        for ranked, limit_ms in ((False, 5.0), (True, 100.0)):
            mode = "ranked" if ranked else "unranked"
            every: list[float] = []
            worst = ("", 0.0)
            for group, queries in QUERIES.items():
                group_times: list[float] = []
                for query in queries:
                    times = samples_ms(
                        lambda q=query, r=ranked: search(db, q, limit=100, ranked=r), args.runs
                    )
                    group_times += times
                    if p95(times) > worst[1]:
                        worst = (query, p95(times))
                every += group_times
                print(
                    f"  {mode:8} {group:18} p95 {p95(group_times):7.2f} ms  median {sorted(group_times)[len(group_times) // 2]:7.2f} ms"
                )
            value = p95(every)
            emit(
                f"FTS search LIMIT 100, {mode}, p95 over {len(every)} searches ({claims:,} claims)",
                every,
                median=value,
                stat="p95",
                target=f"p95 <= {limit_ms:g} ms",
                met=value <= limit_ms,
                note=f"slowest query '{worst[0]}' p95 {worst[1]:.1f} ms",
            )
        db.conn.close()


if __name__ == "__main__":
    main()
