"""StatusDialog: one status and one reason for the chosen fact or every selected fact; Enter commits."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from factledger.domain import Status


class StatusDialog(QDialog):
    """Asks for the status and, when the status needs one, the reason; OK stays disabled until it is given."""

    def __init__(self, count: int, current: Status | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set status" if count == 1 else f"Set status of {count:,} facts")
        self.status_box = QComboBox()
        for status in Status:
            self.status_box.addItem(status.label, status.value)
        if current is not None:
            self.status_box.setCurrentIndex(self.status_box.findData(current.value))
        self.reason = QLineEdit(placeholderText="Why (required for false, disputed, partly true)")
        self.note = QLabel(" ")
        # The note always holds a line, so the dialog never jumps when "A reason is required." appears.
        self.note.setMinimumHeight(self.note.sizeHint().height())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Set status" if count == 1 else f"Set status of {count:,} facts")
        form = QFormLayout(self)
        form.addRow(QLabel(f"{count:,} fact{'s' if count != 1 else ''} selected"))
        form.addRow("&Status", self.status_box)
        form.addRow("&Reason", self.reason)
        form.addRow("", self.note)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.status_box.currentIndexChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.reason.returnPressed.connect(self._commit_from_reason)
        self._update()

    def status(self) -> Status:
        return Status(self.status_box.currentData())

    def reason_text(self) -> str | None:
        return self.reason.text().strip() or None

    def _missing_reason(self) -> bool:
        return self.status().needs_reason and self.reason_text() is None

    def _update(self) -> None:
        missing = self._missing_reason()
        self.ok_button.setEnabled(not missing)
        self.note.setText("A reason is required." if missing else " ")

    def _commit_from_reason(self) -> None:
        if not self._missing_reason():
            self.accept()
