"""Finds candidate facts in a document's text: statistics, commitments and attributed claims, span-exact."""

from .pipeline import suggest

__all__ = ["suggest"]
