"""Fact-sheet rows as storage streams them from a ledger: order, context, evidence, filters, one snapshot."""

from __future__ import annotations

import json
import sqlite3
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factledger.core import Ledger
from factledger.core.edits import EvidenceInput
from factledger.domain import ClaimFilter, Document, Stance
from factledger.domain.factsheet import CSV_COLUMNS, EvidenceRef, FactSheetRow
from factledger.storage.factsheet import CONTEXT_CHARS, context_around_quote
from factledger.storage.sqlite_store import sqlite_database

# The single statement the streaming reader replaced, kept as the oracle its rows must equal (with the
# evidence ordered inside a subquery: an ORDER BY beside an aggregate does not order what it aggregates).
REFERENCE_SQL = """
SELECT claims.id, claims.kind, claims.statement, claims.quote, claims.value, claims.unit, claims.qualifier,
       claims.period, claims.subject, claims.speaker, claims.attribution, claims.committer, claims.action,
       claims.amount, claims.deadline, claims.fulfilment, claims.status, claims.status_reason,
       claims.verified_by, claims.verified_at, s.title, s.outlet, s.url, s.published,
       (SELECT json_group_array(json_array(stance, source_id, title, surl, url, quote, note, start, "end"))
          FROM (SELECT e.stance, e.source_id, es.title, es.url AS surl, e.url, e.quote, e.note, e.start,
                       e."end"
                  FROM evidence e LEFT JOIN sources es ON es.id = e.source_id
                 WHERE e.claim_id = claims.id ORDER BY e.added_at, e.id)),
       replace(replace(
           substr(s.text, max(1, claims.start + 1 - :context), min(claims.start, :context)) || claims.quote
           || substr(s.text, claims."end" + 1, :context), char(10), ' '), char(9), ' '),
       claims.start > :context,
       length(substr(s.text, claims."end" + 1, :context + 1)) > :context,
       claims.source_id, claims.stated_on, claims.start, claims."end"
  FROM claims JOIN sources s ON s.id = claims.source_id
 ORDER BY coalesce(s.published, s.imported_at), s.id, claims.start, claims.id
"""
FIELDS = CSV_COLUMNS[: CSV_COLUMNS.index("evidence")]  # the row fields the reference selects first

LONG = (
    "Opening line of the report.\n\tThe ministry said 4,200 homes were built in 2024, up from 3,900. "
    + "Filler sentence about the region and its people. " * 6
    + "Officials promised 10,000 more by 2027.\n\nA closing paragraph follows here."
)
SHORT = "Prices rose 3% last year."


def reference_rows(db: sqlite3.Connection) -> list[FactSheetRow]:
    """What the single-statement export produced, as rows."""
    rows = []
    for r in db.execute(REFERENCE_SQL, {"context": CONTEXT_CHARS}):
        context = ("…" if r[26] else "") + r[25].strip() + ("…" if r[27] else "")
        evidence = tuple(
            EvidenceRef(
                stance=Stance(e[0]),
                source_id=e[1],
                source_title=e[2],
                source_url=e[3],
                url=e[4],
                quote=e[5],
                note=e[6],
                start=e[7],
                end=e[8],
            )
            for e in json.loads(r[24])
        )
        fields = dict(zip(FIELDS, r[:24], strict=True))
        rows.append(
            FactSheetRow(
                **fields,
                evidence=evidence,
                context=context,
                source_id=r[28],
                stated_on=r[29],
                claim_start=r[30],
                claim_end=r[31],
            )
        )
    return rows


