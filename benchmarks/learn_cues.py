"""Regenerate `factledger/extraction/learned_cues.py`: cue and source-head word classes from PolNeAR's train split.

Run from the repository root: `PYTHONPATH=desktop .venv/bin/python benchmarks/learn_cues.py [--show]`.
A stem joins the cue class when annotators marked it part of a cue at least MIN_COUNT times in distinct places
and in at least MIN_RATE of the places the word occurs in the training texts; source heads likewise from the
last common noun of annotated sources. Only stems are written (word classes, no corpus text). The held-out
split (`polnear_data.split_of`) and the independent gold's articles are never read here.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_data import POLNEAR, REPO, all_annotation_files, parse_file

from factledger.extraction.cues import _NEVER, stem

MIN_COUNT = 2
MIN_RATE = 0.2
HEAD_MIN_COUNT = 2
HEAD_MIN_RATE = 0.2
TARGET = REPO / "desktop" / "factledger" / "extraction" / "learned_cues.py"
_WORD = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?")
# Adverbs, contractions and nominalizations ride along inside cue spans ("publicly posting", "didn't allow",
# "accusations have mounted"); the cue class holds the reporting verbs themselves.
_NOT_VERB = re.compile(r"ly$|[’']|(?:tion|sion|ment|ism|ity|ness)s?$")
# Function words and auxiliaries: part of many annotated cue spans ("has said", "according to") but never a cue.
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "about",
        "as",
        "and",
        "or",
        "but",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "his",
        "her",
        "their",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "also",
        "not",
        "no",
        "so",
        "than",
        "then",
        "just",
        "even",
        "still",
        "only",
        "very",
        "more",
        "most",
        "all",
        "some",
        "any",
        "own",
        "such",
        "there",
        "here",
        "into",
        "over",
        "after",
        "before",
        "up",
        "out",
        "off",
        "again",
        "once",
        "too",
        "how",
        "why",
        "if",
        "later",
        "earlier",
        "now",
        "soon",
        "already",
        "yet",
    ]
)


def _cue_and_head_positions() -> tuple[
    dict[str, set[tuple[str, int]]], dict[str, set[tuple[str, int]]], Counter[str]
]:
    cues: dict[str, set[tuple[str, int]]] = {}
    heads: dict[str, set[tuple[str, int]]] = {}
    totals: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for name, path in all_annotation_files("train"):
        if name not in texts:
            texts[name] = (POLNEAR / "text" / f"{name}.txt").read_text(encoding="utf-8")
            for match in _WORD.finditer(texts[name]):
                word = match.group(0)
                if word.islower() and word not in _FUNCTION and word not in _NEVER:
                    totals[stem(word)] += 1
        text = texts[name]
        for relation in parse_file(path, text):
            if relation.cue is not None:
                for match in _WORD.finditer(relation.cue.text):
                    word = match.group(0)
                    if _verb_like(word):
                        cues.setdefault(stem(word), set()).add((name, relation.cue.start + match.start()))
            if relation.source is not None:
                words = [m for m in _WORD.finditer(relation.source.text) if m.group(0).islower()]
                if words and words[-1].group(0) not in _FUNCTION:
                    head = words[-1]
                    heads.setdefault(stem(head.group(0)), set()).add(
                        (name, relation.source.start + head.start())
                    )
    return cues, heads, totals


def _verb_like(word: str) -> bool:
    return word.islower() and len(word) >= 3 and word not in _FUNCTION | _NEVER and not _NOT_VERB.search(word)


def learn() -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """(stem, annotated places, occurrences) for the cue class and the source-head class."""
    cues, heads, totals = _cue_and_head_positions()
    cue_class = [
        (s, len(p), totals[s])
        for s, p in cues.items()
        if len(p) >= MIN_COUNT and totals[s] and len(p) / totals[s] >= MIN_RATE
    ]
    head_class = [
        (s, len(p), totals[s])
        for s, p in heads.items()
        if len(p) >= HEAD_MIN_COUNT and totals[s] and len(p) / totals[s] >= HEAD_MIN_RATE
    ]
    return sorted(cue_class), sorted(head_class)


def _literal(stems: list[tuple[str, int, int]]) -> str:
    body = "".join(f'        "{s}",\n' for s, _, _ in stems)
    return f"frozenset(\n    [\n{body}    ]\n)"


def main() -> None:
    cue_class, head_class = learn()
    if not cue_class:
        print("PolNeAR's train split is absent: nothing learned, file left as it is.")
        return
    if "--show" in sys.argv:
        for label, found in (("cue", cue_class), ("source head", head_class)):
            print(label, " ".join(f"{s}({n}/{t})" for s, n, t in found))
    TARGET.write_text(
        '"""Generated by benchmarks/learn_cues.py from PolNeAR\'s training split; do not edit by hand.\n\n'
        "Stems (`cues.stem`) of words annotators marked as attribution cues, and of the common nouns heading\n"
        'annotated sources, kept when frequent and reliable enough in the training texts."""\n\n'
        f"CUE_STEMS: frozenset[str] = {_literal(cue_class)}\n"
        f"SOURCE_HEADS: frozenset[str] = {_literal(head_class)}\n",
        encoding="utf-8",
    )
    print(f"{len(cue_class)} cue stems, {len(head_class)} source heads written to {TARGET.relative_to(REPO)}")


if __name__ == "__main__":
    main()
