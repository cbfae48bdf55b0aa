"""Sentence spans of a document, and where the article ends and reader comments begin."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import SENTENCE_STARTERS

# Titles never end a sentence; initials and company suffixes end one only before a word that usually
# starts a sentence ("... in the U.S. About 70% ...").
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "pres",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "prof",
        "st",
        "mt",
        "no",
        "vol",
        "fig",
        "vs",
        "jr",
        "sr",
        "rev",
        "hon",
        "sec",
        "amb",
        "dept",
        "est",
        "approx",
        "etc",
        "e.g",
        "i.e",
    ]
)
_SUFFIXES = frozenset(["inc", "corp", "co", "ltd", "bros", "u.s", "u.k", "u.n", "e.u", "d.c"])
_STARTERS = SENTENCE_STARTERS
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+)|\n")
_COMMENT_MARK = re.compile(
    r"^\s*(?:\d+\s+)?(?:reader\s+)?(?:comments?|responses?|replies)\s*(?:\(\d+\))?\s*:?\s*$|"
    r"^\s*(?:leave a (?:comment|reply)|join the (?:discussion|conversation)|add a comment)\b",
    re.IGNORECASE | re.MULTILINE,
)
_CURLY_QUOTE = re.compile("[“”]")
_NEXT_START = re.compile(r"\s*[\"“‘(]*")
_LETTERS = re.compile(r"[A-Za-z]+")
_GAP = re.compile(r"\n[ \t]*(?:\n[ \t]*){3,}")
MAX_SENTENCE = 2000
"""Longest sentence span, in characters; real sentences stay far below it (the longest in the corpus is 677)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading line) of the text, with the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int
    after_article: bool  # true for reader comments and other text after the article's end


def article_end(text: str) -> int:
    """Offset where reader comments begin, or len(text) when the text is all article.

    Comments follow either a "Comments" heading or a long run of blank lines in the last part of the text
    (pages flattened to text keep the comment thread below several empty lines).
    """
    half = len(text) // 2
    for match in _COMMENT_MARK.finditer(text):
        if match.start() >= half:
            return match.start()
    for match in _GAP.finditer(text):
        if match.start() >= half and text[match.end() :].strip():
            return match.end()
    return len(text)


def _quote_ranges(line: str) -> list[tuple[int, int]]:
    """Spans inside curly double quotes, where a full stop does not end the outer sentence."""
    ranges: list[tuple[int, int]] = []
    if "“" not in line:
        return ranges
    depth_start = -1
    for mark in _CURLY_QUOTE.finditer(line):
        index = mark.start()
        if mark.group() == "“":
            depth_start = index
        elif depth_start >= 0:
            ranges.append((depth_start, index))
            depth_start = -1
    return ranges


def _inside_quote(quotes: list[tuple[int, int]], starts: list[int], dot: int, end: int) -> bool:
    """Whether the mark at `dot` (ending at `end`) lies inside a quote; the ranges are sorted and disjoint."""
    index = bisect.bisect_left(starts, dot) - 1
    if index < 0:
        return False
    a, b = quotes[index]
    return a < dot < b and end <= b


def _is_boundary(line: str, dot: int, after: int) -> bool:
    """Whether the punctuation at `dot` ends a sentence, judged from the word before and the one after."""
    if line[dot] != ".":
        return True
    word_start = dot
    while word_start > 0 and not line[word_start - 1].isspace() and line[word_start - 1] not in '(“"':
        word_start -= 1
    word = line[word_start:dot].lower()
    # Look at the next word in place: slicing off the rest of the line here made long lines quadratic.
    opening = _NEXT_START.match(line, after)
    first = opening.end() if opening else after
    next_word = _LETTERS.match(line, first)
    following = next_word.group().lower() if next_word else ""
    initial = line[first : first + 1]
    if word in _TITLES:
        return False
    if word in _SUFFIXES or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return following in _STARTERS and initial.isupper()
    if len(word) == 1 and word.isalpha() and line[word_start].isupper():
        return False  # a middle initial: "Donald J. Trump"
    return not initial.islower()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in text order; every span is stripped of surrounding white space and non-empty."""
    end_of_article = article_end(text)
    sentences: list[Sentence] = []
    paragraph = 0
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if not line.strip():
            paragraph += 1
        else:
            quotes = _quote_ranges(line)
            quote_starts = [a for a, _ in quotes]
            piece_start = 0
            for match in _BOUNDARY.finditer(line):
                dot = match.start()
                inside = _inside_quote(quotes, quote_starts, dot, match.end())
                if inside or not _is_boundary(line, dot, match.end()):
                    continue
                _add(
                    sentences,
                    text,
                    line_start + piece_start,
                    line_start + match.end(),
                    paragraph,
                    end_of_article,
                )
                piece_start = match.end()
            _add(sentences, text, line_start + piece_start, line_end, paragraph, end_of_article)
            paragraph += 1
        line_start = line_end + 1
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int, end_of_article: int) -> None:
    while start < end and text[start] in " \t-*•#>":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        # A run of text with no sentence end (a table flattened to one line, a megabyte of numbers) is cut
        # at white space: every later step looks at a whole sentence, so its length bounds their cost.
        cut = _last_space(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        _add(out, text, start, cut, paragraph, end_of_article)
        start = cut
        while start < end and (text[start] in " \t-*•#>" or text[start].isspace()):
            start += 1
    if end > start:
        out.append(Sentence(start, end, paragraph, start >= end_of_article))


def _last_space(text: str, low: int, high: int) -> int:
    """The offset of the last white space in text[low:high], or `high` when there is none."""
    for index in range(high - 1, low - 1, -1):
        if text[index].isspace():
            return index
    return high
