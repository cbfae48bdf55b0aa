"""ClaimReview JSON-LD (schema.org) for fact-check consumers, with a fixed mapping of our statuses to ratings.

Status → reviewRating (worstRating 1, bestRating 5 where a number is given):

=============  ===========  ============================
status         ratingValue  alternateName
=============  ===========  ============================
false          1            False
disputed       2            Disputed
partly_true    3            Partly true (misleading)
verified       5            True
unverifiable   (none)       Unverifiable
in_review      (none)       In review (not yet rated)
unverified     (none)       Unverified (not yet rated)
=============  ===========  ============================

4 ("mostly true") is left unused because we have no such verdict; statuses that are not verdicts carry
only the textual rating, as schema.org allows, so no consumer mistakes "not checked yet" for a score.

Dates: the date the claim was made (`stated_on`, else the source's `published`) goes on the reviewed
`Claim` as `itemReviewed.datePublished`, which is where schema.org and Google's fact-check markup look for
it. The ClaimReview's own `datePublished` means when the fact check was published; it is written only
when the caller says (`review_published`), never filled with the date the claim was made or checked.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeGuard

from factledger.domain import Status
from factledger.domain.factsheet import FactSheetRow

from .json_sheet import stream_json_array
from .progress import CancelFn, ProgressFn

DEFAULT_PUBLISHER = "FactLedger user"
WORST_RATING = 1
BEST_RATING = 5


@dataclass(frozen=True, slots=True)
class Rating:
    """How one status reads as a schema.org Rating."""

    alternate_name: str
    value: int | None


STATUS_RATINGS: dict[Status, Rating] = {
    Status.FALSE: Rating("False", 1),
    Status.DISPUTED: Rating("Disputed", 2),
    Status.PARTLY_TRUE: Rating("Partly true (misleading)", 3),
    Status.VERIFIED: Rating("True", 5),
    Status.UNVERIFIABLE: Rating("Unverifiable", None),
    Status.IN_REVIEW: Rating("In review (not yet rated)", None),
    Status.UNVERIFIED: Rating("Unverified (not yet rated)", None),
}
"""The documented status → rating mapping (see the module docstring)."""

# Words that mark a speaker as an institution rather than a person; a schema.org consumer shows
# Organization and Person authors differently, so a ministry should not read as a human name.
_ORGANIZATION_WORDS = re.compile(
    r"\b(ministry|department|government|agency|office|council|commission|committee|authority|bureau|"
    r"bank|fund|foundation|institute|university|association|union|party|parliament|senate|congress|"
    r"court|police|army|company|corporation|corp|inc|ltd|llc|plc|gmbh|group|organi[sz]ation|board|"
    r"service|administration|cabinet|embassy|federation|league|secretariat|newspaper|news|times|press)\b",
    re.IGNORECASE,
)
_ORGANIZATION_ATTRIBUTIONS = frozenset({"outlet", "document"})
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2})?")


def write_claimreview(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    *,
    publisher: str = DEFAULT_PUBLISHER,
    base_url: str | None = None,
    review_published: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> int:
    """Stream `rows` to a JSON-LD array of schema.org ClaimReview objects at `path`; return the count.

    `publisher` names the organization that made the review (the review's `author`). `base_url`, when
    the fact sheet is published on the web, gives each review a `url` of `base_url#<claim id>`.
    `review_published` is the ISO date the reviews are published, if known.
    """

    def to_object(row: FactSheetRow) -> dict[str, Any]:
        return claim_review(row, publisher=publisher, base_url=base_url, review_published=review_published)

    return stream_json_array(rows, path, to_object, progress=progress, cancelled=cancelled)


def claim_review(
    row: FactSheetRow,
    *,
    publisher: str = DEFAULT_PUBLISHER,
    base_url: str | None = None,
    review_published: str | None = None,
) -> dict[str, Any]:
    """One fact as a ClaimReview object."""
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": row.id,
    }
    if base_url:
        review["url"] = f"{base_url}#{row.id}"
    review["claimReviewed"] = row.statement
    review["author"] = {"@type": "Organization", "name": publisher}
    if review_published:
        review["datePublished"] = review_published
    review["reviewRating"] = rating_object(row.status)
    if row.status_reason:
        review["reviewBody"] = row.status_reason
    review["itemReviewed"] = _claim(row)
    return review


def rating_object(status: str) -> dict[str, Any]:
    """The schema.org Rating for a stored status value (an unknown value is a bug: ValueError)."""
    rating = STATUS_RATINGS[Status(status)]
    data: dict[str, Any] = {"@type": "Rating", "alternateName": rating.alternate_name}
    if rating.value is not None:
        data.update(ratingValue=rating.value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return data


def _claim(row: FactSheetRow) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim", "text": row.quote}
    author = claim_author(row)
    if author is not None:
        claim["author"] = author
    if row.claim_date:
        claim["datePublished"] = row.claim_date
    if row.source_url or row.source_title:
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        if row.source_url:
            appearance["url"] = row.source_url
        if row.source_title:
            appearance["headline"] = row.source_title
        if row.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": row.outlet}
        if row.published:
            appearance["datePublished"] = row.published
        claim["appearance"] = appearance
    return claim


def claim_author(row: FactSheetRow) -> dict[str, Any] | None:
    """Who made the claim: the speaker as Person or Organization, else the outlet when it speaks itself."""
    if row.speaker:
        organization = row.attribution in _ORGANIZATION_ATTRIBUTIONS or bool(
            _ORGANIZATION_WORDS.search(row.speaker)
        )
        return {"@type": "Organization" if organization else "Person", "name": row.speaker}
    if row.attribution == "outlet" and row.outlet:
        return {"@type": "Organization", "name": row.outlet}
    return None


def validate_claimreview(obj: Any) -> list[str]:
    """Problems with one ClaimReview object's required and well-formedness rules; empty when it is valid.

    Checks what fact-check consumers need: `@type`, `claimReviewed`, a `reviewRating` with a textual or
    numeric rating inside its declared scale, an `itemReviewed` Claim, the review's `author`, and that
    every `datePublished`, author and appearance that is present is well formed.
    """
    if not isinstance(obj, dict):
        return ["a ClaimReview must be a JSON object"]
    problems: list[str] = []
    if "schema.org" not in str(obj.get("@context", "")):
        problems.append("@context must be https://schema.org")
    if obj.get("@type") != "ClaimReview":
        problems.append("@type must be ClaimReview")
    if not _nonempty(obj.get("claimReviewed")):
        problems.append("claimReviewed is missing or empty")
    problems += _rating_problems(obj.get("reviewRating"))
    problems += _agent_problems(obj.get("author"), "author", required=True)
    problems += _date_problems(obj, "datePublished")
    if "url" in obj and not str(obj["url"]).startswith(("http://", "https://")):
        problems.append("url must be an absolute http(s) URL")
    item = obj.get("itemReviewed")
    if not isinstance(item, dict) or item.get("@type") != "Claim":
        problems.append("itemReviewed must be a Claim")
        return problems
    problems += _agent_problems(item.get("author"), "itemReviewed.author", required=False)
    problems += _date_problems(item, "itemReviewed.datePublished")
    appearance = item.get("appearance")
    if appearance is not None and (
        not isinstance(appearance, dict)
        or appearance.get("@type") != "CreativeWork"
        or not (_nonempty(appearance.get("url")) or _nonempty(appearance.get("headline")))
    ):
        problems.append("itemReviewed.appearance must be a CreativeWork with a url or headline")
    return problems


def _rating_problems(rating: Any) -> list[str]:
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        return ["reviewRating must be a Rating"]
    if "ratingValue" not in rating:
        return (
            []
            if _nonempty(rating.get("alternateName"))
            else ["reviewRating needs alternateName or ratingValue"]
        )
    value, best, worst = rating.get("ratingValue"), rating.get("bestRating"), rating.get("worstRating")
    if not (_is_number(value) and _is_number(best) and _is_number(worst)):
        return ["reviewRating with a ratingValue needs numeric ratingValue, bestRating and worstRating"]
    if not worst <= value <= best:
        return [f"reviewRating.ratingValue {value} is outside {worst}..{best}"]
    return []


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _agent_problems(agent: Any, where: str, *, required: bool) -> list[str]:
    if agent is None:
        return [f"{where} is missing"] if required else []
    if not isinstance(agent, dict) or agent.get("@type") not in ("Person", "Organization"):
        return [f"{where} must be a Person or an Organization"]
    return [] if _nonempty(agent.get("name")) else [f"{where} has no name"]


def _date_problems(obj: dict[str, Any], where: str) -> list[str]:
    date = obj.get("datePublished")
    if date is None:
        return []
    if not isinstance(date, str) or not _is_iso_date(date):
        return [f"{where} must be an ISO 8601 date, got {date!r}"]
    return []


def _is_iso_date(text: str) -> bool:
    if _PARTIAL_DATE.fullmatch(text):
        return True
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _nonempty(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
