"""The ledger's schema on PostgreSQL: the SQLite ledger's documented tables, columns and views, and its
promises kept by the server.

Same names, same columns in the same order, same vocabularies (CHECK constraints), so a ledger copies
between the engines table by table and the README's column documentation holds for both. Types are the
nearest PostgreSQL ones: TEXT, INTEGER/BIGINT, DOUBLE PRECISION for SQLite's REAL, BYTEA for BLOB.
What SQLite does with its own features is done here with PostgreSQL's:

- history is append-only: row triggers refuse UPDATE and DELETE, a statement trigger refuses TRUNCATE;
  the actor and time of a new history row are filled in by the server (`session_user`, the server's
  clock), so no client can write history as someone else (only the ledger's owner, copying a ledger
  in with `factledger.keep_history` set, keeps the recorded actors and times);
- a fact's quote must be the exact characters of its source at start-end (PostgreSQL's `substr` counts
  characters of a UTF-8 database as Python's slicing does; the ledger refuses other encodings);
- full-text search is a GIN index over `to_tsvector('simple', ...)` of the same columns as SQLite's FTS5
  tables (the 'simple' configuration, like FTS5's unicode61 tokenizer, does not stem);
- `claims.stated_day` is a stored generated column computed by `factledger_iso_day`, which reads dates
  exactly as the SQLite expression does (julianday's leniency included: 2024-02-30 is 2024-03-01);
- every trigger function names its search path (`pg_catalog`, the ledger's schema, `pg_temp` last), and
  the helpers they call inherit it, so a session's own `search_path` or temporary tables cannot stand in
  for the ledger's tables (helpers called directly run with the caller's rights, which gain nothing);
- `timeline_counts` is kept by triggers with one row per key (`UNIQUE NULLS NOT DISTINCT`, PostgreSQL 15);
  they run with the owner's rights (SECURITY DEFINER), so no team role may write the summary itself;
- final verdicts are the editors': a trigger refuses, to anyone not in `factledger_editor` (or the
  owner), a status change to or from verified, false, partly true, disputed or unverifiable.
"""

from __future__ import annotations

from factledger.domain.anchors import AnchorState

_KINDS = "'claim', 'commitment', 'statistic'"
_STATUSES = "'unverified', 'in_review', 'verified', 'partly_true', 'disputed', 'false', 'unverifiable'"
_FULFILMENT = "'announced', 'in_progress', 'fulfilled', 'partially_fulfilled', 'stalled', 'broken'"
_ATTRIBUTION = (
    "'on_record', 'spokesperson', 'on_background', 'anonymous', 'document', 'outlet', 'reader_comment'"
)
_QUALIFIERS = "'at least', 'at most', 'more than', 'less than', 'approximately', 'nearly', 'up to'"
_ANCHOR_STATES = ", ".join(f"'{s}'" for s in AnchorState)

FINAL_VERDICTS = ("verified", "false", "partly_true", "disputed", "unverifiable")
"""Statuses only an editor may set (or take back): the desk's sign-off."""

READER_ROLE = "factledger_reader"
CHECKER_ROLE = "factledger_checker"
EDITOR_ROLE = "factledger_editor"

CLAIMS_DOCUMENT = (
    "to_tsvector('simple'::regconfig, coalesce(statement, '') || ' ' || coalesce(quote, '') || ' ' || "
    "coalesce(subject, '') || ' ' || coalesce(speaker, '') || ' ' || coalesce(committer, ''))"
)
"""The searchable text of a fact; queries must repeat this expression for the GIN index to serve them."""
SOURCES_DOCUMENT = (
    "to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(outlet, '') || ' ' || "
    "coalesce(text, ''))"
)

SCHEMA_PLACEHOLDER = "@LEDGER_SCHEMA@"
"""Stands for the ledger's schema (quoted) in the migrations' SQL; replaced when they run."""

