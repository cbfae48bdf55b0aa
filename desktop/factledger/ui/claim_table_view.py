"""ClaimTableView: the claims table with its filter bar and a search box that filters as you type."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factledger.domain import Attribution, Changes, ClaimFilter, ClaimKind, Status

from .claim_table_model import COLUMNS, ClaimTableModel
from .session import LedgerSession
from .style import kind_label
from .table_columns import ColumnChooser, FillColumn

SEARCH_DELAY_MS = 250
STATEMENT_MIN_WIDTH = 160
"""Below this the statement column stops shrinking and the table scrolls sideways instead."""


class ClaimTableView(QWidget):
    """Filters, search and the table; selecting a row announces the fact's id.

    Signals:
        claim_selected: a row was chosen; carries the fact's id.
    """

    claim_selected = Signal(str)
    """A row was chosen by the person; the payload is the fact's id."""

    def __init__(self, session: LedgerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = ClaimTableModel(session, self)
        self.search_box = QLineEdit(
            placeholderText="Search facts (full text)…  Ctrl+F", clearButtonEnabled=True
        )
        self.search_box.setMinimumWidth(220)
        self.kind_box = self._combo("All kinds", [(kind_label(k), k) for k in ClaimKind])
        self.status_box = self._combo("All statuses", [(s.label, s) for s in Status])
        self.sourcing_box = self._combo("All sourcing", [(a.label, a) for a in Attribution])
        self.source_box = QComboBox()
        # Titles can be long: the box asks for room for about 18 characters and elides the rest.
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_box.setMinimumContentsLength(18)
        self.date_from = QLineEdit(placeholderText="from YYYY-MM-DD")
        self.date_to = QLineEdit(placeholderText="to YYYY-MM-DD")
        for box in (self.date_from, self.date_to):
            box.setFixedWidth(box.fontMetrics().horizontalAdvance("from YYYY-MM-DD") + 16)
        self.count_label = QLabel()
        self.empty_hint = QLabel()  # over the table's viewport while there is no row to show
        self._filter_widgets: tuple[QWidget, ...] = (
            self.kind_box,
            self.status_box,
            self.sourcing_box,
            self.source_box,
            self.date_from,
            self.date_to,
        )
        self._first_row = QHBoxLayout()
        # The choice boxes move here when one row would crush them; the dates stay beside the search.
        self._second_row = QHBoxLayout()
        self._wrapping: tuple[QWidget, ...] = self._filter_widgets[:4]
        self.filters_wrapped = False
        self.table = QTableView()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._selected_id: str | None = None
        self._fill_context_menu: Callable[[QMenu], None] | None = None
        self.context_menu: QMenu | None = None
        self._build()
        self._fill_sources()
        self._update_count()
        session.changed.connect(self._on_session_changed)

    def _build(self) -> None:
        bar = self._first_row
        bar.addWidget(self.search_box, 3)
        for widget in self._filter_widgets:
            bar.addWidget(widget)
        bar.addWidget(self.count_label)
        table = self.table
        table.setModel(self.model)
        # The default order is by source, each source's facts in reading order, so edits leave rows in place.
        source = next(i for i, c in enumerate(COLUMNS) if c.key == "source")
        table.horizontalHeader().setSortIndicator(source, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once take one status with one reason (Fact ▸ Set status); Tab leaves the table.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setTabKeyNavigation(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().hide()
        statement = next(i for i, c in enumerate(COLUMNS) if c.key == "statement")
        self.statement_fill = FillColumn(table, statement, minimum=STATEMENT_MIN_WIDTH)
        self._reset_columns()
        self.column_chooser = ColumnChooser(table, keep={statement}, reset=self._reset_columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        # The one-row bar must not set the view's minimum width: a narrower view wraps it instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(bar)
        layout.addLayout(self._second_row)
        layout.addWidget(table)
        self.empty_hint.setParent(table.viewport())
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setEnabled(False)  # drawn in the palette's disabled text colour: a hint, not data
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self._search_timer.timeout.connect(self._apply_filter)
        for box in (self.kind_box, self.status_box, self.sourcing_box, self.source_box):
            box.currentIndexChanged.connect(self._apply_filter)
        self.date_from.editingFinished.connect(self._apply_filter)
        self.date_to.editingFinished.connect(self._apply_filter)
        table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        # A click on the row that is already current still means "show me this fact" (the inspector may be
        # showing a suggestion's draft meanwhile).
        table.clicked.connect(self._on_table_clicked)
        self.model.modelReset.connect(self._on_model_reset)

    def _reset_columns(self) -> None:
        """The statement takes whatever width is left (`FillColumn`); the other columns keep widths that fit
        their usual content, so every column is visible without scrolling sideways in a wide window."""
        header = self.table.horizontalHeader()
        widths = {
            "kind": 96,  # "Commitment" in full
            "status": 84,
            "value": 100,
            "related": 120,
            "subject": 96,
            "speaker": 96,
            "attribution": 92,
            "source": 96,
            "stated_on": 80,
        }
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnHidden(i, False)
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            if column.key != "statement":
                header.resizeSection(i, widths[column.key])
        self.statement_fill.reset()

    def header_state(self) -> QByteArray:
        """Column order, widths, hidden columns and sort, for the window to remember."""
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> bool:
        restored = self.table.horizontalHeader().restoreState(state)
        self.statement_fill.reset()
        return restored

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._wrap_filters(event.size().width())
        self._place_empty_hint()

    def _wrap_filters(self, width: int) -> None:
        """One row of search and filters when it fits; otherwise the filters get a row of their own."""
        spacing = max(self._first_row.spacing(), 0)
        needed = sum(w.sizeHint().width() + spacing for w in self._filter_widgets)
        needed += self.search_box.minimumWidth() + self.count_label.sizeHint().width() + spacing
        wrap = width < needed
        if wrap == self.filters_wrapped:
            return
        self.filters_wrapped = wrap
        for widget in self._wrapping:
            (self._first_row if wrap else self._second_row).removeWidget(widget)
        if wrap:
            for widget in self._wrapping:
                self._second_row.addWidget(widget)
        else:
            for position, widget in enumerate(self._wrapping, start=1):
                self._first_row.insertWidget(position, widget)

    @staticmethod
    def _combo(everything: str, items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(9)
        box.addItem(everything, None)
        for label, value in items:
            box.addItem(label, value)
        return box

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def current_filter(self) -> ClaimFilter:
        def chosen(box: QComboBox) -> frozenset:
            value = box.currentData()
            return frozenset() if value is None else frozenset({value})

        text = self.search_box.text().strip()
        return ClaimFilter(
            kinds=chosen(self.kind_box),
            statuses=chosen(self.status_box),
            attributions=chosen(self.sourcing_box),
            source_ids=chosen(self.source_box),
            date_from=self.date_from.text().strip() or None,
            date_to=self.date_to.text().strip() or None,
            text=text or None,
        )

    def select_claim(self, claim_id: str) -> None:
        """Select and show the row of a fact, if it is in the current filter."""
        self._selected_id = claim_id
        row = self.model.row_of(claim_id)
        if row is None:
            self.table.clearSelection()
            return
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.blockSignals(False)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def selected_claim_ids(self) -> list[str]:
        """The facts of every selected row, in row order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = (self.model.claim_id_at(row) for row in rows)
        return [claim_id for claim_id in ids if claim_id is not None]

    def set_context_actions(self, fill: Callable[[QMenu], None]) -> None:
        self._fill_context_menu = fill

    def build_context_menu(self) -> QMenu:
        menu = QMenu(self.table)
        if self._fill_context_menu is not None:
            self._fill_context_menu(menu)
        return menu

    def _on_table_context_menu_requested(self, position: QPoint) -> None:
        self.context_menu = self.build_context_menu()
        self.context_menu.popup(self.table.viewport().mapToGlobal(position))

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._update_count()

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(f"{count:,} fact{'s' if count != 1 else ''}")
        self._update_empty_hint(count)

    def _update_empty_hint(self, count: int) -> None:
        """An empty table says why and what to do, rather than showing bare headers."""
        if count:
            self.empty_hint.hide()
            return
        if not self.model.claim_filter.is_empty:
            text = "No facts match these filters and this search."
        elif self.source_box.count() > 1:  # the source filter lists every source after "All sources"
            text = (
                "No facts logged yet. In the reader above, press A to accept a suggestion "
                "(J and K move between them), or select any words and press 1, 2 or 3."
            )
        else:
            text = "No facts yet. Drop an article anywhere on this window, paste one with Ctrl+V, or use File ▸ Import."
        self.empty_hint.setText(text)
        self.empty_hint.show()
        self._place_empty_hint()

    def _place_empty_hint(self) -> None:
        viewport = self.table.viewport()
        self.empty_hint.setGeometry(viewport.rect().adjusted(24, 16, -24, -16))

    def _fill_sources(self) -> None:
        current = self.source_box.currentData()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        self.source_box.addItem("All sources", None)
        for source in self._session.ledger.sources():
            self.source_box.addItem((source.title or source.file_name or source.id)[:50], source.id)
        found = self.source_box.findData(current)
        self.source_box.setCurrentIndex(max(found, 0))
        self.source_box.blockSignals(False)

    def _on_search_box_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim_id = self.model.claim_id_at(current.row()) if current.isValid() else None
        if claim_id is not None and claim_id != self._selected_id:
            self._selected_id = claim_id
            self.claim_selected.emit(claim_id)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        claim_id = self.model.claim_id_at(index.row()) if index.isValid() else None
        if claim_id is not None and len(self.table.selectionModel().selectedRows()) <= 1:
            self._selected_id = claim_id
            self.claim_selected.emit(claim_id)

    def _on_model_reset(self) -> None:
        self._update_count()
        if self._selected_id is not None:
            self.select_claim(self._selected_id)

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.sources or changes.ledger_replaced:
            self._fill_sources()
        if changes.ledger_replaced:
            self._selected_id = None
        self._update_count()
