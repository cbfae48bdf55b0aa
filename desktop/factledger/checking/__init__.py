"""Comparing facts with each other: restated figures, contradictions, and parts that exceed their whole."""

from .consistency import Finding, find_contradictions, find_restatements, parts_exceeding_whole
from .stealth_edits import SOURCE_CHANGED, stealth_edit_findings

__all__ = [
    "SOURCE_CHANGED",
    "Finding",
    "find_contradictions",
    "find_restatements",
    "parts_exceeding_whole",
    "stealth_edit_findings",
]