TABLES = f"""
CREATE FUNCTION factledger_iso_day(value text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    y integer;
    m integer;
    d integer;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    ELSIF value ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}' THEN
        y := substr(value, 1, 4)::integer; m := substr(value, 6, 2)::integer; d := substr(value, 9, 2)::integer;
    ELSIF value ~ '^[0-9]{{4}}-[0-9]{{2}}$' THEN
        y := substr(value, 1, 4)::integer; m := substr(value, 6, 2)::integer; d := 1;
    ELSIF value ~ '^[0-9]{{4}}$' THEN
        y := value::integer; m := 1; d := 1;
    ELSE
        RETURN NULL;
    END IF;
    IF m < 1 OR m > 12 OR d < 1 OR d > 31 THEN
        RETURN NULL;
    END IF;
    -- SQLite's year 0 is PostgreSQL's 1 BC; days past a month's end run into the next month as julianday's do
    RETURN (make_date(CASE WHEN y = 0 THEN -1 ELSE y END, m, 1) - DATE '1970-01-01') + (d - 1);
END
$$;

CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'article',
    title TEXT,
    outlet TEXT,
    url TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    imported_at TEXT NOT NULL,
    language TEXT,
    text TEXT NOT NULL,
    content_sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT,
    media_type TEXT NOT NULL,
    lineage TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sources_lineage ON sources(lineage, version) WHERE lineage IS NOT NULL;
CREATE INDEX sources_url ON sources(url) WHERE url IS NOT NULL;
CREATE INDEX sources_title ON sources(title, outlet) WHERE title IS NOT NULL;
CREATE INDEX sources_search ON sources USING gin ({SOURCES_DOCUMENT});

CREATE TABLE originals (
    source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    file_name TEXT,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BYTEA NOT NULL
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
    value DOUBLE PRECISION,
    unit TEXT,
    qualifier TEXT CHECK (qualifier IS NULL OR qualifier IN ({_QUALIFIERS})),
    period TEXT,
    committer TEXT,
    action TEXT,
    amount DOUBLE PRECISION,
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
    updated_at TEXT NOT NULL,
    stated_day INTEGER GENERATED ALWAYS AS (factledger_iso_day(stated_on)) STORED,
    delivered DOUBLE PRECISION
);
CREATE INDEX claims_source ON claims(source_id, start, id);
CREATE INDEX claims_status ON claims(status, id);
CREATE INDEX claims_kind ON claims(kind, id);
CREATE INDEX claims_attribution ON claims(attribution, id);
CREATE INDEX claims_subject ON claims(subject, id);
CREATE INDEX claims_speaker ON claims(speaker, id);
CREATE INDEX claims_value ON claims(value, id);
CREATE INDEX claims_unit ON claims(unit, id);
CREATE INDEX claims_stated_on ON claims(stated_on, id);
CREATE INDEX claims_updated ON claims(updated_at, id);
CREATE INDEX claims_statement ON claims(statement, id);
CREATE INDEX claims_chart_day ON claims(stated_day, subject, status, kind, source_id, stated_on);
CREATE INDEX claims_status_kind ON claims(status, kind, verified_at);
CREATE INDEX claims_figures ON claims(subject, unit, period, source_id, value, amount)
    WHERE COALESCE(value, amount) IS NOT NULL AND subject IS NOT NULL;
CREATE INDEX claims_commitment
    ON claims(kind, committer, speaker, unit, fulfilment, deadline, amount, delivered);
CREATE INDEX claims_search ON claims USING gin ({CLAIMS_DOCUMENT});

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
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    claim_id TEXT,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    before TEXT,
    after TEXT,
    reason TEXT
);
CREATE INDEX history_claim ON history(claim_id, id);

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
    value DOUBLE PRECISION,
    unit TEXT,
    qualifier TEXT,
    period TEXT,
    subject TEXT,
    speaker TEXT,
    attribution TEXT,
    committer TEXT,
    action TEXT,
    amount DOUBLE PRECISION,
    deadline TEXT,
    cue TEXT NOT NULL DEFAULT '',
    score DOUBLE PRECISION NOT NULL DEFAULT 0,
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

CREATE TABLE anchors (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ({_ANCHOR_STATES})),
    from_source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    to_source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    old_quote TEXT NOT NULL,
    new_quote TEXT,
    score DOUBLE PRECISION NOT NULL,
    figures TEXT,
    at TEXT NOT NULL
);
CREATE INDEX anchors_state ON anchors(state, claim_id);
CREATE INDEX anchors_to_source ON anchors(to_source);
CREATE INDEX anchors_from_source ON anchors(from_source);

CREATE VIEW facts AS
SELECT claims.id, claims.kind, claims.status, claims.statement, claims.quote, claims.value,
       claims.unit, claims.qualifier, claims.period, claims.subject, claims.speaker,
       claims.attribution, claims.committer, claims.amount, claims.deadline, claims.fulfilment,
       claims.stated_on, sources.title AS source_title, sources.outlet, sources.url AS source_url,
       sources.published, claims.source_id, claims.start, claims."end", claims.delivered
  FROM claims JOIN sources ON sources.id = claims.source_id;

CREATE VIEW claim_history AS
SELECT history.claim_id, history.at, history.actor, history.action, history.reason,
       history.before, history.after
  FROM history WHERE history.claim_id IS NOT NULL;
"""

