"""The bundled sample article is read well: its pledges, figures, restatements and sources."""

from pathlib import Path

import pytest

from factledger.domain import Attribution, ClaimKind, Document, Qualifier, Suggestion
from factledger.extraction import suggest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample-article.txt"


@pytest.fixture(scope="module")
def found() -> list[Suggestion]:
    return suggest(Document(text=SAMPLE.read_text(encoding="utf-8")))


def test_the_sample_is_original_text_of_news_length() -> None:
    """The sample has a title, byline and date line and 500-800 words."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("By ") and lines[2].endswith("2025")
    assert 500 <= len(SAMPLE.read_text(encoding="utf-8").split()) <= 800


def test_the_headline_pledge_is_restated_under_one_group(found: list[Suggestion]) -> None:
    """Every "$4 billion" is one figure."""
    groups = {s.group for s in found if s.kind is ClaimKind.STATISTIC and s.value == 4e9}
    assert len(groups) == 1
    assert sum(1 for s in found if s.kind is ClaimKind.STATISTIC and s.value == 4e9) >= 4


def test_the_pledges_are_commitments(found: list[Suggestion]) -> None:
    """The carmaker's and the country's pledges are found with their amounts."""
    pledges = {(s.committer, s.amount) for s in found if s.kind is ClaimKind.COMMITMENT}
    assert ("Daeyang Motor", 4e9) in pledges and ("South Korea", 3.5e11) in pledges


def test_less_than_one_percent_keeps_its_qualifier(found: list[Suggestion]) -> None:
    """ "less than 1%" is not "1%"."""
    assert any(s.quote == "less than 1%" and s.qualifier is Qualifier.LESS_THAN for s in found)


def test_the_sources_are_told_apart(found: list[Suggestion]) -> None:
    """The chief executive is on record, the trade official and the board insider on background."""
    claims = [s for s in found if s.kind is ClaimKind.CLAIM]
    on_record = [s for s in claims if s.attribution is Attribution.ON_RECORD and "Park" in (s.speaker or "")]
    background = [s for s in claims if s.attribution is Attribution.ON_BACKGROUND]
    assert on_record and len(background) >= 2
    assert any("fact sheet" in (s.speaker or "") and s.attribution is Attribution.DOCUMENT for s in found)


def test_the_date_line_and_years_are_not_statistics(found: list[Suggestion]) -> None:
    """ "October 30, 2025" and "2028" are dates."""
    stats = [s.quote for s in found if s.kind is ClaimKind.STATISTIC]
    assert not any(q in ("30", "2025", "2028", "2024") for q in stats)
