"""PolNeAR's stored half read as attributions, split into a part we learn from and a part we only measure on.

The split is fixed by a hash of each article's name, so it never moves when rules change. The six articles the
independent gold re-annotates are always held out: nothing is ever learned from a document we measure on.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
POLNEAR = CORPUS / "polnear" / "test"
_ANNOTATOR = re.compile(r"_[0-9a-f]{4}$")


@dataclass(frozen=True)
class Span:
    """One annotated span (Source, Cue or Content) with its text."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution relation: who (may be absent), through which cue, asserts what."""

    source: Span | None
    cue: Span | None
    content: Span | None


@dataclass(frozen=True)
class Article:
    """An article's text and its first annotator's attributions."""

    name: str
    text: str
    attributions: list[Attribution]


def _gold_names() -> frozenset[str]:
    """Article names the independent gold re-annotates (measured there, never learned from)."""
    folder = CORPUS / "independent-gold" / "gold"
    names = set()
    for path in folder.glob("*.json") if folder.is_dir() else []:
        source = json.loads(path.read_text(encoding="utf-8")).get("source", "")
        names.add(source.removesuffix(".txt"))
    return frozenset(names)


def split_of(name: str, gold_names: frozenset[str]) -> str:
    """ "train" or "heldout": a third of the articles by hash, plus every independent-gold article, is held out."""
    if name in gold_names:
        return "heldout"
    digest = int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16)
    return "heldout" if digest % 3 == 0 else "train"


def _parse(path: Path, text: str) -> list[Attribution]:
    spans: dict[str, Span] = {}
    relations: list[Attribution] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) == 3 and ";" not in parts[1]:
            label, start, end = parts[1].split()
            spans[parts[0]] = Span(label, int(start), int(end), text[int(start) : int(end)])
    for line in lines:
        if not line.startswith("E"):
            continue
        roles = dict(part.split(":") for part in line.split("\t")[1].split())
        relations.append(
            Attribution(
                spans.get(roles.get("Source", "")),
                spans.get(roles.get("Cue", "")),
                spans.get(roles.get("Content", "")),
            )
        )
    return relations


def articles(split: str | None = None) -> list[Article]:
    """Every stored article (first annotator's file each), or only those of `split` ("train"/"heldout")."""
    if not POLNEAR.is_dir():
        return []
    gold = _gold_names()
    found = []
    for text_path in sorted((POLNEAR / "text").glob("*.txt")):
        name = text_path.stem
        if split is not None and split_of(name, gold) != split:
            continue
        annotations = sorted((POLNEAR / "attributions").glob(name + "_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        found.append(Article(name, text, _parse(annotations[0], text)))
    return found


def all_annotation_files(split: str) -> list[tuple[str, Path]]:
    """Every annotator's file of the articles in `split` (more cue evidence than the first file alone)."""
    if not POLNEAR.is_dir():
        return []
    gold = _gold_names()
    files = []
    for path in sorted((POLNEAR / "attributions").glob("*.ann")):
        name = _ANNOTATOR.sub("", path.stem)
        if split_of(name, gold) == split:
            files.append((name, path))
    return files


def parse_file(path: Path, text: str) -> list[Attribution]:
    """The attributions of one annotation file over `text`."""
    return _parse(path, text)


@dataclass(frozen=True)
class SpeakerScore:
    """Attributions with a source and a content; how many we attribute at all, and to the right speaker."""

    total: int
    covered: int
    right: int

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def speaker_score(chosen: list[Article]) -> SpeakerScore:
    """For each annotated attribution with a source and content, whether the attributed claim overlapping the
    content (largest overlap) names a speaker sharing a word with the annotated source."""
    from factledger.domain import ClaimKind, Document
    from factledger.extraction import suggest

    total = covered = right = 0
    for article in chosen:
        # An attributed pledge is suggested once, as the commitment carrying the claim's speaker and sourcing.
        attributed = (ClaimKind.CLAIM, ClaimKind.COMMITMENT)
        found = [s for s in suggest(Document(text=article.text)) if s.kind in attributed]
        for relation in article.attributions:
            if relation.source is None or relation.content is None:
                continue
            total += 1
            c_start, c_end = relation.content.start, relation.content.end
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
            source_words = set(re.findall(r"\w+", relation.source.text.lower()))
            right += bool(source_words & set(re.findall(r"\w+", (best.speaker or "").lower())))
    return SpeakerScore(total, covered, right)
