"""Draws every chart of the Charts tab into docs/screenshots/ at 1280x720 and 1920x1080 (light and dark).

Run from the repo root: `QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_chart_screenshots.py`.
The ledger is built here from real articles: the bundled sample article and, when the shared corpus is
beside the checkout, the seed article; every suggestion is accepted as a person pressing A would. One more
short source reports Japan's pledge at $550 billion (as the White House put it) so the tracker and the
figures show how a restated pledge whose sources disagree is drawn. Verdicts are given over a week (the
ledger's clock is set for each day) so "Verdicts over time" has days to show.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from factledger.core import Ledger  # noqa: E402
from factledger.domain import Document, Status  # noqa: E402
from factledger.reading.inputs import file_input  # noqa: E402

SEED = ROOT.parent / "shared" / "corpus" / "seed" / "toyota-us-investment.txt"
SAMPLE = ROOT / "resources" / "sample" / "sample-article.txt"
SECOND_REPORT = "Japan will invest $550 billion in the United States, the White House said in a fact sheet."
SIZES = ((1280, 720), (1920, 1080))
TABS = ("timeline", "figures", "progress", "commitments")


def build_ledger(path: Path) -> Ledger:
    ledger = Ledger.open(path, actor="Screenshot Reviewer")
    articles = [file_input(SAMPLE)] + ([file_input(SEED)] if SEED.is_file() else [])
    for result in ledger.import_inputs(articles):
        assert result.source_id, result
        for stored in ledger.suggestions(result.source_id):
            ledger.accept(stored.id)
        if not ledger.source(result.source_id).published:
            # A plain-text file carries no date: a person gives it in Source details (the seed article
            # reports news from the Japan Mobility Show, late October 2025).
            ledger.edit_source(result.source_id, published="2025-10-29")
    if not SEED.is_file():
        return ledger
    report = ledger.import_document(
        Document(text=SECOND_REPORT, title="White House fact sheet (excerpt)", published="2025-09-04")
    )
    assert report.source_id
    start = SECOND_REPORT.index("invest $550 billion")
    ledger.log_claim(
        source_id=report.source_id,
        kind="commitment",
        start=start,
        end=start + len("invest $550 billion"),
        subject="Japan",
        committer="Japan",
        amount=550e9,
        unit="USD",
    )
    return ledger


def give_verdicts(ledger: Ledger) -> None:
    """Verdicts over seven days: a few facts a day, most verified, some found false or partly true."""
    ids = ledger.claims(limit=400).ids()
    first = datetime(2025, 11, 3, 9, tzinfo=UTC)
    outcomes = (Status.VERIFIED, Status.VERIFIED, Status.PARTLY_TRUE, Status.VERIFIED, Status.FALSE)
    for n, claim_id in enumerate(ids[: min(len(ids), 30)]):
        when = first + timedelta(days=n // 5, minutes=n)
        ledger.clock = lambda when=when: when.isoformat().replace("+00:00", "Z")
        status = outcomes[n % len(outcomes)]
        reason = None if status == Status.VERIFIED else "checked against the company's filing"
        ledger.set_status(claim_id, status=status, reason=reason)
    for claim_id in ids[30:36]:
        ledger.set_status(claim_id, status=Status.IN_REVIEW)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#1f2329"),
        (QPalette.ColorRole.Base, "#16191d"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#2a2f36"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def wait_drawn(panel: object, chart: object) -> None:
    loop = QEventLoop()
    QTimer.singleShot(30_000, loop.quit)
    chart.drawn.connect(loop.quit)  # type: ignore[attr-defined]
    panel.refresh_now()  # type: ignore[attr-defined]
    if chart.queries.busy:  # type: ignore[attr-defined]
        loop.exec()
    for _ in range(5):
        QCoreApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--dark", action="store_true", help="also draw every chart on a dark palette")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from factledger.ui.charts import ChartsPanel
    from factledger.ui.session import LedgerSession

    folder = Path(tempfile.mkdtemp(prefix="factledger-shots-"))
    ledger = build_ledger(folder / "screenshots.factledger")
    give_verdicts(ledger)
    ledger.close()
    session = LedgerSession(Ledger.open(folder / "screenshots.factledger", actor="Screenshot Reviewer"))
    args.out.mkdir(parents=True, exist_ok=True)
    palettes = [("", app.palette())] + ([("-dark", dark_palette())] if args.dark else [])
    for suffix, palette in palettes:
        app.setPalette(palette)
        for width, height in SIZES:
            panel = ChartsPanel(session)
            panel.resize(width, height)
            panel.show()
            for index, name in enumerate(TABS):
                panel.tabs.setCurrentIndex(index)
                chart = panel.charts[index]
                wait_drawn(panel, chart)
                if name == "commitments":
                    chart.select_unit("USD")  # type: ignore[attr-defined]
                if name == "figures":
                    chart.select_metric("Japan", "USD")  # type: ignore[attr-defined]
                    wait_drawn(panel, chart)
                    if chart.queries.busy:
                        chart.wait_until_drawn()
                for _ in range(5):
                    QCoreApplication.processEvents()
                target = args.out / f"chart-{name}-{width}x{height}{suffix}.png"
                panel.grab().save(str(target))
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            panel.shutdown()
            panel.close()
            panel.deleteLater()
            QCoreApplication.processEvents()
    session.ledger.close()


if __name__ == "__main__":
    main()
