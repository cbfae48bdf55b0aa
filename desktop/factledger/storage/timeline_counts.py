"""The `timeline_counts` summary table: facts counted per month, subject, status and kind, kept by triggers.

Why it exists: SQLite groups by sorting (no hash aggregate), ~0.35 µs per index entry, so counting a
million facts per time bucket cannot answer in 300 ms however the index is shaped. A month has at most
one row per subject × status × kind, so the aggregated timeline reads tens of thousands of rows instead.

A fact's month is that of its own ISO `stated_on` (`stated_day`), or, when it has no `stated_on`, of its
source's ISO published date. A fact whose date text is not ISO (free text such as "fiscal 2024", or no
date at all) has `month` NULL and keeps the text in `stated`; readers parse those few distinct texts.
Months are numbered like the timeline's buckets: month m holds the days d with
`CAST((d - BUCKET_ORIGIN) / MONTH_DAYS AS INTEGER) = m` (`dates_sql.month_of_day`); a quarter is 3 of
them, a year 12.

Everything is plain SQL with built-in functions, so sqlite3, sqlite-utils and Datasette keep it right too.
"""

from __future__ import annotations

from sqlite_utils import Database

from .dates_sql import iso_day, month_of_day

TABLE = "timeline_counts"


def _key_of_claim(row: str) -> str:
    """(month, stated) of one claims row (`NEW` or `OLD`), looking its source up only when it has no date."""
    published = f"(SELECT sources.published FROM sources WHERE sources.id = {row}.source_id)"
    day = (
        f"CASE WHEN {row}.stated_on IS NULL THEN (SELECT {iso_day('sources.published')} FROM sources "
        f"WHERE sources.id = {row}.source_id) ELSE {row}.stated_day END"
    )
    return (
        f"SELECT {month_of_day('day')} AS month, "
        f"CASE WHEN day IS NULL THEN COALESCE({row}.stated_on, {published}) END AS stated "
        f"FROM (SELECT {day} AS day)"
    )


def _key_of_published(published: str) -> str:
    """(month, stated) of the facts a source dates, when its published date is `published`."""
    return (
        f"SELECT {month_of_day('day')} AS month, CASE WHEN day IS NULL THEN {published} END AS stated "
        f"FROM (SELECT {iso_day(published)} AS day)"
    )


def _match(table: str, key: str, row: str) -> str:
    return (
        f"{table}.month IS {key}.month AND {table}.stated IS {key}.stated AND {table}.subject IS {row}.subject "
        f"AND {table}.status = {row}.status AND {table}.kind = {row}.kind"
    )


def _add(key_select: str, row: str, delta: str) -> str:
    """Statements adding `delta` facts with `row`'s subject/status/kind under the key `key_select` gives."""
    return (
        f"INSERT INTO {TABLE} (month, stated, subject, status, kind, n) "
        f"SELECT k.month, k.stated, {row}.subject, {row}.status, {row}.kind, 0 FROM ({key_select}) AS k "
        f"WHERE NOT EXISTS (SELECT 1 FROM {TABLE} AS t WHERE {_match('t', 'k', row)});\n"
        f"UPDATE {TABLE} SET n = n + {delta} FROM ({key_select}) AS k WHERE {_match(TABLE, 'k', row)};\n"
    )


def _remove(key_select: str, row: str, delta: str) -> str:
    return f"UPDATE {TABLE} SET n = n - {delta} FROM ({key_select}) AS k WHERE {_match(TABLE, 'k', row)};\n"


def _move_source_facts(source_id: str, old: str, new: str, guard: str) -> str:
    """Statements moving a source's facts without their own date from the key of `old` to that of `new`."""
    groups = (
        "(SELECT claims.subject AS subject, claims.status AS status, claims.kind AS kind, count(*) AS c "
        f"FROM claims WHERE claims.source_id = {source_id} AND claims.stated_on IS NULL{guard} "
        "GROUP BY 1, 2, 3)"
    )
    return (
        f"INSERT INTO {TABLE} (month, stated, subject, status, kind, n) "
        f"SELECT k.month, k.stated, g.subject, g.status, g.kind, 0 FROM {groups} AS g, "
        f"({_key_of_published(new)}) AS k WHERE NOT EXISTS (SELECT 1 FROM {TABLE} AS t WHERE {_match('t', 'k', 'g')});\n"
        f"UPDATE {TABLE} SET n = n + g.c FROM {groups} AS g, ({_key_of_published(new)}) AS k "
        f"WHERE {_match(TABLE, 'k', 'g')};\n"
        f"UPDATE {TABLE} SET n = n - g.c FROM {groups} AS g, ({_key_of_published(old)}) AS k "
        f"WHERE {_match(TABLE, 'k', 'g')};\n"
    )


INSERT_TRIGGER = f"{TABLE}_claims_ai"
TRIGGERS: tuple[str, ...] = (
    INSERT_TRIGGER,
    f"{TABLE}_claims_ad",
    f"{TABLE}_claims_au",
    f"{TABLE}_sources_ai",
    f"{TABLE}_sources_au",
    f"{TABLE}_sources_bd",
    f"{TABLE}_drop_empty",
)
"""Every trigger that keeps the summary; `storage.bulk` swaps the claims and sources ones during a bulk import."""

_KEY_COLUMNS = ("stated_on", "source_id", "subject", "status", "kind")


