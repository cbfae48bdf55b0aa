"""MiMac's English manifesto sentences, split by manifesto into a part we learn from and a part we only measure.

The split is fixed by a hash of each manifesto's file name, so it never moves when rules change, and a
manifesto's sentences never fall on both sides (its party's phrasing would leak into the measurement).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MIMAC = REPO / ".." / "shared" / "corpus" / "pledges-mimac" / "english_india_sentences.trn.derived.csv"


@dataclass(frozen=True)
class Sentence:
    """One manifesto sentence and whether MiMac's annotators marked it a pledge."""

    manifesto: str
    text: str
    pledge: bool


def split_of(manifesto: str) -> str:
    """ "train" or "heldout": about a third of the manifestos, by hash, are held out."""
    digest = int(hashlib.sha1(manifesto.encode("utf-8")).hexdigest(), 16)
    return "heldout" if digest % 3 == 0 else "train"


def sentences(split: str | None = None) -> list[Sentence]:
    """Every stored sentence, or only those of `split` ("train"/"heldout"); empty when the corpus is absent."""
    if not MIMAC.is_file():
        return []
    with MIMAC.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Sentence(row["file"], row["text"], row["binary_pledge"] == "1")
        for row in rows
        if split is None or split_of(row["file"]) == split
    ]
