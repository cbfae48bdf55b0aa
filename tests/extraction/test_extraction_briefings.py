"""The project's own gold for six White House briefings (tests/extraction/gold): floors just under today's scores."""

import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Any]]:
    if not (CORPUS / "whitehouse-briefings").is_dir():
        pytest.skip("../shared/corpus/whitehouse-briefings is absent")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from extraction_scoring import score_briefings

    return score_briefings(CORPUS)


def test_every_gold_file_is_scored(scores: dict[str, dict[str, Any]]) -> None:
    """All six annotated documents are found and their gold quotes located in the imported text."""
    assert len(scores) == 6


def test_briefing_quantities_are_found_with_value_and_unit(scores: dict[str, dict[str, Any]]) -> None:
    """Pooled over the six documents, quantities keep precision and recall of at least 0.92."""
    counts = [r["quantities"]["all/normalization"] for r in scores.values()]
    precision = sum(c.matched_found for c in counts) / sum(c.found for c in counts)
    recall = sum(c.matched_gold for c in counts) / sum(c.gold for c in counts)
    assert precision >= 0.92 and recall >= 0.92


def test_briefing_commitments_are_found(scores: dict[str, dict[str, Any]]) -> None:
    """Pooled commitment recall is at least 0.9 and precision at least 0.65 against a partial gold.

    Precision is a lower bound: the press conference's gold leaves out pledges such as "we'll work together".
    """
    counts = [r["commitments"]["counts"] for r in scores.values()]
    precision = sum(c.matched_found for c in counts) / sum(c.found for c in counts)
    recall = sum(c.matched_gold for c in counts) / sum(c.gold for c in counts)
    assert recall >= 0.9 and precision >= 0.65


def test_briefing_speakers_and_sourcing_are_right(scores: dict[str, dict[str, Any]]) -> None:
    """Fact sheets speak as the White House (document), background officials are on background: 0.9 right."""
    right = sum(r["attribution"]["all_right"] for r in scores.values())
    total = sum(r["attribution"]["all"] for r in scores.values())
    assert right / total >= 0.9