def _claim(ledger: Ledger, source_id: str, text: str, quote: str, **fields: object) -> str:
    start = text.index(quote)
    claim_id, _ = ledger.log_claim(source_id=source_id, start=start, end=start + len(quote), **fields)
    return claim_id


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    """Sources with and without a publication date (two on the same day), facts near both text ends,
    and evidence whose insertion order differs from the order it was added."""
    ids = {}
    for name, text, published in (
        ("long", LONG, "2024-03-01"),
        ("same-day", LONG.replace("ministry", "agency"), "2024-03-01"),
        ("undated", SHORT, None),
        ("early", SHORT.replace("3%", "7%"), "2019-06-30"),
    ):
        result = ledger.import_document(Document(text=text, title=f"Title {name}", published=published))
        assert result.source_id is not None
        ids[name] = (result.source_id, text)
    long_id, long_text = ids["long"]
    first = _claim(ledger, long_id, long_text, "Opening line", kind="claim")
    _claim(ledger, long_id, long_text, "4,200 homes were built in 2024", kind="statistic", value=4200)
    promise = _claim(ledger, long_id, long_text, "Officials promised 10,000 more by 2027.", kind="commitment")
    _claim(ledger, long_id, long_text, "A closing paragraph", kind="claim", speaker="=cmd")
    same_id, same_text = ids["same-day"]
    _claim(ledger, same_id, same_text, "The agency said", kind="claim")
    for name in ("undated", "early"):
        source_id, text = ids[name]
        _claim(ledger, source_id, text, text[:-1], kind="statistic", status="verified")
    ledger.add_evidence(promise, evidence=EvidenceInput(url="https://a.example", quote="first", note="n"))
    ledger.add_evidence(
        promise, evidence=EvidenceInput(stance=Stance.CONTRADICTS, source_id=ids["early"][0], start=0, end=6)
    )
    ledger.add_evidence(first, evidence=EvidenceInput(stance=Stance.CONTEXT, url="https://c.example"))
    conn = sqlite_database(ledger.store).conn
    # The first piece of evidence on `promise` was added last, although it was inserted first.
    conn.execute(
        "UPDATE evidence SET added_at = '2999-01-01T00:00:00+00:00' WHERE claim_id = ? AND url IS NOT NULL",
        (promise,),
    )
    return ledger


def test_rows_equal_the_single_statement_export(filled: Ledger) -> None:
    """Every field of every row, and their order, match the one-query export they replaced."""
    rows = list(filled.factsheet_rows())
    assert rows == reference_rows(sqlite_database(filled.store).conn)
    assert len(rows) == 7


def test_rows_follow_source_date_then_position(filled: Ledger) -> None:
    """Sources by publication date (import date when undated), ties by source id, facts by offset."""
    rows = list(filled.factsheet_rows())
    keys = [(row.published or "9999", row.source_id, row.claim_start) for row in rows]
    assert keys == sorted(keys)
    assert rows[0].published == "2019-06-30" and rows[-1].published is None


def test_evidence_comes_in_the_order_it_was_added(filled: Ledger) -> None:
    """Each fact gets only its own evidence, earliest added first, whatever the insertion order."""
    [promise] = [row for row in filled.factsheet_rows() if row.kind == "commitment"]
    assert [ref.stance for ref in promise.evidence] == [Stance.CONTRADICTS, Stance.SUPPORTS]
    assert promise.evidence[0].source_title == "Title early" and promise.evidence[1].quote == "first"
    others = [row.evidence for row in filled.factsheet_rows() if row.kind != "commitment"]
    assert sorted(len(refs) for refs in others) == [0, 0, 0, 0, 0, 1]


@pytest.mark.parametrize(
    "claim_filter",
    [
        ClaimFilter(kinds=frozenset({"commitment", "statistic"})),
        ClaimFilter(statuses=frozenset({"unverified"})),
        ClaimFilter(kinds=frozenset({"claim"})),
        ClaimFilter(text="promised"),
    ],
)
def test_a_filter_keeps_the_order_and_the_evidence_of_what_it_selects(
    filled: Ledger, claim_filter: ClaimFilter
) -> None:
    """Filtered rows are exactly the matching unfiltered rows, evidence included, in the same order."""
    everything = list(filled.factsheet_rows())
    chosen = {claim.id for claim in filled.claims(claim_filter, limit=100)}
    assert chosen
    assert list(filled.factsheet_rows(claim_filter)) == [row for row in everything if row.id in chosen]


