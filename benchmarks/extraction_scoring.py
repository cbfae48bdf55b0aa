"""Scores extraction against the seed gold by the corpus README's convention (span overlap, value, unit)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factledger.domain import ClaimKind, Document, Suggestion
from factledger.extraction import suggest
from factledger.extraction.units import MEASURES

_STOP = frozenset(["a", "an", "the", "of", "and", "to", "in", "on", "at", "for", "by"])


@dataclass(frozen=True)
class Counts:
    """True positives against found and gold totals, for precision and recall."""

    matched_found: int
    found: int
    matched_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def locate(text: str, quote: str) -> tuple[int, int]:
    """Position of a gold quote in the text, collapsing white space when the exact string is absent."""
    index = text.find(quote)
    if index >= 0:
        return index, index + len(quote)
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    match = re.search(pattern, text)
    if match is None:
        raise ValueError(f"gold quote not in text: {quote!r}")
    return match.start(), match.end()


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def unit_class(unit: str | None) -> str:
    """Currency codes, "%", measures and count nouns each form their own class."""
    if unit is None:
        return "none"
    if re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    if unit in ("%", "percentage points"):
        return "percent"
    if unit in set(MEASURES.values()) | {"x"}:
        return "measure"
    return "count"


def same_value(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.005 * max(abs(b), 1e-9)


def words(phrase: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (phrase or "").lower()) if w not in _STOP}


def speaker_matches(found: str | None, gold: str | None) -> bool:
    """Speakers agree when they share a content word ("the White House" and "White House")."""
    if gold is None:
        return True
    return bool(words(found) & words(gold))


def score_seed(corpus: Path) -> dict[str, Any]:
    """All seed scores: quantities per unit class (detection and normalization), commitments, attribution."""
    text = (corpus / "seed" / "toyota-us-investment.txt").read_text(encoding="utf-8")
    gold = json.loads((corpus / "seed" / "gold.json").read_text(encoding="utf-8"))
    return score_gold(Document(text=text), gold)


def score_gold(document: Document, gold: dict[str, Any]) -> dict[str, Any]:
    """Scores of `suggest(document)` against a gold file in the seed's format (quantities, commitments, claims)."""
    text = document.text
    gold = {"quantities": [], "commitments": [], "claims": [], **gold}
    found = suggest(document)
    stats = [s for s in found if s.kind is ClaimKind.STATISTIC]
    result: dict[str, Any] = {"quantities": {}, "suggestions": len(found)}
    classes = sorted(
        {unit_class(g["unit"]) for g in gold["quantities"]} | {unit_class(s.unit) for s in stats}
    )
    for cls in [*classes, "all"]:
        golds = [g for g in gold["quantities"] if cls == "all" or unit_class(g["unit"]) == cls]
        spans = [locate(text, g["quote"]) for g in golds]
        mine = [s for s in stats if cls == "all" or unit_class(s.unit) == cls]
        for mode in ("detection", "normalization"):

            def hit(s: Suggestion, g: dict[str, Any], span: tuple[int, int], mode: str = mode) -> bool:
                if not overlaps((s.start, s.end), span):
                    return False
                return mode == "detection" or (same_value(s.value, g["value"]) and s.unit == g["unit"])

            # Detection is span-only, so it is scored against all statistics of any class.
            pool = stats if mode == "detection" and cls != "all" else mine
            mine_for_precision = mine
            matched_found = sum(
                any(hit(s, g, sp) for g, sp in zip(gold["quantities"], _all_spans(text, gold), strict=True))
                for s in mine_for_precision
            )
            matched_gold = sum(any(hit(s, g, sp) for s in pool) for g, sp in zip(golds, spans, strict=True))
            result["quantities"][f"{cls}/{mode}"] = Counts(matched_found, len(mine), matched_gold, len(golds))
    result["commitments"] = _commitments(text, gold, found)
    result["attribution"] = _attribution(text, gold, found)
    return result


def _all_spans(text: str, gold: dict[str, Any]) -> list[tuple[int, int]]:
    return [locate(text, g["quote"]) for g in gold["quantities"]]


def _commitments(text: str, gold: dict[str, Any], found: list[Suggestion]) -> dict[str, Any]:
    mine = [s for s in found if s.kind is ClaimKind.COMMITMENT]
    spans = [locate(text, g["quote"]) for g in gold["commitments"]]
    matched_found = sum(any(overlaps((s.start, s.end), sp) for sp in spans) for s in mine)
    committer = amount = matched_gold = 0
    with_amount = sum(1 for g in gold["commitments"] if g.get("amount") is not None)
    for g, span in zip(gold["commitments"], spans, strict=True):
        hits = [s for s in mine if overlaps((s.start, s.end), span)]
        if not hits:
            continue
        matched_gold += 1
        best = hits[0]
        committer += speaker_matches(best.committer, g["committer"])
        if g.get("amount") is not None:
            amount += same_value(best.amount, g["amount"]) and best.unit == g.get("unit")
    counts = Counts(matched_found, len(mine), matched_gold, len(gold["commitments"]))
    return {
        "counts": counts,
        "committer_right": committer,
        "amount_right": amount,
        "with_amount": with_amount,
    }


def _attribution(text: str, gold: dict[str, Any], found: list[Suggestion]) -> dict[str, Any]:
    rows = []
    items = [*gold["claims"], *[c for c in gold["commitments"] if "attribution" in c]]
    for g in items:
        span = locate(text, g["quote"])
        hits = [s for s in found if overlaps((s.start, s.end), span)]
        preferred = [s for s in hits if s.kind is ClaimKind.CLAIM] or hits
        if not preferred:
            rows.append((g, None, False))
            continue
        best = max(preferred, key=lambda s: min(s.end, span[1]) - max(s.start, span[0]))
        right = (
            best.attribution is not None
            and best.attribution.value == g["attribution"]
            and speaker_matches(best.speaker, g.get("speaker"))
        )
        rows.append((g, best, right))
    claims_right = sum(1 for g, _, right in rows[: len(gold["claims"])] if right)
    return {
        "rows": rows,
        "claims_right": claims_right,
        "claims": len(gold["claims"]),
        "all_right": sum(1 for *_, right in rows if right),
        "all": len(rows),
    }


GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "extraction" / "gold"


def score_briefings(corpus: Path) -> dict[str, dict[str, Any]]:
    """Scores per White House briefing against the project's own gold (tests/extraction/gold), read as users
    import them (through `factledger.reading`), keyed by gold file stem; files absent from `corpus` are skipped."""
    from factledger.reading.read import read_file

    result: dict[str, dict[str, Any]] = {}
    for gold_path in sorted(GOLD_DIR.glob("wh-*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = corpus / gold["source"]
        if source.is_file():
            result[gold_path.stem] = score_gold(read_file(source), gold)
    return result
