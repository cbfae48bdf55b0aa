"""Invariants for any text: spans in bounds, quotes equal to the text they point into, no exceptions."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factledger.domain import Document
from factledger.extraction import suggest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
_SUFFIXES = {".txt", ".md", ".tsv", ".csv"}


def _check(text: str) -> None:
    found = suggest(Document(text=text))
    for s in found:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.quote
        assert 0.0 <= s.score <= 1.0
    assert [s.start for s in found] == sorted(s.start for s in found)


_ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z", "Cc"))
_PIECES = st.sampled_from(
    [
        "$",
        "€",
        "¥",
        "%",
        " billion",
        " percent",
        "at least ",
        "“",
        "”",
        ", he said.",
        " will invest ",
        "according to ",
        "\n\n\n\n",
        "U.S. ",
        "1,000",
        "3.5",
        "-",
        "–",
        "Mr. ",
        " on background",
        "Q: ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(_ALPHABET, max_size=20), _PIECES), max_size=40).map("".join))
def test_random_text_never_raises_and_spans_stay_in_bounds(text: str) -> None:
    """Any text, including fragments of figures and quotes, gives valid suggestions."""
    _check(text)


def test_suggest_is_deterministic() -> None:
    """The same text gives the same suggestions."""
    text = "Acme will invest $5 billion by 2027, a spokesman said. “It is our biggest bet,” Jo Lin said."
    assert suggest(Document(text=text)) == suggest(Document(text=text))


@pytest.mark.corpus
def test_every_corpus_document_satisfies_the_span_invariant() -> None:
    """Every text file of the shared corpus gives suggestions whose quotes equal their spans."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    paths = [p for p in sorted(CORPUS.rglob("*")) if p.suffix in _SUFFIXES and p.is_file()]
    assert paths
    for path in paths:
        _check(path.read_text(encoding="utf-8", errors="replace"))