GUARDS = """
CREATE FUNCTION factledger_is_owner(relation oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = relation), 'MEMBER')
$$;

CREATE FUNCTION factledger_history_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'history is append-only: rows cannot be changed';
    ELSIF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'history is append-only: rows cannot be deleted';
    END IF;
    RAISE EXCEPTION 'history is append-only: it cannot be emptied';
END
$$;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
    FOR EACH ROW EXECUTE FUNCTION factledger_history_append_only();
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
    FOR EACH ROW EXECUTE FUNCTION factledger_history_append_only();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
    FOR EACH STATEMENT EXECUTE FUNCTION factledger_history_append_only();

CREATE FUNCTION factledger_history_who() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
BEGIN
    IF coalesce(current_setting('factledger.keep_history', true), '') = 'on'
       AND factledger_is_owner(TG_RELID) THEN
        RETURN NEW;  -- the owner copying a ledger in keeps its recorded actors and times
    END IF;
    -- and the row's number is the server's too: a chosen id could block everyone's next entries
    NEW.id := nextval(pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.history', 'id'));
    NEW.actor := session_user;
    NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    RETURN NEW;
END
$$;
CREATE TRIGGER history_who BEFORE INSERT ON history
    FOR EACH ROW EXECUTE FUNCTION factledger_history_who();

CREATE FUNCTION factledger_claim_quote() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM sources WHERE sources.id = NEW.source_id
               AND NEW.quote IS DISTINCT FROM
                   substr(sources.text, NEW.start + 1, greatest(NEW."end" - NEW.start, 0))) THEN
        RAISE EXCEPTION 'a fact''s quote must be the exact words of its source at start-end';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER claims_quote_on_insert BEFORE INSERT ON claims
    FOR EACH ROW EXECUTE FUNCTION factledger_claim_quote();
CREATE TRIGGER claims_quote_on_update BEFORE UPDATE OF quote, start, "end", source_id ON claims
    FOR EACH ROW EXECUTE FUNCTION factledger_claim_quote();

CREATE FUNCTION factledger_source_keeps_quotes() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM claims WHERE claims.source_id = NEW.id
               AND claims.quote IS DISTINCT FROM
                   substr(NEW.text, claims.start + 1, greatest(claims."end" - claims.start, 0))) THEN
        RAISE EXCEPTION 'a source''s text cannot change under the quotes of its facts';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER sources_text_keeps_quotes BEFORE UPDATE OF text, id ON sources
    FOR EACH ROW EXECUTE FUNCTION factledger_source_keeps_quotes();
"""

