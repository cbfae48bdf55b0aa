"""Comparing facts with each other: restated figures, contradictions, and parts that exceed their whole."""

from .consistency import Finding, find_contradictions, find_restatements, parts_exceeding_whole

__all__ = ["Finding", "find_contradictions", "find_restatements", "parts_exceeding_whole"]
