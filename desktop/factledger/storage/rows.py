"""Conversions between SQLite rows and domain records, in one place so every query agrees.

`ClaimPage` is a domain type now (the UI holds pages); it stays importable from here for storage code.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from factledger.domain import (
    Attribution,
    Claim,
    ClaimKind,
    Evidence,
    HistoryEvent,
    Qualifier,
    Source,
    Stance,
    Suggestion,
)
from factledger.domain.claim_page import CLAIM_FIELDS, claim_from_values
from factledger.domain.claim_page import ClaimPage as ClaimPage  # a domain type, re-exported for storage code
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
    "version",
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


if CLAIM_COLUMNS != CLAIM_FIELDS:  # a ClaimPage row and claim_from_tuple take values by position
    raise RuntimeError("CLAIM_COLUMNS must list the Claim fields in their declared order")

claim_from_tuple = claim_from_values
"""A claim from a row selected as `SELECT_CLAIM_COLUMNS` (the domain's builder; see `ClaimPage`)."""


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