TIMELINE = """
CREATE TABLE timeline_counts (
    month INTEGER,
    stated TEXT,
    subject TEXT,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    n BIGINT NOT NULL,
    CONSTRAINT timeline_counts_one_row UNIQUE NULLS NOT DISTINCT (month, stated, subject, status, kind)
);
CREATE INDEX timeline_counts_key ON timeline_counts(month, subject, status, kind, stated, n);

CREATE FUNCTION factledger_month(day integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT trunc((day + 719162) / 30.4375)::integer
$$;

-- add `delta` facts under the key of a date: its month when ISO, else the text itself (NULL: undated)
CREATE FUNCTION factledger_timeline_add(
    dated text, p_subject text, p_status text, p_kind text, delta bigint
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    day integer := factledger_iso_day(dated);
    key_month integer := factledger_month(day);
    key_stated text := CASE WHEN day IS NULL THEN dated END;
BEGIN
    INSERT INTO timeline_counts AS t (month, stated, subject, status, kind, n)
    VALUES (key_month, key_stated, p_subject, p_status, p_kind, delta)
    ON CONFLICT ON CONSTRAINT timeline_counts_one_row DO UPDATE SET n = t.n + EXCLUDED.n;
    DELETE FROM timeline_counts
     WHERE month IS NOT DISTINCT FROM key_month AND stated IS NOT DISTINCT FROM key_stated
       AND subject IS NOT DISTINCT FROM p_subject AND status = p_status AND kind = p_kind AND n <= 0;
END
$$;

-- a fact's date: its own stated_on, else its source's published date
CREATE FUNCTION factledger_claim_dated(p_stated_on text, p_source_id text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(p_stated_on, (SELECT sources.published FROM sources WHERE sources.id = p_source_id))
$$;

CREATE FUNCTION factledger_timeline_claims() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM factledger_timeline_add(factledger_claim_dated(OLD.stated_on, OLD.source_id),
                                        OLD.subject, OLD.status, OLD.kind, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM factledger_timeline_add(factledger_claim_dated(NEW.stated_on, NEW.source_id),
                                        NEW.subject, NEW.status, NEW.kind, 1);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER timeline_counts_claims_ai AFTER INSERT ON claims
    FOR EACH ROW EXECUTE FUNCTION factledger_timeline_claims();
CREATE TRIGGER timeline_counts_claims_ad AFTER DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION factledger_timeline_claims();
CREATE TRIGGER timeline_counts_claims_au AFTER UPDATE OF stated_on, source_id, subject, status, kind ON claims
    FOR EACH ROW WHEN (OLD.stated_on IS DISTINCT FROM NEW.stated_on OR OLD.source_id IS DISTINCT FROM NEW.source_id
                       OR OLD.subject IS DISTINCT FROM NEW.subject OR OLD.status IS DISTINCT FROM NEW.status
                       OR OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION factledger_timeline_claims();

-- the whole summary counted afresh in one grouped pass: a copy fills claims with the insert trigger off
-- and calls this, because a million upserts of the same keys in one transaction walk ever longer row
-- version chains
CREATE FUNCTION factledger_timeline_rebuild() RETURNS void
LANGUAGE sql SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
    DELETE FROM timeline_counts;
    INSERT INTO timeline_counts (month, stated, subject, status, kind, n)
    SELECT factledger_month(factledger_iso_day(dated)),
           CASE WHEN factledger_iso_day(dated) IS NULL THEN dated END, subject, status, kind, count(*)
      FROM (SELECT coalesce(claims.stated_on, sources.published) AS dated, claims.subject, claims.status,
                   claims.kind
              FROM claims LEFT JOIN sources ON sources.id = claims.source_id) AS facts
     GROUP BY 1, 2, 3, 4, 5;
$$;

-- a source's facts without their own date move with its published date; BEFORE DELETE, because the
-- cascade deletes them once the source row is gone, when they can no longer find its date
CREATE FUNCTION factledger_timeline_sources() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
DECLARE
    src text := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    new_date text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.published END;
    g record;
BEGIN
    FOR g IN SELECT claims.subject, claims.status, claims.kind, count(*) AS c FROM claims
              WHERE claims.source_id = src AND claims.stated_on IS NULL GROUP BY 1, 2, 3 LOOP
        PERFORM factledger_timeline_add(new_date, g.subject, g.status, g.kind, g.c);
        PERFORM factledger_timeline_add(OLD.published, g.subject, g.status, g.kind, -g.c);
    END LOOP;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER timeline_counts_sources_au AFTER UPDATE OF published ON sources
    FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published)
    EXECUTE FUNCTION factledger_timeline_sources();
CREATE TRIGGER timeline_counts_sources_bd BEFORE DELETE ON sources
    FOR EACH ROW WHEN (OLD.published IS NOT NULL)
    EXECUTE FUNCTION factledger_timeline_sources();
"""

