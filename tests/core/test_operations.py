"""core.operations: every change is built by a keyword-only factory and run by `Ledger.apply`, undone by `revert`."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from factledger.core import EvidenceInput, Ledger, operations
from factledger.domain import ClaimKind, Document, LinkKind, Stance, Status, UserError

TEXT = (
    "Rail plan\n\n"
    "The ministry said it will spend $2 billion on rail by 2030. Exports rose 12% last year, officials said. "
    "The city will build 40 new stations, the mayor said."
)
OTHER = "A budget table shows $2 billion for rail and 40 stations."


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    opened = Ledger.open(tmp_path / "ops.factledger", actor="Ada Reviewer")
    opened.import_document(Document(text=TEXT, title="Rail plan", published="2025-10-28"))
    return opened


def _source(ledger: Ledger, title: str = "Rail plan") -> str:
    return next(s.id for s in ledger.sources() if s.title == title)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _fact(ledger: Ledger, words: str = "spend $2 billion on rail") -> str:
    start, end = _span(TEXT, words)
    claim_id, _ = ledger.log_claim(source_id=_source(ledger), start=start, end=end, kind="statistic")
    return claim_id


def test_every_factory_takes_keyword_arguments_only() -> None:
    """No factory accepts a positional argument, so a call names what each value is."""
    factories = [
        f
        for name, f in vars(operations).items()
        if inspect.isfunction(f) and f.__module__ == operations.__name__ and not name.startswith("_")
    ]
    assert len(factories) >= 15
    for factory in factories:
        kinds = {p.kind for p in inspect.signature(factory).parameters.values()}
        assert kinds <= {inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_KEYWORD}, factory.__name__


def test_the_ledger_offers_each_operation_once() -> None:
    """The `X_edit` twins are gone: an edit is built by `operations`, the ledger only applies it."""
    assert [name for name in dir(Ledger) if name.endswith("_edit")] == []


def test_building_an_edit_writes_nothing_until_it_is_applied(ledger: Ledger) -> None:
    """A factory only builds: the suggestion stays open until the edit is applied."""
    source_id = _source(ledger)
    first = ledger.suggestions(source_id)[0]
    edit = operations.accept(suggestion_id=first.id)
    assert ledger.suggestions(source_id)[0].id == first.id and ledger.claims_for_source(source_id) == []
    ledger.apply(edit)
    assert ledger.claim(edit.claim_id).origin == "suggested"
    assert first.id not in {s.id for s in ledger.suggestions(source_id)}


def test_accept_with_a_wrong_correction_is_refused_and_writes_nothing(ledger: Ledger) -> None:
    """A correction that is not a number is refused when applied, with the suggestion still open."""
    source_id = _source(ledger)
    before = len(ledger.suggestions(source_id))
    edit = operations.accept(suggestion_id=ledger.suggestions(source_id)[0].id, value="ten-ish")
    with pytest.raises(UserError, match="not a number"):
        ledger.apply(edit)
    assert len(ledger.suggestions(source_id)) == before and ledger.claims_for_source(source_id) == []


def test_accept_all_chooses_the_suggestions_open_when_it_is_applied(ledger: Ledger) -> None:
    """Built before a second import, accept-all still takes that import's suggestions: it chooses in apply."""
    edit = operations.accept_all()
    ledger.import_document(Document(text=OTHER, title="Budget"))
    open_ = {s.id for src in ledger.sources() for s in ledger.suggestions(src.id)}
    assert open_ and edit.claim_ids == []
    ledger.apply(edit)
    assert len(edit.claim_ids) == len(open_) and edit.description == f"Accept {len(open_)} suggestions"
    assert all(ledger.suggestions(src.id) == [] for src in ledger.sources())
    ledger.revert(edit)
    assert {s.id for src in ledger.sources() for s in ledger.suggestions(src.id)} == open_
    ledger.apply(edit)  # redo accepts the same suggestions as the same facts
    assert {ledger.claim(i).id for i in edit.claim_ids} == set(edit.claim_ids)


def test_accept_all_of_one_kind_leaves_the_others_open(ledger: Ledger) -> None:
    """Only the chosen kind is accepted; suggestions of other kinds stay open."""
    source_id = _source(ledger)
    kinds = {s.suggestion.kind for s in ledger.suggestions(source_id)}
    assert ClaimKind.STATISTIC in kinds
    edit = ledger.accept_all(source_id=source_id, kind=ClaimKind.STATISTIC)
    assert edit.claim_ids and {ledger.claim(i).kind for i in edit.claim_ids} == {ClaimKind.STATISTIC}
    assert all(s.suggestion.kind != ClaimKind.STATISTIC for s in ledger.suggestions(source_id))


