"""Imports take articles only and say what they did: imported, already there, skipped, failed, cancelled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from factledger.core.article_inputs import Skipped, import_summary
from factledger.ui.main_window import mime_payload

ARTICLE = "Acme Motors sold 16,707 vehicles last year, the company said on Monday.\n"


def _files_payload(paths: list[Path]) -> dict[str, bytes]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime_payload(mime)


def test_a_duplicate_drop_is_not_called_an_import(qtbot, make_window, tmp_path: Path) -> None:
    """Dropping an article already in the ledger says so instead of "Imported 1 source"."""
    article = tmp_path / "acme.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.import_flow.summary_ready, timeout=30000) as first:
        window.import_payload(_files_payload([article]))
    assert first.args[0] == "Imported 1 source."
    with qtbot.waitSignal(window.import_flow.summary_ready, timeout=30000) as second:
        window.import_payload(_files_payload([article]))
    assert second.args[0] == "Imported 0 sources, 1 already in the ledger."
    assert window.statusBar().currentMessage() == second.args[0]


def test_a_folder_drop_imports_articles_and_names_what_it_skipped(qtbot, make_window, tmp_path: Path) -> None:
    """A folder with an article, README.md, LICENSE and data.json beside a dropped .json imports one source."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "acme.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "README.md").write_text("# Downloads\n\nArticles saved for the story.\n", encoding="utf-8")
    (folder / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    data = tmp_path / "figures.json"
    data.write_text('{"sold": 16707}\n', encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.import_flow.summary_ready, timeout=30000) as done:
        window.import_payload(_files_payload([folder, data]))
    summary = done.args[0]
    assert summary.startswith("Imported 1 source, 2 skipped as not articles (")
    assert "README.md" in summary and "figures.json" in summary
    [source] = window.session.ledger.sources()
    assert source.file_name == "acme.txt"


def test_only_skipped_files_import_nothing_and_say_why(qtbot, make_window, tmp_path: Path) -> None:
    """Dropping only a .json file imports nothing, starts no task, and says it was skipped."""
    data = tmp_path / "figures.json"
    data.write_text("{}\n", encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.import_flow.summary_ready, timeout=5000) as done:
        assert window.import_payload(_files_payload([data])) is None
    assert done.args[0] == "Imported 0 sources, 1 skipped as not articles (figures.json)."
    assert window.session.ledger.sources() == []


def test_the_summary_counts_failures_and_a_cancel() -> None:
    """Failed inputs and the ones a cancel left out are counted apart from the imported ones."""
    summary = import_summary(
        ["imported", "imported", "failed"], [Skipped("x.csv", "a .csv file")], requested=5
    )
    assert summary == (
        "Imported 2 sources, 1 skipped as not articles (x.csv), 1 failed, 2 not imported (cancelled)."
    )


def test_switching_sources_asks_qt_for_no_position_out_of_range(
    qtbot, qtlog, make_window, tmp_path: Path
) -> None:
    """Going from a long source with facts to a short one logs no QTextCursor::setPosition warning."""
    long_text = tmp_path / "long.txt"
    long_text.write_text(ARTICLE * 40, encoding="utf-8")
    short_text = tmp_path / "short.txt"
    short_text.write_text("Beta hired 500 workers.\n", encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.import_flow.import_finished, timeout=30000):
        window.import_payload(_files_payload([long_text, short_text]))
    ledger = window.session.ledger
    ids = {s.file_name: s.id for s in ledger.sources()}
    window.sources.select_source(ids["long.txt"])
    window.reader.go_to(0)  # the first sentence: the cursor lands in it when another text is shown
    assert window.accept_suggestion() is not None
    assert any(c.start == 0 for c in window.reader.claims)
    window.sources.select_source(ids["short.txt"])
    assert not [r for r in qtlog.records if "out of range" in r.message]
