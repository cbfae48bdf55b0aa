"""Streams fact-sheet rows for exports: claims joined with their source and evidence, in SQL."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlite_utils import Database

from factledger.domain import ClaimFilter, Stance
from factledger.domain.factsheet import EvidenceRef, FactSheetRow

from .claims import where_clause

CONTEXT_CHARS = 160

_SQL = """
SELECT claims.id, claims.kind, claims.statement, claims.quote, claims.value, claims.unit, claims.qualifier,
       claims.period, claims.subject, claims.speaker, claims.attribution, claims.committer, claims.action,
       claims.amount, claims.deadline, claims.fulfilment, claims.status, claims.status_reason,
       claims.verified_by, claims.verified_at, s.title, s.outlet, s.url, s.published,
       (SELECT json_group_array(json_object(
                 'stance', e.stance, 'source_id', e.source_id, 'source_title', es.title, 'source_url', es.url,
                 'url', e.url, 'quote', e.quote, 'note', e.note, 'start', e.start, 'end', e."end"))
          FROM evidence e LEFT JOIN sources es ON es.id = e.source_id
         WHERE e.claim_id = claims.id ORDER BY e.added_at, e.id) AS evidence,
       replace(replace(
           substr(s.text, max(1, claims.start + 1 - :context), min(claims.start, :context)) || claims.quote
           || substr(s.text, claims."end" + 1, :context), char(10), ' '), char(9), ' ') AS context,
       claims.start > :context AS cut_before,
       length(substr(s.text, claims."end" + 1, :context + 1)) > :context AS cut_after,
       claims.source_id, claims.stated_on, claims.start, claims."end"
  FROM claims JOIN sources s ON s.id = claims.source_id
 WHERE {where}
 ORDER BY coalesce(s.published, s.imported_at), s.id, claims.start, claims.id
"""


def _context(text: str, cut_before: int, cut_after: int) -> str:
    """SQL already put the context on one line; mark the ends that were cut."""
    return ("…" if cut_before else "") + text.strip() + ("…" if cut_after else "")


def _evidence(raw: str | None) -> tuple[EvidenceRef, ...]:
    if not raw or raw == "[]":  # most facts have no evidence: skip the JSON parser for them
        return ()
    return tuple(
        EvidenceRef(
            stance=Stance(item["stance"]),
            source_id=item["source_id"],
            source_title=item["source_title"],
            source_url=item["source_url"],
            url=item["url"],
            quote=item["quote"],
            note=item["note"],
            start=item["start"],
            end=item["end"],
        )
        for item in json.loads(raw)
    )


def factsheet_rows(db: Database, claim_filter: ClaimFilter) -> Iterator[FactSheetRow]:
    """Rows sorted by source then position, one at a time, so exports stay flat in memory."""
    where, params = where_clause(claim_filter)
    named = {f"p{i}": value for i, value in enumerate(params)}
    for i in range(len(params)):
        where = where.replace("?", f":p{i}", 1)
    cursor = db.conn.execute(_SQL.format(where=where), {**named, "context": CONTEXT_CHARS})
    for r in cursor:
        yield FactSheetRow(
            id=r[0],
            kind=r[1],
            statement=r[2],
            quote=r[3],
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
            source_title=r[20],
            outlet=r[21],
            source_url=r[22],
            published=r[23],
            evidence=_evidence(r[24]),
            context=_context(r[25] or "", r[26], r[27]),
            source_id=r[28],
            stated_on=r[29],
            claim_start=r[30],
            claim_end=r[31],
        )