def test_an_empty_ledger_gives_no_rows(ledger: Ledger) -> None:
    """No facts, no rows, and no transaction left open."""
    assert list(ledger.factsheet_rows()) == []
    assert not sqlite_database(ledger.store).conn.in_transaction


def test_a_write_during_the_export_is_not_seen(filled: Ledger, ledger_path: Path) -> None:
    """The rows come from one snapshot: another connection's change to a later source does not show."""
    rows = filled.factsheet_rows()
    first = next(rows)
    last_source = [row.source_id for row in filled.factsheet_rows()][-1]
    other = sqlite3.connect(ledger_path, isolation_level=None)
    other.execute("UPDATE sources SET title = 'Changed' WHERE id = ?", (last_source,))
    other.close()
    titles = {row.source_title for row in [first, *rows]}
    assert "Changed" not in titles
    assert {row.source_title for row in filled.factsheet_rows()} >= {"Changed"}


def test_stopping_early_ends_the_read_transaction(filled: Ledger) -> None:
    """A preview that takes a few rows leaves the connection free for the next write."""
    assert len(list(islice(filled.factsheet_rows(), 2))) == 2
    assert not sqlite_database(filled.store).conn.in_transaction


def test_a_callers_open_transaction_is_left_to_the_caller(filled: Ledger) -> None:
    """Inside a caller's transaction the rows are read in it, and it is still open afterwards."""
    conn = sqlite_database(filled.store).conn
    conn.execute("BEGIN")
    try:
        assert len(list(filled.factsheet_rows())) == 7
        assert conn.in_transaction
    finally:
        conn.execute("COMMIT")


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab \n\t\r…é😀"), min_size=1, max_size=400),
    data=st.data(),
    width=st.integers(0, 40),
)
def test_context_matches_the_sql_it_replaced(text: str, data: st.DataObject, width: int) -> None:
    """Slicing in Python gives the context SQLite's substr/replace gave, ellipses included."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start + 1, len(text) + 3))
    quote = text[start:end] or "q"
    with sqlite3.connect(":memory:") as db:
        joined, cut_before, cut_after = db.execute(
            "SELECT replace(replace(substr(:t, max(1, :s + 1 - :w), min(:s, :w)) || :q"
            " || substr(:t, :e + 1, :w), char(10), ' '), char(9), ' '),"
            " :s > :w, length(substr(:t, :e + 1, :w + 1)) > :w",
            {"t": text, "s": start, "e": end, "q": quote, "w": width},
        ).fetchone()
    expected = ("…" if cut_before else "") + joined.strip() + ("…" if cut_after else "")
    assert context_around_quote(text, start, end, quote, width) == expected


def test_a_cursor_left_open_on_the_connection_does_not_block_the_export(filled: Ledger) -> None:
    """A half-read query elsewhere on the same connection (a table page) neither fails nor stops the rows."""
    conn = sqlite_database(filled.store).conn
    page = conn.execute("SELECT id FROM claims ORDER BY id")
    page.fetchone()
    assert len(list(filled.factsheet_rows())) == 7
    assert not conn.in_transaction
    assert len(page.fetchall()) == 6


def test_a_commitment_row_carries_its_delivered_amount(ledger: Ledger) -> None:
    """A commitment's fact-sheet row carries both its pledged and its delivered amounts."""
    text = "Japan will invest $550 billion in the United States."
    source = ledger.import_document(Document(text=text, title="pledge"))
    start = text.index("invest")
    claim_id, _ = ledger.log_claim(
        source_id=source.source_id,
        start=start,
        end=start + len("invest $550 billion"),
        kind="commitment",
        amount=550e9,
        unit="USD",
    )
    ledger.edit_claim(claim_id, delivered=120e9)
    (row,) = [r for r in ledger.factsheet_rows() if r.id == claim_id]
    assert (row.amount, row.delivered) == (550e9, 120e9)
