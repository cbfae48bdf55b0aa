"""ClaimFieldsForm: the editable fields of one fact, reporting only what the person changed."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from factledger.core import format_figure, parse_number, plain_number
from factledger.domain import Attribution, Claim, ClaimKind, Fulfilment, Qualifier

_TEXT_FIELDS = ("subject", "speaker", "stated_on", "value", "unit", "period")
_COMMITMENT_FIELDS = ("committer", "action", "amount", "delivered", "deadline")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return plain_number(value)  # 4,000,000,000, never 4e+09; the parser reads the commas back
    return str(value)


def _combo(members: list[StrEnum]) -> QComboBox:
    box = QComboBox()
    box.addItem("—", "")
    for member in members:
        label = getattr(member, "label", member.value)
        box.addItem(str(label), member.value)
    return box


class ClaimFieldsForm(QWidget):
    """Plain widgets per field; `changed_fields()` diffs against what `load` showed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statement = QPlainTextEdit()
        self.statement.setFixedHeight(70)
        self.lines: dict[str, QLineEdit] = {
            name: QLineEdit() for name in (*_TEXT_FIELDS, *_COMMITMENT_FIELDS)
        }
        self.lines["stated_on"].setPlaceholderText("YYYY-MM-DD")
        self.lines["deadline"].setPlaceholderText("YYYY-MM-DD")
        self.lines["delivered"].setPlaceholderText("what the evidence shows arrived, same unit")
        self.combos: dict[str, QComboBox] = {
            "attribution": _combo(list(Attribution)),
            "qualifier": _combo(list(Qualifier)),
            "fulfilment": _combo(list(Fulfilment)),
        }
        form = QFormLayout()
        self._form = form
        form.addRow("Statement", self.statement)
        form.addRow("Subject", self.lines["subject"])
        form.addRow("Speaker", self.lines["speaker"])
        form.addRow("Sourcing", self.combos["attribution"])
        form.addRow("Stated on", self.lines["stated_on"])
        form.addRow("Value", self.lines["value"])
        # The figure in words ("$10 billion") right under the digits, so a wrong scale is seen before saving.
        self.value_words = QLabel()
        self.value_words.setEnabled(False)
        self.value_words.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        form.addRow("", self.value_words)
        form.addRow("Unit", self.lines["unit"])
        form.addRow("Qualifier", self.combos["qualifier"])
        form.addRow("Period", self.lines["period"])
        self.commitment = QGroupBox("Commitment")
        commitment_form = QFormLayout(self.commitment)
        commitment_form.addRow("Committer", self.lines["committer"])
        commitment_form.addRow("Action", self.lines["action"])
        commitment_form.addRow("Amount", self.lines["amount"])
        commitment_form.addRow("Delivered", self.lines["delivered"])
        commitment_form.addRow("Deadline", self.lines["deadline"])
        commitment_form.addRow("Fulfilment", self.combos["fulfilment"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.commitment)
        layout.addStretch(1)  # spare height goes below the fields; the form spread its rows apart otherwise
        self._shown: dict[str, str] = {}
        for name in ("value", "unit", "amount"):
            self.lines[name].textChanged.connect(self._update_words)
        self.combos["qualifier"].currentIndexChanged.connect(self._update_words)

    def load(self, claim: Claim) -> None:
        self.load_values(claim.kind, claim.statement, {name: getattr(claim, name) for name in self._names()})

    def load_values(self, kind: ClaimKind, statement: str, values: dict[str, object]) -> None:
        """Show any fact-shaped values (a logged fact, or a suggestion's draft); missing ones are blank."""
        self.statement.setPlainText(statement)
        for name, line in self.lines.items():
            line.setText(_text(values.get(name)))
            line.setCursorPosition(0)
        for name, box in self.combos.items():
            value = values.get(name)
            box.setCurrentIndex(max(0, box.findData("" if value is None else str(value))))
        self.commitment.setVisible(kind == ClaimKind.COMMITMENT)
        self._shown = self._values()
        self._update_words()

    def _names(self) -> tuple[str, ...]:
        return (*self.lines, *self.combos)

    def _update_words(self) -> None:
        number = parse_number(self.lines["value"].text()) if self.lines["value"].text().strip() else None
        if number is None and self.lines["amount"].text().strip():
            number = parse_number(self.lines["amount"].text())
        qualifier = self.combos["qualifier"].currentData() or None
        words = format_figure(number, self.lines["unit"].text().strip() or None, qualifier) if number else ""
        self.value_words.setText(words)
        self._form.setRowVisible(self.value_words, bool(words))  # no empty gap under a blank value

    def _values(self) -> dict[str, str]:
        values = {"statement": self.statement.toPlainText().strip()}
        values.update({name: line.text().strip() for name, line in self.lines.items()})
        values.update({name: box.currentData() for name, box in self.combos.items()})
        return values

    def changed_fields(self) -> dict[str, Any]:
        current = self._values()
        return {name: value for name, value in current.items() if value != self._shown.get(name)}
