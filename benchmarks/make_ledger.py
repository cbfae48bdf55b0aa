"""Builds a deterministic, realistic ledger of N claims over N/10 sources for the benchmarks.

Usage from the repo root: `PYTHONPATH=desktop .venv/bin/python benchmarks/make_ledger.py N PATH`.

Articles are written from templates (figures, pledges, speakers, hedges) with a fixed seed, so the same N
always gives the same ledger. Every claim's quote is a sentence of its source's text at its offsets
(`sources.text[start:end] == quote`); statuses, sourcing and kinds follow the mix of a working desk; dates
span ten years; verdicts carry evidence and every claim has its history. Rows go in through
`factledger.storage` (`open_database`, `write_transaction`, `storage.bulk`), with full-text indexing
batched per chunk of sources.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from factledger.storage import open_database, write_transaction
from factledger.storage.bulk import (
    fts_batched,
    insert_evidence,
    insert_history,
    insert_rows,
    insert_sources,
)
from factledger.storage.rows import CLAIM_COLUMNS

SEED = 20240917
CLAIMS_PER_SOURCE = 10
SOURCES_PER_TRANSACTION = 2_000
FIRST_DAY = date(2015, 1, 1)
DAYS = 3652

FIRST_NAMES = (
    "Amara",
    "Bruno",
    "Carmen",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ingrid",
    "Jamal",
    "Keiko",
    "Lars",
    "Maya",
    "Nikolai",
    "Olivia",
    "Pedro",
    "Quinn",
    "Rosa",
    "Samir",
    "Tanya",
    "Umar",
    "Vera",
    "Walter",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Aidan",
    "Beatriz",
    "Chidi",
    "Dana",
)
LAST_NAMES = (
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Hernández",
    "Novak",
    "Brennan",
    "Haddad",
    "Kowalski",
    "Mensah",
    "Ferreira",
    "Sato",
    "O'Neill",
    "Petrov",
    "García",
    "Nguyen",
    "Schmidt",
    "Adeyemi",
    "Rossi",
    "Dubois",
    "Kaur",
    "Johansson",
    "Mwangi",
    "Costa",
    "Fischer",
    "Ibrahim",
    "Larsen",
    "Mendes",
    "Park",
    "Quispe",
    "Reyes",
    "Silva",
    "Thompson",
    "Volkov",
    "Watanabe",
    "Yilmaz",
    "Zhang",
    "Abbott",
    "Bauer",
)
ROLES = (
    "the finance minister",
    "the health secretary",
    "the mayor",
    "the opposition leader",
    "a ministry spokesperson",
    "the central bank governor",
    "the transport commissioner",
    "the education minister",
    "the union's general secretary",
    "the company's chief executive",
)
BODIES = (
    "The government",
    "The city council",
    "The ministry of health",
    "The regional authority",
    "The transport agency",
    "The European Commission",
    "The national statistics office",
    "The company",
    "The school board",
    "The water utility",
)
SUBJECTS = (
    "unemployment",
    "inflation",
    "housing starts",
    "hospital waiting lists",
    "rail investment",
    "school funding",
    "carbon emissions",
    "police numbers",
    "broadband coverage",
    "child poverty",
    "public debt",
    "wind capacity",
    "bus fares",
    "teacher vacancies",
    "crime rate",
    "minimum wage",
    "foreign investment",
    "water leaks",
    "road deaths",
    "vaccination rate",
)
ACTIONS = (
    "build {n:,} new homes",
    "hire {n:,} more nurses",
    "invest {money} in rail lines",
    "plant {n:,} trees",
    "cut emissions by {pct}%",
    "open {small} new clinics",
    "spend {money} on schools",
    "repair {n:,} kilometres of road",
    "connect {n:,} households to fibre",
    "train {n:,} new teachers",
)
OUTLETS = (
    "The Morning Ledger",
    "Harbour City Times",
    "The Provincial Post",
    "Valley Courier",
    "The Daily Compass",
    "Northern Standard",
    "Metro Observer",
    "The Evening Register",
)
FILLER = (
    "The announcement came after weeks of negotiation between the parties.",
    "Critics said the details would matter more than the headline.",
    "The figures were published alongside a longer report on the sector.",
    "Officials did not say how the plan would be paid for.",
    "Residents interviewed on Tuesday were divided on the proposal.",
    "The debate is expected to continue when parliament returns next month.",
    "Economists cautioned that the data are often revised.",
    "A vote on the measure is scheduled for later in the year.",
)
QUALIFIERS = ("at least", "more than", "less than", "approximately", "nearly", "up to")
KINDS = (("claim", 45), ("statistic", 35), ("commitment", 20))
STATUSES = (
    ("unverified", 55),
    ("in_review", 10),
    ("verified", 15),
    ("partly_true", 6),
    ("disputed", 5),
    ("false", 5),
    ("unverifiable", 4),
)
ATTRIBUTIONS = (
    ("on_record", 45),
    ("spokesperson", 20),
    ("document", 15),
    ("on_background", 8),
    ("outlet", 6),
    ("anonymous", 5),
    ("reader_comment", 1),
)
FULFILMENT = (
    ("announced", 40),
    ("in_progress", 25),
    ("fulfilled", 12),
    ("partially_fulfilled", 10),
    ("stalled", 8),
    ("broken", 5),
)
REVIEWERS = ("Ana Ruiz", "Ben Carter", "Chloe Martin", "Dev Patel")


def _weighted(pairs: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    """A 100-slot table so a draw is one `choice` call instead of a weighted search."""
    return tuple(name for name, weight in pairs for _ in range(weight))


KIND_TABLE = _weighted(KINDS)
STATUS_TABLE = _weighted(STATUSES)
ATTRIBUTION_TABLE = _weighted(ATTRIBUTIONS)
FULFILMENT_TABLE = _weighted(FULFILMENT)


@dataclass
class Article:
    """One generated source: its row fields and the claims (as column dicts) that quote it."""

    index: int
    title: str
    outlet: str
    published: str
    authors: list[str]
    text: str = ""
    claims: list[dict[str, Any]] = field(default_factory=list)


def _money(rng: random.Random) -> tuple[str, float]:
    scale, word = rng.choice(((1e6, "million"), (1e9, "billion")))
    figure = rng.choice((rng.randint(2, 950), round(rng.uniform(1.1, 99.9), 1)))
    symbol = rng.choice(("$", "€", "£"))
    return f"{symbol}{figure:g} {word}", float(figure) * scale


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _claim_sentence(rng: random.Random, kind: str, day: date) -> tuple[str, dict[str, Any]]:
    """One sentence and the structured fields a person would log for it."""
    speaker = _person(rng)
    role = rng.choice(ROLES)
    subject = rng.choice(SUBJECTS)
    fields: dict[str, Any] = {"speaker": speaker, "subject": subject}
    if kind == "statistic":
        qualifier = rng.choice((None, None, *QUALIFIERS))
        if rng.random() < 0.5:
            value = round(rng.uniform(0.2, 45.0), 1)
            unit, shown = "%", f"{value:g}%"
        else:
            value = float(rng.randint(120, 2_500_000))
            unit, shown = "people", f"{value:,.0f}"
        year = day.year - rng.randint(0, 2)
        hedge = f"{qualifier} " if qualifier else ""
        sentence = (
            f"{subject.capitalize()} stood {'at ' if not qualifier or qualifier == 'approximately' else ''}{hedge}{shown} in {year}, {speaker}, {role}, said."
            if unit == "%"
            else f"{speaker}, {role}, said {hedge}{shown} people were affected by {subject} in {year}."
        )
        fields.update(
            value=value,
            unit=unit,
            qualifier=qualifier,
            period=str(year),
            statement=f"{subject.capitalize()}: {hedge}{shown} ({year})",
        )
    elif kind == "commitment":
        body = rng.choice(BODIES)
        money, amount = _money(rng)
        action = rng.choice(ACTIONS).format(
            n=rng.randint(50, 90_000), money=money, pct=rng.randint(5, 60), small=rng.randint(3, 40)
        )
        deadline = str(day.year + rng.randint(1, 6))
        sentence = f"{body} will {action} by {deadline}, {speaker}, {role}, announced."
        fields.update(
            committer=body.removeprefix("The ").capitalize(),
            action=action,
            amount=amount,
            unit={"$": "USD", "€": "EUR", "£": "GBP"}[money[0]],
            deadline=f"{deadline}-12-31",
            fulfilment=rng.choice(FULFILMENT_TABLE),
            statement=f"{body} pledges to {action} by {deadline}",
        )
    else:
        change = rng.choice(
            (
                "doubled",
                "fallen by half",
                "risen every year",
                "never been higher",
                "dropped sharply",
                "stayed flat",
            )
        )
        since = day.year - rng.randint(2, 12)
        verb = "have" if subject.endswith("s") else "has"
        sentence = (
            f'"{subject.capitalize()} {verb} {change} since {since}," {speaker}, {role}, told reporters.'
        )
        fields["statement"] = f"{speaker}: {subject} has {change} since {since}"
    return sentence, fields


def generate_articles(count: int, *, seed: int = SEED, first: int = 0) -> Iterator[Article]:
    """Articles `first` .. `first + count - 1`; each index has its own seed, so any slice is reproducible."""
    for index in range(first, first + count):
        rng = random.Random(seed * 1_000_003 + index)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        subject = rng.choice(SUBJECTS)
        article = Article(
            index=index,
            title=f"{subject.capitalize()} at the centre of {rng.choice(('budget', 'election', 'council', 'summit'))}"
            f" row, report {index}",
            outlet=rng.choice(OUTLETS),
            published=day.isoformat(),
            authors=[_person(rng) for _ in range(rng.randint(1, 2))],
        )
        parts: list[str] = []
        position = 0
        for number in range(CLAIMS_PER_SOURCE):
            if number % 3 == 0:
                filler = rng.choice(FILLER) + " "
                parts.append(filler)
                position += len(filler)
            kind = rng.choice(KIND_TABLE)
            sentence, fields = _claim_sentence(rng, kind, day)
            fields.update(
                kind=kind,
                quote=sentence,
                start=position,
                end=position + len(sentence),
                stated_on=article.published,
            )
            article.claims.append(fields)
            parts.append(sentence)
            position += len(sentence)
            separator = "\n\n" if number % 4 == 3 else " "
            parts.append(separator)
            position += len(separator)
        article.text = "".join(parts).rstrip()
        yield article


def _stamp(day: str, seconds: int) -> str:
    return f"{day}T{seconds // 3600 % 24:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}Z"


def ledger_rows(
    article: Article,
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(source row, claim rows, evidence rows, history rows) of one article, in storage column order."""
    rng = random.Random(article.index)
    sha = hashlib.sha256(article.text.encode()).hexdigest()
    source_id = f"src_{sha[:16]}"
    imported = _stamp(article.published, 8 * 3600 + article.index % 36000)
    source = (
        source_id,
        "article",
        article.title,
        article.outlet,
        f"https://news.example/{article.published[:4]}/{article.index}",
        json.dumps(article.authors),
        article.published,
        imported,
        "en",
        article.text,
        sha,
        f"article-{article.index}.html",
        "text/html",
    )
    claims: list[tuple[Any, ...]] = []
    evidence: list[tuple[Any, ...]] = []
    history: list[tuple[Any, ...]] = [
        (
            "source",
            source_id,
            None,
            "import",
            REVIEWERS[article.index % 4],
            imported,
            None,
            json.dumps({"title": article.title, "suggestions": len(article.claims)}),
            None,
        ),
    ]
    for number, fields in enumerate(article.claims):
        claim_id = f"clm_{article.index * CLAIMS_PER_SOURCE + number:012x}"
        status = rng.choice(STATUS_TABLE)
        reviewer = REVIEWERS[(article.index + number) % 4]
        created = _stamp(article.published, 9 * 3600 + number * 60 + article.index % 3000)
        verified_at = None
        reason = None
        if status not in ("unverified", "in_review"):
            verified_at = _stamp(article.published, 15 * 3600 + number * 60)
            reason = f"Checked against the {rng.choice(('budget tables', 'agency release', 'court filing'))}."
        row = {
            **fields,
            "id": claim_id,
            "source_id": source_id,
            "attribution": rng.choice(ATTRIBUTION_TABLE),
            "status": status,
            "status_reason": reason,
            "verified_by": reviewer if verified_at else None,
            "verified_at": verified_at,
            "origin": "suggested" if number % 5 else "manual",
            "cue": "said",
            "group_key": None,
            "created_at": created,
            "updated_at": verified_at or created,
            "version": 1,
        }
        claims.append(tuple(row.get(c) for c in CLAIM_COLUMNS))
        history.append(
            (
                "claim",
                claim_id,
                claim_id,
                "create",
                reviewer,
                created,
                None,
                json.dumps({"statement": fields["statement"]}),
                None,
            )
        )
        if verified_at:
            history.append(
                (
                    "claim",
                    claim_id,
                    claim_id,
                    "status",
                    reviewer,
                    verified_at,
                    json.dumps({"status": "unverified"}),
                    json.dumps({"status": status}),
                    reason,
                )
            )
            stance = "supports" if status == "verified" else "contradicts"
            evidence.append(
                (
                    f"evi_{article.index * CLAIMS_PER_SOURCE + number:012x}",
                    claim_id,
                    stance,
                    None,
                    None,
                    None,
                    f"https://data.example/{fields['subject'].replace(' ', '-')}/{article.published[:4]}",
                    None,
                    reason,
                    reviewer,
                    verified_at,
                )
            )
    return source, claims, evidence, history


