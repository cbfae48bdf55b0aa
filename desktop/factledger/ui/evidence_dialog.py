"""EvidenceDialog: cite a span of another source in the ledger, or a URL with a quote, for or against a fact."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factledger.core import EvidenceInput, Ledger
from factledger.domain import Stance

from .style import reading_font
from .text_positions import TextPositions


class EvidenceDialog(QDialog):
    """Two ways to cite: select the words in another source's text, or give a URL and its quote."""

    def __init__(self, ledger: Ledger, *, exclude_source: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add evidence")
        self._ledger = ledger
        self._positions = TextPositions("")
        self.stance = QComboBox()
        for stance in Stance:
            self.stance.addItem(stance.value.capitalize(), stance.value)
        self.tabs = QTabWidget()
        source_page = QWidget()
        self.source_box = QComboBox()
        for source in ledger.sources():
            if source.id != exclude_source:
                self.source_box.addItem(source.title or source.file_name or source.id, source.id)
        self.source_text = QPlainTextEdit(readOnly=True)
        self.source_text.setFont(reading_font())
        source_layout = QVBoxLayout(source_page)
        source_layout.addWidget(self.source_box)
        source_layout.addWidget(QLabel("Select the words that support or contradict the fact:"))
        source_layout.addWidget(self.source_text)
        url_page = QWidget()
        self.url = QLineEdit(placeholderText="https://…")
        self.url_quote = QPlainTextEdit()
        url_form = QFormLayout(url_page)
        url_form.addRow("URL", self.url)
        url_form.addRow("Quote", self.url_quote)
        self.tabs.addTab(source_page, "From a source in this ledger")
        self.tabs.addTab(url_page, "From a web page")
        self.note = QLineEdit(placeholderText="Why this matters (optional)")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Stance", self.stance)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.source_box.currentIndexChanged.connect(self._on_source_box_current_index_changed)
        self._on_source_box_current_index_changed(self.source_box.currentIndex())
        if self.source_box.count() == 0:
            self.tabs.setCurrentIndex(1)
        self.resize(640, 520)

    def select_source_span(self, source_id: str, start: int, end: int) -> None:
        """Choose a source and select a span of it, as a person would with the mouse."""
        self.tabs.setCurrentIndex(0)
        self.source_box.setCurrentIndex(self.source_box.findData(source_id))
        cursor = self.source_text.textCursor()
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), cursor.MoveMode.KeepAnchor)
        self.source_text.setTextCursor(cursor)

    def evidence(self) -> EvidenceInput:
        stance = Stance(self.stance.currentData())
        note = self.note.text().strip() or None
        if self.tabs.currentIndex() == 0:
            cursor = self.source_text.textCursor()
            if cursor.hasSelection():
                return EvidenceInput(
                    stance=stance,
                    source_id=self.source_box.currentData(),
                    start=self._positions.to_python(cursor.selectionStart()),
                    end=self._positions.to_python(cursor.selectionEnd()),
                    note=note,
                )
            return EvidenceInput(stance=stance, source_id=self.source_box.currentData(), note=note)
        return EvidenceInput(
            stance=stance,
            url=self.url.text().strip() or None,
            quote=self.url_quote.toPlainText().strip() or None,
            note=note,
        )

    def _on_source_box_current_index_changed(self, _index: int) -> None:
        source_id = self.source_box.currentData()
        text = self._ledger.source(source_id).text if source_id else ""
        self._positions = TextPositions(text)
        self.source_text.setPlainText(text)
