"""InspectorPanel: one fact in full: quote in context, editable fields, status, evidence and history."""

from __future__ import annotations

import html
import json
from math import ceil
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factledger.core import context_parts, format_figure, operations, plain_number, suggested_statement
from factledger.domain import Changes, Claim, ClaimKind, Status, Suggestion, UserError

from .anchor_badges import AnchorBox
from .claim_fields_form import ClaimFieldsForm
from .evidence_dialog import EvidenceDialog
from .related_section import RelatedSection
from .session import LedgerSession
from .style import is_dark, kind_label, status_colour

EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


EVIDENCE_TAB, HISTORY_TAB = 1, 2


class InspectorPanel(QScrollArea):
    """Shows the fact chosen anywhere in the window; every button becomes one undoable edit.

    It also shows the reader's current suggestion as a draft fact, editable before it is accepted.

    Signals:
        claim_deleted: the shown fact was deleted; carries its id.
        accept_requested: Accept was pressed on the draft.
        dismiss_requested: Dismiss was pressed on the draft.
    """

    claim_deleted = Signal(str)
    """The fact shown was deleted by the person; the payload is its id."""
    accept_requested = Signal()
    """The person pressed Accept on the draft of the current suggestion."""
    dismiss_requested = Signal()
    """The person pressed Dismiss on the draft of the current suggestion."""

    def __init__(self, session: LedgerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.claim: Claim | None = None
        self._draft_source: tuple[str, str | None] = ("", None)
        self.draft: tuple[str, Suggestion] | None = None
        self.evidence_dialog: EvidenceDialog | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self._body = body
        self.setWidget(body)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)  # a long id wraps instead of widening the panel past its edge
        self.quote = QLabel()
        self.anchor_box = AnchorBox()  # old vs new wording when the source has a newer version
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = ClaimFieldsForm()
        self.save_button = QPushButton("Save changes")
        self.delete_button = QPushButton("Delete fact")
        self.status_box = QComboBox()
        for status in Status:
            self.status_box.addItem(status.label, status.value)
        self.reason = QLineEdit(placeholderText="Reason (required for false, disputed, partly true)")
        self.status_button = QPushButton("Set status")
        self.status_note = QLabel()
        # The note's line is always there, so "A reason is required." appearing never moves what is below.
        self.status_note.setMinimumHeight(self.status_note.fontMetrics().height() + 4)
        self.evidence_list = QListWidget()
        self.evidence_list.setWordWrap(True)
        self.evidence_list.setAlternatingRowColors(True)  # one wrapped item must not run into the next
        self.add_evidence_button = QPushButton("Add evidence…")
        self.remove_evidence_button = QPushButton("Remove")
        self.history = QTreeWidget()
        self.history.setHeaderLabels(["When", "Who", "What", "Why"])
        self.history.setRootIsDecorated(False)
        self.section_tabs = QTabWidget()
        self.related = RelatedSection(session)
        self.draft_box = QGroupBox("Suggested: not a fact yet")
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        self.draft_note.setTextFormat(Qt.TextFormat.RichText)
        self.accept_button = QPushButton("Accept  (A)")
        self.dismiss_button = QPushButton("Dismiss  (D)")
        self._build(body)
        self.show_claim(None)
        session.changed.connect(self._on_session_changed)

    def _build(self, body: QWidget) -> None:
        # Verification sits right under the quote; the fields, the evidence and the history share one tabbed
        # area below it, so checking a fact never means scrolling past the form to reach its evidence.
        status_box = QGroupBox("Verification")
        status_form = QFormLayout(status_box)
        status_form.addRow("Status", self.status_box)
        status_form.addRow("Reason", self.reason)
        # The note has a row of its own: as the label of the button's row it widened the label column when
        # it appeared, and every field of the form jumped sideways.
        status_form.addRow("", self.status_button)
        status_form.addRow(self.status_note)
        fields_page = QWidget()
        fields_layout = QVBoxLayout(fields_page)
        fields_layout.addWidget(self.fields)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        fields_layout.addLayout(buttons)
        fields_layout.addStretch(1)
        evidence_page = QWidget()
        evidence_layout = QVBoxLayout(evidence_page)
        evidence_layout.addWidget(self.evidence_list)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(self.remove_evidence_button)
        evidence_buttons.addStretch(1)
        evidence_buttons.addWidget(self.add_evidence_button)
        evidence_layout.addLayout(evidence_buttons)
        history_page = QWidget()
        QVBoxLayout(history_page).addWidget(self.history)
        self.section_tabs.addTab(fields_page, "Fact")
        self.section_tabs.addTab(evidence_page, "Evidence")
        self.section_tabs.addTab(history_page, "History")
        draft_layout = QVBoxLayout(self.draft_box)
        draft_layout.addWidget(self.draft_note)
        draft_buttons = QHBoxLayout()
        draft_buttons.addWidget(self.dismiss_button)
        draft_buttons.addStretch(1)
        draft_buttons.addWidget(self.accept_button)
        draft_layout.addLayout(draft_buttons)
        self.accept_button.clicked.connect(self.accept_requested)
        self.dismiss_button.clicked.connect(self.dismiss_requested)
        self._fact_buttons = (self.delete_button, self.save_button)
        layout = QVBoxLayout(body)
        for widget in (
            self.title,
            self.quote,
            self.anchor_box,
            self.draft_box,
            self.related,
            status_box,
            self.section_tabs,
        ):
            layout.addWidget(widget)
        # With no fact chosen a short hint says what to do; an empty, disabled form would only be noise.
        self._sections = (status_box, self.section_tabs)
        # The tabs take the height their page needs and the stretch below takes the rest: an expanding tab
        # widget spread the form's rows apart and squeezed the wrapped labels above it until they clipped.
        self.section_tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        for label in (self.quote, self.draft_note):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            # Text at the top: a label given a little more height than its text must not float mid-way.
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save_fields)
        self.delete_button.clicked.connect(self.delete_claim)
        self.status_button.clicked.connect(self.apply_status)
        self.status_box.currentIndexChanged.connect(self._update_status_button)
        self.reason.textChanged.connect(self._update_status_button)
        self.reason.returnPressed.connect(self.apply_status)  # Enter in the reason commits the status
        self.add_evidence_button.clicked.connect(self.open_evidence_dialog)
        self.remove_evidence_button.clicked.connect(self.remove_selected_evidence)

    # -- showing ------------------------------------------------------------------------------------------
    def show_suggestion(self, suggestion_id: str, suggestion: Suggestion, position: str = "") -> None:
        """The current suggestion as the fact it would become: kind, statement, figure in words, sourcing, cue."""
        self.claim = None
        self.draft = (suggestion_id, suggestion)
        self._set_mode(draft=True)
        self.title.setText(
            f"<b>{kind_label(suggestion.kind)}</b> · suggestion{(' ' + html.escape(position)) if position else ''}"
        )
        text, published = self._draft_source
        before, quote, after = (
            html.escape(part) for part in context_parts(text, suggestion.start, suggestion.end)
        )
        self.quote.setText(f"{before}<b>{quote}</b>{after}")
        values: dict[str, object] = {
            name: getattr(suggestion, name, None)
            for name in (
                "subject",
                "speaker",
                "value",
                "unit",
                "period",
                "committer",
                "action",
                "amount",
                "deadline",
            )
        }
        values["attribution"] = suggestion.attribution
        values["qualifier"] = suggestion.qualifier
        values["stated_on"] = (published or "")[:10] or None
        values["fulfilment"] = "announced" if suggestion.kind == ClaimKind.COMMITMENT else None
        # The draft states what accepting it would store: the claim itself, not its whole sentence.
        statement = suggested_statement(
            text, suggestion.kind, suggestion.start, suggestion.end, suggestion.committer
        )
        self.fields.load_values(suggestion.kind, statement, values)
        figure = suggestion.value if suggestion.value is not None else suggestion.amount
        lines = []
        if figure is not None:
            lines.append(
                f"<b>{html.escape(format_figure(figure, suggestion.unit, suggestion.qualifier))}</b>"
            )
        if suggestion.speaker or suggestion.attribution:
            said = suggestion.speaker or "unnamed"
            how = f" ({suggestion.attribution.label.lower()})" if suggestion.attribution else ""
            lines.append(f"Said by {html.escape(said)}{html.escape(how)}")
        lines.append("Why suggested: " + html.escape(suggestion.cue or "no cue recorded"))
        lines.append("<small>Correct the fields below, then Accept; or Dismiss it.</small>")
        self.draft_note.setText("<br>".join(lines))
        self.section_tabs.setCurrentIndex(0)
        self._fit_labels_later()

    def set_draft_source(self, text: str, published: str | None) -> None:
        """The text and date of the source the drafts come from (the reader already holds them)."""
        self._draft_source = (text, published)

    def draft_overrides(self) -> dict[str, Any]:
        """What the person corrected in the draft, to accept the suggestion with; empty when untouched."""
        return self.fields.changed_fields() if self.draft is not None else {}

    def _set_mode(self, *, draft: bool) -> None:
        self.draft_box.setVisible(draft)
        if draft:
            self.related.show_claim(None)
        self._sections[0].setVisible(not draft)
        self.section_tabs.setVisible(True)
        for index in (EVIDENCE_TAB, HISTORY_TAB):
            self.section_tabs.setTabVisible(index, not draft)
        for button in self._fact_buttons:
            button.setVisible(not draft)

    def show_claim(self, claim_id: str | None) -> None:
        self.draft = None
        try:
            self.claim = None if claim_id is None else self._session.ledger.claim(claim_id)
        except UserError:
            self.claim = None  # deleted meanwhile (e.g. undo of its accept): show nothing
        claim = self.claim
        self.anchor_box.show_claim(self._session.ledger, None if claim is None else claim.id)
        self._set_mode(draft=False)
        for section in self._sections:
            section.setVisible(claim is not None)
        if claim is None:
            self.title.setText("<b>No fact selected</b>")
            self.quote.setText(
                "Choose a fact in the table, the reader or a chart to see its quote in context, edit it, "
                "verify it with evidence and read its history."
            )
            self.evidence_list.clear()
            self.history.clear()
            self.related.show_claim(None)
            return
        colour = status_colour(claim.status, dark=is_dark(self)).name()
        self.title.setText(
            f"<b>{kind_label(claim.kind)}</b> · <span style='color:{colour}'>"
            f"{html.escape(claim.status.label)}</span> · <small>{claim.id}</small>"
        )
        text = self._session.ledger.source(claim.source_id).text
        before, quote, after = (html.escape(part) for part in context_parts(text, claim.start, claim.end))
        self.quote.setText(f"{before}<b>{quote}</b>{after}")
        self.fields.load(claim)
        self.status_box.setCurrentIndex(self.status_box.findData(claim.status.value))
        self.reason.setText(claim.status_reason or "")
        self._update_status_button()
        self._load_evidence()
        self._load_history()
        self.related.show_claim(claim)
        self._fit_labels_later()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels_later()

    def _fit_labels_later(self) -> None:
        QTimer.singleShot(0, self._fit_labels)

    def _fit_labels(self) -> None:
        """Wrapped labels ask for the height their text needs at their width.

        In a resizable scroll area the body is laid out from size hints that ignore wrapping, so a long quote,
        draft note or related fact was cut off at the bottom instead of making the panel scroll.
        """
        layout = self._body.layout()
        left, right = (
            (layout.contentsMargins().left(), layout.contentsMargins().right()) if layout else (0, 0)
        )
        full = self.viewport().width() - left - right
        for label in self._body.findChildren(QLabel):
            if label is self.title or not label.wordWrap() or not label.isVisible() or label.width() <= 0:
                continue
            # A label straight in the panel gets the panel's width (its own may lag one layout behind); one
            # inside a box knows its width from the box. The text is measured as laid out, without the
            # generous document margins QLabel.heightForWidth adds, which left gaps of several lines.
            width = full if label.parentWidget() is self._body else label.width()
            document = QTextDocument()
            document.setDocumentMargin(0)
            document.setDefaultFont(label.font())
            if label.textFormat() == Qt.TextFormat.RichText:
                document.setHtml(label.text())
            else:
                document.setPlainText(label.text())
            document.setTextWidth(max(width, 1))
            label.setMinimumHeight(ceil(document.size().height()) + 2)

    def _load_evidence(self) -> None:
        self.evidence_list.clear()
        if self.claim is None:
            return
        for evidence in self._session.ledger.evidence(self.claim.id):
            where = evidence.url or (self._title_of(evidence.source_id) if evidence.source_id else "")
            quote = f" “{evidence.quote}”" if evidence.quote else ""
            note = f" — {evidence.note}" if evidence.note else ""
            item = QListWidgetItem(f"{evidence.stance.value.capitalize()}: {where}{quote}{note}")
            item.setData(EVIDENCE_ID_ROLE, evidence.id)
            self.evidence_list.addItem(item)
        self._count_in_tab(EVIDENCE_TAB, "Evidence", self.evidence_list.count())

    def _load_history(self) -> None:
        self.history.clear()
        if self.claim is None:
            return
        for event in self._session.ledger.history(self.claim.id):
            what = event.action
            if event.after and event.action in ("edit", "status"):
                try:
                    after = json.loads(event.after)
                    what += ": " + ", ".join(
                        f"{k} → {plain_number(v) if isinstance(v, float) else v}"
                        for k, v in after.items()
                        if k != "updated_at"
                    )
                except (ValueError, AttributeError):
                    pass
            item = QTreeWidgetItem([event.at[:19].replace("T", " "), event.actor, what, event.reason or ""])
            item.setToolTip(2, what)
            self.history.addTopLevelItem(item)
        for column in range(3):
            self.history.resizeColumnToContents(column)
        self._count_in_tab(HISTORY_TAB, "History", self.history.topLevelItemCount())

    def _count_in_tab(self, index: int, name: str, count: int) -> None:
        """Tab titles carry their counts, so evidence and history are seen to exist without opening them."""
        self.section_tabs.setTabText(index, f"{name} ({count})" if count else name)

    def _title_of(self, source_id: str) -> str:
        try:
            source = self._session.ledger.source(source_id)
        except UserError:
            return source_id
        return source.title or source.file_name or source_id

    # -- editing ------------------------------------------------------------------------------------------
    def save_fields(self) -> None:
        if self.claim is None:
            return
        changed = self.fields.changed_fields()
        if changed:
            # the version shown: another window's (or person's) change since then refuses this one
            claim_id, version = self.claim.id, self.claim.version
            self._session.run(
                lambda: operations.edit_claim(claim_id=claim_id, expected_version=version, **changed)
            )

    def apply_status(self) -> None:
        if self.claim is None:
            return
        status = Status(self.status_box.currentData())
        reason = self.reason.text().strip() or None
        if status.needs_reason and reason is None:
            self._session.tell(f"Say why the fact is {status.label.lower()}: a reason is required.")
            return
        claim_id, version = self.claim.id, self.claim.version
        self._session.run(
            operations.set_status(claim_id=claim_id, status=status, reason=reason, expected_version=version),
            initiator=f"Set status to {status.label}",
        )

    def open_evidence_dialog(self) -> None:
        if self.claim is None:
            return
        dialog = EvidenceDialog(
            self._session.ledger,
            exclude_source=self.claim.source_id,
            related=self.related.related,
            parent=self,
        )
        claim_id = self.claim.id
        dialog.accepted.connect(
            lambda: self._session.run(operations.add_evidence(claim_id=claim_id, evidence=dialog.evidence()))
        )
        dialog.finished.connect(dialog.deleteLater)
        self.evidence_dialog = dialog
        dialog.open()

    def remove_selected_evidence(self) -> None:
        item = self.evidence_list.currentItem()
        if item is not None:
            self._session.run(operations.remove_evidence(evidence_id=item.data(EVIDENCE_ID_ROLE)))

    def delete_claim(self) -> None:
        if self.claim is not None:
            claim_id, version = self.claim.id, self.claim.version
            edit = operations.delete_claim(claim_id=claim_id, expected_version=version)
            if self._session.run(edit) is not None:
                self.claim_deleted.emit(claim_id)

    def _update_status_button(self) -> None:
        status = Status(self.status_box.currentData())
        missing = status.needs_reason and not self.reason.text().strip()
        self.status_button.setEnabled(not missing)
        self.status_note.setText("A reason is required." if missing else "")

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.ledger_replaced:
            self.show_claim(None)
        elif self.claim is not None and (changes.claims or changes.evidence):
            # Any fact's change may add or settle a finding about this one (same subject), so re-read.
            self.show_claim(self.claim.id)
