"""LinkDialog (link the chosen fact to another, related facts first) and CheckDialog (the ledger's findings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factledger.core import RELATION_WORDS, format_figure
from factledger.domain import Claim, ClaimFilter, ClaimOrder, LinkKind

if TYPE_CHECKING:
    from factledger.core import Ledger

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RELATION_ROLE = Qt.ItemDataRole.UserRole + 2
RECENT_CANDIDATES = 200


def _describe(claim: Claim, title: str) -> str:
    figure = format_figure(claim.value, claim.unit, claim.qualifier) if claim.value is not None else ""
    return " — ".join(p for p in (figure, f"“{claim.statement[:120]}”", title) if p)


class LinkDialog(QDialog):
    """Pick the other fact (related ones first, then the same subject, then recent facts) and the relation."""

    def __init__(self, ledger: Ledger, claim: Claim, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link facts")
        self.claim = claim
        self.kind_box = QComboBox()
        for kind in LinkKind:
            self.kind_box.addItem(RELATION_WORDS[kind], kind.value)
        self.filter = QLineEdit(placeholderText="Type to narrow the list…", clearButtonEnabled=True)
        self.candidates = QListWidget()
        self.candidates.setWordWrap(True)
        seen = {claim.id}
        related = ledger.related(claim.id)
        others: list[tuple[Claim, LinkKind | None]] = [(r.claim, r.relation) for r in related]
        seen.update(r.claim.id for r in related)
        pools = []
        if claim.subject:
            pools.append(
                ledger.claims(ClaimFilter(subject=claim.subject), ClaimOrder(), limit=RECENT_CANDIDATES)
            )
        pools.append(ledger.claims(ClaimFilter(), ClaimOrder(), limit=RECENT_CANDIDATES))
        for pool in pools:
            for other in pool:
                if other.id not in seen:
                    seen.add(other.id)
                    others.append((other, None))
        titles = ledger.source_titles({c.source_id for c, _ in others})
        for other, relation in others:
            prefix = f"[{RELATION_WORDS[relation]}] " if relation is not None else ""
            item = QListWidgetItem(prefix + _describe(other, titles.get(other.source_id, "")))
            item.setData(CLAIM_ID_ROLE, other.id)
            item.setData(RELATION_ROLE, None if relation is None else relation.value)
            self.candidates.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Link")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        heading = QLabel(f"<b>This fact</b>: {_describe(claim, '')}")
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        kind_form = QFormLayout()
        kind_form.addRow("&Relation", self.kind_box)
        layout.addLayout(kind_form)
        layout.addWidget(self.filter)
        layout.addWidget(self.candidates, 1)
        layout.addWidget(self.buttons)
        self.candidates.currentItemChanged.connect(self._on_candidates_current_item_changed)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)
        self.resize(640, 480)

    def other_id(self) -> str | None:
        item = self.candidates.currentItem()
        return None if item is None else str(item.data(CLAIM_ID_ROLE))

    def kind(self) -> LinkKind:
        return LinkKind(self.kind_box.currentData())

    def _on_candidates_current_item_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        relation = None if item is None else item.data(RELATION_ROLE)
        if relation:
            self.kind_box.setCurrentIndex(self.kind_box.findData(relation))

    def _on_filter_text_changed(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.candidates.count()):
            item = self.candidates.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())


class CheckDialog(QDialog):
    """The consistency check's open findings; Enter or a double-click shows the first fact of one.

    Signals:
        claim_chosen: the person chose a finding; carries the id of its first fact.
    """

    claim_chosen = Signal(str)
    """Show this fact; the payload is its id."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check ledger")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Finding", "What the check saw", "Facts"])
        self.tree.setRootIsDecorated(False)
        findings = ledger.open_findings()
        for finding in findings:
            item = QTreeWidgetItem([finding.check, finding.message, ", ".join(finding.claim_ids)])
            item.setData(0, CLAIM_ID_ROLE, finding.claim_ids[0])
            item.setToolTip(1, finding.message)
            self.tree.addTopLevelItem(item)
        self.summary = QLabel(
            "No contradictions or restated figures found."
            if not findings
            else f"{len(findings)} finding{'s' if len(findings) != 1 else ''}: choose one to see its facts."
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(1, 420)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.resize(760, 420)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.claim_chosen.emit(str(item.data(0, CLAIM_ID_ROLE)))
