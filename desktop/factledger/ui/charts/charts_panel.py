"""ChartsPanel: the tabs of charts (timeline, figures, progress, commitments) that follow the table's filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factledger.domain import Changes, ClaimFilter, UserError
from factledger.ui.session import LedgerSession
from factledger.ui.tasks import TaskRunner

from .base import ChartView
from .commitments_chart import CommitmentsChart
from .figures_chart import FiguresChart
from .progress_chart import ProgressChart
from .queries import ChartQueries
from .timeline_chart import TimelineChart


class ChartsPanel(QWidget):
    """Charts of the open ledger; only the visible tab re-queries, and a burst of changes refreshes once.

    Every query runs on `tasks` (the app's `TaskRunner`; the panel makes its own when none is given) with its
    own ledger connection; an "updating…" note shows while a chart waits. Closing the panel cancels its
    queries and waits for any that is running, so none outlives it.

    Signals:
        claim_selected: a fact was clicked on a chart; carries the claim id for the table, reader and inspector.
    """

    claim_selected = Signal(str)
    """A fact was clicked on a chart; the payload is its claim id."""

    def __init__(
        self, session: LedgerSession, parent: QWidget | None = None, *, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.queries = ChartQueries(session, self, runner=tasks)
        self.timeline = TimelineChart(session, queries=self.queries)
        self.figures = FiguresChart(session, queries=self.queries)
        self.progress = ProgressChart(session, queries=self.queries)
        self.commitments = CommitmentsChart(session, queries=self.queries)
        self.tabs = QTabWidget()
        for chart, title in (
            (self.timeline, "Timeline"),
            (self.figures, "Figures by metric"),
            (self.progress, "Verification progress"),
            (self.commitments, "Commitments tracker"),
        ):
            self.tabs.addTab(chart, title)
        for chart in (self.timeline, self.figures, self.progress, self.commitments):
            chart.claim_selected.connect(self.claim_selected)
        self._png = QPushButton("Export PNG…")
        self._svg = QPushButton("Export SVG…")
        self._png.clicked.connect(lambda: self._on_export_clicked(".png"))
        self._svg.clicked.connect(lambda: self._on_export_clicked(".svg"))
        self.updating = QLabel("updating…")
        self.updating.setEnabled(False)  # the palette's disabled text: present but quiet
        self.updating.setVisible(False)
        self.queries.busy_changed.connect(self._on_queries_busy_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.updating)
        buttons.addStretch(1)
        buttons.addWidget(self._png)
        buttons.addWidget(self._svg)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        # Zero-delay single shot: a burst of `changed` signals within one event-loop turn refreshes once.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._on_pending_timeout)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        session.changed.connect(self._on_session_changed)
        session.ledger_replaced.connect(self._on_session_ledger_replaced)
        self._schedule()

    @property
    def charts(self) -> tuple[ChartView, ...]:
        return (self.timeline, self.figures, self.progress, self.commitments)

    def current_chart(self) -> ChartView:
        chart = self.tabs.currentWidget()
        assert isinstance(chart, ChartView)
        return chart

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        """Follow the claims table's filter."""
        for chart in self.charts:
            chart.set_filter(claim_filter)
        self._schedule()

    def refresh_now(self) -> None:
        """Ask again for the visible chart if its data is stale (the pending timer calls this).

        The answer arrives later, by the chart's `drawn` signal.
        """
        self._pending.stop()
        chart = self.current_chart()
        if chart.stale:
            chart.refresh()

    def export_current(self, path: Path | str) -> Path:
        return self.current_chart().export(path)

    def shutdown(self) -> None:
        """Cancel every chart query and wait for a running one; later answers are dropped."""
        self._pending.stop()
        self.queries.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _schedule(self) -> None:
        if not self.queries.closed:
            self._pending.start()

    def _on_queries_busy_changed(self, busy: bool) -> None:
        self.updating.setVisible(busy)

    def _on_session_changed(self, changes: Changes) -> None:
        # Charts show claims (and sources' dates and titles); suggestions and history do not move them.
        if changes.ledger_replaced or changes.claims or changes.sources or changes.evidence:
            for chart in self.charts:
                chart.stale = True
            self._schedule()

    def _on_session_ledger_replaced(self) -> None:
        for chart in self.charts:
            chart.stale = True
        self._schedule()

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._schedule()

    def _on_pending_timeout(self) -> None:
        self.refresh_now()

    def _on_export_clicked(self, suffix: str) -> None:
        title = self.tabs.tabText(self.tabs.currentIndex())
        name = title.lower().replace(" ", "-") + suffix
        path, _ = QFileDialog.getSaveFileName(self, f"Export {title}", name, f"*{suffix}")
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            self.export_current(path)
        except UserError as error:
            QMessageBox.warning(self, "Export chart", error.message)
