"""The application core: the `Ledger` facade, undoable edits and the import pipeline. No Qt here."""

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
from .spans import context_around, sentence_around

__all__ = [
    "AcceptSuggestion",
    "AddEvidence",
    "DeleteClaim",
    "DismissSuggestion",
    "Edit",
    "EditClaim",
    "EditGroup",
    "EvidenceInput",
    "ImportResult",
    "Ledger",
    "LedgerInfo",
    "LogClaim",
    "RemoveEvidence",
    "SetStatus",
    "context_around",
    "default_ledger_path",
    "default_reviewer",
    "sentence_around",
]
