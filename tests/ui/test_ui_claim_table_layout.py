"""The facts table in narrow and wide windows: columns can be hidden, the statement fills what is left,
the filters wrap to a second row instead of being crushed, and the header layout is remembered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings

from factledger.ui.claim_table_model import COLUMNS
from factledger.ui.claim_table_view import STATEMENT_MIN_WIDTH, ClaimTableView
from factledger.ui.session import LedgerSession

from .conftest import WindowFactory

STATEMENT = next(i for i, c in enumerate(COLUMNS) if c.key == "statement")
SPEAKER = next(i for i, c in enumerate(COLUMNS) if c.key == "speaker")


@pytest.fixture
def view(qtbot: Any, session: LedgerSession) -> ClaimTableView:
    widget = ClaimTableView(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _visible_width(view: ClaimTableView) -> int:
    header = view.table.horizontalHeader()
    return sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))


def test_statement_fills_a_wide_table_and_stops_at_its_minimum_in_a_narrow_one(
    qtbot: Any, view: ClaimTableView
) -> None:
    """The statement column fills a wide table, stops at its minimum width in a narrow one with the rest
    scrolling sideways, and fills again when widened."""

    def fills_the_view() -> bool:
        return _visible_width(view) == view.table.viewport().width()

    view.resize(1400, 500)
    qtbot.waitUntil(fills_the_view, timeout=20_000)
    assert view.table.columnWidth(STATEMENT) > STATEMENT_MIN_WIDTH
    view.resize(600, 500)
    qtbot.waitUntil(lambda: view.table.columnWidth(STATEMENT) == STATEMENT_MIN_WIDTH, timeout=20_000)
    assert _visible_width(view) > view.table.viewport().width()  # the rest scrolls sideways
    view.resize(1400, 500)
    qtbot.waitUntil(fills_the_view, timeout=20_000)


def test_hiding_a_column_gives_its_room_to_the_statement(qtbot: Any, view: ClaimTableView) -> None:
    """Hiding a column gives its room to the statement, which can never be hidden itself, and Reset columns
    shows it again."""
    view.resize(1400, 500)
    qtbot.waitUntil(lambda: _visible_width(view) == view.table.viewport().width(), timeout=20_000)
    before = view.table.columnWidth(STATEMENT)
    menu = view.column_chooser.build_menu()
    entries = {a.text(): a for a in menu.actions() if a.text()}
    assert not entries["Statement"].isEnabled()  # the one column that never hides
    entries[COLUMNS[SPEAKER].title].trigger()
    assert view.table.isColumnHidden(SPEAKER)
    qtbot.waitUntil(lambda: view.table.columnWidth(STATEMENT) > before)
    entries["Reset columns"].trigger()
    assert not view.table.isColumnHidden(SPEAKER)


def test_a_statement_width_the_person_dragged_is_kept(qtbot: Any, view: ClaimTableView) -> None:
    """A statement width set by dragging the header is kept when the window is resized."""
    view.resize(1400, 500)
    view.table.horizontalHeader().resizeSection(STATEMENT, 333)  # as a drag on the header does
    view.resize(1000, 500)
    qtbot.wait(50)
    assert view.table.columnWidth(STATEMENT) == 333


def test_filters_wrap_to_a_second_row_in_a_narrow_view(qtbot: Any, view: ClaimTableView) -> None:
    """In a narrow view the filters wrap to a second row with none cut off at the right edge, and return to
    one row when it widens."""

    def same_row() -> bool:
        return abs(view.kind_box.geometry().center().y() - view.search_box.geometry().center().y()) <= 2

    view.resize(1800, 500)
    qtbot.waitUntil(lambda: not view.filters_wrapped and same_row())
    view.resize(700, 500)
    qtbot.waitUntil(lambda: view.filters_wrapped)
    qtbot.waitUntil(lambda: view.kind_box.y() > view.search_box.geometry().bottom())
    for box in (view.kind_box, view.status_box, view.sourcing_box, view.source_box, view.date_to):
        assert box.geometry().right() <= view.width(), "a filter is cut off at the right edge"
    view.resize(1800, 500)
    qtbot.waitUntil(lambda: not view.filters_wrapped and same_row())


def test_the_window_remembers_hidden_columns_and_widths(
    make_window: WindowFactory, settings: QSettings
) -> None:
    """A column hidden in one window is still hidden when the ledger is opened again."""
    window = make_window()
    window.table.table.setColumnHidden(SPEAKER, True)
    window.close()
    again = make_window(window.session.path)
    assert again.table.table.isColumnHidden(SPEAKER)


def test_an_empty_table_says_what_to_do(qtbot: Any, view: ClaimTableView, session: LedgerSession) -> None:
    """The sample's suggestions are open but no fact is logged: the table points at the reader's keys."""
    view.resize(900, 400)
    assert view.model.rowCount() == 0
    assert view.empty_hint.isVisible() and "press A" in view.empty_hint.text()
    view.search_box.setText("nothing like this anywhere")
    qtbot.waitUntil(lambda: "match these filters" in view.empty_hint.text())
    (summary,) = session.ledger.sources()
    suggestion = session.ledger.suggestions(summary.id)[0]
    view.search_box.clear()
    _, changes = session.ledger.accept(suggestion.id)
    session.notify(changes)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert not view.empty_hint.isVisible()


def test_an_empty_ledger_says_how_to_bring_an_article(qtbot: Any, make_window: WindowFactory) -> None:
    """An empty ledger shows a hint telling the person to drop an article."""
    window = make_window()
    hint = window.table.empty_hint
    assert hint.isVisible() and "Drop an article" in hint.text()
