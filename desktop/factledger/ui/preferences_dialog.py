"""PreferencesDialog: the reviewer name written into the history of every change."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

REVIEWER_KEY = "reviewer/name"


class PreferencesDialog(QDialog):
    """Stores into the injected QSettings; the caller hands the name to `ledger.actor` on accept."""

    def __init__(self, settings: QSettings, *, current_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._settings = settings
        self.reviewer = QLineEdit(str(settings.value(REVIEWER_KEY, current_name)))
        self.reviewer.setPlaceholderText("Your name, as it should appear in the history")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Reviewer name", self.reviewer)
        form.addRow(buttons)
        self.resize(420, self.sizeHint().height())

    def reviewer_name(self) -> str:
        return self.reviewer.text().strip()

    def accept(self) -> None:
        self._settings.setValue(REVIEWER_KEY, self.reviewer_name())
        super().accept()
