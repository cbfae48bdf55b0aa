"""Streams fact-sheet rows for exports: claims joined with their source and evidence, in SQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from factledger.domain import ClaimFilter, Stance
from factledger.domain.anchors import AnchorState, describe_change
from factledger.domain.factsheet import EvidenceRef, FactSheetRow
from factledger.domain.factsheet import QuoteMismatch as QuoteMismatch  # re-exported for storage code

from .claims import where_clause

CONTEXT_CHARS = 160


# Facts in date order of their source, then by position. The sort carries only the claim's own columns:
# the source's title, URL and text are read once per source (`_SOURCE_SQL`), not copied into 100,000
# sorted rows, and the context around the quote is sliced in Python (SQLite's substr walks the UTF-8
# text from its start for every fact).
_ORDER = "coalesce(s.published, s.imported_at), s.id, claims.start, claims.id"

_CLAIMS_SQL = """
SELECT claims.id, claims.kind, claims.statement, claims.quote, claims.value, claims.unit, claims.qualifier,
       claims.period, claims.subject, claims.speaker, claims.attribution, claims.committer, claims.action,
       claims.amount, claims.deadline, claims.fulfilment, claims.status, claims.status_reason,
       claims.verified_by, claims.verified_at, claims.source_id, claims.stated_on, claims.start, claims."end",
       claims.delivered, a.state, a.old_quote, a.new_quote, a.figures, tv.version, fv.imported_at,
       tv.imported_at
  FROM claims JOIN sources s ON s.id = claims.source_id
       LEFT JOIN anchors a ON a.claim_id = claims.id
       LEFT JOIN sources fv ON fv.id = a.from_source
       LEFT JOIN sources tv ON tv.id = a.to_source
 WHERE {where}
 ORDER BY {order}
"""

# The evidence of the same facts in the same order (then by when it was added), merged with the claims
# as both stream: one pass over the evidence instead of a correlated subquery for every fact, most of
# which have none. (That subquery's ORDER BY stood beside json_group_array, which ignores it: evidence
# came out in insertion order, not in the added_at order the evidence panel shows.)
_EVIDENCE_SQL = """
SELECT e.claim_id, e.stance, e.source_id, es.title, es.url, e.url, e.quote, e.note, e.start, e."end"
  FROM evidence e JOIN claims ON claims.id = e.claim_id JOIN sources s ON s.id = claims.source_id
       LEFT JOIN sources es ON es.id = e.source_id
 WHERE {where}
 ORDER BY {order}, e.added_at, e.id
