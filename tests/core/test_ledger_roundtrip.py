"""The core facade: sources, claims, statuses, evidence, history and undo, with no Qt anywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factledger.core import EvidenceInput, Ledger, operations
from factledger.domain import (
    ClaimFilter,
    ClaimKind,
    ClaimOrder,
    Document,
    Stance,
    Status,
    Suggestion,
    UserError,
)

ARTICLE = (
    "Toyota to invest more\n\n"
    "Toyota committed to invest another $10 billion in the United States over five years, a company "
    "official said. Only 16,707 American-made vehicles were exported to Japan in 2024, less than 1% of "
    "the market.\n\n"
    "Japan has committed to invest $500 billion in the U.S., the White House said."
)
SECOND = "A trade ministry table shows 16,707 vehicles shipped from the United States to Japan in 2024."


def _doc(text: str = ARTICLE, **meta: object) -> Document:
    return Document(text=text, title="Toyota to invest more", published="2025-10-28", **meta)  # type: ignore[arg-type]


def _store(ledger: Ledger, text: str = ARTICLE, suggestions: list[Suggestion] | None = None) -> str:
    result = ledger.import_document(_doc(text), suggestions or [])
    assert result.source_id is not None
    return result.source_id


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_a_logged_claim_reads_back_with_its_exact_quote_and_source_date(ledger: Ledger) -> None:
    """A logged claim reads back with its exact quote from the source, its value and the source's date."""
    source_id = _store(ledger)
    start, end = _span(ARTICLE, "invest another $10 billion")
    claim_id, changes = ledger.log_claim(
        source_id=source_id,
        start=start,
        end=end,
        kind="statistic",
        value="10,000,000,000",
        unit="USD",
        subject="Toyota",
    )
    claim = ledger.claim(claim_id)
    assert claim.quote == ARTICLE[start:end] == ledger.source(source_id).text[claim.start : claim.end]
    assert claim.value == 1e10 and claim.unit == "USD" and claim.kind is ClaimKind.STATISTIC
    assert claim.stated_on == "2025-10-28"
    assert "Toyota committed" in claim.statement
    assert changes.claims == {claim_id} and changes.history


def test_the_same_article_twice_is_one_source(ledger: Ledger) -> None:
    """Importing the same article twice reports a duplicate and keeps one source."""
    first = ledger.import_document(_doc())
    second = ledger.import_document(_doc())
    assert first.outcome == "imported" and second.outcome == "duplicate"
    assert second.source_id == first.source_id
    assert ledger.info().sources == 1


def test_a_claim_whose_quote_is_not_the_source_text_is_refused(ledger: Ledger) -> None:
    """A claim whose quote is not the source text, or whose span runs past it, is refused and not logged."""
    source_id = _store(ledger)
    with pytest.raises(UserError, match="does not match"):
        ledger.log_claim(source_id=source_id, start=0, end=6, kind="claim", quote="Nissan")
    with pytest.raises(UserError, match="outside"):
        ledger.log_claim(source_id=source_id, start=10, end=10_000, kind="claim")
    assert ledger.count_claims() == 0


def test_a_verdict_against_a_claim_needs_a_reason(ledger: Ledger) -> None:
    """Marking a claim false without a reason is refused and the claim stays unverified."""
    source_id = _store(ledger)
    claim_id, _ = ledger.log_claim(source_id=source_id, start=0, end=6, kind="claim")
    with pytest.raises(UserError, match="reason"):
        ledger.set_status(claim_id, status="false")
    assert ledger.claim(claim_id).status is Status.UNVERIFIED


def test_status_with_evidence_from_a_second_source_is_logged_and_undoable(ledger: Ledger) -> None:
    """A status with evidence quoted from a second source is logged in the history; undo takes both back."""
    source_id = _store(ledger)
    other_id = _store(ledger, SECOND)
    start, end = _span(ARTICLE, "Only 16,707 American-made vehicles were exported")
    claim_id, _ = ledger.log_claim(source_id=source_id, start=start, end=end, kind="statistic")
    e_start, e_end = _span(SECOND, "16,707 vehicles shipped")
    edit = operations.set_status(
        claim_id=claim_id,
        status="verified",
        reason="Matches the trade ministry table.",
        evidence=EvidenceInput(stance=Stance.SUPPORTS, source_id=other_id, start=e_start, end=e_end),
    )
    ledger.apply(edit)
    claim = ledger.claim(claim_id)
    assert claim.status is Status.VERIFIED and claim.verified_by == "Test Reviewer"
    [evidence] = ledger.evidence(claim_id)
    assert evidence.quote == "16,707 vehicles shipped" and evidence.source_id == other_id
    actions = [h.action for h in ledger.history(claim_id)]
    assert actions == ["create", "status", "add evidence"]

    ledger.revert(edit)
    assert ledger.claim(claim_id).status is Status.UNVERIFIED
    assert ledger.evidence(claim_id) == []
    assert [h.action for h in ledger.history(claim_id)][-2:] == ["undo add evidence", "undo status"]


