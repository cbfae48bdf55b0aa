"""The ledger's SQLite schema, created and evolved with sqlite-utils `Migrations`.

Every table is plain SQLite so that `sqlite3`, `sqlite-utils` and Datasette open a ledger as it is;
README.md documents the columns. `SCHEMA_VERSION` is mirrored into `PRAGMA user_version` so any tool
can tell which version wrote a file.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from . import timeline_counts, versions
from .dates_sql import figure_sql, iso_day

MIGRATION_SET = "factledger"
migrations = Migrations(MIGRATION_SET)

_KINDS = "'claim', 'commitment', 'statistic'"
_STATUSES = "'unverified', 'in_review', 'verified', 'partly_true', 'disputed', 'false', 'unverifiable'"
_FULFILMENT = "'announced', 'in_progress', 'fulfilled', 'partially_fulfilled', 'stalled', 'broken'"
_ATTRIBUTION = (
    "'on_record', 'spokesperson', 'on_background', 'anonymous', 'document', 'outlet', 'reader_comment'"
)
_QUALIFIERS = "'at least', 'at most', 'more than', 'less than', 'approximately', 'nearly', 'up to'"


@migrations()
def m001_initial(db: Database) -> None:
    """The tables of ARCHITECTURE.md; CHECK constraints keep the vocabularies closed even for raw SQL."""
    db.executescript(
        f"""
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'article',
            title TEXT,
            outlet TEXT,
            url TEXT,
            authors TEXT NOT NULL DEFAULT '[]',          -- JSON array of names
            published TEXT,                              -- ISO 8601
            imported_at TEXT NOT NULL,
            language TEXT,
            text TEXT NOT NULL,                          -- normalized; every claim span indexes it
            content_sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT,
            media_type TEXT NOT NULL
        );
        CREATE TABLE originals (
            source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
            file_name TEXT,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            content BLOB NOT NULL
        );
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ({_KINDS})),
            quote TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            statement TEXT NOT NULL,
            subject TEXT,
            speaker TEXT,
            attribution TEXT CHECK (attribution IS NULL OR attribution IN ({_ATTRIBUTION})),
            stated_on TEXT,
            value REAL,
            unit TEXT,
            qualifier TEXT CHECK (qualifier IS NULL OR qualifier IN ({_QUALIFIERS})),
            period TEXT,
            committer TEXT,
            action TEXT,
            amount REAL,
            deadline TEXT,
            fulfilment TEXT CHECK (fulfilment IS NULL OR fulfilment IN ({_FULFILMENT})),
            status TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ({_STATUSES})),
            status_reason TEXT,
            verified_by TEXT,
            verified_at TEXT,
            origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'suggested')),
            cue TEXT,
            group_key TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX claims_source ON claims(source_id, start);
        CREATE INDEX claims_status ON claims(status, id);
        CREATE INDEX claims_kind ON claims(kind, id);
        CREATE INDEX claims_attribution ON claims(attribution, id);
        CREATE INDEX claims_subject ON claims(subject, id);
        CREATE INDEX claims_speaker ON claims(speaker, id);
        CREATE INDEX claims_value ON claims(value, id);
        CREATE INDEX claims_stated_on ON claims(stated_on, id);
        CREATE INDEX claims_updated ON claims(updated_at, id);
        CREATE INDEX claims_statement ON claims(statement, id);
        CREATE TABLE evidence (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context')),
            source_id TEXT REFERENCES sources(id) ON DELETE SET NULL,
            start INTEGER,
            "end" INTEGER,
            url TEXT,
            quote TEXT,
            note TEXT,
            added_by TEXT,
            added_at TEXT NOT NULL,
            CHECK (source_id IS NOT NULL OR url IS NOT NULL OR note IS NOT NULL)
        );
        CREATE INDEX evidence_claim ON evidence(claim_id);
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,                        -- claim, source, evidence, suggestion
            entity_id TEXT NOT NULL,
            claim_id TEXT,                               -- the claim this event belongs to, if any
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            before TEXT,                                 -- JSON of the changed fields before
            after TEXT,                                  -- JSON of the changed fields after
            reason TEXT
        );
        CREATE INDEX history_claim ON history(claim_id, id);
        CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only: rows cannot be changed'); END;
        CREATE TRIGGER history_no_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only: rows cannot be deleted'); END;
        CREATE TABLE links (
            id TEXT PRIMARY KEY,
            from_claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            to_claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('restates', 'contradicts', 'part_of')),
            note TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (from_claim, to_claim, kind)
        );
        CREATE TABLE suggestions (
            id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ({_KINDS})),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            value REAL,
            unit TEXT,
            qualifier TEXT,
            period TEXT,
            subject TEXT,
            speaker TEXT,
            attribution TEXT,
            committer TEXT,
            action TEXT,
            amount REAL,
            deadline TEXT,
            cue TEXT NOT NULL DEFAULT '',
            score REAL NOT NULL DEFAULT 0,
            group_key TEXT
        );
        CREATE INDEX suggestions_source ON suggestions(source_id, start);
        CREATE TABLE dismissed (
            source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            dismissed_by TEXT NOT NULL,
            dismissed_at TEXT NOT NULL,
            PRIMARY KEY (source_id, kind, start, "end")
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        """
    )
    db.table("sources").enable_fts(["title", "outlet", "text"], fts_version="FTS5", create_triggers=True)
    db.table("claims").enable_fts(
        ["statement", "quote", "subject", "speaker", "committer"], fts_version="FTS5", create_triggers=True
    )


@migrations()
def m002_readable_views(db: Database) -> None:
    """Views for people who open a ledger in sqlite3 or Datasette: facts with their source, in one place."""
    db.executescript(
        """
        CREATE VIEW facts AS
        SELECT claims.id, claims.kind, claims.status, claims.statement, claims.quote, claims.value,
               claims.unit, claims.qualifier, claims.period, claims.subject, claims.speaker,
               claims.attribution, claims.committer, claims.amount, claims.deadline, claims.fulfilment,
               claims.stated_on, sources.title AS source_title, sources.outlet, sources.url AS source_url,
               sources.published, claims.source_id, claims.start, claims."end"
          FROM claims JOIN sources ON sources.id = claims.source_id;
        CREATE VIEW claim_history AS
        SELECT history.claim_id, history.at, history.actor, history.action, history.reason,
               history.before, history.after
          FROM history WHERE history.claim_id IS NOT NULL;
        """
    )


@migrations()
def m003_sort_indexes(db: Database) -> None:
    """Every sortable column walks an index: unit had none, and source ties broke by id, not by position."""
    db.executescript(
        """
        CREATE INDEX claims_unit ON claims(unit, id);
        DROP INDEX claims_source;
        CREATE INDEX claims_source ON claims(source_id, start, id);
        """
    )


@migrations()
def m004_fts_prefix_indexes(db: Database) -> None:
    """Two- and three-letter prefix indexes: search-as-you-type asks for `th*`, which otherwise merges the
    doclists of every word starting so; the per-row triggers refer to the tables by name and stay valid."""
    for table, columns in (
        ("sources", ("title", "outlet", "text")),
        ("claims", ("statement", "quote", "subject", "speaker", "committer")),
    ):
        names = ", ".join(f'"{c}"' for c in columns)
        db.executescript(
            f"""
            DROP TABLE "{table}_fts";
            CREATE VIRTUAL TABLE "{table}_fts" USING FTS5 ({names}, content="{table}", prefix='2 3');
            INSERT INTO "{table}_fts" ("{table}_fts") VALUES ('rebuild');
            """
        )


STATED_DAY_SQL = iso_day("stated_on")
"""Days since 1970-01-01 of the first day an ISO `stated_on` names; NULL when it is empty or free text."""


@migrations()
def m005_chart_indexes(db: Database) -> None:
    """Chart series walk covering indexes instead of the wide claims rows.

    `stated_day` is a VIRTUAL generated column (built-in functions only, so sqlite3 and Datasette still
    write the table): its index stores the day, so bucketing a million facts reads integers rather than
    parsing dates. Facts dated by their source (no `stated_on`) are looked up through the source, which
    keeps a source's date edit correct without denormalizing it into every claim.
    """
    db.execute(
        f"ALTER TABLE claims ADD COLUMN stated_day INTEGER GENERATED ALWAYS AS ({STATED_DAY_SQL}) VIRTUAL"
    )
    db.executescript(
        """
        CREATE INDEX claims_chart_day ON claims(stated_day, subject, status, kind, source_id, stated_on);
        CREATE INDEX claims_status_kind ON claims(status, kind, verified_at);
        CREATE INDEX claims_metric ON claims(subject, unit, period, source_id, value, amount);
        CREATE INDEX claims_commitment ON claims(kind, committer, speaker, unit, fulfilment, deadline, amount);
        """
    )


FIGURE_SQL = figure_sql()
"""A fact's figure, as the chart queries test it (`dates_sql.figure_sql`), so the partial index serves them."""


@migrations()
def m006_timeline_counts(db: Database) -> None:
    """The `timeline_counts` summary (facts per month, subject, status and kind), filled from the claims
    already in the ledger and kept by triggers: the aggregated timeline of a million facts reads it instead
    of grouping a million index entries (see `storage.timeline_counts`). And a partial index of the facts
    that have a figure, for the metrics list."""
    timeline_counts.create(db)
    # the metrics list and a metric's figures only read facts with a figure and a subject: a partial index
    # of those (about half the facts) halves the entries their GROUP BYs walk; it replaces claims_metric
    db.executescript(
        f"""
        DROP INDEX claims_metric;
        CREATE INDEX claims_figures ON claims(subject, unit, period, source_id, value, amount)
         WHERE {FIGURE_SQL} IS NOT NULL AND subject IS NOT NULL;
        """
    )


@migrations()
def m007_delivered_amounts(db: Database) -> None:
    """`claims.delivered`: how much of a commitment's amount the evidence shows delivered (same unit).

    Fulfilment alone cannot say how much of a partly kept $10 billion pledge arrived; the commitments
    tracker sums this beside the pledged amounts. The tracker's covering index gains the column, and the
    `facts` view shows it.
    """
    db.executescript(
        """
        ALTER TABLE claims ADD COLUMN delivered REAL;
        DROP INDEX claims_commitment;
        CREATE INDEX claims_commitment
            ON claims(kind, committer, speaker, unit, fulfilment, deadline, amount, delivered);
        DROP VIEW facts;
        CREATE VIEW facts AS
        SELECT claims.id, claims.kind, claims.status, claims.statement, claims.quote, claims.value,
               claims.unit, claims.qualifier, claims.period, claims.subject, claims.speaker,
               claims.attribution, claims.committer, claims.amount, claims.deadline, claims.fulfilment,
               claims.stated_on, sources.title AS source_title, sources.outlet, sources.url AS source_url,
               sources.published, claims.source_id, claims.start, claims."end", claims.delivered
          FROM claims JOIN sources ON sources.id = claims.source_id;
        """
    )


_QUOTE_MISMATCH = (
    "EXISTS (SELECT 1 FROM sources WHERE sources.id = NEW.source_id AND NEW.quote IS NOT "
    'substr(sources.text, NEW.start + 1, NEW."end" - NEW.start))'
)
_SOURCE_BREAKS_QUOTES = (
    "EXISTS (SELECT 1 FROM claims WHERE claims.source_id = NEW.id "
    'AND claims.quote IS NOT substr(NEW.text, claims.start + 1, claims."end" - claims.start))'
)
"""SQLite's substr counts characters of TEXT, as Python's str slicing does, so `start`/`end` mean the same."""


@migrations()
def m008_schema_guards(db: Database) -> None:
    """The schema keeps the promises README makes even against raw SQL from sqlite3 or sqlite-utils.

    History: `INSERT OR REPLACE`/`REPLACE INTO` deletes the old row without firing the delete trigger
    (SQLite fires it only with recursive_triggers, which a shell does not set), so an insert that would
    replace an existing id is refused before it happens. Facts: a quote must be the exact characters of
    its source at start-end, checked on insert, on every change of quote, span or source, and when a
    source's text changes under its facts (or a source arrives after its facts, as with foreign keys off).
    """
    db.executescript(
        f"""
        CREATE TRIGGER history_no_replace BEFORE INSERT ON history
        WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM history WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'history is append-only: rows cannot be replaced'); END;
        CREATE TRIGGER claims_quote_on_insert BEFORE INSERT ON claims
        WHEN {_QUOTE_MISMATCH}
        BEGIN SELECT RAISE(ABORT, 'a fact''s quote must be the exact words of its source at start-end'); END;
        CREATE TRIGGER claims_quote_on_update BEFORE UPDATE OF quote, start, "end", source_id ON claims
        WHEN {_QUOTE_MISMATCH}
        BEGIN SELECT RAISE(ABORT, 'a fact''s quote must be the exact words of its source at start-end'); END;
        CREATE TRIGGER sources_text_keeps_quotes BEFORE UPDATE OF text, id ON sources
        WHEN {_SOURCE_BREAKS_QUOTES}
        BEGIN SELECT RAISE(ABORT, 'a source''s text cannot change under the quotes of its facts'); END;
        CREATE TRIGGER sources_insert_keeps_quotes BEFORE INSERT ON sources
        WHEN {_SOURCE_BREAKS_QUOTES}
        BEGIN SELECT RAISE(ABORT, 'a fact''s quote must be the exact words of its source at start-end'); END;
        """
    )


@migrations()
def m009_source_versions(db: Database) -> None:
    """Versions of a source: `sources.lineage` and `sources.version` (existing sources are version 1, with
    no rewrite), and `anchors`, each fact's last re-anchoring in a newer version (see `storage.versions`)."""
    versions.create(db)


@migrations()
def m010_fact_versions(db: Database) -> None:
    """`claims.version`: a fact's edit count, so an edit based on a stale read can be refused (no lost
    updates when two windows or two people edit one fact).

    Existing facts start at 1 (the column default, no rewrite). The database moves it on every update, so
    no client, not even raw SQL from sqlite3, can forget to: an update that does not raise it itself gets
    the old version + 1 (an update may only raise it, as on PostgreSQL). SQLite cannot assign NEW in a
    BEFORE trigger, so an AFTER trigger updates the row; its own UPDATE raises the version, so with
    recursive triggers on (as ledgers are opened) the WHEN clause stops it firing a second time. The
    search index's update trigger is re-created for the indexed columns only, so that bump does not
    rewrite the fact's search entry a second time.
    """
    db.executescript(
        """
        ALTER TABLE claims ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        CREATE TRIGGER claims_version AFTER UPDATE ON claims WHEN NEW.version <= OLD.version
        BEGIN UPDATE claims SET version = OLD.version + 1 WHERE rowid = NEW.rowid; END;
        DROP TRIGGER claims_au;
        CREATE TRIGGER "claims_au" AFTER UPDATE OF "statement", "quote", "subject", "speaker", "committer"
        ON "claims" BEGIN
          INSERT INTO "claims_fts" ("claims_fts", rowid, "statement", "quote", "subject", "speaker", "committer")
          VALUES('delete', old.rowid, old."statement", old."quote", old."subject", old."speaker", old."committer");
          INSERT INTO "claims_fts" (rowid, "statement", "quote", "subject", "speaker", "committer")
          VALUES (new.rowid, new."statement", new."quote", new."subject", new."speaker", new."committer");
        END;
        """
    )


SCHEMA_VERSION = len(migrations._migrations)
KNOWN_MIGRATIONS = frozenset(m.name for m in migrations._migrations)
