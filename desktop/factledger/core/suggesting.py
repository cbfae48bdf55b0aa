"""A document's suggestions without a ledger: what `factledger suggest FILE` prints, nothing stored.

Kept apart from `core.importing` so the command line reaches readers and the extractor through core
(import-linter: the CLI calls core only) while importing them only when this command runs.
"""

from __future__ import annotations

from factledger import extraction, reading
from factledger.domain import Document, Suggestion, UserError


def suggest_input(given: str) -> tuple[Document, list[Suggestion]]:
    """Read one file or URL as the person named it and find its suggestions.

    A folder (or anything that expands to more or fewer than one input) is refused with a sentence: this
    command shows one document, and a folder's worth of suggestions would be unreadable on a terminal.
    """
    items = reading.expand_inputs([given])
    if len(items) != 1:
        raise UserError(f"'{given}' is not one readable file or URL.")
    document = reading.read_input(items[0])
    return document, extraction.suggest(document)


__all__ = ["suggest_input"]
