"""Extraction quality on the shared corpus; prints a report and writes docs/QUALITY.md.

Run from the repository root: `PYTHONPATH=desktop .venv/bin/python benchmarks/quality.py`.
Corpora that are absent are skipped; quantulum3's own answers are compared only if it is installed.
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_scoring import Counts, score_briefings, score_seed, unit_class
from independent_gold import score_all as score_independent_gold
from mimac_data import sentences as mimac_sentences
from mimac_data import split_of
from polnear_data import articles as polnear_articles
from polnear_data import speaker_score

from factledger.domain import ClaimKind, Document
from factledger.extraction import suggest
from factledger.extraction.claims import check_worthiness
from factledger.extraction.dates import non_statistic_spans
from factledger.extraction.quantities import find_quantities

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
# quantulum3 unit names by class. Every physical unit it knows is a measure; durations ("three days") are not
# statistics in FactLedger's convention and rates ("$15.4/hour") have no class there, so both are left unscored:
# neither side is credited or charged for a figure overlapping one of them.
_QUANTULUM_MONEY = {"dollar", "euro", "pound sterling", "cent", "penny", "dime"}
_QUANTULUM_TIME = {"day", "week", "month", "year", "hour", "gigayear", "megayear"}
# Sub-units and dozens carry their multiple, as scale words do: "ten cents" is 0.10 dollars, "a dozen" 12.
_QUANTULUM_FACTOR = {"cent": 0.01, "penny": 0.01, "dime": 0.1, "dozen": 12, "baker's dozen": 13, "gross": 144}
_QUANTULUM_COUNT = {"dimensionless", "dozen", "baker's dozen", "gross"}
_MEASURE_ENTITIES = {
    "length", "area", "volume", "mass", "temperature", "speed", "energy", "power", "data storage", "frequency",
    "radiation absorbed dose", "mass flow",
}  # fmt: skip
_QUANTULUM_MEASURE_COMPOUNDS = {"watt hour", "megawatt hour"}


def quantulum_class(unit: str, entity: str | None) -> str:
    """FactLedger's unit class for a quantulum3 unit name and its entity; "other" is left unscored."""
    if unit in _QUANTULUM_MONEY or entity == "currency":
        return "money"
    if unit == "percentage":
        return "percent"
    if unit in _QUANTULUM_COUNT:
        return "count"
    if unit in _QUANTULUM_TIME or entity == "time":
        return "other"
    if entity in _MEASURE_ENTITIES or unit in _QUANTULUM_MEASURE_COMPOUNDS:
        return "measure"
    return "other"


def _quantulum_entity(unit: str) -> str | None:
    """The entity quantulum3's own unit table gives a unit name, or a fixed reading when it is not installed."""
    try:
        from quantulum3 import load  # type: ignore[import-not-found]
    except ImportError:
        return None if unit in _QUANTULUM_MONEY | _QUANTULUM_TIME | _QUANTULUM_COUNT else "length"
    known = load.units("en_US").names.get(unit)
    return known.entity.name if known is not None else None


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


Found = tuple[int, int, float, str, float | None]  # start, end, value, class, top of a range


def _ours(sentence: str) -> list[Found]:
    """FactLedger's statistics, with the top of each range (a suggestion's value is its bottom)."""
    uppers = {
        (q.start, q.end): q.upper
        for q in find_quantities(sentence, excluded=non_statistic_spans(sentence), china_context=False)
    }
    return [
        (s.start, s.end, s.value or 0.0, unit_class(s.unit), uppers.get((s.start, s.end)))
        for s in suggest(Document(text=sentence))
        if s.kind is ClaimKind.STATISTIC
    ]


def _theirs_quantulum() -> Callable[[str], list[Found]] | None:
    try:
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        return None

    def parse(sentence: str) -> list[Found]:
        found: list[Found] = []
        for q in parser.parse(sentence):
            name = q.unit.name
            value = float(q.value) * _QUANTULUM_FACTOR.get(name, 1)
            found.append((q.span[0], q.span[1], value, quantulum_class(name, q.unit.entity.name), None))
        return found

    return parse


