"""The application core: the `Ledger` facade, undoable edits and the import pipeline. No Qt here."""

from factledger.storage import ClaimPage
from factledger.storage.backups import BackupInfo
from factledger.storage.errors import LedgerDamaged, NeedsInit, user_error_for

from .backups import list_backups, newest_good_backup, resolve_backup, restore_backup, salvage_copy
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
from .source_edits import SOURCE_FIELDS, EditSource
from .spans import context_around, context_parts, sentence_around

__all__ = [
    "SOURCE_FIELDS",
    "AcceptSuggestion",
    "AddEvidence",
    "BackupInfo",
    "ClaimPage",
    "DeleteClaim",
    "DismissSuggestion",
    "Edit",
    "EditClaim",
    "EditGroup",
    "EditSource",
    "EvidenceInput",
    "ImportResult",
    "Ledger",
    "LedgerDamaged",
    "LedgerInfo",
    "LogClaim",
    "NeedsInit",
    "RemoveEvidence",
    "SetStatus",
    "context_around",
    "context_parts",
    "default_ledger_path",
    "default_reviewer",
    "list_backups",
    "newest_good_backup",
    "resolve_backup",
    "restore_backup",
    "salvage_copy",
    "sentence_around",
    "user_error_for",
]
