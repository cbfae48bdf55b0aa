"""A person drops articles on the window, triages suggestions with the keyboard, verifies a fact and undoes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from factledger.core import Ledger
from factledger.domain import ClaimKind, Status
from factledger.resources import resource_path, sample_article_path
from factledger.ui.main_window import MainWindow
from factledger.ui.session import LedgerSession

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seed" / "toyota-us-investment.txt"


@pytest.fixture
def window(qtbot, tmp_path: Path, qt_hygiene) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("welcome/shown", True)
    session = LedgerSession(Ledger.open(tmp_path / "ledger.sqlite", actor="Ada Reviewer"))
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    qt_hygiene.close_windows_and_join()  # joins the window's imports before its ledger closes
    session.ledger.close()


def _drop(qtbot, window: MainWindow, mime: QMimeData) -> list:
    point = QPointF(window.width() / 2, window.height() / 2)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        point.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted() and window.overlay.isVisible()
    drop = QDropEvent(point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000) as blocker:
        QApplication.sendEvent(window, drop)
    assert not window.overlay.isVisible()
    return blocker.args[0]


def _drop_file(qtbot, window: MainWindow, path: Path) -> list:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return _drop(qtbot, window, mime)


def _drop_html(qtbot, window: MainWindow, html: str) -> list:
    mime = QMimeData()
    mime.setHtml(html)
    return _drop(qtbot, window, mime)


def _triage_and_verify(qtbot, window: MainWindow, article: Path) -> None:
    # Given an article dropped as a file, its suggestions are highlighted in the reader.
    results = _drop_file(qtbot, window, article)
    assert [r.outcome for r in results] == ["imported"]
    reader, ledger = window.reader, window.session.ledger
    assert reader.source is not None and reader.source.id == results[0].source_id
    assert len(reader.suggestions) >= 6
    assert reader.text.extraSelections()
    text = reader.text

    # When the person accepts three with the keyboard, three facts appear in the table.
    for _ in range(3):
        qtbot.keyClick(text, Qt.Key.Key_A)
    assert window.table.model.rowCount() == 3

    # "Why suggested" explains the current one in words.
    qtbot.keyClick(text, Qt.Key.Key_W)
    assert reader.why.text().startswith("Why suggested:")

    # Accept with edit: the dialog's correction is stored.
    qtbot.keyClick(text, Qt.Key.Key_J)
    qtbot.keyClick(text, Qt.Key.Key_E)
    dialog = reader.edit_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.subject.setText("Edited subject")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert any(c.subject == "Edited subject" for c in ledger.claims(limit=100))
    assert window.table.model.rowCount() == 4

    # Dismiss one: it leaves the open suggestions and stays dismissed after re-extraction.
    dismissed_id, dismissed = reader.current_suggestion() or (None, None)
    assert dismissed is not None
    qtbot.keyClick(text, Qt.Key.Key_D)
    assert dismissed_id not in {i for i, _ in reader.suggestions}
    ledger.refresh_suggestions(reader.source.id)
    assert (dismissed.start, dismissed.end) not in {
        (s.suggestion.start, s.suggestion.end) for s in ledger.suggestions(reader.source.id)
    }
    assert window.table.model.rowCount() == 4

    # Selecting words and pressing 2 logs exactly that span as a statistic.
    source_text = reader.source.text
    start = source_text.index(" ", 40) + 1
    end = source_text.index(" ", start + 12)
    cursor = text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    qtbot.keyClick(text, Qt.Key.Key_2)
    logged = [c for c in ledger.claims(limit=100) if (c.start, c.end) == (start, end)]
    assert (
        len(logged) == 1
        and logged[0].kind == ClaimKind.STATISTIC
        and logged[0].quote == source_text[start:end]
    )

    # A second source arrives as a text/html drop.
    second = _drop_html(
        qtbot, window, resource_path("sample", "sample-article.html").read_text(encoding="utf-8")
    )
    assert second and second[0].outcome in ("imported", "duplicate") and second[0].source_id
    evidence_source = next(s.id for s in ledger.sources() if s.id != results[0].source_id)

    # The person picks an accepted fact in the table and verifies it with a span of the second source.
    claim = next(c for c in ledger.claims(limit=100) if c.subject == "Edited subject")
    row = window.table.model.row_of(claim.id)
    assert row is not None
    table = window.table.table
    table.scrollTo(window.table.model.index(row, 0))
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(window.table.model.index(row, 2)).center(),
    )
    assert window.inspector.claim is not None and window.inspector.claim.id == claim.id
    window.inspector.add_evidence_button.click()
    evidence_dialog = window.inspector.evidence_dialog
    assert evidence_dialog is not None
    evidence_text = ledger.source(evidence_source).text
    e_start = evidence_text.index(" ") + 1
    e_end = evidence_text.index(" ", e_start + 15)
    evidence_dialog.select_source_span(evidence_source, e_start, e_end)
    evidence_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [e.quote for e in ledger.evidence(claim.id)] == [evidence_text[e_start:e_end]]
    inspector = window.inspector
    inspector.status_box.setCurrentIndex(inspector.status_box.findData(Status.VERIFIED.value))
    inspector.reason.setText("Matches the second report")
    inspector.status_button.click()
    assert ledger.claim(claim.id).status == Status.VERIFIED

    # Then the table shows it verified, and its history names the reviewer and the status change.
    row = window.table.model.row_of(claim.id)
    assert row is not None and window.table.model.index(row, 1).data() == "Verified"
    history = [inspector.history.topLevelItem(i) for i in range(inspector.history.topLevelItemCount())]
    assert any("status" in item.text(2) and item.text(1) == "Ada Reviewer" for item in history)
    assert inspector.evidence_list.count() == 1

    # Undo takes back the status change only.
    window.menus.undo_action.trigger()
    assert ledger.claim(claim.id).status == Status.UNVERIFIED
    assert len(ledger.evidence(claim.id)) == 1
    assert inspector.status_box.currentData() == Status.UNVERIFIED.value

    # Searching for a word of its subject finds it as you type.
    window.menus.find_action.trigger()
    with qtbot.waitSignal(window.table.model.modelReset, timeout=5000):
        qtbot.keyClicks(window.table.search_box, "Edited")
    model = window.table.model
    assert model.rowCount() >= 1
    assert claim.id in {model.claim_id_at(r) for r in range(model.rowCount())}


def test_person_triages_the_bundled_sample_article(qtbot, window: MainWindow) -> None:
    """The whole flow on the sample article that ships with the app."""
    _triage_and_verify(qtbot, window, sample_article_path())


@pytest.mark.corpus
def test_person_triages_the_seed_article(qtbot, window: MainWindow) -> None:
    """The whole flow on the seed article of the shared corpus."""
    if not SEED.is_file():
        pytest.skip("the shared corpus seed article is not available")
    _triage_and_verify(qtbot, window, SEED.resolve())


def test_a_file_that_cannot_be_read_is_listed_in_the_failures_panel(
    qtbot, window: MainWindow, tmp_path
) -> None:
    """A dropped file that fails is listed with its name and reason, and the window keeps going."""
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"this is not a pdf")
    results = _drop_file(qtbot, window, broken)
    assert [r.outcome for r in results] == ["failed"]
    assert window.failures_dock.isVisible()
    assert window.failures.failures()[0][0] == "broken.pdf"
    assert window.failures.failures()[0][1]
