"""Plain data shared by every layer: records, vocabularies, `Changes` and `UserError`."""

from .changes import Changes
from .document import Document
from .enums import (
    Attribution,
    ClaimKind,
    Fulfilment,
    LinkKind,
    Origin,
    Qualifier,
    Stance,
    Status,
    parse_enum,
)
from .errors import UserError
from .query import SORTABLE_COLUMNS, ClaimFilter, ClaimOrder
from .records import Claim, Evidence, HistoryEvent, Source
from .suggestion import SUGGESTION_FIELDS, Suggestion

__all__ = [
    "SORTABLE_COLUMNS",
    "SUGGESTION_FIELDS",
    "Attribution",
    "Changes",
    "Claim",
    "ClaimFilter",
    "ClaimKind",
    "ClaimOrder",
    "Document",
    "Evidence",
    "Fulfilment",
    "HistoryEvent",
    "LinkKind",
    "Origin",
    "Qualifier",
    "Source",
    "Stance",
    "Status",
    "Suggestion",
    "UserError",
    "parse_enum",
]
