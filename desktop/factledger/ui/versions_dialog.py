"""The versions of a source: pick one to read, or two to see what changed between them word by word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from factledger.core import VersionInfo

from .diff_view import DiffView

if TYPE_CHECKING:
    from factledger.core import Ledger


def version_label(version: VersionInfo) -> str:
    return f"Version {version.version} · seen {version.imported_at[:10]} · {version.size:,} characters"


class VersionsDialog(QDialog):
    """Shows either version of a source, or the differences from one to another (removed words struck
    through in red, added words in green)."""

    def __init__(self, ledger: Ledger, source_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.versions = ledger.versions(source_id)
        title = ledger.source(source_id).title or source_id
        self.setWindowTitle(f"Versions of “{title}”")
        self.resize(900, 640)
        self.old = QComboBox()
        self.new = QComboBox()
        for version in self.versions:
            self.old.addItem(version_label(version), version.id)
            self.new.addItem(version_label(version), version.id)
        self.mode = QComboBox()
        self.mode.addItems(["Differences", "Show the first", "Show the second"])
        self.old.setCurrentIndex(max(0, len(self.versions) - 2))
        self.new.setCurrentIndex(len(self.versions) - 1)
        self.summary = QLabel()
        self.view = DiffView()
        row = QHBoxLayout()
        row.addWidget(QLabel("From"))
        row.addWidget(self.old, 1)
        row.addWidget(QLabel("to"))
        row.addWidget(self.new, 1)
        row.addWidget(self.mode)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        for combo in (self.old, self.new, self.mode):
            combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        old_id, new_id = self.old.currentData(), self.new.currentData()
        if old_id is None or new_id is None:
            return
        old_text = self._ledger.source(old_id).text
        new_text = self._ledger.source(new_id).text
        mode = self.mode.currentIndex()
        if mode == 1:
            self.view.show_text(old_text)
            self.summary.setText(self.old.currentText())
        elif mode == 2:
            self.view.show_text(new_text)
            self.summary.setText(self.new.currentText())
        else:
            self.view.show_diff(old_text, new_text)
            self.summary.setText(
                f"{self.view.changes} changes: removed words struck through in red, added words in green"
                if self.view.changes
                else "The two versions read the same."
            )
