"""Finds candidate facts in a document's text: statistics, commitments and attributed claims, span-exact."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import suggest

__all__ = ["suggest"]


def __getattr__(name: str) -> Any:
    """Load the pipeline (its lexicons and a few hundred compiled patterns) when `suggest` is first asked for.

    Importing the package, or `extraction.sentences` alone as the core does at start, then costs nothing
    more: a ledger opened to read pays for extraction on its first import or paste.
    """
    if name == "suggest":
        from .pipeline import suggest

        return suggest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
