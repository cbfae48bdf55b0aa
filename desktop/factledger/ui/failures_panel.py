"""FailuresPanel: a non-modal list of inputs that could not be imported, with the file name and the reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class FailuresPanel(QWidget):
    """Kept out of the way in a dock: import goes on for the other files while a person reads why one failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Input", "Reason"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.summary = QLabel()
        clear = QPushButton("Clear")
        clear.clicked.connect(self.clear)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)

    def add_failure(self, label: str, reason: str) -> None:
        if reason.startswith(f"{label}: "):
            reason = reason[len(label) + 2 :]
        item = QTreeWidgetItem([label, reason])
        item.setToolTip(1, reason)
        self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self._update_summary()

    def failures(self) -> list[tuple[str, str]]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item is not None]

    def clear(self) -> None:
        self.tree.clear()
        self._update_summary()

    def _update_summary(self) -> None:
        count = self.tree.topLevelItemCount()
        self.summary.setText(f"{count} input{'s' if count != 1 else ''} could not be imported.")
