"""Plain data shared by every layer: records, vocabularies, `Changes` and `UserError`."""

from .changes import Changes
from .claim_page import ClaimPage
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
from .errors import LedgerDamaged, NeedsInit, UserError
from .query import SORTABLE_COLUMNS, ClaimFilter, ClaimOrder
from .records import Claim, Evidence, HistoryEvent, Source
from .stored import (
    BackupInfo,
    ClaimLink,
    DismissedSpan,
    EntityAction,
    FactSpan,
    Lineage,
    SearchHit,
    SourceSummary,
    StoredSuggestion,
    VersionInfo,
    WebSource,
)
from .suggestion import SUGGESTION_FIELDS, Suggestion

__all__ = [
    "SORTABLE_COLUMNS",
    "SUGGESTION_FIELDS",
    "Attribution",
    "BackupInfo",
    "Changes",
    "Claim",
    "ClaimFilter",
    "ClaimKind",
    "ClaimLink",
    "ClaimOrder",
    "ClaimPage",
    "DismissedSpan",
    "Document",
    "EntityAction",
    "Evidence",
    "FactSpan",
    "Fulfilment",
    "HistoryEvent",
    "LedgerDamaged",
    "Lineage",
    "LinkKind",
    "NeedsInit",
    "Origin",
    "Qualifier",
    "SearchHit",
    "Source",
    "SourceSummary",
    "Stance",
    "Status",
    "StoredSuggestion",
    "Suggestion",
    "UserError",
    "VersionInfo",
    "WebSource",
    "parse_enum",
]
