"""ChartsTab: the Charts tab's place in the main window, which builds its `ChartsPanel` when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from factledger.domain import ClaimFilter

from .session import LedgerSession
from .tasks import TaskRunner

if TYPE_CHECKING:
    from .charts import ChartsPanel


class ChartsTab(QWidget):
    """Holds the charts panel, built (and pyqtgraph with numpy imported) the first time the tab is shown.

    pyqtgraph, numpy and four plot widgets were a quarter of the time to the first window, for a tab many
    sessions never open. Until the panel exists the tab only remembers the table's filter, which the panel
    starts from; `panel` builds it on demand for code (and tests) that reach the charts before the person does.

    Signals:
        claim_selected: a fact was clicked on a chart; carries the claim id.
    """

    claim_selected = Signal(str)
    """A fact was clicked on a chart; the payload is its claim id."""

    def __init__(self, session: LedgerSession, parent: QWidget | None = None, *, tasks: TaskRunner) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._filter = ClaimFilter()
        self._panel: ChartsPanel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        """Whether the panel exists yet (it does once the tab was shown or `panel` was read)."""
        return self._panel is not None

    @property
    def panel(self) -> ChartsPanel:
        """The charts panel, built on first access with the filter the table has now."""
        return self._panel if self._panel is not None else self._build_panel()

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        """Follow the claims table's filter: the panel's if it exists, else remembered for when it does."""
        self._filter = claim_filter
        if self._panel is not None:
            self._panel.set_filter(claim_filter)

    def showEvent(self, event: QShowEvent) -> None:
        if self._panel is None:
            self._build_panel()
        super().showEvent(event)

    def _build_panel(self) -> ChartsPanel:
        from .charts import ChartsPanel

        panel = ChartsPanel(self._session, self, tasks=self._tasks)
        panel.set_filter(self._filter)
        panel.claim_selected.connect(self.claim_selected)
        self._layout.addWidget(panel)
        panel.show()  # a child added after its parent was shown stays hidden until told (or a loop turn later)
        self._panel = panel
        return panel
