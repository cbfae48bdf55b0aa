"""SourcesPanel: the imported sources with their outlet, date, number of facts and open suggestions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factledger.domain import Changes

from .session import LedgerSession
from .source_actions import SourceActions

SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_COUNT_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
"""Built once: combining Qt flags goes through Python's enum machinery, 2,000 times per reload of 1,000 sources."""


class SourcesPanel(QWidget):
    """A short list (sources are few next to facts), reloaded whenever sources or suggestions change.

    Signals:
        source_selected: a source was chosen; carries its id.
    """

    source_selected = Signal(str)
    """A source was chosen; the payload is its id."""

    def __init__(self, session: LedgerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Source", "Facts", "Open"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        # "Fact Sheet: Japan…" and "Fact Sheet: Korea…" differ at the end: cut long titles in the middle.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            # Sized from the largest count in `reload`: fitting to contents would measure every row.
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.tree.headerItem().setToolTip(2, "Open suggestions waiting for triage")
        self.source_actions = SourceActions(session, self.current_source_id, self)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.addActions(list(self.source_actions.actions))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        session.changed.connect(self._on_session_changed)
        self.reload()

    def reload(self) -> None:
        current = self.current_source_id()
        sources = self._session.ledger.sources()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._size_count_columns(
            max((s.claim_count for s in sources), default=0),
            max((s.suggestion_count for s in sources), default=0),
        )
        for source in sources:
            title = source.title or source.file_name or source.url or source.id
            changed = (
                f"{source.versions} versions, changed {source.changed_on}" if source.versions > 1 else ""
            )
            # Outlet and date first on the second line: they tell same-titled sources apart at a glance.
            meta = " · ".join(p for p in (source.outlet, (source.published or "")[:10], changed) if p)
            item = QTreeWidgetItem(
                [f"{title}\n{meta}" if meta else title, str(source.claim_count), str(source.suggestion_count)]
            )
            item.setData(0, SOURCE_ID_ROLE, source.id)
            item.setToolTip(0, "\n".join(p for p in (title, meta, source.url or source.file_name or "") if p))
            for column in (1, 2):
                item.setTextAlignment(column, _COUNT_ALIGNMENT)
            self.tree.addTopLevelItem(item)
            if source.id == current:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.source_actions.update_enabled()

    def _size_count_columns(self, most_facts: int, most_open: int) -> None:
        """Wide enough for the header and the largest count, whichever row holds it."""
        header = self.tree.header()
        metrics = self.tree.fontMetrics()
        for column, largest in ((1, most_facts), (2, most_open)):
            title = self.tree.headerItem().text(column)
            text_width = max(metrics.horizontalAdvance(str(largest)), metrics.horizontalAdvance(title))
            header.resizeSection(
                column, text_width + 2 * self.tree.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
            )

    def current_source_id(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, SOURCE_ID_ROLE)

    def source_ids(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item.data(0, SOURCE_ID_ROLE) for item in items if item is not None]

    def select_source(self, source_id: str) -> None:
        """Choose a source (and announce it), e.g. after an import or when another panel shows a fact."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, SOURCE_ID_ROLE) == source_id:
                if self.tree.currentItem() is item:
                    self.source_selected.emit(source_id)
                else:
                    self.tree.setCurrentItem(item)
                return

    def _on_tree_item_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.source_actions.edit_details()

    def _on_tree_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.source_actions.update_enabled()
        if current is not None:
            self.source_selected.emit(current.data(0, SOURCE_ID_ROLE))

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.sources or changes.suggestions or changes.claims or changes.ledger_replaced:
            self.reload()
