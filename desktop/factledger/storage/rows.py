"""Conversions between SQLite rows and domain records, in one place so every query agrees."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from enum import StrEnum
from typing import Any, overload

from factledger.domain import (
    Attribution,
    Claim,
    ClaimKind,
    Evidence,
    Fulfilment,
    HistoryEvent,
    Origin,
    Qualifier,
    Source,
    Stance,
    Status,
    Suggestion,
)
from factledger.domain.suggestion import SUGGESTION_FIELDS

CLAIM_COLUMNS: tuple[str, ...] = (
    "id",
    "source_id",
    "kind",
    "quote",
    "start",
    "end",
    "statement",
    "subject",
    "speaker",
    "attribution",
    "stated_on",
    "value",
    "unit",
    "qualifier",
    "period",
    "committer",
    "action",
    "amount",
    "deadline",
    "fulfilment",
    "status",
    "status_reason",
    "verified_by",
    "verified_at",
    "origin",
    "cue",
    "group_key",
    "created_at",
    "updated_at",
    "delivered",
)
SELECT_CLAIM_COLUMNS = ", ".join(f'claims."{c}"' for c in CLAIM_COLUMNS)

SOURCE_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "title",
    "outlet",
    "url",
    "authors",
    "published",
    "imported_at",
    "language",
    "text",
    "content_sha256",
    "file_name",
    "media_type",
)

# The suggestions table stores every suggestion field; `group` is a keyword in SQL, so it is `group_key`.
SUGGESTION_COLUMNS: tuple[str, ...] = (
    "id",
    "source_id",
    *("group_key" if name == "group" else name for name in SUGGESTION_FIELDS),
)


# (position in CLAIM_COLUMNS, the enum, its members by value, whether NULL is allowed). A dict lookup is
# several times cheaper than `Enum(value)`, which goes through the metaclass call.
_ENUM_COLUMNS: tuple[tuple[int, type[StrEnum], dict[str, StrEnum], bool], ...] = tuple(
    (CLAIM_COLUMNS.index(column), vocabulary, {m.value: m for m in vocabulary}, optional)
    for column, vocabulary, optional in (
        ("kind", ClaimKind, False),
        ("attribution", Attribution, True),
        ("qualifier", Qualifier, True),
        ("fulfilment", Fulfilment, True),
        ("status", Status, False),
        ("origin", Origin, False),
    )
)
if tuple(f.name for f in fields(Claim)) != CLAIM_COLUMNS:  # claim_from_tuple passes values by position
    raise RuntimeError("CLAIM_COLUMNS must list the Claim fields in their declared order")


def claim_from_tuple(row: Sequence[Any]) -> Claim:
    """A claim from a row selected as `SELECT_CLAIM_COLUMNS` (values in `CLAIM_COLUMNS` order).

    A table page builds 200 of these on every sort and scroll: positional values and dict lookups of the
    enum members keep that a small share of the query it follows.
    """
    values = list(row)
    for index, vocabulary, members, optional in _ENUM_COLUMNS:
        value = values[index]
        if value is None and optional:
            continue
        member = members.get(value)
        # not a member (or NULL where one is required): the Enum call raises its usual ValueError
        values[index] = vocabulary(value) if member is None else member
    return Claim(*values)


class ClaimPage(Sequence[Claim]):
    """Claims as fetched, each built into a `Claim` only when first read.

    A table page holds 200 rows but paints about 30, and building a frozen 30-field `Claim` costs about
    as much as the indexed query that fetched it: a re-sort or a jump pays for the rows it shows. Ids and
    source ids are read from the raw rows without building anything.
    """

    __slots__ = ("_built", "_rows")

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._built: list[Claim | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> list[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | list[Claim]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._rows)))]
        claim = self._built[index]
        if claim is None:
            claim = self._built[index] = claim_from_tuple(self._rows[index])
        return claim

    def __repr__(self) -> str:
        return f"ClaimPage({len(self._rows)} rows)"

    def ids(self) -> list[str]:
        return [str(row[_ID]) for row in self._rows]

    def source_ids(self) -> set[str]:
        return {str(row[_SOURCE_ID]) for row in self._rows}

    def rows_differing_from(self, other: ClaimPage) -> list[int]:
        """Positions whose stored values differ from `other`'s at the same position (compared raw)."""
        return [i for i, (a, b) in enumerate(zip(self._rows, other._rows, strict=True)) if a != b]

    def reversed(self) -> ClaimPage:
        return ClaimPage(self._rows[::-1])

    def extended(self, rows: Iterable[tuple[Any, ...]]) -> ClaimPage:
        return ClaimPage([*self._rows, *rows])


