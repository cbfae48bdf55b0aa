"""Extraction speed: the seed article in-process, and throughput on a long document against a plain regex scan.

Run from the repository root: `PYTHONPATH=desktop .venv/bin/python benchmarks/extraction_speed.py`.
Uses the seed article and the White House briefings from ../shared/corpus, or the bundled sample article
when the corpus is absent. Prints medians over repeated runs.

The long document is the briefings joined and repeated until it passes 1 MB. The baseline is one pass of a
single precompiled regex over the same text that finds number-like tokens (optional currency sign, digits,
optional percent or scale word) and does nothing with them: it is the floor any scanning extractor pays.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from factledger.domain import Document
from factledger.extraction import suggest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
_PLAIN_SCAN = re.compile(r"[$€£¥]?\d[\d,.]*(?:\s?(?:%|percent|billion|million))?")


def median_seconds(run: Callable[[], object], *, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    seed_path = CORPUS / "seed" / "toyota-us-investment.txt"
    sample_path = REPO / "resources" / "sample" / "sample-article.txt"
    article = (seed_path if seed_path.is_file() else sample_path).read_text(encoding="utf-8")
    document = Document(text=article)
    suggest(document)
    seed_ms = median_seconds(lambda: suggest(document), repeats=50) * 1000
    print(
        f"article ({len(article)} chars, {seed_path.name if seed_path.is_file() else sample_path.name}): "
        f"median {seed_ms:.2f} ms over 50 runs"
    )

    parts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "whitehouse-briefings").glob("*.md"))]
    base = "\n\n".join(parts or [article])
    long_text = base
    while len(long_text.encode("utf-8")) < 1_000_000:
        long_text += "\n\n" + base
    size_kb = len(long_text.encode("utf-8")) / 1000
    long_document = Document(text=long_text)
    extraction = median_seconds(lambda: suggest(long_document), repeats=5)
    scan = median_seconds(lambda: sum(1 for _ in _PLAIN_SCAN.finditer(long_text)), repeats=5)
    print(
        f"long document ({size_kb:.0f} KB): extraction median {extraction * 1000:.0f} ms = "
        f"{size_kb / extraction:.0f} KB/s; plain regex number scan median {scan * 1000:.1f} ms; "
        f"ratio {extraction / scan:.1f}x"
    )


if __name__ == "__main__":
    main()