def build_ledger(claims: int, path: Path, *, seed: int = SEED) -> dict[str, float]:
    """Write a fresh ledger at `path`; returns counts and seconds for the report."""
    if path.exists():
        raise SystemExit(f"{path} exists; give a new path (the ledger is built from scratch).")
    sources = max(1, claims // CLAIMS_PER_SOURCE)
    db = open_database(path)
    started = time.perf_counter()
    written = {"sources": 0, "claims": 0, "evidence": 0, "history": 0}
    done = 0
    while done < sources:
        batch = min(SOURCES_PER_TRANSACTION, sources - done)
        rows = [ledger_rows(a) for a in generate_articles(batch, seed=seed, first=done)]
        with write_transaction(db), fts_batched(db):
            written["sources"] += insert_sources(db, (r[0] for r in rows))
            written["claims"] += insert_rows(db, "claims", CLAIM_COLUMNS, (c for r in rows for c in r[1]))
            written["evidence"] += insert_evidence(db, (e for r in rows for e in r[2]))
            written["history"] += insert_history(db, (h for r in rows for h in r[3]))
        done += batch
    db.execute("PRAGMA optimize")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return {**{k: float(v) for k, v in written.items()}, "seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int, help="number of claims (sources are a tenth of it)")
    parser.add_argument("path", type=Path, help="where to write the new ledger")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    stats = build_ledger(args.claims, args.path, seed=args.seed)
    print(
        f"built {args.path}: {stats['claims']:,.0f} claims, {stats['sources']:,.0f} sources, "
        f"{stats['evidence']:,.0f} evidence, {stats['history']:,.0f} history rows in {stats['seconds']:.1f} s "
        f"({stats['claims'] / stats['seconds']:,.0f} claims/s)"
    )


if __name__ == "__main__":
    main()
