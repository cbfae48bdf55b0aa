"""What is this suggestion? The inspector shows it as an editable draft; figures read as people write them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette

from factledger.core import Ledger
from factledger.domain import ClaimKind
from factledger.reading import expand_inputs
from factledger.ui.claim_table_model import COLUMNS
from factledger.ui.main_window import MainWindow

ARTICLE = (
    "Acme Motors said on Tuesday it would invest $2 billion in a new battery plant by 2030. "
    "The company sold 16,707 vehicles last year, up 12 percent, according to its annual report.\n"
)


@pytest.fixture
def window(make_window, tmp_path: Path) -> Iterator[MainWindow]:
    """A window on a ledger holding one short article with a money figure, a count and a percentage."""
    article = tmp_path / "acme.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "draft.factledger"
    with Ledger.open(path, actor="Ada Reviewer") as ledger:
        ledger.import_inputs(expand_inputs([article]))
    yield make_window(path)


def _go_to_quote(window: MainWindow, quote: str) -> None:
    index = next(i for i, (_, s) in enumerate(window.reader.suggestions) if s.quote == quote)
    window.reader.go_to(index)


def test_the_current_suggestion_is_shown_as_a_draft_fact(window: MainWindow) -> None:
    """Moving to "$2 billion" shows a statistic draft with the figure in words, its statement and its cue."""
    _go_to_quote(window, "$2 billion")
    inspector = window.inspector
    assert inspector.draft is not None and inspector.claim is None
    assert inspector.draft_box.isVisible() and "Statistic" in inspector.title.text()
    assert "$2 billion" in inspector.draft_note.text()
    assert "Why suggested" in inspector.draft_note.text()
    assert inspector.fields.lines["value"].text() == "2,000,000,000"
    assert inspector.fields.value_words.text() == "$2 billion"
    assert "battery plant" in inspector.fields.statement.toPlainText()
    assert "$2 billion" in window.reader.why.text() and "e+" not in window.reader.why.text()


def test_a_draft_edited_before_accepting_becomes_the_fact(window: MainWindow) -> None:
    """Correcting the draft's subject and value, then pressing Accept, logs the fact as corrected."""
    _go_to_quote(window, "16,707 vehicles")
    fields = window.inspector.fields
    fields.lines["subject"].setText("Acme Motors")
    fields.lines["value"].setText("16,708")
    window.inspector.accept_button.click()
    [claim] = window.session.ledger.claims(limit=10)
    assert claim.subject == "Acme Motors" and claim.value == 16_708 and claim.kind == ClaimKind.STATISTIC
    assert window.table.selected_claim_ids() == [claim.id]


def test_why_and_the_table_write_figures_as_people_do(window: MainWindow) -> None:
    """W and the table's value column say "$2 billion" and "12%", never 2000000000.0."""
    _go_to_quote(window, "$2 billion")
    why = window.reader.explain_current()
    assert "$2 billion" in why and "2000000000" not in why
    window.accept_suggestion()
    _go_to_quote(window, "12 percent")
    window.accept_suggestion()
    model = window.table.model
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "value")
    shown = {model.data(model.index(row, column)) for row in range(model.rowCount())}
    assert shown == {"$2 billion", "12%"}


def test_no_count_is_shown_when_no_suggestion_is_left(window: MainWindow) -> None:
    """After the last suggestion is dismissed the reader says none are left instead of "1 of 1"."""
    while window.reader.suggestions:
        window.reader.go_to(0)
        window.reader.dismiss_current()
    assert window.reader.why.text() == "No open suggestions left in this source."
    assert window.inspector.draft is None


def test_the_reader_has_a_legend_and_opaque_tints(window: MainWindow) -> None:
    """The legend names the three kinds, and every tint is opaque so overlapping spans never blend."""
    legend = window.reader.legend.text()
    assert all(word in legend for word in ("Claim", "Statistic", "Commitment", "current", "logged fact"))
    selections = window.reader.text.extraSelections()
    assert len(selections) >= 5
    assert {s.format.background().color().alpha() for s in selections} == {255}
    base = window.reader.text.palette().color(QPalette.ColorRole.Base)
    assert all(s.format.background().color() != base for s in selections)
    # The current suggestion is painted last, so it is on top of the claim sentence that contains it.
    current = window.reader.current_suggestion()
    assert current is not None
    assert selections[-1].cursor.selectionStart() == current[1].start


def test_the_history_writes_an_edited_value_in_full(window: MainWindow) -> None:
    """After the value is edited to 4 billion the History tab says "value → 4,000,000,000", not 4000000000.0."""
    _go_to_quote(window, "$2 billion")
    claim_id = window.accept_suggestion()
    assert claim_id is not None
    window.select_claim(claim_id)
    window.inspector.fields.lines["value"].setText("4 billion")
    window.inspector.save_fields()
    history = window.inspector.history
    texts = [history.topLevelItem(i).text(2) for i in range(history.topLevelItemCount())]
    assert any("value → 4,000,000,000" in t for t in texts)
    assert not any("e+" in t or "4000000000.0" in t for t in texts)