VERDICTS = f"""
CREATE FUNCTION factledger_final_verdicts() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
DECLARE
    final text[] := ARRAY[{", ".join(f"'{v}'" for v in FINAL_VERDICTS)}];
    touched text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        touched := CASE WHEN NEW.status = ANY(final) THEN NEW.status END;
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        touched := CASE WHEN NEW.status = ANY(final) THEN NEW.status
                        WHEN OLD.status = ANY(final) THEN OLD.status END;
    END IF;
    IF touched IS NULL OR factledger_is_owner(TG_RELID)
       OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{EDITOR_ROLE}')
           AND pg_has_role(session_user, '{EDITOR_ROLE}', 'MEMBER')) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'only an editor may give or take back the verdict "%" (% is not in {EDITOR_ROLE})',
        replace(touched, '_', ' '), session_user
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER claims_final_verdicts BEFORE INSERT OR UPDATE OF status ON claims
    FOR EACH ROW EXECUTE FUNCTION factledger_final_verdicts();
"""

FACT_VERSIONS = """
ALTER TABLE claims ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE FUNCTION factledger_claim_version() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, @LEDGER_SCHEMA@, pg_temp AS $$
BEGIN
    NEW.version := greatest(NEW.version, OLD.version + 1);
    RETURN NEW;
END
$$;
CREATE TRIGGER claims_version BEFORE UPDATE ON claims
    FOR EACH ROW EXECUTE FUNCTION factledger_claim_version();
"""
"""SQLite's m010: `claims.version`, moved on by the server on every update of a fact (to the old version
+ 1 unless the update raises it further itself, as SQLite's trigger does), so an edit based on an older version can be refused instead of overwriting a newer one."""

SCHEMA_TABLE = """
CREATE TABLE factledger_schema (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
"""
"""One row per migration applied; the highest `version` is the ledger's schema version."""

COPIED_TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sources", ("id",)),
    ("originals", ("source_id",)),
    ("claims", ("id",)),
    ("suggestions", ("id",)),
    ("evidence", ("id",)),
    ("links", ("id",)),
    ("dismissed", ("source_id", "kind", "start", "end")),
    ("anchors", ("claim_id",)),
    ("settings", ("key",)),
    ("history", ("id",)),
)
"""The ledger's own data, in an order that satisfies the foreign keys, each with its primary key.

`timeline_counts` and the full-text indexes are derived: each engine rebuilds them from these rows."""

GENERATED_COLUMNS = frozenset({("claims", "stated_day")})
"""Computed by each engine from other columns: never written, compared after a copy like any other."""

__all__ = [
    "CHECKER_ROLE",
    "CLAIMS_DOCUMENT",
    "COPIED_TABLES",
    "EDITOR_ROLE",
    "FACT_VERSIONS",
    "FINAL_VERDICTS",
    "GENERATED_COLUMNS",
    "GUARDS",
    "READER_ROLE",
    "SCHEMA_TABLE",
    "SOURCES_DOCUMENT",
    "TABLES",
    "TIMELINE",
    "VERDICTS",
]
