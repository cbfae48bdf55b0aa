"""Remembering: the last ledger, the chosen source and fact, a closed problems panel; dates from the source."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from factledger.core import Ledger, operations
from factledger.reading import expand_inputs
from factledger.ui.claim_table_model import COLUMNS
from factledger.ui.main_menus import last_ledger

DATE = next(i for i, c in enumerate(COLUMNS) if c.key == "stated_on")


def _reopen(settings: QSettings) -> QSettings:
    settings.sync()
    return QSettings(settings.fileName(), QSettings.Format.IniFormat)


def test_the_last_ledger_is_opened_without_a_path(
    qtbot, make_window, settings: QSettings, tmp_path: Path
) -> None:
    """After working in a second ledger, a launch without --ledger picks that one; a deleted one is skipped."""
    first = make_window(tmp_path / "first.factledger")
    first.close()
    second = make_window(tmp_path / "second.factledger")
    second.close()
    again = _reopen(settings)
    assert last_ledger(again) == tmp_path / "second.factledger"
    (tmp_path / "second.factledger").unlink()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"second.factledger{suffix}").unlink(missing_ok=True)
    assert last_ledger(again) == tmp_path / "first.factledger"


def test_the_chosen_source_and_fact_come_back(
    qtbot, make_window, settings: QSettings, tmp_path: Path
) -> None:
    """The source and the fact chosen at closing are chosen again when the ledger is opened next time."""
    articles = []
    for name, text in (
        ("a.txt", "Acme sold 16,707 vehicles in 2024.\n"),
        ("b.txt", "Beta hired 500 workers.\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        articles.append(tmp_path / name)
    path = tmp_path / "remember.factledger"
    with Ledger.open(path, actor="Ada") as ledger:
        ledger.import_inputs(expand_inputs(articles))
    window = make_window(path)
    second = window.sources.source_ids()[1]
    window.sources.select_source(second)
    claim_id = window.accept_suggestion()
    assert claim_id is not None
    window.select_claim(claim_id)
    window.close()
    reopened = make_window(path, window_settings=_reopen(settings))
    assert reopened.sources.current_source_id() == second
    assert reopened.inspector.claim is not None and reopened.inspector.claim.id == claim_id
    assert reopened.table.selected_claim_ids() == [claim_id]


def test_an_empty_problems_panel_stays_closed(qtbot, make_window, settings: QSettings) -> None:
    """The problems panel open at closing does not come back empty at the next launch."""
    window = make_window()
    window.failures.add_failure("notes.json", "Not an article")
    window.failures_dock.show()
    window.close()
    reopened = make_window(window_settings=_reopen(settings))
    assert not reopened.failures_dock.isVisible()


def test_an_undated_articles_facts_take_the_date_given_to_its_source(
    qtbot, make_window, tmp_path: Path
) -> None:
    """A plain-text article's facts show no date until the source is dated; then the Date column shows it."""
    article = tmp_path / "plain.txt"
    article.write_text("Acme sold 16,707 vehicles last year.\n", encoding="utf-8")
    path = tmp_path / "dates.factledger"
    with Ledger.open(path, actor="Ada") as ledger:
        ledger.import_inputs(expand_inputs([article]))
    window = make_window(path)
    claim_id = window.accept_suggestion()
    assert claim_id is not None
    model = window.table.model
    row = model.row_of(claim_id)
    assert row is not None and model.data(model.index(row, DATE)) == ""
    source_id = window.sources.current_source_id()
    assert source_id is not None
    with qtbot.waitSignal(model.dataChanged):
        window.session.run(operations.edit_source(source_id=source_id, published="2025-10-29"))
    assert model.data(model.index(row, DATE)) == "2025-10-29"


def test_a_remembered_ledger_that_no_longer_opens_is_passed_over(qtbot, monkeypatch, tmp_path: Path) -> None:
    """A launch without --ledger whose last ledger is not a ledger any more says so and opens the default one."""
    from factledger import app

    broken = tmp_path / "broken.factledger"
    broken.write_bytes(b"this is not a ledger" * 100)
    default = tmp_path / "default.factledger"
    monkeypatch.setattr("factledger.core.ledger.default_ledger_path", lambda: default)
    said: list[str] = []
    monkeypatch.setattr(app.QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    ledger = app.open_launch_ledger(None, broken, "Ada")
    try:
        assert ledger.path == default and said and str(broken) in said[0]
    finally:
        ledger.close()
    assert broken.read_bytes() == b"this is not a ledger" * 100  # the file is left as it was
