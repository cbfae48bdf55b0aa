"""The learned cue class is reproducible from PolNeAR's train split, and attribution holds on real articles."""

import re
import sys
from pathlib import Path

import pytest

from factledger.domain import ClaimKind, Document
from factledger.extraction import learned_cues, suggest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
_NOT_SPEAKERS = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|"
    r"August|September|October|November|December)$"
)


@pytest.fixture
def polnear(corpus: Path) -> object:
    """benchmarks/polnear_data, with PolNeAR's stored half present."""
    if not (corpus / "polnear" / "test").is_dir():
        pytest.skip("PolNeAR is not in the shared corpus")
    sys.path.insert(0, str(BENCHMARKS))
    import polnear_data

    return polnear_data


def test_the_stored_cue_class_is_what_the_train_split_teaches(polnear: object) -> None:
    """Regenerating from the train split gives exactly the stems stored in learned_cues.py."""
    import learn_cues

    cue_class, head_class = learn_cues.learn()
    assert {s for s, _, _ in cue_class} == set(learned_cues.CUE_STEMS)
    assert {s for s, _, _ in head_class} == set(learned_cues.SOURCE_HEADS)


def test_the_split_keeps_the_independent_golds_articles_out_of_training(polnear: object) -> None:
    """Every article the independent gold re-annotates is in the held-out split, never in train."""
    gold = polnear._gold_names()  # type: ignore[attr-defined]
    train = {a.name for a in polnear.articles("train")}  # type: ignore[attr-defined]
    assert gold and not gold & train


def test_held_out_speaker_accuracy_stays_above_its_floor(polnear: object) -> None:
    """On the held-out split the right speaker is named for at least 38 % of annotated attributions."""
    score = polnear.speaker_score(polnear.articles("heldout"))  # type: ignore[attr-defined]
    assert score.total > 300 and score.accuracy >= 0.38


@pytest.mark.parametrize("publisher", ["wash-post", "nyt", "usa-today", "breitbart"])
def test_no_speaker_is_a_day_a_month_a_dateline_or_a_country(polnear: object, publisher: str) -> None:
    """Across one publisher's stored articles, no attributed claim names a weekday, a month or the article's
    upper-case dateline as its speaker, and no "he/she/they said" resolves to "U.S."."""
    chosen = [a for a in polnear.articles() if a.name.startswith(publisher)]  # type: ignore[attr-defined]
    assert chosen
    for article in chosen:
        for s in suggest(Document(text=article.text)):
            if s.kind is ClaimKind.CLAIM and s.speaker:
                assert not _NOT_SPEAKERS.match(s.speaker), (article.name, s.speaker, s.quote)
                if re.search(r"“(?:he|she|they|He|She|They) ", s.cue or ""):
                    assert s.speaker != "U.S.", (article.name, s.quote)  # a pronoun never means a country
                dateline = re.search(rf"(?m)^{re.escape(s.speaker)}\s+[—–-]\s", article.text)
                assert not (s.speaker.isupper() and dateline), (article.name, s.speaker)
