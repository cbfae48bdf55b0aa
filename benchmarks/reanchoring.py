"""Benchmark: re-anchoring 1,000 facts across a new version, and the word-level diff of a 10,000-word article.

Run from the repo root: `PYTHONPATH=desktop .venv/bin/python benchmarks/reanchoring.py`. The article is the
sample article's paragraphs repeated with each copy's figures shifted (so quotes are not all alike) up to
10,000 words; the new version changes a figure in every tenth paragraph, deletes a sentence in every
fifteenth, fixes a spelling in every seventh and moves one paragraph to the end, as an edited article does.
The 1,000 facts are figures and sentences spread over the whole text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from _bench import emit, samples_ms

from factledger.core.anchoring import reanchor
from factledger.core.textdiff import word_diff

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "sample-article.txt"
_FIGURE = re.compile(r"\$?\d[\d,.]*(?: (?:billion|million))?%?")


def versions(words: int = 10_000) -> tuple[str, str]:
    """The old and the new text, built deterministically from the sample article."""
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n")[1:] if len(p.split()) > 8]
    old: list[str] = []
    copy = 0
    while sum(len(p.split()) for p in old) < words:
        copy += 1
        for paragraph in paragraphs:
            old.append(_FIGURE.sub(lambda m, c=copy: _shifted(m.group(0), c), paragraph))
    new = list(old)
    for index in range(len(new)):
        if index % 10 == 3:
            new[index] = _FIGURE.sub(lambda m: _shifted(m.group(0), 7), new[index], count=1)
        if index % 15 == 5 and ". " in new[index]:
            head, _, tail = new[index].partition(". ")
            new[index] = tail or head
        if index % 7 == 2:
            new[index] = new[index].replace(" the ", " teh ", 1)
    new.append(new.pop(len(new) // 2))
    return "\n\n".join(old), "\n\n".join(new)


def _shifted(figure: str, copy: int) -> str:
    digits = re.search(r"\d+", figure)
    if digits is None:
        return figure
    return figure[: digits.start()] + str(int(digits.group(0)) + copy) + figure[digits.end() :]


def facts(text: str, count: int = 1000) -> list[tuple[int, int, str]]:
    """`count` spans spread evenly over the figures and sentences of the text."""
    spans = [(m.start(), m.end()) for m in _FIGURE.finditer(text) if m.end() - m.start() > 2]
    spans += [(m.start(), m.end()) for m in re.finditer(r"[A-Z][^.]{20,200}\.", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"(?<=, )[a-z][^,.;\n]{15,120}", text)]  # clauses
    spans.sort()
    chosen = [spans[i * len(spans) // count] for i in range(min(count, len(spans)))]
    return [(s, e, text[s:e]) for s, e in chosen]


def main() -> None:
    old, new = versions()
    spans = facts(old)
    placements = reanchor(old, new, spans)
    states: dict[str, int] = {}
    for placement in placements:
        states[placement.state] = states.get(placement.state, 0) + 1
    note = f"{len(old.split()):,} words, {len(spans)} facts: " + ", ".join(
        f"{n} {s}" for s, n in sorted(states.items())
    )
    times = samples_ms(lambda: reanchor(old, new, spans), 9)
    emit(
        "re-anchor 1,000 facts across a new version",
        times,
        target="<= 200 ms",
        met=sorted(times)[4] <= 200,
        note=note,
    )
    times = samples_ms(lambda: word_diff(old, new), 9)
    emit(
        f"word-level diff of {len(old.split()):,} words",
        times,
        target="<= 100 ms",
        met=sorted(times)[4] <= 100,
    )


if __name__ == "__main__":
    main()
