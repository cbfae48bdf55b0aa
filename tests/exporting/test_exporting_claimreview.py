"""ClaimReview JSON-LD: valid for fact-check consumers, ratings from the documented mapping, claim dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factledger.domain import Status
from factledger.exporting import STATUS_RATINGS, claim_review, validate_claimreview, write_claimreview
from factledger.exporting.claimreview import claim_author


def test_every_exported_review_validates(tmp_path: Path, make_row) -> None:
    """A file of reviews for every status parses as JSON and each review has all required fields."""
    rows = [make_row(id=f"c-{status}", status=status.value) for status in Status]
    path = tmp_path / "reviews.jsonld"
    assert write_claimreview(rows, path, publisher="Example Desk") == len(rows)
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert len(reviews) == len(Status)
    for review in reviews:
        assert validate_claimreview(review) == []
        assert review["author"] == {"@type": "Organization", "name": "Example Desk"}


def test_date_published_of_the_claim_is_when_it_was_made(make_row) -> None:
    """The claim's datePublished is the day it was said, not the day it was checked or the article date."""
    review = claim_review(make_row(stated_on="2025-07-22", published="2025-07-23", verified_at="2025-08-01"))
    assert review["itemReviewed"]["datePublished"] == "2025-07-22"
    assert "datePublished" not in review


def test_claim_date_falls_back_to_the_source_publication_date(make_row) -> None:
    """Without a logged statement date, the article's date is the best known date of the claim."""
    review = claim_review(make_row(stated_on=None, published="2025-07-23"))
    assert review["itemReviewed"]["datePublished"] == "2025-07-23"


def test_review_date_is_written_only_when_given(make_row) -> None:
    """The review's own datePublished is the publication of the fact check, supplied by the caller."""
    review = claim_review(make_row(), review_published="2025-09-01")
    assert review["datePublished"] == "2025-09-01"


@pytest.mark.parametrize(
    ("status", "value", "name"),
    [
        ("verified", 5, "True"),
        ("partly_true", 3, "Partly true (misleading)"),
        ("disputed", 2, "Disputed"),
        ("false", 1, "False"),
        ("unverifiable", None, "Unverifiable"),
        ("in_review", None, "In review (not yet rated)"),
        ("unverified", None, "Unverified (not yet rated)"),
    ],
)
def test_status_maps_to_the_documented_rating(make_row, status: str, value: int | None, name: str) -> None:
    """Verdicts carry a 1–5 score; statuses that are not verdicts carry only their name."""
    rating = claim_review(make_row(status=status))["reviewRating"]
    assert rating["alternateName"] == name
    if value is None:
        assert "ratingValue" not in rating
    else:
        assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (value, 1, 5)


def test_every_status_has_a_rating() -> None:
    """A new status cannot be added without deciding how it reads as a rating."""
    assert set(STATUS_RATINGS) == set(Status)


def test_claim_is_tied_to_its_speaker_and_appearance(make_row) -> None:
    """itemReviewed names who said it and the article where it appeared, with its URL and headline."""
    claim = claim_review(make_row())["itemReviewed"]
    assert claim["author"] == {"@type": "Person", "name": "Howard Lutnick"}
    assert claim["appearance"]["url"] == "https://news.example/japan-deal"
    assert claim["appearance"]["headline"] == "Japan and US agree trade deal"
    assert claim["text"] == make_row().quote


@pytest.mark.parametrize(
    ("speaker", "attribution", "outlet", "expected"),
    [
        (
            "Ministry of Finance",
            "spokesperson",
            None,
            {"@type": "Organization", "name": "Ministry of Finance"},
        ),
        ("Annual report", "document", None, {"@type": "Organization", "name": "Annual report"}),
        ("Jane Doe", "on_record", None, {"@type": "Person", "name": "Jane Doe"}),
        (None, "outlet", "Example Times", {"@type": "Organization", "name": "Example Times"}),
        (None, "anonymous", "Example Times", None),
    ],
)
def test_claim_author_is_a_person_or_an_organization(
    make_row, speaker: str | None, attribution: str, outlet: str | None, expected: dict | None
) -> None:
    """Institutions and documents are Organizations, people are Persons, an unnamed source is no author."""
    assert claim_author(make_row(speaker=speaker, attribution=attribution, outlet=outlet)) == expected


def test_base_url_gives_each_review_an_anchor(make_row) -> None:
    """Published fact sheets link each review to its own anchor."""
    review = claim_review(make_row(id="c-7"), base_url="https://desk.example/sheet")
    assert review["url"] == "https://desk.example/sheet#c-7"
    assert validate_claimreview(review) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: r.pop("claimReviewed"), "claimReviewed"),
        (lambda r: r.pop("author"), "author is missing"),
        (lambda r: r["reviewRating"].pop("alternateName"), None),
        (lambda r: r["reviewRating"].update(ratingValue=9), "outside"),
        (lambda r: r["itemReviewed"].update({"@type": "Thing"}), "itemReviewed must be a Claim"),
        (lambda r: r["itemReviewed"].update(datePublished="22 July"), "ISO 8601"),
        (lambda r: r.update({"@type": "Review"}), "@type"),
    ],
)
def test_validator_reports_what_is_wrong(make_row, change, problem: str | None) -> None:
    """Each broken field is named; a rating with a number but no name is still acceptable."""
    review = claim_review(make_row())
    change(review)
    problems = validate_claimreview(review)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_a_rating_with_neither_name_nor_value_is_invalid(make_row) -> None:
    """An unrated status stripped of its name leaves nothing to show."""
    review = claim_review(make_row(status="unverified"))
    review["reviewRating"].pop("alternateName")
    assert validate_claimreview(review) == ["reviewRating needs alternateName or ratingValue"]
