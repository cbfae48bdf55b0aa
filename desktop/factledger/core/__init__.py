"""The application core: the `Ledger` facade, undoable edits and the import pipeline. No Qt here."""

from factledger.domain.figures import format_figure, parse_number, plain_number, scaled_number
from factledger.storage import ClaimPage

from .edits import (
    AcceptSuggestion,
    AddEvidence,
    DeleteClaim,
    DismissSuggestion,
    Edit,
    EditClaim,
    EditGroup,
    EvidenceInput,
    LogClaim,
    RemoveEvidence,
    SetStatus,
)
from .importing import ImportResult
from .ledger import Ledger, LedgerInfo
from .paths import default_ledger_path, default_reviewer
from .related import RELATION_WORDS, DismissFinding, LinkFacts, Related
from .source_edits import SOURCE_FIELDS, EditSource
from .spans import context_around, context_parts, sentence_around

__all__ = [
    "RELATION_WORDS",
    "SOURCE_FIELDS",
    "AcceptSuggestion",
    "AddEvidence",
    "ClaimPage",
    "DeleteClaim",
    "DismissFinding",
    "DismissSuggestion",
    "Edit",
    "EditClaim",
    "EditGroup",
    "EditSource",
    "EvidenceInput",
    "ImportResult",
    "Ledger",
    "LedgerInfo",
    "LinkFacts",
    "LogClaim",
    "Related",
    "RemoveEvidence",
    "SetStatus",
    "context_around",
    "context_parts",
    "default_ledger_path",
    "default_reviewer",
    "format_figure",
    "parse_number",
    "plain_number",
    "scaled_number",
    "sentence_around",
]
