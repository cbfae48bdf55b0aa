"""Full-text search over claims and sources (FTS5), with guards against queries that would scan everything."""

from __future__ import annotations

import re

from sqlite_utils import Database

from factledger.domain import SearchHit as SearchHit  # a domain type, re-exported for storage code

_TOKEN = re.compile(r"[\w$€£¥%][\w$€£¥%.,'-]*", re.UNICODE)
MIN_PREFIX = 2  # one-letter prefixes match most of the index: treat them as whole words
# Ranking scores every match, so a common word ("the", "said") would score most of the ledger: ranked
# search orders the newest RANK_WINDOW matches (by rowid, i.e. import order) and is exact below that.
RANK_WINDOW = 20_000


def fts_match_expression(query: str) -> str | None:
    """Turn what a person types into a safe FTS5 query: every word must appear, the last as a prefix.

    Typed punctuation never reaches FTS5 syntax (quotes are doubled, each token is quoted), so a
    query like `"$10 billion` or `NOT(` cannot raise a syntax error in the middle of typing.
    """
    tokens, prefix = search_terms(query)
    if not tokens:
        return None
    quoted = ['"' + t.replace('"', '""') + '"' for t in tokens]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def search_terms(query: str) -> tuple[list[str], bool]:
    """The words of what a person typed, and whether the last is a prefix (still being typed).

    Engine-neutral: each engine spells the same words in its own full-text syntax, so both find the same.
    """
    tokens = [t.strip(".,'-") for t in _TOKEN.findall(query)]
    tokens = [t for t in tokens if t]
    prefix = bool(tokens) and len(tokens[-1]) >= MIN_PREFIX and not query.endswith(" ")
    return tokens, prefix


def search(db: Database, query: str, *, limit: int = 100, ranked: bool = True) -> list[SearchHit]:
    match = fts_match_expression(query)
    if match is None:
        return []
    claim_rows = _matches(
        db,
        "claims_fts",
        "c.id, c.source_id, c.statement, snippet(claims_fts, 1, '[', ']', '…', 12)",
        "claims c ON c.rowid = claims_fts.rowid",
        match,
        limit=limit,
        ranked=ranked,
    )
    hits = [SearchHit("claim", r[0], r[1], r[2], r[3]) for r in claim_rows]
    remaining = limit - len(hits)
    if remaining > 0:
        source_rows = _matches(
            db,
            "sources_fts",
            "s.id, coalesce(s.title, s.file_name, s.id), snippet(sources_fts, 2, '[', ']', '…', 12)",
            "sources s ON s.rowid = sources_fts.rowid",
            match,
            limit=remaining,
            ranked=ranked,
        )
        hits.extend(SearchHit("source", r[0], r[0], r[1], r[2]) for r in source_rows)
    return hits


def _exact_prefix(db: Database, fts: str, match: str) -> str:
    """`match` without its closing `*` when no indexed word but the typed one starts with it.

    A prefix phrase makes FTS5 merge the doclists of every word it covers before the first row, and
    ranking walks that merged list again: about twice the work of the same whole word. When the index
    holds no longer word with that prefix (as for "unemployment" in a whole ledger), the whole word
    matches exactly the same rows at the same places, so hits, scores, order and snippets are unchanged.
    The index's own term list answers that with one seek (`fts5vocab`, made per connection in `temp`,
    nothing written to the ledger). Only a plain ASCII word is rewritten: there the tokenizer's folding is
    lower-casing, so the word compared is the word indexed.
    """
    if not match.endswith("*"):
        return match
    word = match[:-1].rpartition(" ")[2][1:-1]  # the last phrase: '"word"*'
    if not (word.isascii() and word.isalnum()):
        return match
    word = word.lower()
    terms = f"{fts}_terms"
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{terms} USING fts5vocab(main, {fts}, row)")
    # From just past the word itself (its own doclist is never read) to the first string past the prefix.
    longer = db.execute(
        f"SELECT 1 FROM temp.{terms} WHERE term >= ? AND term < ? LIMIT 1",
        [word + "\x00", word[:-1] + chr(ord(word[-1]) + 1)],
    ).fetchone()
    return match if longer else match[:-1]


def _matches(
    db: Database, fts: str, columns: str, join: str, match: str, *, limit: int, ranked: bool
) -> list[tuple[str, ...]]:
    """Unranked: the first `limit` matches, whole words before longer words. Ranked: best `limit` of the newest `RANK_WINDOW` matches.

    The window's lower rowid comes from walking the match list newest-first, which FTS5 does without
    scoring; the outer query then scores only rows above it (FTS5 honours rowid ranges natively).
    """
    match = _exact_prefix(db, fts, match)
    if not ranked:
        sql = f"SELECT {columns} FROM {fts} JOIN {join} WHERE {fts} MATCH ? LIMIT ?"
        if not match.endswith("*"):
            return db.execute(sql, [match, limit]).fetchall()
        # FTS5 merges the whole doclist of every word a prefix covers before yielding a row (tens of
        # thousands of rows for "said*"), while a whole word streams: whole-word matches come first, and
        # the prefix query runs only when they do not fill the page.
        rows: list[tuple[str, ...]] = db.execute(sql, [match[:-1], limit]).fetchall()
        if len(rows) < limit:
            seen = {row[0] for row in rows}
            extra = db.execute(sql, [match, limit]).fetchall()
            rows += [row for row in extra if row[0] not in seen][: limit - len(rows)]
        return rows
    floor = db.execute(
        f"SELECT min(rowid) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT ?)",
        [match, RANK_WINDOW],
    ).fetchone()[0]
    if floor is None:
        return []
    sql = f"SELECT {columns} FROM {fts} JOIN {join} WHERE {fts} MATCH ? AND {fts}.rowid >= ? ORDER BY rank LIMIT ?"
    return db.execute(sql, [match, floor, limit]).fetchall()
