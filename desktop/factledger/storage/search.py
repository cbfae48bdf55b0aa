"""Full-text search over claims and sources (FTS5), with guards against queries that would scan everything."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

_TOKEN = re.compile(r"[\w$€£¥%][\w$€£¥%.,'-]*", re.UNICODE)
MIN_PREFIX = 2  # one-letter prefixes match most of the index: treat them as whole words


def fts_match_expression(query: str) -> str | None:
    """Turn what a person types into a safe FTS5 query: every word must appear, the last as a prefix.

    Typed punctuation never reaches FTS5 syntax (quotes are doubled, each token is quoted), so a
    query like `"$10 billion` or `NOT(` cannot raise a syntax error in the middle of typing.
    """
    tokens = [t.strip(".,'-") for t in _TOKEN.findall(query)]
    tokens = [t for t in tokens if t]
    if not tokens:
        return None
    quoted = ['"' + t.replace('"', '""') + '"' for t in tokens]
    if len(tokens[-1]) >= MIN_PREFIX and not query.endswith(" "):
        quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A claim or a source matching a search, with a snippet to show where."""

    entity: str  # "claim" or "source"
    id: str
    source_id: str
    title: str
    snippet: str


def search(db: Database, query: str, *, limit: int = 100, ranked: bool = True) -> list[SearchHit]:
    match = fts_match_expression(query)
    if match is None:
        return []
    order = "ORDER BY rank" if ranked else ""
    claim_rows = db.execute(
        f"""SELECT c.id, c.source_id, c.statement,
                   snippet(claims_fts, 1, '[', ']', '…', 12)
            FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid
            WHERE claims_fts MATCH ? {order} LIMIT ?""",
        [match, limit],
    ).fetchall()
    hits = [SearchHit("claim", r[0], r[1], r[2], r[3]) for r in claim_rows]
    remaining = limit - len(hits)
    if remaining > 0:
        source_rows = db.execute(
            f"""SELECT s.id, coalesce(s.title, s.file_name, s.id),
                       snippet(sources_fts, 2, '[', ']', '…', 12)
                FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid
                WHERE sources_fts MATCH ? {order} LIMIT ?""",
            [match, remaining],
        ).fetchall()
        hits.extend(SearchHit("source", r[0], r[0], r[1], r[2]) for r in source_rows)
    return hits
