"""A candidate fact found in a document's text, before a person accepts or dismisses it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from .enums import Attribution, ClaimKind, Qualifier


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One span of `Document.text` worth logging, with what extraction understood of it.

    Invariant: `text[start:end] == quote`. `cue` says in words why it was suggested; `group`
    ties mentions of the same figure together so a person logs it once.
    """

    kind: ClaimKind
    start: int
    end: int
    quote: str
    value: float | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    period: str | None = None
    subject: str | None = None
    speaker: str | None = None
    attribution: Attribution | None = None
    committer: str | None = None
    action: str | None = None
    amount: float | None = None
    deadline: str | None = None
    cue: str = ""
    score: float = 0.0
    group: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The CLI contract's suggestion object: every field present, null where not known."""
        data = asdict(self)
        for key in ("kind", "qualifier", "attribution"):
            value = data[key]
            data[key] = None if value is None else str(value)
        return data


SUGGESTION_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Suggestion))
"""The CLI contract's suggestion keys, in order."""
