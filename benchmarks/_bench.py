"""Shared helpers for benchmark scripts: repeated timing and the one-line machine-readable result format.

A script prints `BENCH {json}` lines; `run_all.py` collects them into docs/PERFORMANCE.md. Fields: name,
median, min, max, unit (ms, s, x, /s, MiB), and optionally baseline (its median), ratio, target (text) and
met (true/false/null when the target is not a number this script can judge).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any


def samples_ms(action: Callable[[], object], runs: int, *, warmup: int = 1) -> list[float]:
    """Milliseconds per call of `action`, after `warmup` untimed calls."""
    for _ in range(warmup):
        action()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def emit(
    name: str,
    values: Sequence[float],
    *,
    unit: str = "ms",
    baseline: Sequence[float] | None = None,
    target: str = "",
    met: bool | None = None,
    note: str = "",
    median: float | None = None,
    stat: str = "median",
) -> dict[str, Any]:
    """Print one result line for run_all and a readable line for a person; returns the record."""
    middle = statistics.median(values) if median is None else median
    record: dict[str, Any] = {
        "name": name,
        "median": middle,
        "min": min(values),
        "max": max(values),
        "unit": unit,
        "stat": stat,
        "runs": len(values),
        "target": target,
        "met": met,
        "note": note,
    }
    if baseline:
        base = statistics.median(baseline)
        record["baseline"] = base
        record["baseline_min"] = min(baseline)
        record["baseline_max"] = max(baseline)
        record["ratio"] = middle / base if base else None
    ratio = f", baseline {record['baseline']:.3g} {unit}, ratio {record['ratio']:.2f}x" if baseline else ""
    verdict = "" if met is None else ("  MET" if met else "  MISSED")
    print(
        f"{name}: {stat} {middle:.3g} {unit} (min {min(values):.3g}, max {max(values):.3g}, n={len(values)})"
        f"{ratio}  target {target or '-'}{verdict}"
    )
    print("BENCH " + json.dumps(record), flush=True)
    return record
