"""The closed vocabularies of the ledger: kinds, verification statuses, fulfilment, sourcing, qualifiers."""

from enum import StrEnum
from typing import TypeVar


class ClaimKind(StrEnum):
    """What sort of fact a claim is."""

    CLAIM = "claim"
    COMMITMENT = "commitment"
    STATISTIC = "statistic"


class Status(StrEnum):
    """Verification status; each maps to a ClaimReview rating in exporting."""

    UNVERIFIED = "unverified"
    IN_REVIEW = "in_review"
    VERIFIED = "verified"
    PARTLY_TRUE = "partly_true"
    DISPUTED = "disputed"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def needs_reason(self) -> bool:
        """A verdict against a claim must say why: the next reader has to be able to check it."""
        return self in (Status.FALSE, Status.DISPUTED, Status.PARTLY_TRUE)


_STATUS_LABELS = {
    Status.UNVERIFIED: "Unverified",
    Status.IN_REVIEW: "In review",
    Status.VERIFIED: "Verified",
    Status.PARTLY_TRUE: "Partly true (misleading)",
    Status.DISPUTED: "Disputed",
    Status.FALSE: "False",
    Status.UNVERIFIABLE: "Unverifiable",
}


class Fulfilment(StrEnum):
    """Promise-tracker scale for commitments, tracked over time with dated evidence."""

    ANNOUNCED = "announced"
    IN_PROGRESS = "in_progress"
    FULFILLED = "fulfilled"
    PARTIALLY_FULFILLED = "partially_fulfilled"
    STALLED = "stalled"
    BROKEN = "broken"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Attribution(StrEnum):
    """How a fact is sourced: who stands behind it and on what terms."""

    ON_RECORD = "on_record"
    SPOKESPERSON = "spokesperson"
    ON_BACKGROUND = "on_background"
    ANONYMOUS = "anonymous"
    DOCUMENT = "document"
    OUTLET = "outlet"
    READER_COMMENT = "reader_comment"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Qualifier(StrEnum):
    """Hedges that change what a number asserts ("less than 1%" is not "1%")."""

    AT_LEAST = "at least"
    AT_MOST = "at most"
    MORE_THAN = "more than"
    LESS_THAN = "less than"
    APPROXIMATELY = "approximately"
    NEARLY = "nearly"
    UP_TO = "up to"


class Stance(StrEnum):
    """What a piece of evidence does to the claim it is attached to."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    CONTEXT = "context"


class Origin(StrEnum):
    """Whether a person logged the claim by hand or accepted a suggestion."""

    MANUAL = "manual"
    SUGGESTED = "suggested"


class LinkKind(StrEnum):
    """Relations between claims."""

    RESTATES = "restates"
    CONTRADICTS = "contradicts"
    PART_OF = "part_of"


E = TypeVar("E", bound=StrEnum)


def parse_enum(enum_type: type[E], raw: str, *, what: str) -> E:
    """Read a user-typed enum value, accepting labels and spaces, with a message listing the choices."""
    from .errors import UserError

    wanted = raw.strip().lower()
    for member in enum_type:
        if wanted in (member.value, member.value.replace("_", " "), member.name.lower()):
            return member
    choices = ", ".join(m.value for m in enum_type)
    raise UserError(f"'{raw}' is not a known {what}; choose one of: {choices}.")