def _score(
    cases: list[tuple[str, list[Found]]],
    system: Callable[[str], list[Found]],
    cls: str,
) -> Counts:
    """Precision and recall in one class. A range agrees with any gold value inside it (quantulum3 gives a
    range's midpoint, FactLedger its bottom and top); a figure overlapping only unscored gold is not counted."""
    matched_found = found_total = matched_gold = gold_total = 0
    scored = {"money", "percent", "count", "measure"}
    for sentence, all_gold in cases:
        gold = [g for g in all_gold if g[3] == cls]
        unscored = [g for g in all_gold if g[3] not in scored]
        mine = [
            m
            for m in system(sentence)
            if m[3] == cls
            and not (
                any(_overlap(m, g) for g in unscored)
                and not any(_overlap(m, g) for g in all_gold if g[3] in scored)
            )
        ]
        gold_total += len(gold)
        found_total += len(mine)
        matched_gold += sum(any(_agree(m, g) for m in mine) for g in gold)
        matched_found += sum(any(_agree(m, g) for g in gold) for m in mine)
    return Counts(matched_found, found_total, matched_gold, gold_total)


def _overlap(m: Found, g: Found) -> bool:
    return m[0] < g[1] and g[0] < m[1]


def _agree(m: Found, g: Found) -> bool:
    tolerance = 0.005 * max(abs(g[2]), 1e-9)
    low, high = (m[2], m[4]) if m[4] is not None else (m[2], m[2])
    return _overlap(m, g) and low - tolerance <= g[2] <= high + tolerance