def trigger_sql(*, counted_up_to: int | None = None) -> list[str]:
    """CREATE TRIGGER statements keeping the summary right under every write.

    `counted_up_to` is for bulk imports: claims with a larger rowid are not counted yet (they are added in
    one batch afterwards), so edits of them must not touch the summary and there is no insert trigger.
    """
    guard = "" if counted_up_to is None else f" AND claims.rowid <= {int(counted_up_to)}"
    when_old = "" if counted_up_to is None else f" WHEN OLD.rowid <= {int(counted_up_to)}"
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _KEY_COLUMNS)
    update_when = f"({changed})" + (
        "" if counted_up_to is None else f" AND OLD.rowid <= {int(counted_up_to)}"
    )
    statements = []
    if counted_up_to is None:
        statements.append(
            f"CREATE TRIGGER {INSERT_TRIGGER} AFTER INSERT ON claims BEGIN\n"
            f"{_add(_key_of_claim('NEW'), 'NEW', '1')}END"
        )
    statements += [
        f"CREATE TRIGGER {TABLE}_claims_ad AFTER DELETE ON claims{when_old} BEGIN\n"
        f"{_remove(_key_of_claim('OLD'), 'OLD', '1')}END",
        f"CREATE TRIGGER {TABLE}_claims_au AFTER UPDATE OF {', '.join(_KEY_COLUMNS)} ON claims "
        f"WHEN {update_when} BEGIN\n"
        f"{_remove(_key_of_claim('OLD'), 'OLD', '1')}{_add(_key_of_claim('NEW'), 'NEW', '1')}END",
        # a claim may name its source before the source exists only with foreign keys off; it was undated
        f"CREATE TRIGGER {TABLE}_sources_ai AFTER INSERT ON sources WHEN NEW.published IS NOT NULL BEGIN\n"
        f"{_move_source_facts('NEW.id', 'NULL', 'NEW.published', guard)}END",
        f"CREATE TRIGGER {TABLE}_sources_au AFTER UPDATE OF published ON sources "
        f"WHEN OLD.published IS NOT NEW.published BEGIN\n"
        f"{_move_source_facts('NEW.id', 'OLD.published', 'NEW.published', guard)}END",
        # BEFORE: the cascade deletes the source's claims after the source row is gone, when their own
        # delete trigger can no longer find its date; they are first moved to the undated key it will use
        f"CREATE TRIGGER {TABLE}_sources_bd BEFORE DELETE ON sources WHEN OLD.published IS NOT NULL BEGIN\n"
        f"{_move_source_facts('OLD.id', 'OLD.published', 'NULL', guard)}END",
        f"CREATE TRIGGER {TABLE}_drop_empty AFTER UPDATE OF n ON {TABLE} WHEN NEW.n <= 0 BEGIN\n"
        f"DELETE FROM {TABLE} WHERE rowid = NEW.rowid;\nEND",
    ]
    return statements


def create(db: Database) -> None:
    """The table, its index and triggers, filled from the claims already in the ledger."""
    db.executescript(
        f"""
        CREATE TABLE {TABLE} (
            month INTEGER,          -- CAST((day + 719162) / 30.4375 AS INTEGER); NULL when not an ISO date
            stated TEXT,            -- the date text when month is NULL (free text); NULL when undated
            subject TEXT,
            status TEXT NOT NULL,
            kind TEXT NOT NULL,
            n INTEGER NOT NULL      -- facts with this key; rows reaching 0 are deleted
        );
        CREATE INDEX {TABLE}_key ON {TABLE}(month, subject, status, kind, stated, n);
        """
    )
    add_claims_after(db, 0)
    for statement in trigger_sql():
        db.execute(statement)


def add_claims_after(db: Database, last_rowid: int) -> None:
    """Count the claims with a rowid above `last_rowid` into the summary, in one grouped pass."""
    day = f"CASE WHEN claims.stated_on IS NULL THEN {iso_day('sources.published')} ELSE claims.stated_day END"
    db.execute(f"DROP TABLE IF EXISTS temp.{TABLE}_new")
    db.execute(
        f"""CREATE TEMP TABLE {TABLE}_new AS
            SELECT {month_of_day("day")} AS month,
                   CASE WHEN day IS NULL THEN COALESCE(stated_on, published) END AS stated,
                   subject, status, kind, count(*) AS n FROM (
                SELECT {day} AS day, claims.stated_on AS stated_on, sources.published AS published,
                       claims.subject AS subject, claims.status AS status, claims.kind AS kind
                  FROM claims LEFT JOIN sources ON sources.id = claims.source_id WHERE claims.rowid > ?)
             GROUP BY 1, 2, 3, 4, 5""",
        [last_rowid],
    )
    db.execute(
        f"INSERT INTO {TABLE} (month, stated, subject, status, kind, n) "
        f"SELECT d.month, d.stated, d.subject, d.status, d.kind, 0 FROM temp.{TABLE}_new AS d "
        f"WHERE NOT EXISTS (SELECT 1 FROM {TABLE} AS t WHERE {_match('t', 'd', 'd')})"
    )
    db.execute(
        f"UPDATE {TABLE} SET n = {TABLE}.n + d.n FROM temp.{TABLE}_new AS d WHERE {_match(TABLE, 'd', 'd')}"
    )
    db.execute(f"DROP TABLE temp.{TABLE}_new")
