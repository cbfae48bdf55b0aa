"""AcceptDialog: accept a suggestion after correcting what extraction understood of it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from factledger.core import format_figure, plain_number
from factledger.domain import Attribution, Suggestion

from .style import kind_label


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return plain_number(value)  # "4,000,000,000", never "4e+09"
    return str(value)


class AcceptDialog(QDialog):
    """Shows the quote read-only and the fields as extraction read them; `overrides()` returns what changed."""

    def __init__(self, suggestion: Suggestion, statement: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accept with edits")
        self._suggestion = suggestion
        self._initial: dict[str, str] = {}
        quote = QLabel(f"“{suggestion.quote}”")
        quote.setWordWrap(True)
        self.statement = QPlainTextEdit(statement)
        self.statement.setFixedHeight(80)
        self.subject = QLineEdit(_text(suggestion.subject))
        self.speaker = QLineEdit(_text(suggestion.speaker))
        self.attribution = QComboBox()
        self.attribution.addItem("—", "")
        for attribution in Attribution:
            self.attribution.addItem(attribution.label, str(attribution))
        self.attribution.setCurrentIndex(max(0, self.attribution.findData(_text(suggestion.attribution))))
        self.value = QLineEdit(_text(suggestion.value if suggestion.value is not None else suggestion.amount))
        self.unit = QLineEdit(_text(suggestion.unit))
        form = QFormLayout(self)
        form.addRow("Quote", quote)
        form.addRow("Kind", QLabel(kind_label(suggestion.kind)))
        form.addRow("Statement", self.statement)
        form.addRow("Subject", self.subject)
        form.addRow("Speaker", self.speaker)
        form.addRow("Sourcing", self.attribution)
        form.addRow("Value", self.value)
        form.addRow("Unit", self.unit)
        figure = suggestion.value if suggestion.value is not None else suggestion.amount
        if figure is not None:
            form.addRow("Reads as", QLabel(format_figure(figure, suggestion.unit, suggestion.qualifier)))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Accept")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.resize(520, self.sizeHint().height())
        self._initial = self._values()

    def _values(self) -> dict[str, str]:
        return {
            "statement": self.statement.toPlainText().strip(),
            "subject": self.subject.text().strip(),
            "speaker": self.speaker.text().strip(),
            "attribution": self.attribution.currentData(),
            "value": self.value.text().strip(),
            "unit": self.unit.text().strip(),
        }

    def overrides(self) -> dict[str, Any]:
        """Only the fields the person changed, so the rest keeps what extraction found."""
        current = self._values()
        return {key: value for key, value in current.items() if value != self._initial[key]}
