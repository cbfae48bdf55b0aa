"""The application core: the `Ledger` facade, undoable edits and the import pipeline. No Qt here.

Names load on first use (PEP 562), so `factledger.core.fields` or a query command does not pull in
reading, extraction and exporting: the CLI answers `--help` and `search` without them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factledger.domain import BackupInfo, ClaimPage, LedgerDamaged, NeedsInit, VersionInfo
    from factledger.domain.figures import format_figure, parse_number, plain_number, scaled_number

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
    from .errors import user_error_for
    from .fields import SOURCE_FIELDS
    from .importing import ImportResult
    from .ledger import Ledger, LedgerInfo
    from .paths import default_ledger_path, default_reviewer
    from .refresh import RefreshResult
    from .related import RELATION_WORDS, DismissFinding, LinkFacts, Related
    from .source_edits import EditSource
    from .spans import context_around, context_parts, sentence_around, suggested_statement
    from .versions import AddSourceVersion

_HOMES = {
    **dict.fromkeys(
        ("BackupInfo", "ClaimPage", "LedgerDamaged", "NeedsInit", "VersionInfo"), "factledger.domain"
    ),
    "user_error_for": "factledger.core.errors",
    **dict.fromkeys(
        ("list_backups", "newest_good_backup", "resolve_backup", "restore_backup", "salvage_copy"),
        "factledger.core.backups",
    ),
    "RefreshResult": "factledger.core.refresh",
    "AddSourceVersion": "factledger.core.versions",
    **dict.fromkeys(("RELATION_WORDS", "DismissFinding", "LinkFacts", "Related"), "factledger.core.related"),
    **dict.fromkeys(
        ("format_figure", "parse_number", "plain_number", "scaled_number"), "factledger.domain.figures"
    ),
    **dict.fromkeys(
        (
            "AcceptSuggestion",
            "AddEvidence",
            "DeleteClaim",
            "DismissSuggestion",
            "Edit",
            "EditClaim",
            "EditGroup",
            "EvidenceInput",
            "LogClaim",
            "RemoveEvidence",
            "SetStatus",
        ),
        "factledger.core.edits",
    ),
    "SOURCE_FIELDS": "factledger.core.fields",
    "ImportResult": "factledger.core.importing",
    "Ledger": "factledger.core.ledger",
    "LedgerInfo": "factledger.core.ledger",
    "default_ledger_path": "factledger.core.paths",
    "default_reviewer": "factledger.core.paths",
    "EditSource": "factledger.core.source_edits",
    "context_around": "factledger.core.spans",
    "context_parts": "factledger.core.spans",
    "sentence_around": "factledger.core.spans",
    "suggested_statement": "factledger.core.spans",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'factledger.core' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "RELATION_WORDS",
    "SOURCE_FIELDS",
    "AcceptSuggestion",
    "AddEvidence",
    "AddSourceVersion",
    "BackupInfo",
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
    "LedgerDamaged",
    "LedgerInfo",
    "LinkFacts",
    "LogClaim",
    "NeedsInit",
    "RefreshResult",
    "Related",
    "RemoveEvidence",
    "SetStatus",
    "VersionInfo",
    "context_around",
    "context_parts",
    "default_ledger_path",
    "default_reviewer",
    "format_figure",
    "list_backups",
    "newest_good_backup",
    "parse_number",
    "plain_number",
    "resolve_backup",
    "restore_backup",
    "salvage_copy",
    "scaled_number",
    "sentence_around",
    "suggested_statement",
    "user_error_for",
]