"""

_FINDINGS = frozenset(str(s) for s in AnchorState if s.is_finding)

_SOURCE_SQL = "SELECT title, outlet, url, published, text FROM sources WHERE id = ?"


def factsheet_rows(db: Database, claim_filter: ClaimFilter) -> Iterator[FactSheetRow]:
    """Rows sorted by source then position, one at a time, so exports stay flat in memory.

    Three statements read the ledger (claims, their evidence, each source once), all inside one read
    transaction so they see the same snapshot even while another connection writes.
    """
    where, params = where_clause(claim_filter)
    conn = db.conn
    with _read_snapshot(conn):
        yield from rows_from(
            conn.execute(_CLAIMS_SQL.format(where=where, order=_ORDER), params),
            conn.execute(_EVIDENCE_SQL.format(where=where, order=_ORDER), params),
            lambda source_id: conn.execute(_SOURCE_SQL, (source_id,)).fetchone(),
        )


def rows_from(
    claims: Iterable[Sequence[Any]],
    evidence_rows: Iterator[Sequence[Any]],
    source: Callable[[str], Sequence[Any]],
) -> Iterator[FactSheetRow]:
    """Fact-sheet rows from the claims (`_CLAIMS_SQL`'s columns) and their evidence (`_EVIDENCE_SQL`'s, in
    the same order), reading each source's title, outlet, url, published and text once through `source`.

    Engine-neutral: every engine streams the same two statements and hands their rows in here.
    """
    evidence = _EvidenceStream(evidence_rows)
    source_id: str | None = None
    title = outlet = url = published = None
    text = ""
    for r in claims:
        if r[20] != source_id:
            source_id = r[20]
            title, outlet, url, published, text = source(r[20])
        claim_id, start, end, quote = r[0], r[22], r[23], r[3]
        if text[start:end] != quote:  # altered by raw SQL with the schema's guards removed
            raise QuoteMismatch(claim_id)
        yield FactSheetRow(
            id=claim_id,
            kind=r[1],
            statement=r[2],
            quote=quote,
            value=r[4],
            unit=r[5],
            qualifier=r[6],
            period=r[7],
            subject=r[8],
            speaker=r[9],
            attribution=r[10],
            committer=r[11],
            action=r[12],
            amount=r[13],
            deadline=r[14],
            fulfilment=r[15],
            status=r[16],
            status_reason=r[17],
            verified_by=r[18],
            verified_at=r[19],
            source_title=title,
            outlet=outlet,
            source_url=url,
            published=published,
            evidence=evidence.take(claim_id) if evidence.head_id == claim_id else (),
            context=context_around_quote(text, start, end, quote),
            source_id=r[20],
            stated_on=r[21],
            claim_start=start,
            claim_end=end,
            delivered=r[24],
            source_changed=r[25] if r[25] in _FINDINGS else None,
            source_change=None if r[25] is None else describe_change(r[25], r[26], r[27], r[28], r[29]),
            old_version_date=r[30],
            new_version_date=r[31],
        )
    evidence.finish()


def context_around_quote(text: str, start: int, end: int, quote: str, width: int = CONTEXT_CHARS) -> str:
    """The quote with up to `width` characters of its source on each side, on one line.

    Newlines and tabs become spaces, the ends are trimmed, and an ellipsis marks each side where the
    source goes on beyond the window. `start` is never negative (a CHECK constraint); offsets past the
    end of the text give an empty side, as SQL's substr did.
    """
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    line = (before + quote + after).replace("\n", " ").replace("\t", " ").strip()
    return ("…" if start > width else "") + line + ("…" if len(text) - end > width else "")


class _EvidenceStream:
    """The evidence cursor, consumed in step with the claims: each fact takes the rows at its head.

    `head_id` is the claim of the next unread evidence row (None at the end): the row loop compares it
    with each fact's id and calls `take` only on a match, since most facts have no evidence.
    """

    __slots__ = ("_head", "_rows", "head_id")

    def __init__(self, rows: Iterator[Sequence[Any]]) -> None:
        self._rows = rows
        self._head: Any = None
        self.head_id: str | None = None
        self._advance()

    def _advance(self) -> None:
        self._head = next(self._rows, None)
        self.head_id = None if self._head is None else self._head[0]

    def take(self, claim_id: str) -> tuple[EvidenceRef, ...]:
        """The evidence of `claim_id` (the next fact in export order), in the order it was added."""
        refs = []
        while self.head_id == claim_id:
            head = self._head
            refs.append(
                EvidenceRef(
                    stance=Stance(head[1]),
                    source_id=head[2],
                    source_title=head[3],
                    source_url=head[4],
                    url=head[5],
                    quote=head[6],
                    note=head[7],
                    start=head[8],
                    end=head[9],
                )
            )
            self._advance()
        return tuple(refs)

    def finish(self) -> None:
        """Both streams share one order, so every evidence row has been taken; anything left is a bug."""
        if self.head_id is not None:
            raise RuntimeError(f"evidence of claim {self.head_id!r} was not matched to its claim")


@contextmanager
def _read_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Hold one read transaction around several statements, unless the caller already has one open.

    It ends with COMMIT, never ROLLBACK: it reads nothing back, but a write made on this connection while
    a caller iterated joins this transaction and must not be thrown away when the export ends.
    """
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
