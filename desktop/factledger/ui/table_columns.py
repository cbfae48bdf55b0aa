"""Column layout helpers for big tables: a show/hide menu on the header, and one column that fills the rest."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView


class ColumnChooser:
    """Checkable entries for every column but the ones that must stay, plus a reset to the defaults.

    `reset` puts back the widths and visibility the table started with (the caller knows them).
    """

    def __init__(self, table: QTableView, *, keep: set[int], reset: Callable[[], None]) -> None:
        self._table = table
        self._keep = keep
        self._reset = reset
        self.menu: QMenu | None = None
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)

    def build_menu(self) -> QMenu:
        """The menu as it would pop up now (also what tests read)."""
        table = self._table
        model = table.model()
        menu = QMenu(table)
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = QAction(title, menu, checkable=True)
            action.setChecked(not table.isColumnHidden(column))
            action.setEnabled(column not in self._keep)
            action.toggled.connect(lambda shown, c=column: table.setColumnHidden(c, not shown))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction("Reset columns")
        reset.triggered.connect(self._reset)
        return menu

    def _on_header_context_menu_requested(self, position: QPoint) -> None:
        header: QHeaderView = self._table.horizontalHeader()
        self.menu = self.build_menu()
        self.menu.popup(header.mapToGlobal(position))


class FillColumn(QObject):
    """One column takes the width the others leave, down to a readable minimum, then the table scrolls.

    Qt's Stretch mode never shrinks a stretched section once the other columns fill the view, so a narrow
    window showed a wide statement and pushed the rest out of sight. Once the person drags that column
    themselves, their width is kept until the columns are reset.
    """

    def __init__(self, table: QTableView, column: int, *, minimum: int) -> None:
        super().__init__(table)
        self._table = table
        self._column = column
        self._minimum = minimum
        self._fitting = False
        self.automatic = True
        header = table.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_header_section_resized)
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        if not self.automatic:
            return
        header = self._table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self._column and not header.isSectionHidden(c)
        )
        self._fitting = True
        try:
            header.resizeSection(self._column, max(self._minimum, self._table.viewport().width() - others))
        finally:
            self._fitting = False

    def reset(self) -> None:
        self.automatic = True
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        if self._fitting:
            return
        if column == self._column:
            self.automatic = False  # the person sized it: keep their width
        else:
            self.fit()
