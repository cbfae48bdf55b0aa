"""Layout that holds: proportions at 1920 px, no jump when a reason is required, rows stay put after an edit."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from factledger.core import operations
from factledger.domain import ClaimKind, Status
from factledger.ui.main_window import splitter_proportions


def _window(make_window, sample_ledger, width: int, height: int):
    path = sample_ledger.path
    sample_ledger.close()
    window = make_window(path)
    window.resize(width, height)
    return window


def test_side_panels_grow_with_the_window() -> None:
    """At 1920 px the sources list gets about 330 px and the inspector about 440; at 1280 px their minimums."""
    sources, centre, inspector = splitter_proportions(1920)
    assert 300 <= sources <= 360 and 400 <= inspector <= 480 and sources + centre + inspector == 1920
    assert splitter_proportions(1280)[0] == 220 and splitter_proportions(1280)[2] >= 340


def test_sources_list_elides_in_the_middle_and_shows_outlet_and_date(
    qtbot, make_window, sample_ledger
) -> None:
    """Long titles are cut in the middle so their distinct ends stay visible; outlet and date are shown."""
    window = _window(make_window, sample_ledger, 1920, 1080)
    tree = window.sources.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    summary = window.session.ledger.sources()[0]
    text = tree.topLevelItem(0).text(0)
    assert (summary.outlet or "") in text and (summary.published or "")[:10] in text


def test_a_required_reason_does_not_move_the_inspector(qtbot, make_window, sample_ledger) -> None:
    """Choosing "False" shows "A reason is required." without moving the reason field or the button."""
    window = _window(make_window, sample_ledger, 1280, 720)
    claim_id = window.accept_suggestion()
    assert claim_id is not None
    window.select_claim(claim_id)
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.reason.isVisible())
    before = (inspector.reason.mapTo(inspector, QPoint()), inspector.status_button.mapTo(inspector, QPoint()))
    inspector.status_box.setCurrentIndex(inspector.status_box.findData(Status.FALSE.value))
    assert inspector.status_note.text() == "A reason is required."
    window.layout().activate()
    after = (inspector.reason.mapTo(inspector, QPoint()), inspector.status_button.mapTo(inspector, QPoint()))
    assert before == after


def test_the_inspector_shows_a_whole_commitment_at_1280x720(qtbot, make_window, sample_ledger) -> None:
    """On a commitment every field, the deadline last, lies inside the scrollable body: nothing is clipped."""
    window = _window(make_window, sample_ledger, 1280, 720)
    ledger = window.session.ledger
    source_id = ledger.sources()[0].id
    commitment = next(s for s in ledger.suggestions(source_id) if s.suggestion.kind == ClaimKind.COMMITMENT)
    changes = window.session.run(operations.accept(suggestion_id=commitment.id))
    assert changes is not None
    [claim_id] = changes.claims
    window.select_claim(claim_id)
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.fields.commitment.isVisible())
    deadline = inspector.fields.lines["deadline"]
    body = inspector.widget()
    bottom = deadline.mapTo(body, QPoint(0, deadline.height()))
    assert bottom.y() <= body.height()
    inspector.ensureWidgetVisible(deadline)
    assert deadline.visibleRegion().boundingRect().height() == deadline.height()


def test_a_row_stays_in_place_after_an_edit(qtbot, make_window, sample_ledger) -> None:
    """Setting a fact's status leaves its row where it was (the table is in reading order, not edit order)."""
    window = _window(make_window, sample_ledger, 1280, 720)
    ids = [window.accept_suggestion() for _ in range(4)]
    model = window.table.model
    rows = {claim_id: model.row_of(claim_id) for claim_id in ids if claim_id}
    target = ids[-1]
    assert target is not None
    window.session.run(operations.set_status(claim_id=target, status=Status.VERIFIED))
    assert {claim_id: model.row_of(claim_id) for claim_id in rows} == rows
