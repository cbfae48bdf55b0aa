"""Benchmark: the bulk store stage and the cost of keeping FTS current, against raw sqlite3, plus end-to-end import.

Run from the repo root: `PYTHONPATH=desktop .venv/bin/python benchmarks/store.py [--sources N] [--runs R]`.

Rows come from make_ledger.py (N sources, 10 claims each, with evidence and history). Every variant writes
the same rows into a fresh ledger created by `open_database` (schema creation untimed), in one transaction.
All but the per-row-trigger variant count the timeline summary in one grouped pass at the end, as
`storage.bulk` does, so only the full-text work differs between them:

- plain: raw `sqlite3.executemany` with the FTS insert triggers dropped (no full-text upkeep at all);
- per-row triggers: raw `executemany` with the schema's FTS triggers firing for every row;
- raw + batched FTS: raw `executemany`, then the same one-statement FTS indexing `storage.bulk` does;
- store stage: `storage.bulk` (`write_transaction`, `fts_batched`, `insert_claims` from domain `Claim`s).

End-to-end import: real-looking HTML articles written to files are imported through
`Ledger.import_inputs` (read + extract + store, one transaction per article), on one core.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from _bench import emit
from make_ledger import generate_articles, ledger_rows

from factledger import extraction, reading
from factledger.core import Ledger
from factledger.domain import Claim
from factledger.reading.inputs import file_input
from factledger.storage import open_database, timeline_counts, write_transaction
from factledger.storage.bulk import (
    HISTORY_COLUMNS,
    fts_batched,
    insert_claims,
    insert_evidence,
    insert_history,
    insert_sources,
)
from factledger.storage.evidence import EVIDENCE_COLUMNS
from factledger.storage.rows import CLAIM_COLUMNS, SOURCE_COLUMNS, claim_from_row

Rows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]
TABLES = (
    ("sources", SOURCE_COLUMNS),
    ("claims", CLAIM_COLUMNS),
    ("evidence", EVIDENCE_COLUMNS),
    ("history", HISTORY_COLUMNS),
)


def dataset(sources: int) -> Rows:
    out: Rows = ([], [], [], [])
    for article in generate_articles(sources, first=5_000_000):
        source, claims, evidence, history = ledger_rows(article)
        out[0].append(source)
        out[1].extend(claims)
        out[2].extend(evidence)
        out[3].extend(history)
    return out


def _sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in columns)})'


def raw(rows: Rows, *, fts: str) -> Callable[[Any], None]:
    """Plain sqlite3: `fts` is 'none' (insert triggers dropped), 'triggers' or 'batched'."""

    def run(db: Any) -> None:
        conn = db.conn
        if fts != "triggers":
            conn.execute("DROP TRIGGER claims_ai")
            conn.execute("DROP TRIGGER sources_ai")
            # The timeline summary is counted in one pass at the end, as storage.bulk does.
            conn.execute(f"DROP TRIGGER {timeline_counts.INSERT_TRIGGER}")
        start = time.perf_counter()
        conn.execute("BEGIN")
        for (table, columns), table_rows in zip(TABLES, rows, strict=True):
            conn.executemany(_sql(table, columns), table_rows)
        if fts == "batched":
            conn.execute(
                'INSERT INTO claims_fts (rowid, "statement", "quote", "subject", "speaker", "committer") '
                'SELECT rowid, "statement", "quote", "subject", "speaker", "committer" FROM claims'
            )
            conn.execute(
                'INSERT INTO sources_fts (rowid, "title", "outlet", "text") '
                'SELECT rowid, "title", "outlet", "text" FROM sources'
            )
        if fts != "triggers":
            timeline_counts.add_claims_after(db, 0)
        conn.execute("COMMIT")
        db.elapsed = time.perf_counter() - start

    return run


def store_stage(rows: Rows, claims: list[Claim]) -> Callable[[Any], None]:
    def run(db: Any) -> None:
        start = time.perf_counter()
        with write_transaction(db), fts_batched(db):
            insert_sources(db, rows[0])
            insert_claims(db, claims)
            insert_evidence(db, rows[2])
            insert_history(db, rows[3])
        db.elapsed = time.perf_counter() - start

    return run


def timed_variant(folder: Path, name: str, run: Callable[[Any], None]) -> float:
    path = folder / f"{name}-{time.perf_counter_ns()}.factledger"
    db = open_database(path)
    run(db)
    elapsed = float(db.elapsed)
    db.conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return elapsed * 1000


def html_article(index: int) -> str:
    article = next(generate_articles(1, first=9_000_000 + index))
    paragraphs = "".join(f"<p>{p}</p>\n" for p in article.text.split("\n\n"))
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{article.title} | {article.outlet}"
        f"</title><meta name='author' content='{article.authors[0]}'>"
        f"<meta property='article:published_time' content='{article.published}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/politics'>Politics</a> <a href='/economy'>Economy</a></nav>"
        f"<article><h1>{article.title}</h1><p class='byline'>By {' and '.join(article.authors)}, "
        f"{article.published}</p>\n{paragraphs}</article>"
        "<aside><h2>Most read</h2><ul><li>Weather warning for the weekend</li><li>Match report</li></ul></aside>"
        "<footer>© The publisher. All rights reserved.</footer></body></html>"
    )


def end_to_end(folder: Path, count: int, runs: int) -> None:
    files = []
    for i in range(count):
        path = folder / f"article-{i}.html"
        path.write_text(html_article(i), encoding="utf-8")
        files.append(path)
    inputs = [file_input(p) for p in files]
    rates, read_ms, extract_ms, store_ms = [], [], [], []
    for run in range(runs):
        ledger_path = folder / f"e2e-{run}.factledger"
        with Ledger.open(ledger_path, actor="bench") as ledger:
            start = time.perf_counter()
            results = ledger.import_inputs(inputs)
            elapsed = time.perf_counter() - start
        assert all(r.outcome == "imported" for r in results), [r.message for r in results[:3]]
        rates.append(count / elapsed)
        # The same work in phases, to say where the time goes.
        t0 = time.perf_counter()
        documents = [reading.read_input(item) for item in inputs]
        t1 = time.perf_counter()
        suggestions = [extraction.suggest(d) for d in documents]
        t2 = time.perf_counter()
        with Ledger.open(folder / f"phase-{run}.factledger", actor="bench") as ledger:
            t3 = time.perf_counter()
            for d, s in zip(documents, suggestions, strict=True):
                ledger.import_document(d, s)
            t4 = time.perf_counter()
        read_ms.append((t1 - t0) * 1000 / count)
        extract_ms.append((t2 - t1) * 1000 / count)
        store_ms.append((t4 - t3) * 1000 / count)
    total = sum(len(s) for s in suggestions)
    emit(
        f"end-to-end import of {count} HTML articles (read + extract + store)",
        rates,
        unit="articles/s",
        target=">= 30 articles/s",
        met=sorted(rates)[len(rates) // 2] >= 30,
        note=f"{total / count:.0f} suggestions per article",
    )
    for label, values in (("read", read_ms), ("extract", extract_ms), ("store", store_ms)):
        emit(f"  import phase: {label}, per article", values, note="share of the end-to-end time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=3_000, help="sources (claims are ten times this)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    rows = dataset(args.sources)
    claims = [claim_from_row(dict(zip(CLAIM_COLUMNS, row, strict=True))) for row in rows[1]]
    counts = ", ".join(f"{len(r):,} {t}" for (t, _), r in zip(TABLES, rows, strict=True))
    print(f"rows per run: {counts}")
    variants = {
        "plain": raw(rows, fts="none"),
        "triggers": raw(rows, fts="triggers"),
        "raw_batched": raw(rows, fts="batched"),
        "store": store_stage(rows, claims),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for _ in range(args.runs):  # interleaved, so machine noise hits every variant alike
            for name, run in variants.items():
                times[name].append(timed_variant(folder, name, run))
        n = len(rows[1])
        store_ratio = sorted(times["store"])[args.runs // 2] / sorted(times["raw_batched"])[args.runs // 2]
        emit(
            f"bulk store stage, {n:,} claims with sources/evidence/history (storage.bulk)",
            times["store"],
            baseline=times["raw_batched"],
            target="<= 3x raw executemany (same rows, same FTS work)",
            met=store_ratio <= 3,
            note="baseline: raw sqlite3 executemany + the same batched FTS statement",
        )
        fts_ratio = sorted(times["store"])[args.runs // 2] / sorted(times["plain"])[args.runs // 2]
        emit(
            "keeping FTS current during bulk import (storage.bulk, batched)",
            times["store"],
            baseline=times["plain"],
            target="<= 6x a plain insert",
            met=fts_ratio <= 6,
            note="baseline: raw executemany with no FTS upkeep",
        )
        emit(
            "  for comparison: per-row FTS triggers",
            times["triggers"],
            baseline=times["plain"],
            note="raw executemany with the schema's AFTER INSERT triggers",
        )
        end_to_end(folder, args.articles, args.runs)


if __name__ == "__main__":
    main()