def peers_section(lines: list[str]) -> None:
    lines.append("## Peer suites: quantities\n")
    cases: list[tuple[str, list[Found]]] = []
    for case in _quantulum_cases():
        gold: list[Found] = []
        for r in case["res"]:
            start = case["req"].find(r["surface"])
            if start >= 0:
                value = float(r["value"]) * _QUANTULUM_FACTOR.get(r["unit"], 1)
                cls = quantulum_class(r["unit"], _quantulum_entity(r["unit"]))
                gold.append((start, start + len(r["surface"]), value, cls, None))
        cases.append((case["req"], gold))
    theirs = _theirs_quantulum()
    if cases:
        lines.append(
            f"quantulum3 `quantities.json` ({len(cases)} sentences). Their units mapped to classes: "
            "currency units to money (cents, pennies and dimes as hundredths and tenths of the currency), "
            "`percentage` to percent, `dimensionless` to count (dozens as 12), every physical unit (length, "
            "area, volume, mass, temperature, speed, energy, data, ...) to measure. Durations and compound "
            "rates (`dollar per hour`) have no FactLedger class: a figure overlapping only such gold is "
            "neither credited nor charged, on either side. A match overlaps the gold surface with a value "
            "within 0.5 %; a range matches any gold value inside it (quantulum3 values a range at its "
            "midpoint, FactLedger gives its bottom and top). Most `dimensionless` gold is a bare number "
            '(years, model and course numbers, "42 is the answer", "Voyager 2", ratios): FactLedger does '
            "not suggest a number without a counted noun, by design, so its count recall here is low by "
            "convention rather than by miss.\n"
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
            gold: list[Found] = [
                (
                    r["Start"],
                    r["End"] + 1,
                    float(r["Resolution"]["value"]),
                    _RT_CLASSES[r["Resolution"]["subtype"]],
                    None,
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


_DUCKLING_CODES = {
    "Dollar": ("USD", 1.0),
    "USD": ("USD", 1.0),
    "Cent": ("USD", 0.01),
    "EUR": ("EUR", 1.0),
    "Pound": ("GBP", 1.0),
    "GBP": ("GBP", 1.0),
    "INR": ("INR", 1.0),
    "CAD": ("CAD", 1.0),
    "CHF": ("CHF", 1.0),
    "CNY": ("CNY", 1.0),
}
_DUCKLING_BLOCK = re.compile(
    r"examples \((?P<how>simple|between|under|above) (?P<cur>\w+) "
    r"(?:\((?P<low>[\d.e]+), [\d.e]+\)|(?P<value>[\d.e]+))\)\s*\[(?P<strings>.*?)\]",
    re.DOTALL,
)


def _haskell_string(raw: str) -> str:
    return re.sub(r"\\x([0-9a-fA-F]+)", lambda m: chr(int(m.group(1), 16)), raw).replace("\\&", "")


def duckling_money_section(lines: list[str]) -> None:
    """Duckling's English AmountOfMoney corpus: each example string is a whole input naming one amount."""
    path = CORPUS / "duckling" / "Duckling__AmountOfMoney__EN__Corpus.hs"
    if not path.is_file():
        return
    source = path.read_text(encoding="utf-8")
    source = source[source.index("allExamples ::") :]
    matched_found = found = matched_gold = gold = other = other_found = 0
    for block in _DUCKLING_BLOCK.finditer(source):
        strings = [_haskell_string(x) for x in re.findall(r'"((?:[^"\\]|\\.)*)"', block.group("strings"))]
        target = float(block.group("low") or block.group("value"))
        for text in strings:
            money = [f for f in _ours(text) if f[3] == "money"]
            units = {s.start: s.unit for s in suggest(Document(text=text)) if s.kind is ClaimKind.STATISTIC}
            if block.group("cur") not in _DUCKLING_CODES:
                other += 1
                other_found += bool(money)
                continue
            code, factor = _DUCKLING_CODES[block.group("cur")]
            expected: Found = (0, len(text), target * factor, "money", None)
            hits = [m for m in money if units.get(m[0]) == code and _agree(m, expected)]
            gold += 1
            matched_gold += bool(hits)
            found += len(money)
            matched_found += len(hits)
    counts = Counts(matched_found, found, matched_gold, gold)
    lines.append(
        f"Duckling `AmountOfMoney` English corpus, currencies FactLedger names (dollar, cent, euro, pound, "
        f"rupee, Canadian dollar, Swiss franc, yuan; {gold} strings): money precision {pct(counts.precision)}, "
        f"recall {pct(counts.recall)} (value within 0.5 %, the bottom of a range, and the ISO code right). "
        f"The other {other} strings name currencies outside a US/Asia trade desk's vocabulary (ringgit, "
        f'riyal, tugrik, "bucks" left unnamed by duckling, ...); FactLedger reads {other_found} of them as money.\n'
    )


def mimac_section(lines: list[str]) -> None:
    everything = mimac_sentences()
    if not everything:
        return
    lines.append("## MiMac pledges (sentence level)\n")
    lines.append(
        "A sentence is predicted a pledge when it yields a commitment. The stored file is MiMac's training "
        "release; it is split by manifesto (a hash of the file name, `benchmarks/mimac_data.py`): the verbs of "
        "effort learned by `benchmarks/learn_pledge_verbs.py` come from the train manifestos only, the "
        "held-out ones are only measured.\n"
    )
    lines.append("| split | sentences | pledges | precision | recall | F1 |")
    lines.append("|---|---|---|---|---|---|")
    for name, split in (("train", "train"), ("held-out", "heldout"), ("all", None)):
        chosen = everything if split is None else [s for s in everything if split_of(s.manifesto) == split]
        tp = fp = fn = 0
        for sentence in chosen:
            predicted = any(s.kind is ClaimKind.COMMITMENT for s in suggest(Document(text=sentence.text)))
            tp += predicted and sentence.pledge
            fp += predicted and not sentence.pledge
            fn += sentence.pledge and not predicted
        counts = Counts(tp, tp + fp, tp, tp + fn)
        lines.append(
            f"| {name} | {len(chosen)} | {tp + fn} | {pct(counts.precision)} | {pct(counts.recall)} | "
            f"{pct(counts.f1)} |"
        )
    lines.append("")


def polnear_section(lines: list[str]) -> None:
    everything = polnear_articles()
    if not everything:
        return
    all_score = speaker_score(everything)
    train, heldout = speaker_score(polnear_articles("train")), speaker_score(polnear_articles("heldout"))
    lines.append("## PolNeAR speaker accuracy\n")
    lines.append(
        f"Stored half (`test/`, {len(everything)} articles, first annotator's file each): for each annotated "
        f"attribution with a source and content, the attributed claim overlapping the content names a "
        f"speaker sharing a word with the annotated source in {all_score.right}/{all_score.total} cases "
        f"({pct(all_score.accuracy)}); among the {all_score.covered} contents we attribute at all, "
        f"{pct(all_score.right / all_score.covered if all_score.covered else 0)}. A source the annotators "
        'marked as a pronoun ("he", "she", "who": about a fifth) counts as a miss when FactLedger names '
        "the person it refers to.\n"
    )
    lines.append(
        "The cue class is learned from the train split only (`benchmarks/learn_cues.py`; split fixed by a hash "
        "of the article name in `benchmarks/polnear_data.py`, the independent gold's six articles always held "
        "out):\n"
    )
    lines.append("| split | articles | attributions | attributed at all | speaker right | accuracy |")
    lines.append("|---|---|---|---|---|---|")
    for name, score, count in (
        ("train", train, len(polnear_articles("train"))),
        ("held-out", heldout, len(polnear_articles("heldout"))),
        ("all", all_score, len(everything)),
    ):
        lines.append(
            f"| {name} | {count} | {score.total} | {score.covered} | {score.right} | {pct(score.accuracy)} |"
        )
    lines.append("")


def independent_gold_section(lines: list[str]) -> None:
    scores = score_independent_gold()
    if not scores.documents:
        return
    lines.append("## Independent gold (`independent-gold/`, two annotators, reconciled)\n")
    lines.append(
        "Ten documents nobody tuned on (six PolNeAR news articles, four White House fact sheets), read as "
        "`factledger suggest FILE` reads them and scored by the rules of `independent-gold/score.py` (agreed "
        "items count; a suggestion matching an item only one annotator logged is neither credited nor "
        "charged). Claims: suggested at all / speaker shares a word with the gold speaker / sourcing type "
        "equal.\n"
    )
    lines.append(
        "| document | quantities P | quantities R | commitments P | commitments R | claims suggested | "
        "speaker right | sourcing right |"
    )
    lines.append("|---|---|---|---|---|---|---|---|")
    for d in [*scores.documents, scores.total]:
        name = "**all**" if d is scores.total else d.name.removesuffix(".txt").removesuffix(".md")[:48]
        q = Counts(d.q_tp, d.q_tp + d.q_fp, d.q_tp, d.q_gold)
        c = Counts(d.c_tp, d.c_tp + d.c_fp, d.c_tp, d.c_gold)
        claims = (
            f"{d.a_found}/{d.a_gold} | {d.a_speaker}/{d.a_gold} | {d.a_type_ok}/{d.a_typed}"
            if d.a_gold
            else "– | – | –"
        )
        lines.append(
            f"| {name} | {pct(q.precision)} | {pct(q.recall)} ({d.q_gold}) | {pct(c.precision)} | "
            f"{pct(c.recall)} ({d.c_gold}) | {claims} |"
        )
    t = scores.total
    lines.append(
        f"\nTotals: quantities precision {pct(t.q_tp / max(t.q_tp + t.q_fp, 1))}, recall "
        f"{pct(t.q_tp / max(t.q_gold, 1))}; commitments precision {pct(t.c_tp / max(t.c_tp + t.c_fp, 1))}, "
        f"recall {pct(t.c_tp / max(t.c_gold, 1))}; attributed claims suggested {pct(t.a_found / max(t.a_gold, 1))}, "
        f"speaker right {pct(t.a_speaker / max(t.a_gold, 1))}, sourcing type right "
        f"{pct(t.a_type_ok / max(t.a_typed, 1))}.\n"
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
            independent_gold_section,
            briefings_section,
            peers_section,
            duckling_money_section,
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
