"""SourceDetailsDialog: correct a source's title, outlet, address, publication date and authors."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from factledger.domain import Source


class SourceDetailsDialog(QDialog):
    """Fields start with what import found; `values()` returns only what the person changed.

    The text is not editable here: every fact's quote is a span of it.
    """

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Source details")
        self.setMinimumWidth(520)
        self._initial = {
            "title": source.title or "",
            "outlet": source.outlet or "",
            "url": source.url or "",
            "published": source.published or "",
            "authors": ", ".join(source.authors),
        }
        self.title = QLineEdit(
            self._initial["title"], placeholderText=f"shown as {source.file_name or source.url or source.id}"
        )
        self.outlet = QLineEdit(self._initial["outlet"], placeholderText="e.g. Headlight.News")
        self.url = QLineEdit(self._initial["url"], placeholderText="https://…")
        self.published = QLineEdit(self._initial["published"], placeholderText="YYYY-MM-DD")
        self.published.setToolTip(
            "Facts without a date of their own are placed on the timeline, filtered and exported by this date."
        )
        self.authors = QLineEdit(self._initial["authors"], placeholderText="names, separated by commas")
        self.reason = QLineEdit(placeholderText="Why (optional; kept in the history)")
        imported = QLabel(
            f"Imported {source.imported_at[:16].replace('T', ' ')} UTC from "
            f"{source.file_name or source.url or 'pasted text'} ({source.media_type})"
        )
        imported.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Outlet", self.outlet)
        form.addRow("Address", self.url)
        form.addRow("Published", self.published)
        form.addRow("Authors", self.authors)
        form.addRow("Reason", self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(imported)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        """The details the person changed, as typed (the core checks and normalizes them)."""
        current = {
            "title": self.title.text(),
            "outlet": self.outlet.text(),
            "url": self.url.text(),
            "published": self.published.text(),
            "authors": self.authors.text(),
        }
        return {k: v for k, v in current.items() if v.strip() != self._initial[k].strip()}
