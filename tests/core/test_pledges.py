"""The commitments tracker counts each pledge once: restatements grouped, disagreeing figures shown as a range."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from factledger.core import Ledger
from factledger.core.pledges import Statement, group_pledges
from factledger.domain import ClaimKind, Document
from factledger.reading.inputs import file_input

TODAY = date(2026, 1, 15)


def _statement(claim_id: str, source: str, amount: float | None, **fields: object) -> Statement:
    values: dict[str, object] = {
        "committer": "Toyota",
        "unit": "USD",
        "subject": "Toyota",
        "fulfilment": None,
        "delivered": None,
        "due": None,
        "overdue": False,
    }
    values.update(fields)
    return Statement(claim_id=claim_id, source_id=source, amount=amount, **values)  # type: ignore[arg-type]


def test_the_same_amount_from_one_committer_is_one_pledge_stated_several_times() -> None:
    """Three $10 billion statements by Toyota (one 0.1% off) are one pledge of $10 billion."""
    pledges = group_pledges(
        [_statement("a", "s1", 10e9), _statement("b", "s1", 10e9), _statement("c", "s2", 10.01e9)]
    )
    (pledge,) = pledges
    assert pledge.claim_ids == ("a", "b", "c") and pledge.amounts == (10e9,) and pledge.sources == 2


def test_one_source_naming_two_amounts_names_two_pledges() -> None:
    """A $4 billion plant and a $2.5 billion expansion in one article stay two pledges."""
    pledges = group_pledges([_statement("a", "s1", 4e9), _statement("b", "s1", 2.5e9)])
    assert sorted(p.amounts for p in pledges) == [(2.5e9,), (4e9,)]


def test_far_apart_amounts_in_two_sources_are_two_pledges() -> None:
    """$912 million and $10 billion for the same broad subject are different pledges, not a conflict."""
    pledges = group_pledges([_statement("a", "s1", 10e9), _statement("b", "s2", 912e6)])
    assert len(pledges) == 2 and not any(p.conflicted for p in pledges)


def test_deadlines_in_different_years_keep_close_amounts_apart() -> None:
    """$500 billion by 2029 and $550 billion by 2035 are not one pledge reported twice."""
    pledges = group_pledges(
        [_statement("a", "s1", 500e9, due="2029-12-31"), _statement("b", "s2", 550e9, due="2035-12-31")]
    )
    assert len(pledges) == 2


def test_a_restates_link_groups_statements_without_amounts() -> None:
    """Statements with no amount are one pledge only when a person linked them."""
    statements = [_statement("a", "s1", None, unit=None), _statement("b", "s2", None, unit=None)]
    assert len(group_pledges(statements)) == 2
    (pledge,) = group_pledges(statements, [("b", "a")])
    assert pledge.claim_ids == ("a", "b") and pledge.amounts == ()


def test_a_fulfilled_restatement_makes_the_pledge_delivered_once() -> None:
    """One of three statements marked fulfilled delivers the pledge's amount, not three times it."""
    (pledge,) = group_pledges(
        [
            _statement("a", "s1", 10e9, overdue=True, due="2025-12-31"),
            _statement("b", "s1", 10e9, fulfilment="fulfilled"),
            _statement("c", "s2", 10e9),
        ]
    )
    assert (pledge.delivered, pledge.fulfilled, pledge.overdue) == (10e9, True, False)


@pytest.fixture
def seed_ledger(corpus: Path, tmp_path: Path) -> Iterator[tuple[Ledger, dict[str, str]]]:
    """The seed article's suggested commitments accepted, and a second report of Japan's pledge at $550 bn."""
    article = corpus / "seed" / "toyota-us-investment.txt"
    if not article.is_file():
        pytest.skip("the shared corpus seed article is absent")
    ledger = Ledger.open(tmp_path / "seed.factledger", actor="Test Reviewer")
    (result,) = ledger.import_inputs([file_input(article)])
    assert result.source_id
    ids: dict[str, str] = {}
    for stored in ledger.suggestions(result.source_id):
        if stored.suggestion.kind == ClaimKind.COMMITMENT:
            claim_id, _ = ledger.accept(stored.id)
            ids[stored.suggestion.quote] = claim_id
    text = "Japan will invest $550 billion in the United States, the White House said."
    other = ledger.import_document(
        Document(text=text, title="White House fact sheet", published="2025-09-04")
    )
    assert other.source_id
    start = text.index("invest $550 billion")
    ids["550"], _ = ledger.log_claim(
        source_id=other.source_id,
        kind="commitment",
        start=start,
        end=start + len("invest $550 billion"),
        subject="Japan",
        committer="Japan",
        amount=550e9,
        unit="USD",
    )
    yield ledger, ids
    ledger.close()


def test_the_seed_articles_toyota_pledge_is_counted_once_and_japans_is_a_conflict(seed_ledger) -> None:
    """Toyota's three "$10 billion" statements are one $10 bn pledge; Japan is $500 bn vs $550 bn, not $1.05 tn."""
    ledger, ids = seed_ledger
    totals = {(t.committer, t.unit): t for t in ledger.commitments(today=TODAY)}
    toyota, japan = totals[("Toyota", "USD")], totals[("Japan", "USD")]
    assert (toyota.commitments, toyota.statements, toyota.pledged, toyota.pledged_high) == (1, 3, 10e9, 10e9)
    assert (japan.commitments, japan.statements, japan.pledged, japan.pledged_high) == (1, 2, 500e9, 550e9)
    (pledge,) = japan.pledges
    assert pledge.conflicted and ids["550"] in pledge.claim_ids
    # The largest pledge comes first, and nobody's total is a sum of restatements.
    assert ledger.commitments(today=TODAY)[0].committer == "Japan"
    assert all(t.pledged <= 550e9 for t in totals.values())
