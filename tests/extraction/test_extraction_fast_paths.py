"""Fast paths give the same answers as the plain scans they replace.

`check_worthiness` decides most features from a sentence's words and runs a feature's pattern only when a
word it needs is present; the reference below runs every pattern on every sentence, as the score is defined.
Commitment patterns and caption credits are likewise read only where a word they need occurs.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from factledger.domain import ClaimKind, Document
from factledger.extraction import suggest
from factledger.extraction.claims import _FEATURES, _NAMED, _PENALTIES, _WORD, check_worthiness
from factledger.extraction.doc_kind import captions


def reference(sentence: str) -> tuple[float, list[str]]:
    """Every feature and penalty pattern searched over the whole sentence."""
    words = len(_WORD.findall(sentence))
    if words < 4:
        return 0.0, []
    score = 0.1
    reasons = []
    for pattern, weight, reason in _FEATURES:
        if pattern.search(sentence):
            score += weight
            reasons.append(reason)
    if _NAMED.search(sentence):
        score += 0.05
    for pattern, weight in _PENALTIES:
        if pattern.search(sentence):
            score -= weight
    if words < 8:
        score -= 0.1
    return max(0.0, min(1.0, score)), reasons


# Words and phrases that switch each feature and penalty on, mixed with ordinary words, digits and marks.
_PIECES = [
    "due to", "in fact", "more than", "less than", "we've", "We’ve", "there are", "plans to", "led to",
    "results in", "thanks to", "stems from", "driven by", "responsible for", "I think", "we will", "I'll",
    "Iwill", "could", "biggest", "BEST", "interest", "est", "doubled", "Tripled", "percent", "5%", "$3",
    "1,200 jobs", "²", "١٢", "Senator Hale", "he said", "the", "economy", "rose", "Thank you", "Well",
    "actually", "lie", "record", "never", "?", "!", ".", ",", "and", "because", "pledged", "committed",
    "tariffs", "will", "is", "had", "up", "down", "fewer", "unprecedented", "only", "first",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=18))
def test_check_worthiness_equals_the_full_scan(pieces: list[str]) -> None:
    sentence = " ".join(pieces)
    assert check_worthiness(sentence) == reference(sentence)


def test_check_worthiness_examples_from_two_kinds_of_text() -> None:
    """A wire-service sentence and a fact-sheet sentence score as the full scan does."""
    for sentence in (
        "Exports fell 12 percent in March, the lowest level since 2009, due to weaker demand from Europe.",
        "We’ve secured the largest investment in the history of the partnership, more than $10 billion.",
    ):
        assert check_worthiness(sentence) == reference(sentence)
        assert check_worthiness(sentence)[1]


def test_commitment_patterns_behind_their_word_checks_still_fire() -> None:
    """Object, announcement, nominal, contracted passive and heading forms each still yield a pledge."""
    texts = {
        "The accord commits the two countries to cut tariffs on steel by 2027.": "cut",
        "Hanwha Ocean announced a $5 billion shipyard plan to expand in Philadelphia.": "expand",
        "It welcomed Japan's commitment to purchase $8 billion of farm goods.": "purchase",
        "A joint fund’ll be established in Ohio next year with $2 billion.": "establish",
    }
    for text, action in texts.items():
        pledges = [s for s in suggest(Document(text=text)) if s.kind is ClaimKind.COMMITMENT]
        assert [p.action for p in pledges] == [action], text
    heading = "Alder Motors has committed to:\n- build a plant in Georgia\n- hire 2,000 workers\n"
    pledges = [s for s in suggest(Document(text=heading)) if s.kind is ClaimKind.COMMITMENT]
    assert len(pledges) >= 2 and all(p.committer == "Alder Motors" for p in pledges)


def test_captions_are_read_line_by_line() -> None:
    """A credit makes its line a caption (a wire photo and a newspaper's file photo); prose with the same
    letters ("APEC", "Imagery") is not one."""
    text = (
        "Leaders met at the APEC summit on Friday.\n"
        "The premier waves to supporters in Osaka. (AP Photo/Eugene Hoshiko)\n"
        "Imagery from the satellites was released later.\n"
        "File photo: the plant in 2019.\n"
    )
    lines = [text[a:b] for a, b in captions(text)]
    assert lines == [
        "The premier waves to supporters in Osaka. (AP Photo/Eugene Hoshiko)",
        "File photo: the plant in 2019.",
    ]