def test_dismiss_and_its_undo(ledger: Ledger) -> None:
    """A dismissed suggestion leaves the open list, and undo brings it back."""
    source_id = _source(ledger)
    target = ledger.suggestions(source_id)[0].id
    edit = operations.dismiss(suggestion_id=target)
    ledger.apply(edit)
    assert target not in {s.id for s in ledger.suggestions(source_id)}
    ledger.revert(edit)
    assert target in {s.id for s in ledger.suggestions(source_id)}


def test_log_claim_checks_its_fields_when_built(ledger: Ledger) -> None:
    """A typed date that is not a date is refused by the factory, before anything could be written."""
    start, end = _span(TEXT, "spend $2 billion on rail")
    with pytest.raises(UserError, match="not a date"):
        operations.log_claim(source_id=_source(ledger), start=start, end=end, kind="claim", deadline="soon")
    edit = operations.log_claim(
        source_id=_source(ledger), start=start, end=end, kind="statistic", value="2 billion", unit="USD"
    )
    ledger.apply(edit)
    assert ledger.claim(edit.claim_id).value == 2e9


def test_edit_claim_refuses_status_fields_and_records_who_and_when(ledger: Ledger) -> None:
    """Status goes through set_status; an edit's history event carries the actor and the fact's own instant."""
    claim_id = _fact(ledger)
    with pytest.raises(UserError, match="status command"):
        operations.edit_claim(claim_id=claim_id, status="verified")
    ledger.actor = "Bea Checker"
    ledger.apply(operations.edit_claim(claim_id=claim_id, subject="rail", reason="named"))
    event = ledger.history(claim_id)[-1]
    assert (event.action, event.actor, event.reason) == ("edit", "Bea Checker", "named")
    assert event.at == ledger.claim(claim_id).updated_at
    assert json.loads(event.after or "{}") == {"subject": "rail"}


def test_set_status_many_is_one_undo_step(ledger: Ledger) -> None:
    """Two facts verified by one edit go back to unverified by one revert."""
    ids = [_fact(ledger), _fact(ledger, "build 40 new stations")]
    edit = operations.set_status_many(claim_ids=ids, status="verified", reason="budget table")
    assert edit.description == "Set status of 2 facts"
    ledger.apply(edit)
    assert {ledger.claim(i).status for i in ids} == {Status.VERIFIED}
    ledger.revert(edit)
    assert {ledger.claim(i).status for i in ids} == {Status.UNVERIFIED}


def test_set_status_many_needs_a_fact(ledger: Ledger) -> None:
    """An empty choice is refused with a sentence, not applied as an empty step."""
    with pytest.raises(UserError, match="at least one fact"):
        operations.set_status_many(claim_ids=[], status="verified")


def test_set_status_needing_a_reason_is_refused_without_one(ledger: Ledger) -> None:
    """“False” without a reason is refused when applied and the fact keeps its status."""
    claim_id = _fact(ledger)
    with pytest.raises(UserError, match="needs a reason"):
        ledger.apply(operations.set_status(claim_id=claim_id, status=Status.FALSE))
    assert ledger.claim(claim_id).status is Status.UNVERIFIED


def test_evidence_is_added_and_removed_and_both_undo(ledger: Ledger) -> None:
    """Evidence added then removed is gone, and undoing the removal puts the same row back."""
    claim_id = _fact(ledger)
    added = operations.add_evidence(
        claim_id=claim_id, evidence=EvidenceInput(stance=Stance.SUPPORTS, url="https://example.org/budget")
    )
    ledger.apply(added)
    [evidence] = ledger.evidence(claim_id)
    assert evidence.id == added.evidence_id and evidence.added_by == "Ada Reviewer"
    removed = operations.remove_evidence(evidence_id=added.evidence_id)
    ledger.apply(removed)
    assert ledger.evidence(claim_id) == []
    ledger.revert(removed)
    assert ledger.evidence(claim_id) == [evidence]
    actions = [h.action for h in ledger.history(claim_id)]
    assert actions[-3:] == ["add evidence", "remove evidence", "undo remove evidence"]


def test_delete_claim_undo_brings_back_the_fact_and_its_evidence(ledger: Ledger) -> None:
    """A deleted fact with evidence comes back whole on revert."""
    claim_id = _fact(ledger)
    ledger.add_evidence(claim_id, evidence=EvidenceInput(note="phoned the ministry"))
    edit = operations.delete_claim(claim_id=claim_id, reason="duplicate")
    ledger.apply(edit)
    with pytest.raises(UserError):
        ledger.claim(claim_id)
    ledger.revert(edit)
    assert ledger.claim(claim_id).id == claim_id and len(ledger.evidence(claim_id)) == 1


