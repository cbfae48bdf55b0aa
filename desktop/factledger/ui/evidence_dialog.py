"""EvidenceDialog: cite a span of another source in the ledger, or a URL with a quote, for or against a fact."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factledger.core import RELATION_WORDS, EvidenceInput, Related, format_figure
from factledger.domain import LinkKind, Stance

from .style import reading_font
from .text_positions import TextPositions

if TYPE_CHECKING:
    from factledger.core import Ledger


class EvidenceDialog(QDialog):
    """Two ways to cite: select the words in another source's text, or give a URL and its quote."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        exclude_source: str | None,
        related: Sequence[Related] = (),
        parent: QWidget | None = None,
    ) -> None:
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
        # Facts the check found related (a restatement supports, a contradiction contradicts) come first.
        self.related_page = QWidget()
        self.related_list = QListWidget()
        self.related_list.setWordWrap(True)
        self._related = list(related)
        for item in self._related:
            figure = format_figure(item.claim.value, item.claim.unit, item.claim.qualifier)
            title = ledger.source_titles([item.claim.source_id]).get(item.claim.source_id, "")
            entry = QListWidgetItem(
                f"{RELATION_WORDS[item.relation].capitalize()}: {figure} — “{item.claim.quote}” ({title})"
            )
            self.related_list.addItem(entry)
        related_layout = QVBoxLayout(self.related_page)
        related_layout.addWidget(QLabel("Cite a related fact's quote as the evidence:"))
        related_layout.addWidget(self.related_list)
        self.related_list.currentRowChanged.connect(self._on_related_list_current_row_changed)
        self.source_page = source_page
        self.url_page = url_page
        if self._related:
            self.tabs.addTab(self.related_page, f"Related facts ({len(self._related)})")
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
        if self._related:
            self.related_list.setCurrentRow(0)
            self.tabs.setCurrentWidget(self.related_page)
        elif self.source_box.count() == 0:
            self.tabs.setCurrentWidget(url_page)
        self.resize(640, 520)

    def select_source_span(self, source_id: str, start: int, end: int) -> None:
        """Choose a source and select a span of it, as a person would with the mouse."""
        self.tabs.setCurrentWidget(self.source_page)
        self.source_box.setCurrentIndex(self.source_box.findData(source_id))
        cursor = self.source_text.textCursor()
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), cursor.MoveMode.KeepAnchor)
        self.source_text.setTextCursor(cursor)

    def evidence(self) -> EvidenceInput:
        stance = Stance(self.stance.currentData())
        note = self.note.text().strip() or None
        row = self.related_list.currentRow()
        if self.tabs.currentWidget() is self.related_page and 0 <= row < len(self._related):
            chosen = self._related[row].claim
            return EvidenceInput(
                stance=stance,
                source_id=chosen.source_id,
                start=chosen.start,
                end=chosen.end,
                note=note or f"Related fact {chosen.id} ({RELATION_WORDS[self._related[row].relation]})",
            )
        if self.tabs.currentWidget() is self.source_page:
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

    def _on_related_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._related):
            contradicts = self._related[row].relation == LinkKind.CONTRADICTS
            wanted = Stance.CONTRADICTS if contradicts else Stance.SUPPORTS
            self.stance.setCurrentIndex(max(0, self.stance.findData(wanted.value)))

    def _on_source_box_current_index_changed(self, _index: int) -> None:
        source_id = self.source_box.currentData()
        text = self._ledger.source(source_id).text if source_id else ""
        self._positions = TextPositions(text)
        self.source_text.setPlainText(text)
