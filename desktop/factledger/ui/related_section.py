"""RelatedSection: the inspector's list of facts that contradict or restate the shown one, with Link / Dismiss."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from factledger.core import RELATION_WORDS, Related, format_figure, operations
from factledger.domain import Claim, LinkKind

from .session import LedgerSession


class RelatedSection(QGroupBox):
    """One row per related fact: how it relates, its figure, quote and source, and one-click buttons.

    Signals:
        open_requested: the person wants to see a related fact; carries its id.
    """

    open_requested = Signal(str)
    """Show this related fact (table, reader and inspector); the payload is its id."""

    def __init__(self, session: LedgerSession, parent: QWidget | None = None) -> None:
        super().__init__("Related facts", parent)
        self._session = session
        self.claim: Claim | None = None
        self.related: list[Related] = []
        self.rows: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)

    def show_claim(self, claim: Claim | None) -> None:
        self.claim = claim
        self.related = [] if claim is None else self._session.ledger.related(claim.id)
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = [self._row(item) for item in self.related]
        for row in self.rows:
            self._layout.addWidget(row)
        conflicts = sum(1 for r in self.related if r.relation == LinkKind.CONTRADICTS)
        self.setTitle(
            f"Related facts ({len(self.related)})" + (f" · ⚠ {conflicts} contradicting" if conflicts else "")
        )
        self.setVisible(bool(self.related))

    def _row(self, item: Related) -> QWidget:
        other = item.claim
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        figure = format_figure(other.value, other.unit, other.qualifier) if other.value is not None else ""
        source = self._session.ledger.source_titles([other.source_id]).get(other.source_id, other.source_id)
        relation = RELATION_WORDS[item.relation]
        warn = "⚠ " if item.relation == LinkKind.CONTRADICTS else ""
        label = QLabel(
            f"<b>{warn}{html.escape(relation.capitalize())}</b>{' (linked)' if item.linked else ''}: "
            f"<b>{html.escape(figure)}</b> — “{html.escape(other.quote[:160])}”"
            f"<br><small>{html.escape(source)} · {html.escape(item.message)}</small>"
        )
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(label)
        buttons = QHBoxLayout()
        open_button = QPushButton("Show")
        open_button.clicked.connect(lambda: self.open_requested.emit(other.id))
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        if not item.linked:
            dismiss = QPushButton("Dismiss")
            dismiss.setToolTip("Not a real conflict or restatement: stop showing this finding")
            dismiss.clicked.connect(lambda: self.dismiss(item))
            link = QPushButton(f"Link as “{relation}”")
            link.clicked.connect(lambda: self.link(item))
            buttons.addWidget(dismiss)
            buttons.addWidget(link)
        layout.addLayout(buttons)
        row.setProperty("related_id", other.id)
        return row

    def link(self, item: Related) -> None:
        if self.claim is not None:
            claim_id = self.claim.id
            self._session.run(
                operations.link(from_claim=claim_id, to_claim=item.claim.id, kind=item.relation),
                initiator=f"Link facts ({RELATION_WORDS[item.relation]})",
            )

    def dismiss(self, item: Related) -> None:
        if self.claim is not None:
            claim_id = self.claim.id
            self._session.run(
                operations.dismiss_finding(claim_id=claim_id, other_id=item.claim.id, relation=item.relation),
                initiator=f"Dismiss finding ({RELATION_WORDS[item.relation]})",
            )
