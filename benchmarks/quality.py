"""Extraction quality on the shared corpus; prints a report and writes docs/QUALITY.md.

Run from the repository root: `PYTHONPATH=desktop .venv/bin/python benchmarks/quality.py`.
Corpora that are absent are skipped; quantulum3's own answers are compared only if it is installed.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_scoring import Counts, score_briefings, score_seed, unit_class

from factledger.domain import ClaimKind, Document
from factledger.extraction import suggest
from factledger.extraction.claims import check_worthiness

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
_QUANTULUM_CLASSES = {
    "dollar": "money",
    "euro": "money",
    "pound sterling": "money",
    "percentage": "percent",
    "dimensionless": "count",
    "mile": "measure",
    "inch": "measure",
    "kilometre": "measure",
    "metre": "measure",
    "gallon": "measure",
    "litre": "measure",
    "square mile": "measure",
    "square kilometre": "measure",
}
_RT_CLASSES = {"Length": "measure", "Weight": "measure", "Volume": "measure", "Area": "measure"}


def pct(x: float) -> str:
    return f"{x:.3f}"


def seed_section(lines: list[str]) -> None:
    if not (CORPUS / "seed" / "gold.json").is_file():
        lines.append("Seed corpus absent: skipped.\n")
        return
    scores = score_seed(CORPUS)
    lines.append("## Seed article (`seed/gold.json`)\n")
    lines.append("| unit class | detection P | detection R | normalization P | normalization R | gold |")
    lines.append("|---|---|---|---|---|---|")
    classes = sorted({k.split("/")[0] for k in scores["quantities"]}, key=lambda c: (c == "all", c))
    for cls in classes:
        det, norm = scores["quantities"][f"{cls}/detection"], scores["quantities"][f"{cls}/normalization"]
        lines.append(
            f"| {cls} | {pct(det.precision)} | {pct(det.recall)} | {pct(norm.precision)} | "
            f"{pct(norm.recall)} | {norm.gold} |"
        )
    com = scores["commitments"]
    counts: Counts = com["counts"]
    lines.append(
        f"\nCommitments: precision {pct(counts.precision)}, recall {pct(counts.recall)} "
        f"({counts.matched_gold}/{counts.gold}); committer right {com['committer_right']}/"
        f"{counts.matched_gold}; amount right {com['amount_right']}/{com['with_amount']}.\n"
    )
    att = scores["attribution"]
    lines.append(
        f"Attribution: speaker and sourcing right for {att['claims_right']}/{att['claims']} gold claims "
        f"({pct(att['claims_right'] / att['claims'])}); {att['all_right']}/{att['all']} including "
        "the gold commitments that carry an attribution.\n"
    )


def briefings_section(lines: list[str]) -> None:
    scores = score_briefings(CORPUS)
    if not scores:
        return
    lines.append("## White House briefings (own gold, `tests/extraction/gold/wh-*.json`)\n")
    lines.append(
        "Six public-domain documents (three fact sheets, an on-record and a background press call, a press "
        "conference) read through `factledger.reading` as a user imports them; gold annotated by hand before "
        "measuring. Quantities: normalization (span, value, unit). Gold is representative, not exhaustive, "
        "so precision is a lower bound. Attribution: gold claims and commitments with a speaker.\n"
    )
    lines.append(
        "| document | quantities P | quantities R | commitments P | commitments R | speaker+sourcing |"
    )
    lines.append("|---|---|---|---|---|---|")
    for name, result in scores.items():
        q, c, a = (
            result["quantities"]["all/normalization"],
            result["commitments"]["counts"],
            result["attribution"],
        )
        lines.append(
            f"| {name.removeprefix('wh-')} | {pct(q.precision)} | {pct(q.recall)} ({q.gold}) | "
            f"{pct(c.precision)} | {pct(c.recall)} ({c.gold}) | {a['all_right']}/{a['all']} |"
        )
    lines.append("")


def _quantulum_cases() -> list[dict]:
    path = CORPUS / "quantulum3" / "quantulum3___lang__en_US__tests__quantities.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


def _ours(sentence: str) -> list[tuple[int, int, float, str]]:
    return [
        (s.start, s.end, s.value or 0.0, unit_class(s.unit))
        for s in suggest(Document(text=sentence))
        if s.kind is ClaimKind.STATISTIC
    ]


def _theirs_quantulum() -> Callable[[str], list[tuple[int, int, float, str]]] | None:
    try:
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        return None

    def parse(sentence: str) -> list[tuple[int, int, float, str]]:
        found = []
        for q in parser.parse(sentence):
            name = q.unit.name
            cls = "money" if q.unit.entity.name == "currency" else _QUANTULUM_CLASSES.get(name, "other")
            found.append((q.span[0], q.span[1], float(q.value), cls))
        return found

    return parse


def _score(
    cases: list[tuple[str, list[tuple[int, int, float, str]]]],
    system: Callable[[str], list[tuple[int, int, float, str]]],
    cls: str,
) -> Counts:
    matched_found = found_total = matched_gold = gold_total = 0
    for sentence, gold in cases:
        gold = [g for g in gold if g[3] == cls]
        mine = [m for m in system(sentence) if m[3] == cls]
        gold_total += len(gold)
        found_total += len(mine)

        def agree(m: tuple[int, int, float, str], g: tuple[int, int, float, str]) -> bool:
            return m[0] < g[1] and g[0] < m[1] and abs(m[2] - g[2]) <= 0.005 * max(abs(g[2]), 1e-9)

        matched_gold += sum(any(agree(m, g) for m in mine) for g in gold)
        matched_found += sum(any(agree(m, g) for g in gold) for m in mine)
    return Counts(matched_found, found_total, matched_gold, gold_total)


def peers_section(lines: list[str]) -> None:
    lines.append("## Peer suites: quantities\n")
    cases: list[tuple[str, list[tuple[int, int, float, str]]]] = []
    for case in _quantulum_cases():
        gold = []
        for r in case["res"]:
            start = case["req"].find(r["surface"])
            if start >= 0 and r["unit"] in _QUANTULUM_CLASSES:
                gold.append(
                    (start, start + len(r["surface"]), float(r["value"]), _QUANTULUM_CLASSES[r["unit"]])
                )
        cases.append((case["req"], gold))
    theirs = _theirs_quantulum()
    if cases:
        lines.append(
            f"quantulum3 `quantities.json` ({len(cases)} sentences). Their units mapped to classes: "
            "currency names to money, `percentage` to percent, `dimensionless` to count, lengths, "
            "areas and volumes to measure. A match overlaps the gold surface with a value within 0.5 %.\n"
        )
        header = "| class | gold | FactLedger P | FactLedger R |" + (
            " quantulum3 P | quantulum3 R |" if theirs else ""
        )
        lines.append(header)
        lines.append("|---|---|---|---|" + ("---|---|" if theirs else ""))
        for cls in ("money", "percent", "count", "measure"):
            ours = _score(cases, _ours, cls)
            row = f"| {cls} | {ours.gold} | {pct(ours.precision)} | {pct(ours.recall)} |"
            if theirs:
                them = _score(cases, theirs, cls)
                row += f" {pct(them.precision)} | {pct(them.recall)} |"
            lines.append(row)
        if theirs is None:
            lines.append("\nquantulum3 is not installed: its own column is omitted.")
        lines.append("")
    rt = CORPUS / "recognizers-text" / "Specs__NumberWithUnit__English__DimensionModel.json"
    if rt.is_file():
        rt_cases = []
        for case in json.loads(rt.read_text(encoding="utf-8")):
            if case.get("NotSupported"):
                continue
            gold = [
                (
                    r["Start"],
                    r["End"] + 1,
                    float(r["Resolution"]["value"]),
                    _RT_CLASSES[r["Resolution"]["subtype"]],
                )
                for r in case["Results"]
                if r["Resolution"].get("subtype") in _RT_CLASSES and r["Resolution"].get("value") is not None
            ]
            rt_cases.append((case["Input"], gold))
        ours = _score(rt_cases, _ours, "measure")
        lines.append(
            f"Recognizers-Text DimensionModel, supported length/weight/volume/area cases "
            f"({len(rt_cases)} inputs, `End` made exclusive): measure precision {pct(ours.precision)}, "
            f"recall {pct(ours.recall)} over {ours.gold} gold figures."
            + (
                f" quantulum3 on the same: precision {pct(_score(rt_cases, theirs, 'measure').precision)}, "
                f"recall {pct(_score(rt_cases, theirs, 'measure').recall)}."
                if theirs
                else ""
            )
        )
        lines.append(
            "The stored Recognizers-Text specs hold no Currency or Percentage model, so its money and "
            "percent subsets cannot be scored from this corpus.\n"
        )


def mimac_section(lines: list[str]) -> None:
    path = CORPUS / "pledges-mimac" / "english_india_sentences.trn.derived.csv"
    if not path.is_file():
        return
    tp = fp = fn = 0
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            predicted = any(s.kind is ClaimKind.COMMITMENT for s in suggest(Document(text=row["text"])))
            gold = row["binary_pledge"] == "1"
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
    counts = Counts(tp, tp + fp, tp, tp + fn)
    lines.append("## MiMac pledges (training split, sentence level)\n")
    lines.append(
        f"A sentence is predicted a pledge when it yields a commitment: precision {pct(counts.precision)}, "
        f"recall {pct(counts.recall)}, F1 {pct(counts.f1)} ({tp + fn} pledges).\n"
    )


def polnear_section(lines: list[str]) -> None:
    root = CORPUS / "polnear"
    texts = sorted((root / "test" / "text").glob("*.txt")) if root.is_dir() else []
    if not texts:
        return
    total = right = covered = 0
    for text_path in texts:
        annotations = sorted((root / "test" / "attributions").glob(text_path.stem + "_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        spans: dict[str, tuple[str, int, int, str]] = {}
        for line in annotations[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) == 3 and ";" not in parts[1]:
                label, start, end = parts[1].split()
                spans[parts[0]] = (label, int(start), int(end), parts[2])
        found = [s for s in suggest(Document(text=text)) if s.kind is ClaimKind.CLAIM]
        for line in annotations[0].read_text(encoding="utf-8").splitlines():
            if not line.startswith("E"):
                continue
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            if "Source" not in roles or "Content" not in roles or roles["Source"] not in spans:
                continue
            if roles["Content"] not in spans:
                continue
            source = spans[roles["Source"]][3]
            _, c_start, c_end, _ = spans[roles["Content"]]
            total += 1
            hits = [
                s
                for s in found
                if s.start < c_end
                and c_start < s.end
                and s.attribution is not None
                and s.attribution.value != "outlet"
            ]
            if not hits:
                continue
            covered += 1
            best = max(hits, key=lambda s: min(s.end, c_end) - max(s.start, c_start))
            source_words = set(re.findall(r"\w+", source.lower()))
            right += bool(source_words & set(re.findall(r"\w+", (best.speaker or "").lower())))
    lines.append("## PolNeAR speaker accuracy\n")
    lines.append(
        f"Stored half (`test/`, {len(texts)} articles, first annotator's file each): for each annotated "
        f"attribution with a source and content, the attributed claim overlapping the content names a "
        f"speaker sharing a word with the annotated source in {right}/{total} cases "
        f"({pct(right / total if total else 0)}); among the {covered} contents we attribute at all, "
        f"{pct(right / covered if covered else 0)}.\n"
    )


def clef_section(lines: list[str]) -> None:
    files = sorted((CORPUS / "clef2019-checkthat-task1").glob("training__*.tsv"))
    if not files:
        return
    aps = []
    for path in files:
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        scored = sorted(
            ((check_worthiness(r[2])[0], int(r[3])) for r in rows if len(r) >= 4), key=lambda x: -x[0]
        )
        hits = 0
        precisions = []
        for rank, (_, label) in enumerate(scored, start=1):
            if label:
                hits += 1
                precisions.append(hits / rank)
        aps.append(sum(precisions) / len(precisions) if precisions else 0.0)
    lines.append("## CLEF 2019 CheckThat! task 1 (training transcripts)\n")
    lines.append(
        f"Ranking every line by the claim score: MAP {pct(sum(aps) / len(aps))} over {len(files)} "
        "debates and speeches (per file: " + ", ".join(pct(a) for a in aps) + ").\n"
    )


def main() -> None:
    warnings.filterwarnings("ignore", module="quantulum3")
    lines = [
        "# Extraction quality\n",
        "Written by `benchmarks/quality.py` from `../shared/corpus` (scoring convention: its README).\n",
    ]
    if not CORPUS.is_dir():
        lines.append("The shared corpus is absent: nothing was measured.")
    else:
        for section in (
            seed_section,
            briefings_section,
            peers_section,
            mimac_section,
            polnear_section,
            clef_section,
        ):
            section(lines)
    report = "\n".join(lines) + "\n"
    print(report)
    (REPO / "docs").mkdir(exist_ok=True)
    (REPO / "docs" / "QUALITY.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
