"""ExportDialog: choose which facts and which format, preview them, and write the fact sheet in the background."""

from __future__ import annotations

import re
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factledger.domain import ClaimFilter, ClaimKind, Status, UserError
from factledger.exporting import EXPORT_FORMATS, ExportCancelled

from .background import LedgerJob, LedgerWork, told_by
from .services import LedgerServices
from .session import LedgerSession
from .style import kind_label
from .tasks import Cancelled, Progress, Task, TaskRunner

if TYPE_CHECKING:
    from factledger.core import Ledger

PREVIEW_ROWS = 20
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def export_job(target: Path, fmt: str, claim_filter: ClaimFilter, total: int) -> LedgerJob:
    """Background half, on the worker's own connection; progress in rows written out of `total`."""

    def job(ledger: Ledger, progress: Progress, cancelled: Cancelled) -> int:
        return ledger.export(
            target,
            fmt=fmt,
            claim_filter=claim_filter,
            progress=lambda done: progress(done, total, "rows"),
            cancelled=cancelled,
        )

    return job


def _checklist(items: list[tuple[str, object]], *, checked: frozenset[object] = frozenset()) -> QListWidget:
    widget = QListWidget()
    for label, value in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(150)
    return widget


def _checked(widget: QListWidget) -> frozenset:
    return frozenset(
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )


def _date(field: QLineEdit) -> str | None:
    """A typed date bound, or None; a bound that is not a date is shown in red and ignored."""
    text = field.text().strip()
    valid = bool(_DATE.match(text))
    field.setStyleSheet("" if valid or not text else "color: #c0392b;")
    return text if valid else None


class ExportDialog(QDialog):
    """Nothing checked in a list means everything of it. Non-modal: the export runs while work goes on.

    Signals:
        export_finished: the file was written; carries its path and the number of rows.
    """

    export_finished = Signal(str, int)
    """The fact sheet was written; the payload is its path and the number of facts in it."""

    def __init__(
        self,
        session: LedgerSession,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        services: LedgerServices | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export fact sheet")
        self._session = session
        self._work = LedgerWork(runner, services, session=session, tell=told_by(session))
        self.task: Task | None = None
        # A fact sheet is for publishing: verified facts unless the person chooses otherwise.
        self.statuses = _checklist([(s.label, s) for s in Status], checked=frozenset({Status.VERIFIED}))
        self.kinds = _checklist([(kind_label(k), k) for k in ClaimKind])
        self.sources = _checklist([(s.title or s.file_name or s.id, s.id) for s in session.ledger.sources()])
        self.subject_box = QComboBox()
        self.subject_box.addItem("All subjects", None)
        for subject, count in session.ledger.subjects():
            self.subject_box.addItem(f"{subject} ({count:,})", subject)
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("from YYYY-MM-DD")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("to YYYY-MM-DD")
        self.format_box = QComboBox()
        for name, spec in EXPORT_FORMATS.items():
            self.format_box.addItem(spec.label, name)
        self.path = QLineEdit(str(session.path.with_name("fact-sheet.csv")))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.count_label = QLabel()
        self.preview = QTableWidget(0, 4)
        self.preview.setHorizontalHeaderLabels(["Kind", "Statement", "Status", "Source"])
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setColumnWidth(1, 320)
        self.progress = QProgressBar()
        self.progress.hide()
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton("Close")
        self._build(browse)
        self.refresh_preview()

    def _build(self, browse: QPushButton) -> None:
        lists = QHBoxLayout()
        for title, widget in (("Statuses", self.statuses), ("Kinds", self.kinds), ("Sources", self.sources)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b> (none checked: all)"))
            column.addWidget(widget)
            lists.addLayout(column)
            widget.itemChanged.connect(self.refresh_preview)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        form = QFormLayout()
        form.addRow("Subject", self.subject_box)
        form.addRow("Stated between", dates)
        form.addRow("Format", self.format_box)
        form.addRow("File", where)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(lists)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.format_box.currentIndexChanged.connect(self._on_format_box_current_index_changed)
        self.subject_box.currentIndexChanged.connect(self.refresh_preview)
        self.date_from.editingFinished.connect(self.refresh_preview)
        self.date_to.editingFinished.connect(self.refresh_preview)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.resize(760, 600)

    def claim_filter(self) -> ClaimFilter:
        return ClaimFilter(
            statuses=_checked(self.statuses),
            kinds=_checked(self.kinds),
            source_ids=_checked(self.sources),
            subject=self.subject_box.currentData(),
            date_from=_date(self.date_from),
            date_to=_date(self.date_to),
        )

    def refresh_preview(self) -> None:
        claim_filter = self.claim_filter()
        count = self._session.ledger.count_claims(claim_filter)
        self.count_label.setText(f"{count:,} fact{'s' if count != 1 else ''} will be exported.")
        rows = list(islice(self._session.ledger.factsheet_rows(claim_filter), PREVIEW_ROWS))
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (kind_label(row.kind), row.statement, Status(row.status).label, row.source_title or "")
            for c, text in enumerate(cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.export_button.setEnabled(count > 0 and self.task is None)

    def start_export(self) -> Task | None:
        target = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            self._session.tell("Choose a file to export to.")
            return None
        claim_filter = self.claim_filter()
        total = self._session.ledger.count_claims(claim_filter)
        fmt = self.format_box.currentData()
        self.task = self._work.start(
            f"Exporting {target.name}",
            export_job(target, fmt, claim_filter, total),
            path=self._session.ledger.address,
            writes=False,
            on_progressed=self._on_task_progressed,
            on_finished=self._on_task_finished,
            on_failed=self._on_task_failed,
        )
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.cancel_button.setText("Cancel")
        return self.task

    def _browse(self) -> None:
        spec = EXPORT_FORMATS[self.format_box.currentData()]
        chosen, _ = QFileDialog.getSaveFileName(self, "Export fact sheet", self.path.text(), spec.label)
        if chosen:
            self.path.setText(chosen)

    def _on_format_box_current_index_changed(self, _index: int) -> None:
        spec = EXPORT_FORMATS[self.format_box.currentData()]
        self.path.setText(str(Path(self.path.text()).with_suffix(spec.suffix)))

    def _on_cancel_button_clicked(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        """Escape or the window's close button while exporting also stops the export: no half-wanted file."""
        if self.task is not None:
            self.task.cancel()
        super().reject()

    def _on_task_progressed(self, done: int, _total: int, _label: str) -> None:
        self.progress.setValue(done)

    def _on_task_finished(self, rows: int) -> None:
        self._end_task()
        self.count_label.setText(f"Wrote {rows:,} facts to {self.path.text()}.")
        self.export_finished.emit(self.path.text(), rows)

    def _on_task_failed(self, error: BaseException) -> None:
        self._end_task()
        if isinstance(error, ExportCancelled):
            self.count_label.setText(str(error))
        else:
            self._work.report(error, expected=self._on_task_refused, label="Export")

    def _on_task_refused(self, error: UserError) -> None:
        self.count_label.setText(error.message)
        self._session.tell(error.message)

    def _end_task(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.setText("Close")
        self.export_button.setEnabled(True)
