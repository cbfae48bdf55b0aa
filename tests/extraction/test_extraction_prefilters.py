"""Speed prefilters never change a result: every text a full pattern matches also passes its prefilter."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factledger.extraction import attribution, commitments, quantities
from factledger.extraction.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

# Every pattern whose first match would make a sentence yield a commitment or a frame.
_COMMITMENT_PATTERNS = [
    commitments._COMMIT,
    commitments._COMMITS_OBJECT,
    commitments._ANNOUNCE,
    commitments._NOUN_FORM,
    commitments._PASSIVE,
]
_FRAME_PATTERNS = [
    attribution._QUOTE,
    attribution._ACCORDING,
    attribution._SPEECH,
    attribution._WAS_TOLD,
    attribution._LEARNED,
]
# Each scanning pattern and the same pattern without its leading first-character look-ahead.
_LED_PATTERNS = [
    (quantities._NUMBER, re.compile(quantities.NUMBER_PATTERN)),
    (quantities._FRACTION, re.compile(quantities.FRACTION_PATTERN)),
    (quantities._MULTIPLIER, re.compile(quantities.MULTIPLIER_PATTERN)),
]

_WORDS = st.sampled_from(
    [
        "Toyota", "Japan", "the company", "We", "we", "I", "It", "they", "And", "and", "Hanwha Ocean",
        "has", "have", "’ve", "'ll", "’ll", "’s", "'s", "'re", "also", "formally", "jointly", "now", "not",
        "will", "Will", "WILL", "shall", "would", "is going to", "are set to", "plans to", "planned to",
        "intends to", "aims to", "expects to", "hopes to", "seeks to", "is committed", "are fully committed",
        "commits", "committed", "COMMITTED", "pledged", "Pledges", "promised", "vowed", "undertook",
        "undertakes", "agreed", "agrees", "resolved", "decided", "confirmed", "signed an agreement",
        "announced plans", "agreed with the United States", "obliges", "obligates", "binds", "announced",
        "unveils", "a $5 billion plan", "pledge", "commitment", "promise", "plan", "itself", "themselves",
        "to", "be", "established", "set up", "invest", "build", "investing", "hire", "the countries",
        "said", "says", "told", "Told", "was told", "has learned", "according to", "According to",
        "“", "”", '"', "“We will build it,”", "he", "she", "spokesman", "ſaid", "\u212aorea",
        "$3", "½", "two-fold", "3x more", "twice as much", "doubled", "half of", "a third of", "1,200",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", "  ", "\t", "\u00a0", ", ", "’", "'", "-", "", ". "])


@st.composite
def _sentences(draw: st.DrawFn) -> str:
    """Sentences assembled from cue words, actors, apostrophes and odd spacing, joined every which way."""
    parts = draw(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=12))
    return "".join(word + separator for word, separator in parts)


_ACTOR_WORDS = ["Toyota", "Japan", "the company", "We", "I", "It", "they", "Korea’s", "Acme's"]
_BETWEEN_WORDS = [" ", "  ", "\u00a0", "’", "'", " has ", " also ", " formally ", " ’ve also "]
_CUE_WORDS = (
    [
        "will", "shall", "ll", "would", "s going to", "are set to", "m planning to", "plans to", "intended to",
        "aims to", "expected to", "hopes to", "seeks to", "is still committed to", "commits itself to",
        "pledged to", "promises to", "vowed to", "undertook to", "agreed to", "resolved to", "decided to",
        "confirmed to", "signed an agreement to", "announced plans to", "agreed with Japan to", "pledged",
        "committed", "promised", "commits the countries to", "obliges both sides to", "binds them to",
        "announced a $5 billion plan", "unveils its investment", "pledge to", "commitment to", "plan to",
        "will be established", "’ll be built",
    ]
)  # fmt: skip
_ACTION_WORDS = [" invest", " build more", " also hire", "  expand", ""]
_CASE_CHANGES = [str, str.upper, str.title, str.capitalize]


@st.composite
def _pledges(draw: st.DrawFn) -> str:
    """Pledge-shaped sentences: an actor, words between, a cue in any letter case, and an action."""
    cue = draw(st.sampled_from(_CASE_CHANGES))(draw(st.sampled_from(_CUE_WORDS)))
    actor, between = draw(st.sampled_from(_ACTOR_WORDS)), draw(st.sampled_from(_BETWEEN_WORDS))
    return actor + between + cue + draw(st.sampled_from(_ACTION_WORDS)) + draw(st.sampled_from(["", "."]))


_TEXT = st.one_of(
    _pledges(),
    _sentences(),
    st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z")), max_size=60),
)


def _check_commitment_prefilter(body: str) -> None:
    if any(pattern.search(body) for pattern in _COMMITMENT_PATTERNS):
        assert commitments.may_hold_commitment(body), body
    if commitments._commitments_in(body, frozenset()):
        assert commitments.may_hold_commitment(body), body


def _check_frame_prefilter(body: str) -> None:
    if any(pattern.search(body) for pattern in _FRAME_PATTERNS):
        assert attribution.may_hold_frame(body), body


def _check_led_patterns(text: str) -> None:
    for led, plain in _LED_PATTERNS:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in led.finditer(text)] == expected, text


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_commitment_prefilter_keeps_every_sentence_a_commitment_pattern_matches(body: str) -> None:
    """A sentence any commitment pattern matches always passes the cue-word prefilter."""
    _check_commitment_prefilter(body)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_frame_prefilter_keeps_every_sentence_a_frame_pattern_matches(body: str) -> None:
    """A sentence with a quotation, speech verb, "according to", "was told" or "has learned" passes."""
    _check_frame_prefilter(body)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_first_character_lookaheads_find_the_same_figures(text: str) -> None:
    """Number, fraction and multiplier scans find exactly what they find without their look-ahead."""
    _check_led_patterns(text)


@pytest.mark.parametrize("cue", _CUE_WORDS)
def test_commitment_prefilter_keeps_every_pledge_shape_with_this_cue(cue: str) -> None:
    """Every actor, joining words, letter case and action around a cue passes when a pattern matches."""
    for change in _CASE_CHANGES:
        for actor in _ACTOR_WORDS:
            for between in _BETWEEN_WORDS:
                for action in _ACTION_WORDS:
                    _check_commitment_prefilter(actor + between + change(cue) + action + ".")


def test_prefilters_reject_a_sentence_without_cues() -> None:
    """A plain descriptive sentence is settled by the prefilters alone."""
    body = "The factory in Kentucky makes cars for the region."
    assert not commitments.may_hold_commitment(body)
    assert not attribution.may_hold_frame(body)


@pytest.mark.corpus
def test_prefilters_keep_every_corpus_sentence_the_full_patterns_match() -> None:
    """Over the briefings, PolNeAR articles and the seed, no sentence a full pattern matches is skipped."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    paths = [
        *sorted((CORPUS / "whitehouse-briefings").glob("*.md")),
        *sorted((CORPUS / "polnear" / "test" / "text").glob("*.txt")),
        *sorted((CORPUS / "seed").glob("*.txt")),
    ]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        _check_led_patterns(text)
        for sentence in split_sentences(text):
            body = text[sentence.start : sentence.end]
            _check_commitment_prefilter(body)
            _check_frame_prefilter(body)
