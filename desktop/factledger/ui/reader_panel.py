"""ReaderPanel: a source's text with suggestions and logged facts highlighted, and keyboard triage."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from factledger.core import format_figure, operations, suggested_statement
from factledger.domain import Changes, Claim, ClaimKind, Source, Suggestion, UserError

from .accept_dialog import AcceptDialog
from .session import LedgerSession
from .style import (
    KIND_HUES,
    claim_background,
    is_dark,
    kind_label,
    kind_legend_html,
    over,
    reading_font,
    suggestion_background,
)
from .text_positions import TextPositions

TRIAGE_HELP = (
    "J/K next/previous suggestion · A accept · E accept with edits · D dismiss · W why suggested · "
    "select text and press 1 claim, 2 statistic, 3 commitment"
)
_LOG_KEYS = {
    Qt.Key.Key_1: ClaimKind.CLAIM,
    Qt.Key.Key_L: ClaimKind.CLAIM,
    Qt.Key.Key_2: ClaimKind.STATISTIC,
    Qt.Key.Key_3: ClaimKind.COMMITMENT,
}


class ReaderPanel(QWidget):
    """Plain text only (HTML is never rendered, nothing remote is loaded); spans are painted as extra selections.

    Signals:
        claim_selected: the person put the cursor on a logged fact, or logged one; carries its id.
        claim_accepted: a suggestion was accepted; carries the new fact's id.
        suggestion_changed: the current suggestion changed; carries (id, Suggestion) or None.
    """

    claim_selected = Signal(str)
    """A fact in this source was chosen or logged; the payload is its id."""
    claim_accepted = Signal(str)
    """A suggestion became a fact; the payload is the new fact's id (triage moves on to the next one)."""
    suggestion_changed = Signal(object)
    """The current suggestion moved; the payload is (suggestion id, Suggestion), or None when none is left."""

    def __init__(self, session: LedgerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.source: Source | None = None
        self.suggestions: list[tuple[str, Suggestion]] = []  # (suggestion id, suggestion) sorted by start
        self.claims: list[Claim] = []
        self.current = -1
        self.selected_claim_id: str | None = None
        self.edit_dialog: AcceptDialog | None = None
        self._positions = TextPositions("")
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}
        self._suggestion_extras: dict[str, QTextEdit.ExtraSelection] = {}
        self._painted_with: tuple[bool, int] | None = None
        self._removing: str | None = None  # the suggestion our own accept or dismiss is taking away
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.text.setFont(reading_font())
        self.text.document().setDocumentMargin(12)
        self.text.installEventFilter(self)
        self.text.cursorPositionChanged.connect(self._on_text_cursor_position_changed)
        self._fill_context_menu: Callable[[QMenu], None] | None = None
        # The window accepts with the corrections made in the inspector's draft; alone, the reader accepts as is.
        self.accept_handler: Callable[[], object] | None = None
        self.context_menu: QMenu | None = None
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._on_text_context_menu_requested)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText(
            kind_legend_html(dark=is_dark(self.text), base=self.text.palette().color(QPalette.ColorRole.Base))
        )
        self.hint = QLabel(TRIAGE_HELP)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.legend)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.why)
        layout.addWidget(self.hint)
        session.changed.connect(self._on_session_changed)
        self._show_empty()

    # -- showing ------------------------------------------------------------------------------------------
    def show_source(self, source_id: str) -> None:
        if self.source is not None and self.source.id == source_id:
            return
        self.source = self._session.ledger.source(source_id)
        self._positions = TextPositions(self.source.text)
        # The old source's spans go before its text does: setPlainText moves the cursor, and painting the
        # old spans on the new (shorter) text is what asked Qt for positions out of range.
        self.suggestions, self.claims, self.current, self.selected_claim_id = [], [], -1, None
        self._suggestion_extras.clear()
        self.text.setExtraSelections([])
        self.text.blockSignals(True)
        self.text.setPlainText(self.source.text)
        self.text.blockSignals(False)
        self.header.setText(self._header_html(self.source))
        self.current = -1
        self.why.clear()
        self._reload_spans()
        if self.suggestions:
            self.go_to(0)

    def show_claim(self, claim: Claim) -> None:
        """Open the fact's source and put the cursor on its quote."""
        self.show_source(claim.source_id)
        self.selected_claim_id = claim.id
        self._select_span(claim.start, claim.end, move_cursor_to_start=True)
        self._paint()

    def current_suggestion(self) -> tuple[str, Suggestion] | None:
        return self.suggestions[self.current] if 0 <= self.current < len(self.suggestions) else None

    def go_to(self, index: int, *, announce: bool = True) -> None:
        """Make a suggestion current; `announce` tells the window (the inspector shows it as a draft)."""
        if not self.suggestions:
            self.current = -1
            self.why.setText("No open suggestions left in this source." if self.source is not None else "")
            self._paint()
            if announce:
                self.suggestion_changed.emit(None)
            return
        self.current = max(0, min(index, len(self.suggestions) - 1))
        _, suggestion = self.suggestions[self.current]
        self._select_span(suggestion.start, suggestion.end, move_cursor_to_start=True)
        figure = suggestion.value if suggestion.value is not None else suggestion.amount
        words = (
            f" · {format_figure(figure, suggestion.unit, suggestion.qualifier)}" if figure is not None else ""
        )
        self.why.setText(
            f"Suggestion {self.current + 1} of {len(self.suggestions)} · {kind_label(suggestion.kind)}{words}"
        )
        self._paint()
        if announce:
            self.suggestion_changed.emit(self.suggestions[self.current])

    # -- triage ---------------------------------------------------------------------------------------------
    def next_suggestion(self) -> None:
        self.go_to(self.current + 1)

    def previous_suggestion(self) -> None:
        self.go_to(self.current - 1)

    def accept_current(self, overrides: dict[str, Any] | None = None) -> str | None:
        """Accept the current suggestion, with the fields the person corrected in its draft; the new fact's id."""
        current = self.current_suggestion()
        if current is None:
            return None
        edit = operations.accept(suggestion_id=current[0], **(overrides or {}))
        initiator = "Accept suggestion with edits" if overrides else None
        self._removing = current[0]
        if self._session.run(edit, initiator=initiator) is None:
            self._removing = None
            return None
        self.claim_accepted.emit(edit.claim_id)
        return edit.claim_id

    def accept_current_with_edit(self) -> None:
        current = self.current_suggestion()
        if current is None or self.source is None:
            return
        suggestion_id, suggestion = current
        statement = suggested_statement(
            self.source.text, suggestion.kind, suggestion.start, suggestion.end, suggestion.committer
        )
        dialog = AcceptDialog(suggestion, statement, self)
        dialog.accepted.connect(lambda: self._on_edit_dialog_accepted(suggestion_id, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.edit_dialog = dialog
        dialog.open()

    def dismiss_current(self) -> None:
        current = self.current_suggestion()
        if current is not None:
            self._removing = current[0]
            if self._session.run(operations.dismiss(suggestion_id=current[0])) is None:
                self._removing = None

    def explain_current(self) -> str:
        """Say in words why extraction suggested this span: its cue, score and what it understood."""
        current = self.current_suggestion()
        if current is None:
            return ""
        s = current[1]
        parts = [f"<b>{kind_label(s.kind)}</b>, score {s.score:.2f}", html.escape(s.cue or "no cue recorded")]
        understood = [
            f"{name}: {html.escape(str(value))}"
            for name, value in (
                ("figure", format_figure(s.value, s.unit, s.qualifier) if s.value is not None else None),
                ("period", s.period),
                ("subject", s.subject),
                ("speaker", s.speaker),
                ("sourcing", s.attribution.label if s.attribution else None),
                ("committer", s.committer),
                ("amount", format_figure(s.amount, s.unit) if s.amount is not None else None),
                ("deadline", s.deadline),
            )
            if value is not None
        ]
        if understood:
            parts.append("understood: " + ", ".join(understood))
        text = "Why suggested: " + " — ".join(parts)
        self.why.setText(text)
        return text

    def log_selection(self, kind: ClaimKind) -> str | None:
        """Log exactly the selected span as a fact of `kind`; returns the new fact's id."""
        cursor = self.text.textCursor()
        if self.source is None or not cursor.hasSelection():
            return None
        start = self._positions.to_python(cursor.selectionStart())
        end = self._positions.to_python(cursor.selectionEnd())
        edit = operations.log_claim(source_id=self.source.id, start=start, end=end, kind=kind)
        if self._session.run(edit) is None:
            return None
        self.claim_selected.emit(edit.claim_id)
        return edit.claim_id

    def log_typed(self, kind: ClaimKind) -> str | None:
        """The 1/2/3 keys: log the words the person selected (the triage cursor's own span logs nothing new)."""
        if not self.text.textCursor().hasSelection() or self._selection_is_current():
            return None
        return self.log_selection(kind)

    def set_context_actions(self, fill: Callable[[QMenu], None]) -> None:
        """The reader's right-click menu: Copy and Select All, then every fact command with its shortcut."""
        self._fill_context_menu = fill

    def build_context_menu(self) -> QMenu:
        menu = self.text.createStandardContextMenu()
        if self._fill_context_menu is not None:
            self._fill_context_menu(menu)
        return menu

    def _on_text_context_menu_requested(self, position: QPoint) -> None:
        self.context_menu = self.build_context_menu()
        self.context_menu.popup(self.text.viewport().mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._handle_key(event)
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
            return False
        key = Qt.Key(event.key())
        if key in _LOG_KEYS and self.text.textCursor().hasSelection() and not self._selection_is_current():
            self.log_selection(_LOG_KEYS[key])
            return True
        accept = self.accept_handler or self.accept_current
        actions: dict[Qt.Key, Callable[[], object]] = {
            Qt.Key.Key_J: self.next_suggestion,
            Qt.Key.Key_N: self.next_suggestion,
            Qt.Key.Key_K: self.previous_suggestion,
            Qt.Key.Key_P: self.previous_suggestion,
            Qt.Key.Key_A: accept,
            Qt.Key.Key_Return: accept,
            Qt.Key.Key_Enter: accept,
            Qt.Key.Key_E: self.accept_current_with_edit,
            Qt.Key.Key_D: self.dismiss_current,
            Qt.Key.Key_Delete: self.dismiss_current,
            Qt.Key.Key_W: self.explain_current,
            Qt.Key.Key_Question: self.explain_current,
        }
        action = actions.get(key)
        if action is None:
            return False
        action()
        return True

    def _selection_is_current(self) -> bool:
        """The triage cursor selects the current suggestion; a number key then logs nothing new."""
        current = self.current_suggestion()
        cursor = self.text.textCursor()
        return current is not None and (
            self._positions.to_python(cursor.selectionStart()),
            self._positions.to_python(cursor.selectionEnd()),
        ) == (current[1].start, current[1].end)

    # -- painting -----------------------------------------------------------------------------------------
    def _reload_spans(self, *, paint: bool = True) -> None:
        if self.source is None:
            return
        removed = self._removing
        self._removing = None
        if (
            removed is not None
            and self._session.ledger.count_suggestions(self.source.id) == len(self.suggestions) - 1
        ):
            # Our own accept or dismiss took exactly this one: drop it here rather than re-reading and
            # rebuilding every open suggestion of the source (the bulk of an Accept on a long article).
            self.suggestions = [pair for pair in self.suggestions if pair[0] != removed]
        else:
            stored = self._session.ledger.suggestions(self.source.id)
            self.suggestions = sorted(
                ((s.id, s.suggestion) for s in stored), key=lambda p: (p[1].start, p[1].end)
            )
        self.claims = self._session.ledger.claims_for_source(self.source.id)
        if paint:
            self._paint()

    def _format(self, key: tuple[object, ...], build: Callable[[], QTextCharFormat]) -> QTextCharFormat:
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = build()
        return fmt

    def _suggestion_format(
        self, kind: ClaimKind, *, current: bool, dark: bool, base: QColor
    ) -> QTextCharFormat:
        def build() -> QTextCharFormat:
            fmt = QTextCharFormat()
            fmt.setBackground(over(suggestion_background(kind, current=current, dark=dark), base))
            if current:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(KIND_HUES[kind].darker(130))
            return fmt

        return self._format(("suggestion", kind, current, dark, base.rgb()), build)

    def _claim_format(self, kind: ClaimKind, *, selected: bool, dark: bool, base: QColor) -> QTextCharFormat:
        def build() -> QTextCharFormat:
            fmt = QTextCharFormat()
            fmt.setBackground(over(claim_background(kind, dark=dark), base))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(KIND_HUES[kind])
            if selected:
                fmt.setFontWeight(700)
            return fmt

        return self._format(("claim", kind, selected, dark, base.rgb()), build)

    def _paint(self) -> None:
        dark = is_dark(self.text)
        base = self.text.palette().color(QPalette.ColorRole.Base)
        if self._painted_with != (dark, base.rgb()):  # another palette: every cached highlight is stale
            self._painted_with = (dark, base.rgb())
            self._suggestion_extras.clear()
        # Opaque tints, painted open suggestions first, then logged facts, then the current suggestion on top:
        # overlapping spans show the topmost one's colour instead of a blend of all of them. The highlight
        # of each open suggestion is built once and kept: a triage step changes only two of them.
        selections = []
        current_selection: QTextEdit.ExtraSelection | None = None
        kept: dict[str, QTextEdit.ExtraSelection] = {}
        for index, (suggestion_id, suggestion) in enumerate(self.suggestions):
            if index == self.current:
                fmt = self._suggestion_format(suggestion.kind, current=True, dark=dark, base=base)
                current_selection = self._extra(suggestion.start, suggestion.end, fmt)
                continue
            extra = self._suggestion_extras.get(suggestion_id)
            if extra is None:
                fmt = self._suggestion_format(suggestion.kind, current=False, dark=dark, base=base)
                extra = self._extra(suggestion.start, suggestion.end, fmt)
            kept[suggestion_id] = extra
            selections.append(extra)
        self._suggestion_extras = kept
        for claim in self.claims:
            fmt = self._claim_format(
                claim.kind, selected=claim.id == self.selected_claim_id, dark=dark, base=base
            )
            selections.append(self._extra(claim.start, claim.end, fmt))
        if current_selection is not None:
            selections.append(current_selection)
        self.text.setExtraSelections(selections)

    def _extra(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _select_span(self, start: int, end: int, *, move_cursor_to_start: bool) -> None:
        # Moving the triage cursor is not choosing a fact: keep cursorPositionChanged quiet meanwhile.
        self.text.blockSignals(True)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._positions.to_qt(end))
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        cursor.setPosition(self._positions.to_qt(start), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.blockSignals(False)

    def _show_empty(self) -> None:
        self.header.setText(
            "<b>No source open</b><br>Drop an article anywhere on the window, paste one with "
            "Ctrl+V, or use File ▸ Import…"
        )
        self.suggestions, self.claims, self.current = [], [], -1
        self._suggestion_extras.clear()
        self.text.setExtraSelections([])
        self.text.clear()

    @staticmethod
    def _header_html(source: Source) -> str:
        title = html.escape(source.title or source.file_name or source.id)
        meta = [
            html.escape(p)
            for p in (source.outlet, (source.published or "")[:10], ", ".join(source.authors))
            if p
        ]
        where = html.escape(source.url or source.file_name or "")
        if where == title:  # no title: the file name is already the heading
            where = ""
        return f"<span style='font-size:large'><b>{title}</b></span><br>{' · '.join(meta)}" + (
            f"<br><span style='color:gray'>{where}</span>" if where else ""
        )

    # -- keeping up ---------------------------------------------------------------------------------------
    def _on_text_cursor_position_changed(self) -> None:
        cursor = self.text.textCursor()
        if cursor.hasSelection():  # a person selecting words to log is not choosing the fact under them
            return
        position = self._positions.to_python(cursor.position())
        for claim in self.claims:
            if claim.start <= position < claim.end and claim.id != self.selected_claim_id:
                self.selected_claim_id = claim.id
                self._paint()
                self.claim_selected.emit(claim.id)
                return

    def _on_edit_dialog_accepted(self, suggestion_id: str, dialog: AcceptDialog) -> None:
        edit = operations.accept(suggestion_id=suggestion_id, **dialog.overrides())
        if self._session.run(edit, initiator="Accept suggestion with edits") is not None:
            self.claim_accepted.emit(edit.claim_id)

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.ledger_replaced:
            self.source = None
            self._show_empty()
            return
        if self.source is None or not ({self.source.id} & (changes.sources | changes.suggestions)):
            return
        current = self.current_suggestion()
        position = current[1].start if current else 0
        try:
            fresh = self._session.ledger.source(self.source.id)
        except UserError:  # the source was deleted
            self.source = None
            self._show_empty()
            return
        self._reload_spans(paint=False)  # go_to below paints once
        if fresh != self.source:  # its details may have been corrected
            self.source = fresh
            self.header.setText(self._header_html(fresh))
        # An edit elsewhere (a status, a source's date) leaves the same suggestion current: no new draft then.
        after = [i for i, (_, s) in enumerate(self.suggestions) if s.start >= position]
        index = after[0] if after else len(self.suggestions) - 1
        same = (
            current is not None
            and 0 <= index < len(self.suggestions)
            and self.suggestions[index][0] == current[0]
        )
        self.go_to(index, announce=not same)