def test_edit_records_before_and_after_and_undo_restores(ledger: Ledger) -> None:
    """An edit records the before and after values in the history, and undo restores the old ones."""
    source_id = _store(ledger)
    claim_id, _ = ledger.log_claim(source_id=source_id, start=0, end=6, kind="claim", subject="Toyota")
    edit = operations.edit_claim(
        claim_id=claim_id, subject="Toyota Motor", speaker="a company official", attribution="on background"
    )
    ledger.apply(edit)
    event = ledger.history(claim_id)[-1]
    assert json.loads(event.before or "{}") == {"subject": "Toyota", "speaker": None, "attribution": None}
    assert json.loads(event.after or "{}")["attribution"] == "on_background"
    ledger.revert(edit)
    assert ledger.claim(claim_id).subject == "Toyota"
    assert ledger.claim(claim_id).attribution is None


def test_unknown_vocabulary_and_bad_numbers_are_user_errors(ledger: Ledger) -> None:
    """An unknown sourcing type, a value that is not a number, or a status set through edit is a user error
    naming the problem."""
    source_id = _store(ledger)
    claim_id, _ = ledger.log_claim(source_id=source_id, start=0, end=6, kind="claim")
    with pytest.raises(UserError, match="sourcing type"):
        ledger.edit_claim(claim_id, attribution="rumour")
    with pytest.raises(UserError, match="not a number"):
        ledger.edit_claim(claim_id, value="ten-ish")
    with pytest.raises(UserError, match="status command"):
        ledger.edit_claim(claim_id, status="verified")


def test_accept_and_dismiss_suggestions_and_undo_both(ledger: Ledger) -> None:
    """Accepting a suggestion makes a claim with its value, dismissing one removes it for good, and undo
    takes the claim back."""
    start, end = _span(ARTICLE, "less than 1% of the market")
    suggestions = [
        Suggestion(
            ClaimKind.STATISTIC, start, end, ARTICLE[start:end], value=1.0, unit="%", cue="percentage"
        ),
        Suggestion(ClaimKind.CLAIM, 0, 6, ARTICLE[0:6], cue="headline"),
    ]
    source_id = _store(ledger, suggestions=suggestions)
    open_ = ledger.suggestions(source_id)
    assert [s.suggestion.quote for s in open_] == ["Toyota", "less than 1% of the market"]
    accept = operations.accept(suggestion_id=open_[1].id)
    ledger.apply(accept)
    claim = ledger.claim(accept.claim_id)
    assert (
        claim.value == 1.0 and claim.unit == "%" and claim.cue == "percentage" and claim.origin == "suggested"
    )
    dismiss_changes = ledger.dismiss(open_[0].id)
    assert dismiss_changes.suggestions == {source_id}
    assert ledger.suggestions(source_id) == []

    ledger.refresh_suggestions(source_id)  # dismissed and logged spans stay out
    assert all(s.suggestion.quote not in ("Toyota",) for s in ledger.suggestions(source_id))

    ledger.revert(accept)
    assert ledger.count_claims() == 0


def test_delete_and_undo_puts_back_evidence(ledger: Ledger) -> None:
    """Undoing a deleted claim brings back the claim and its evidence."""
    source_id = _store(ledger)
    claim_id, _ = ledger.log_claim(source_id=source_id, start=0, end=6, kind="claim")
    ledger.add_evidence(claim_id, evidence=EvidenceInput(url="https://example.org/table", quote="16,707"))
    from factledger.core import DeleteClaim

    edit = DeleteClaim(claim_id)
    ledger.apply(edit)
    assert ledger.count_claims() == 0
    ledger.revert(edit)
    assert ledger.claim(claim_id).quote == "Toyota"
    assert ledger.evidence(claim_id)[0].url == "https://example.org/table"


def test_filters_sorting_paging_and_search(ledger: Ledger) -> None:
    """Claims can be filtered by status and kind, sorted, paged and searched by prefix, and a malformed
    search returns no error."""
    source_id = _store(ledger)
    ids = []
    for quote, kind in [("Toyota", "claim"), ("$10 billion", "statistic"), ("$500 billion", "commitment")]:
        start, end = _span(ARTICLE, quote)
        ids.append(ledger.log_claim(source_id=source_id, start=start, end=end, kind=kind, subject=quote)[0])
    ledger.set_status(ids[1], status="verified", reason="ok")
    assert [c.id for c in ledger.claims(ClaimFilter(statuses=frozenset({Status.VERIFIED})))] == [ids[1]]
    assert ledger.count_claims(ClaimFilter(kinds=frozenset({ClaimKind.COMMITMENT}))) == 1
    by_subject = ledger.claims(order=ClaimOrder("subject", descending=False))
    assert [c.subject for c in by_subject] == ["$10 billion", "$500 billion", "Toyota"]
    assert [
        c.subject for c in ledger.claims(order=ClaimOrder("subject", descending=False), offset=1, limit=1)
    ] == ["$500 billion"]
    hits = ledger.search("white hou")
    assert any(h.entity == "claim" and h.id == ids[2] for h in hits)
    assert ledger.search('"NOT(') == [] or isinstance(ledger.search('"NOT('), list)
    assert ledger.count_claims(ClaimFilter(text="billion")) == 2


def test_history_rows_cannot_be_changed_or_deleted_even_with_raw_sql(ledger_path: Path) -> None:
    """History rows cannot be updated or deleted, even with raw SQL from outside the app."""
    import sqlite3

    with Ledger.open(ledger_path) as ledger:
        source_id = _store(ledger)
        ledger.log_claim(source_id=source_id, start=0, end=6, kind="claim")
    conn = sqlite3.connect(ledger_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE history SET actor = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM history")
    assert conn.execute("SELECT count(*) FROM history").fetchone()[0] == 2
    conn.close()