def test_link_refuses_a_second_link_unless_told_it_may_exist(ledger: Ledger) -> None:
    """The window's link refuses a duplicate; the CLI's (`existing_ok`) changes nothing, and its undo keeps
    the first link."""
    a, b = _fact(ledger), _fact(ledger, "build 40 new stations")
    first = operations.link(from_claim=a, to_claim=b, kind="part-of")
    ledger.apply(first)
    with pytest.raises(UserError, match="already linked"):
        ledger.apply(operations.link(from_claim=a, to_claim=b, kind=LinkKind.PART_OF))
    again = operations.link(from_claim=a, to_claim=b, kind=LinkKind.PART_OF, existing_ok=True)
    ledger.apply(again)
    ledger.revert(again)
    assert [h.action for h in ledger.history(a)].count("link part_of") == 1
    assert "undo link part_of" not in [h.action for h in ledger.history(a)]
    ledger.revert(first)
    assert [h.action for h in ledger.history(a)][-1] == "undo link part_of"


def test_dismiss_finding_is_recorded_on_the_fact(ledger: Ledger) -> None:
    """Dismissing a finding writes one history event on the fact it was made from, undone by revert."""
    a, b = _fact(ledger), _fact(ledger, "build 40 new stations")
    edit = operations.dismiss_finding(claim_id=a, other_id=b, relation="contradicts", reason="two budgets")
    ledger.apply(edit)
    event = ledger.history(a)[-1]
    assert (event.action, event.reason, event.actor) == ("dismiss finding", "two budgets", "Ada Reviewer")
    ledger.revert(edit)
    assert ledger.history(a)[-1].action == "undo dismiss finding"


def test_edit_source_checks_the_date_when_built_and_undoes(ledger: Ledger) -> None:
    """A publication date that is not a date is refused at once; a good one is applied and undone."""
    source_id = _source(ledger)
    with pytest.raises(UserError, match="not a date"):
        operations.edit_source(source_id=source_id, published="last week")
    edit = operations.edit_source(source_id=source_id, published="2025-11-02", outlet=" Wire ")
    ledger.apply(edit)
    assert (ledger.source(source_id).published, ledger.source(source_id).outlet) == ("2025-11-02", "Wire")
    ledger.revert(edit)
    assert ledger.source(source_id).published == "2025-10-28"


def test_a_new_version_is_an_operation_too(ledger: Ledger) -> None:
    """add_source_version stores the text as version 2, moves the facts onto it, and undo moves them back."""
    source_id = _source(ledger)
    claim_id = _fact(ledger)
    changed = TEXT.replace("Exports rose 12%", "Exports rose 14%")
    edit = operations.add_source_version(
        previous=source_id, document=Document(text=changed, title="Rail plan"), suggestions=[]
    )
    ledger.apply(edit)
    assert edit.report is not None and edit.report.version == 2
    assert ledger.claim(claim_id).source_id == edit.source_id
    ledger.revert(edit)
    assert ledger.claim(claim_id).source_id == source_id and len(ledger.versions(source_id)) == 1


def test_delete_source_is_backed_up_first_and_cannot_be_reverted(ledger: Ledger) -> None:
    """Deleting a source makes a backup before it, takes the facts along, and refuses to be reverted."""
    source_id = _source(ledger)
    claim_id = _fact(ledger)
    edit = operations.delete_source(source_id=source_id)
    assert not edit.undoable
    assert [b for b in ledger.backups() if b.reason == "before-delete"] == []
    changes = ledger.apply(edit)
    assert changes.claims == {claim_id} and changes.sources == {source_id}
    [backup] = [b for b in ledger.backups() if b.reason == "before-delete"]
    assert backup.claims == 1  # the backup still holds the fact the deletion took
    assert ledger.sources() == []
    with pytest.raises(UserError, match="cannot be undone"):
        ledger.revert(edit)


def test_delete_source_of_a_missing_source_is_a_sentence(ledger: Ledger) -> None:
    """A source deleted meanwhile is refused with a sentence naming it."""
    with pytest.raises(UserError, match="no source with id src_gone"):
        ledger.apply(operations.delete_source(source_id="src_gone"))


def test_extract_again_replaces_open_suggestions_but_keeps_logged_spans_out(ledger: Ledger) -> None:
    """Extracting again gives fresh suggestions, none of them over a span already logged as a fact."""
    source_id = _source(ledger)
    claim_id = _fact(ledger, "$2 billion")
    before = {s.id for s in ledger.suggestions(source_id)}
    edit = operations.extract_again(source_id=source_id)
    assert not edit.undoable
    ledger.apply(edit)
    after = ledger.suggestions(source_id)
    assert after and not before & {s.id for s in after}
    claim = ledger.claim(claim_id)
    assert all((s.suggestion.start, s.suggestion.end) != (claim.start, claim.end) for s in after)
