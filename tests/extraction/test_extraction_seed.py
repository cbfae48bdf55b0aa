"""The seed article's gold annotations, scored by the corpus convention, meet the issue's thresholds."""

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def scores() -> dict:
    if not (CORPUS / "seed" / "gold.json").is_file():
        pytest.skip("../shared/corpus/seed is absent")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from extraction_scoring import score_seed

    return score_seed(CORPUS)


def test_seed_quantities_have_precision_and_recall_of_at_least_95_percent(scores: dict) -> None:
    """Every statistic is found with its value and unit, and almost nothing else is."""
    counts = scores["quantities"]["all/normalization"]
    assert counts.precision >= 0.95 and counts.recall >= 0.95


def test_seed_commitments_have_precision_and_recall_of_at_least_85_percent(scores: dict) -> None:
    """Pledges are found, and hedged futures are not."""
    counts = scores["commitments"]["counts"]
    assert counts.precision >= 0.85 and counts.recall >= 0.85


def test_seed_claims_have_the_right_speaker_and_sourcing_for_80_percent(scores: dict) -> None:
    """Speaker and sourcing type are right for at least four in five gold claims."""
    attribution = scores["attribution"]
    assert attribution["claims_right"] / attribution["claims"] >= 0.8
