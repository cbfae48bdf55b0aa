"""Re-anchoring: find each fact's quote in a newer version of its source, Hypothesis-style.

For each fact, in order: the same offsets if the words there are unchanged (`anchored`); else an exact search
for the quote, the occurrences told apart by the 32 characters before and after it in the old version
(`moved`); else the span the word diff carries the old span to, scored by how close its wording and its
context are to the old ones (`changed` above the threshold, `orphaned` below). Pure functions over two
strings: no I/O, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from factledger.domain.anchors import AnchorState
from factledger.extraction.quantities import find_quantities

from .textdiff import DiffSpan, OffsetMap, word_diff

CONTEXT = 32
"""Characters of context kept on each side of a quote (Hypothesis' TextQuoteSelector uses 32)."""
THRESHOLD = 0.6
"""Below this score a fuzzy match is not the same passage: the fact is orphaned."""
_SHORT_QUOTE = 40
"""An exact match of a quote shorter than this must share some context, or it may be another mention."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one quote lands in the new text; `start`/`end`/`quote` are None when orphaned."""

    state: AnchorState
    start: int | None
    end: int | None
    quote: str | None
    score: float
    figures: str | None = None


def _common_prefix(a: str, b: str) -> int:
    if a == b:
        return len(a)
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    if a == b:
        return len(a)
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


class Reanchorer:
    """Anchors quotes of one old text in one new text; the word diff is computed once, when first needed."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old = old_text
        self.new = new_text
        self._map: OffsetMap | None = None
        self._spans: list[DiffSpan] = []

    @property
    def offsets(self) -> OffsetMap:
        if self._map is None:
            self._spans = word_diff(self.old, self.new)
            self._map = OffsetMap(self._spans)
        return self._map

    def inserted(self) -> list[tuple[int, int]]:
        """Stretches of the new text the diff sees as added: where a moved (and edited) passage now sits."""
        self.offsets  # noqa: B018 - computes the diff once
        return [(s.new_start, s.new_end) for s in self._spans if s.tag in ("insert", "replace")]

    def context(self, text: str, start: int, end: int) -> tuple[str, str]:
        return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]

    def place(self, start: int, end: int, quote: str) -> Placement:
        new = self.new
        if new[start:end] == quote:
            return Placement(AnchorState.ANCHORED, start, end, quote, 1.0)
        prefix, suffix = self.context(self.old, start, end)
        carried = self.offsets.map(start)
        if new.startswith(quote, carried):
            # the diff carried it here with its whole context: no other occurrence can match better
            before, after = self.context(new, carried, carried + len(quote))
            if before == prefix and after == suffix:
                return Placement(AnchorState.MOVED, carried, carried + len(quote), quote, 1.0)
        found = self._exact(start, quote, prefix, suffix)
        if found is not None:
            return found
        return self._fuzzy(start, end, quote, prefix, suffix)

    def _exact(self, start: int, quote: str, prefix: str, suffix: str) -> Placement | None:
        found: list[tuple[float, int]] = []
        position = self.new.find(quote)
        while position >= 0:
            before, after = self.context(self.new, position, position + len(quote))
            agree = (_common_suffix(prefix, before) + _common_prefix(suffix, after)) / (2 * CONTEXT)
            found.append((agree, position))
            position = self.new.find(quote, position + 1)
        if not found:
            return None
        top = max(agree for agree, _ in found)
        tied = [position for agree, position in found if agree == top]
        if len(tied) > 1:
            # equally good contexts (a repeated sentence): the one the diff carries the old span to wins
            hint = self.offsets.map(start)
            tied.sort(key=lambda p: abs(p - hint))
        agree, position = top, tied[0]
        if len(quote) < _SHORT_QUOTE and agree < 0.25:
            return None  # a short figure with unrelated surroundings is another mention of it
        return Placement(AnchorState.MOVED, position, position + len(quote), quote, 0.75 + agree / 4)

    def _fuzzy(self, start: int, end: int, quote: str, prefix: str, suffix: str) -> Placement:
        new_start = self.offsets.map(start)
        new_end = self.offsets.map(end, end=True)
        while new_start < new_end and self.new[new_start].isspace():
            new_start += 1
        while new_end > new_start and self.new[new_end - 1].isspace():
            new_end -= 1
        if new_end <= new_start:
            return Placement(AnchorState.ORPHANED, None, None, None, 0.0)
        candidate = self.new[new_start:new_end]
        before, after = self.context(self.new, new_start, new_end)
        context = (_common_suffix(prefix, before) + _common_prefix(suffix, after)) / (2 * CONTEXT)
        score = 0.7 * _ratio(quote, candidate) + 0.3 * context
        if score < THRESHOLD:
            return Placement(AnchorState.ORPHANED, None, None, None, round(score, 3))
        return Placement(
            AnchorState.CHANGED,
            new_start,
            new_end,
            candidate,
            round(score, 3),
            changed_figures(quote, candidate),
        )


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a window to whole words and trim the spaces at its ends."""
    while start > 0 and not text[start - 1].isspace() and not text[start].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace() and end > 0 and not text[end - 1].isspace():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def reanchor(old_text: str, new_text: str, spans: list[tuple[int, int, str]]) -> list[Placement]:
    """Place every (start, end, quote) of the old text in the new text, in the order given."""
    anchorer = Reanchorer(old_text, new_text)
    return [anchorer.place(start, end, quote) for start, end, quote in spans]


def _figures(text: str) -> list[tuple[float, str | None, str]]:
    return [
        (q.value, q.unit, text[q.start : q.end])
        for q in find_quantities(text, excluded=[], china_context=False)
    ]


def changed_figures(old_quote: str, new_quote: str) -> str | None:
    """The figures whose value changed between two wordings, by value not by spelling: "$500 billion →
    $550 billion" (and "$4 billion" → "4 billion dollars" is no change); None when none did."""
    old, new = _figures(old_quote), _figures(new_quote)
    if not old and not new:
        return None
    pairs: list[str] = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if before is not None and after is not None and _same(before, after):
            continue
        pairs.append(f"{before[2] if before else '—'} → {after[2] if after else '—'}")
    return "; ".join(pairs) or None


def _same(a: tuple[float, str | None, str], b: tuple[float, str | None, str]) -> bool:
    return a[1] == b[1] and abs(a[0] - b[0]) <= 1e-9 * max(1.0, abs(a[0]))
