"""The independent gold (`../shared/corpus/independent-gold`) scored in-process with its own scorer's rules.

Each text is read through `factledger.reading` exactly as `factledger suggest FILE` reads it. Matching follows
`independent-gold/score.py`: spans overlap after white space is collapsed; quantities also agree in value (0.5 %)
and unit class; a suggestion matching an "either" item (one annotator only) is neither credited nor charged;
an attributed claim is suggested when any suggestion overlaps it, its speaker is right when an overlapping
suggestion's speaker shares a word with the gold speaker, its sourcing when one's attribution equals the gold's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factledger import reading
from factledger.extraction import suggest

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / ".." / "shared" / "corpus" / "independent-gold"
_NOT_NAME_WORDS = frozenset(["a", "an", "the", "of"])


@dataclass
class DocumentScore:
    """One document's counts; the totals add these up."""

    name: str
    q_tp: int = 0
    q_gold: int = 0
    q_fp: int = 0
    c_tp: int = 0
    c_gold: int = 0
    c_fp: int = 0
    a_gold: int = 0
    a_found: int = 0
    a_speaker: int = 0
    a_typed: int = 0
    a_type_ok: int = 0
    missing_quotes: int = 0

    def add(self, other: DocumentScore) -> None:
        for name in self.__dataclass_fields__:
            if name != "name":
                setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Scores:
    """Per-document scores and their total."""

    documents: list[DocumentScore] = field(default_factory=list)
    total: DocumentScore = field(default_factory=lambda: DocumentScore("all"))


def _collapse(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(ch)
            previous_space = False
        index.append(i)
    return "".join(out), index


def _to_collapsed(index: list[int], position: int) -> int:
    low, high = 0, len(index)
    while low < high:
        mid = (low + high) // 2
        if index[mid] < position:
            low = mid + 1
        else:
            high = mid
    return low


def _unit_class(unit: object) -> str | None:
    if unit is None:
        return None
    text = str(unit).strip()
    if text in ("%", "percent", "per cent", "percentage"):
        return "%"
    return text if re.fullmatch(r"[A-Z]{3}", text) else "other"


def _close(a: object, b: object) -> bool:
    if a is None or b is None:
        return False
    x, y = float(a), float(b)  # type: ignore[arg-type]
    return abs(x - y) <= 0.005 * max(abs(y), 1e-9)


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _NOT_NAME_WORDS}


Found = tuple[int, int, dict[str, Any]]


def _match(
    collapsed: str,
    items: list[dict[str, Any]],
    found: list[Found],
    agree: Callable[[dict[str, Any], dict[str, Any]], bool],
    score: DocumentScore,
) -> tuple[int, set[int]]:
    matched, used = 0, set()
    for item in items:
        span = _locate(collapsed, item["quote"])
        if span is None:
            score.missing_quotes += 1
            continue
        for j, (a, b, s) in enumerate(found):
            if j not in used and a < span[1] and span[0] < b and agree(item, s):
                used.add(j)
                matched += 1
                break
    return matched, used


def _locate(collapsed: str, quote: str) -> tuple[int, int] | None:
    wanted, _ = _collapse(quote)
    start = collapsed.find(wanted)
    return (start, start + len(wanted)) if start >= 0 else None


def _quantity(item: dict[str, Any], s: dict[str, Any]) -> bool:
    return _close(s.get("value"), item.get("value")) and _unit_class(s.get("unit")) == _unit_class(
        item.get("unit")
    )


def score_document(gold: dict[str, Any], text_path: Path) -> DocumentScore:
    """Score one gold file against FactLedger's suggestions for its text."""
    agreed, either = gold["agreed"], gold["either"]
    document = reading.read_input(reading.expand_inputs([str(text_path)])[0])
    collapsed, index = _collapse(document.text)
    found: list[Found] = []
    for suggestion in suggest(document):
        s = suggestion.to_json()
        found.append((_to_collapsed(index, s["start"]), _to_collapsed(index, s["end"]), s))
    score = DocumentScore(gold["source"])
    quantities = [f for f in found if f[2].get("value") is not None]
    score.q_tp, used = _match(collapsed, agreed["quantities"], quantities, _quantity, score)
    rest = [f for j, f in enumerate(quantities) if j not in used]
    _, used_either = _match(collapsed, either["quantities"], rest, _quantity, score)
    score.q_gold, score.q_fp = len(agreed["quantities"]), len(quantities) - len(used) - len(used_either)
    commitments = [f for f in found if f[2].get("kind") == "commitment"]
    score.c_tp, used = _match(collapsed, agreed["commitments"], commitments, lambda i, s: True, score)
    rest = [f for j, f in enumerate(commitments) if j not in used]
    _, used_either = _match(collapsed, either["commitments"], rest, lambda i, s: True, score)
    score.c_gold, score.c_fp = len(agreed["commitments"]), len(commitments) - len(used) - len(used_either)
    for item in agreed.get("claims", []):
        span = _locate(collapsed, item["quote"])
        if span is None:
            score.missing_quotes += 1
            continue
        score.a_gold += 1
        hits = [s for a, b, s in found if a < span[1] and span[0] < b]
        score.a_found += bool(hits)
        if item.get("speaker") and any(_words(s.get("speaker")) & _words(item["speaker"]) for s in hits):
            score.a_speaker += 1
        if item.get("attribution"):
            score.a_typed += 1
            score.a_type_ok += any(s.get("attribution") == item["attribution"] for s in hits)
    return score


def score_all() -> Scores:
    """Every gold file of the independent gold, or nothing when it is absent."""
    scores = Scores()
    folder = GOLD / "gold"
    if not folder.is_dir():
        return scores
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        document = score_document(gold, GOLD / "texts" / gold["source"])
        scores.documents.append(document)
        scores.total.add(document)
    return scores