_ID, _SOURCE_ID = CLAIM_COLUMNS.index("id"), CLAIM_COLUMNS.index("source_id")


def claim_from_row(row: Mapping[str, Any] | sqlite3.Row) -> Claim:
    return claim_from_tuple([row[column] for column in CLAIM_COLUMNS])


def claim_to_row(claim: Claim) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in CLAIM_COLUMNS:
        value = getattr(claim, column)
        row[column] = None if value is None else (str(value) if hasattr(value, "value") else value)
    return row


def source_from_row(row: Mapping[str, Any] | sqlite3.Row) -> Source:
    return Source(
        id=row["id"],
        kind=row["kind"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        authors=tuple(json.loads(row["authors"] or "[]")),
        published=row["published"],
        imported_at=row["imported_at"],
        language=row["language"],
        text=row["text"],
        content_sha256=row["content_sha256"],
        file_name=row["file_name"],
        media_type=row["media_type"],
    )


def suggestion_to_row(suggestion_id: str, source_id: str, s: Suggestion) -> dict[str, Any]:
    return {
        "id": suggestion_id,
        "source_id": source_id,
        "kind": str(s.kind),
        "start": s.start,
        "end": s.end,
        "quote": s.quote,
        "value": s.value,
        "unit": s.unit,
        "qualifier": None if s.qualifier is None else str(s.qualifier),
        "period": s.period,
        "subject": s.subject,
        "speaker": s.speaker,
        "attribution": None if s.attribution is None else str(s.attribution),
        "committer": s.committer,
        "action": s.action,
        "amount": s.amount,
        "deadline": s.deadline,
        "cue": s.cue,
        "score": s.score,
        "group_key": s.group,
    }


def suggestion_from_row(row: Mapping[str, Any] | sqlite3.Row) -> Suggestion:
    return Suggestion(
        kind=ClaimKind(row["kind"]),
        start=row["start"],
        end=row["end"],
        quote=row["quote"],
        value=row["value"],
        unit=row["unit"],
        qualifier=None if row["qualifier"] is None else Qualifier(row["qualifier"]),
        period=row["period"],
        subject=row["subject"],
        speaker=row["speaker"],
        attribution=None if row["attribution"] is None else Attribution(row["attribution"]),
        committer=row["committer"],
        action=row["action"],
        amount=row["amount"],
        deadline=row["deadline"],
        cue=row["cue"],
        score=row["score"],
        group=row["group_key"],
    )


def evidence_from_row(row: Mapping[str, Any] | sqlite3.Row) -> Evidence:
    return Evidence(
        id=row["id"],
        claim_id=row["claim_id"],
        stance=Stance(row["stance"]),
        source_id=row["source_id"],
        start=row["start"],
        end=row["end"],
        url=row["url"],
        quote=row["quote"],
        note=row["note"],
        added_by=row["added_by"],
        added_at=row["added_at"],
    )


def history_from_row(row: Mapping[str, Any] | sqlite3.Row) -> HistoryEvent:
    return HistoryEvent(
        id=row["id"],
        entity=row["entity"],
        entity_id=row["entity_id"],
        action=row["action"],
        actor=row["actor"],
        at=row["at"],
        before=row["before"],
        after=row["after"],
        reason=row["reason"],
        claim_id=row["claim_id"],
    )
