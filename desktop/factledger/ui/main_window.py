"""MainWindow: assembles the panels, routes selection between them, and takes drops and pastes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QGuiApplication,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from factledger.core import RELATION_WORDS, operations
from factledger.core.paths import log_dir
from factledger.domain import Changes, Suggestion, UserError
from factledger.reading import decode_drop
from factledger.resources import sample_article_path

from .charts_tab import ChartsTab
from .claim_table_view import ClaimTableView
from .drop_overlay import DropOverlay
from .fact_actions import FactActions
from .failures_panel import FailuresPanel
from .help_dialogs import open_folder
from .import_flow import ImportFlow
from .inspector_panel import InspectorPanel
from .ledger_commands import LedgerCommands
from .link_dialogs import CheckDialog, LinkDialog
from .main_menus import MainMenus, MenuCalls
from .reader_panel import ReaderPanel
from .recent_ledgers import RecentLedgers
from .services import LedgerServices
from .session import LedgerSession
from .sources_panel import SourcesPanel
from .status_dialog import StatusDialog
from .tasks import Task, TaskRunner
from .version_actions import VersionActions
from .welcome_panel import WelcomePanel

if TYPE_CHECKING:
    from .charts import ChartsPanel


SELECTION_LEDGER_KEY = "selection/ledger"
SELECTION_SOURCE_KEY = "selection/source"
SELECTION_CLAIM_KEY = "selection/claim"


def splitter_proportions(width: int) -> tuple[int, int, int]:
    """Sources | centre | inspector widths for a window this wide: the sides grow with it, within bounds.

    At 1920 px the sources list gets about 330 px (outlet, date and most of a title), the inspector about 440.
    """
    sources = max(220, min(420, round(width * 0.17)))
    inspector = max(340, min(560, round(width * 0.23)))
    return sources, max(420, width - sources - inspector), inspector


def mime_payload(mime: QMimeData) -> dict[str, bytes]:
    """Everything a drop or paste carries, as plain bytes per MIME type, for the Qt-free decoder."""
    return {fmt: bytes(mime.data(fmt).data()) for fmt in mime.formats()}


class MainWindow(QMainWindow):
    """Sources | reader over (claims table, charts) | inspector, with failures in a dock and tasks in the status bar."""

    def __init__(
        self,
        session: LedgerSession,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        services: LedgerServices | None = None,
    ) -> None:
        """`services` say how ledgers are opened and restored (the app's composition root builds them).
        Without them, background work opens connections with the engine of the session's ledger, and
        switching or restoring uses the installed services."""
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.services = services
        self.runner = TaskRunner(self)
        self.import_flow = ImportFlow(session, self.runner, self, services=self.services)
        self.sources = SourcesPanel(session)
        self.reader = ReaderPanel(session)
        self.table = ClaimTableView(session)
        self.charts_tab = ChartsTab(session, self, tasks=self.runner)
        self.inspector = InspectorPanel(session)
        self.failures = FailuresPanel()
        self.failures_dock = QDockWidget("Import problems", self)
        self.failures_dock.setObjectName("failures_dock")
        self.failures_dock.setWidget(self.failures)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.failures_dock)
        self.failures_dock.hide()
        self.welcome = WelcomePanel()
        self._layout_restored = False
        self._focus_on_show = False
        self._error_box: QMessageBox | None = None
        self._selecting = False
        self._build_layout()
        self._build_status_bar()
        self.fact_actions = FactActions(self)
        self.reader.set_context_actions(self.fact_actions.reader_menu)
        self.reader.accept_handler = self.accept_suggestion
        self.table.set_context_actions(self.fact_actions.table_menu)
        self.ledger_commands = LedgerCommands(
            session, RecentLedgers(settings), services=self.services, dialog_parent=self, parent=self
        )
        self.menus = self._build_menus()
        self.status_dialog: StatusDialog | None = None
        self.link_dialog: LinkDialog | None = None
        self.check_dialog: CheckDialog | None = None
        self.overlay = DropOverlay(self)
        self.setAcceptDrops(True)
        self._connect()
        self._restore_layout()
        self._open_first_source()
        self.ledger_commands.remember_current()  # the ledger opened at launch belongs in File > Open recent
        self.update_title()

    def _build_layout(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, "Facts")
        self.tabs.addTab(self.charts_tab, "Charts")
        # The reader's place shows the welcome while the ledger is empty: a drop there imports, nothing is modal.
        self.reader_stack = QStackedWidget()
        self.reader_stack.addWidget(self.welcome)
        self.reader_stack.addWidget(self.reader)
        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.addWidget(self.reader_stack)
        self.centre.addWidget(self.tabs)
        self.centre.setSizes([460, 340])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.sources)
        self.main_splitter.addWidget(self.centre)
        self.main_splitter.addWidget(self.inspector)
        self.main_splitter.setSizes(list(splitter_proportions(1450)))
        self.main_splitter.setStretchFactor(1, 1)
        self.sources.setMinimumWidth(220)
        self.inspector.setMinimumWidth(340)
        self.tabs.setMinimumWidth(420)
        for splitter in (self.centre, self.main_splitter):
            splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)
        self.resize(1450, 900)

    def _build_menus(self) -> MainMenus:
        """The menu bar, given the actions and callables it shows (the menus never see the window)."""
        versions = VersionActions(
            self.session, self.runner, self.sources.current_source_id, self, services=self.services
        )
        calls = MenuCalls(
            close=self.close,
            paste=self.paste_clipboard,
            find=self.focus_search,
            import_inputs=self.import_flow.start,
            show_message=self.statusBar().showMessage,
            open_log_folder=lambda: open_folder(log_dir()),
        )
        return MainMenus(
            self.menuBar(),
            self,
            session=self.session,
            settings=self.settings,
            commands=self.ledger_commands,
            runner=self.runner,
            services=self.services,
            calls=calls,
            source_actions=self.sources.source_actions.actions,
            version_actions=versions,
            fill_fact_menu=self.fact_actions.fill_menu,
            view_actions=[self.failures_dock.toggleViewAction()],
        )

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.task_label = QLabel()
        self.task_progress = QProgressBar()
        self.task_progress.setMaximumWidth(220)
        self.cancel_button = QPushButton("Cancel")
        for widget in (self.task_label, self.task_progress, self.cancel_button):
            bar.addPermanentWidget(widget)
            widget.hide()
        self.cancel_button.clicked.connect(self.runner.cancel_all)

    def _connect(self) -> None:
        s = self.session
        s.changed.connect(self._on_session_changed)
        s.failed.connect(self._on_session_failed)
        self.sources.source_selected.connect(self._on_sources_source_selected)
        # Enter on a source in the list opens it for triage: the focus moves on to its text.
        self.sources.tree.itemActivated.connect(lambda *_: self.focus_reader())
        self.reader.claim_selected.connect(self.select_claim)
        self.reader.claim_accepted.connect(self._on_reader_claim_accepted)
        self.reader.suggestion_changed.connect(self._on_reader_suggestion_changed)
        self.inspector.accept_requested.connect(self.accept_suggestion)
        self.inspector.dismiss_requested.connect(self.reader.dismiss_current)
        self.inspector.related.open_requested.connect(self.select_claim)
        self.table.claim_selected.connect(self.select_claim)
        self.charts_tab.claim_selected.connect(self.select_claim)
        self.inspector.claim_deleted.connect(self._on_inspector_claim_deleted)
        self.runner.task_started.connect(self._on_runner_task_started)
        self.runner.active_changed.connect(self._on_runner_active_changed)
        self.import_flow.import_failed.connect(self._on_import_flow_import_failed)
        self.import_flow.import_finished.connect(self._on_import_flow_import_finished)
        self.import_flow.summary_ready.connect(self._on_import_flow_summary_ready)
        self.table.model.modelReset.connect(self._on_table_filter_changed)
        self.welcome.sample_requested.connect(self.open_sample)
        self.welcome.paste_requested.connect(self.paste_clipboard)
        self.welcome.import_requested.connect(self.menus.import_files)
        self.welcome.payload_dropped.connect(self.import_payload)
        self._update_empty_state()

    @property
    def charts(self) -> ChartsPanel:
        """The charts panel; built here if the Charts tab was never shown (pyqtgraph loads only then)."""
        return self.charts_tab.panel

    # -- selection routing --------------------------------------------------------------------------------
    def select_claim(self, claim_id: str) -> None:
        """One fact chosen anywhere (table, reader, chart) is shown in the table, the reader and the inspector."""
        if self._selecting:
            return
        self._selecting = True
        try:
            self.inspector.show_claim(claim_id)
            claim = self.inspector.claim
            if claim is not None:
                self.sources.select_source(claim.source_id)
                self.reader.show_claim(claim)
            self.table.select_claim(claim_id)
        finally:
            self._selecting = False

    def focus_reader(self) -> None:
        """Esc from anywhere in the window: back to the reader, where the triage keys are at home."""
        self.tabs.setCurrentWidget(self.table)
        self.reader.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_table(self) -> None:
        """Into the facts table; the inspector leaves the draft for the table's chosen fact."""
        self.tabs.setCurrentWidget(self.table)
        self.table.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        chosen = self.table.selected_claim_ids()
        if chosen and (self.inspector.claim is None or self.inspector.claim.id not in chosen):
            self.select_claim(chosen[0])

    # -- commands on the chosen facts ---------------------------------------------------------------------
    def chosen_claim_ids(self) -> list[str]:
        """The facts a command acts on: every selected row of the table, else the fact in the inspector."""
        selected = self.table.selected_claim_ids()
        if len(selected) > 1:
            return selected
        return [self.inspector.claim.id] if self.inspector.claim is not None else selected

    def accept_suggestion(self) -> str | None:
        """Accept the current suggestion with whatever the person corrected in its draft in the inspector."""
        current = self.reader.current_suggestion()
        draft = self.inspector.draft
        overrides = self.inspector.draft_overrides() if draft and current and draft[0] == current[0] else {}
        return self.reader.accept_current(overrides or None)

    def set_status_of_chosen(self) -> StatusDialog | None:
        """One status and one reason for the chosen fact, or for every selected fact as one undo step."""
        ids = self.chosen_claim_ids()
        if not ids:
            self.statusBar().showMessage("Choose a fact first (in the table, the reader or a chart).", 6000)
            return None
        current = self.inspector.claim.status if self.inspector.claim is not None and len(ids) == 1 else None
        dialog = StatusDialog(len(ids), current, self)
        dialog.accepted.connect(lambda: self._apply_status(ids, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.status_dialog = dialog
        dialog.open()
        return dialog

    def _apply_status(self, ids: list[str], dialog: StatusDialog) -> None:
        status, reason = dialog.status(), dialog.reason_text()
        noun = "fact" if len(ids) == 1 else f"{len(ids):,} facts"
        self.session.run(
            lambda: operations.set_status_many(claim_ids=ids, status=status, reason=reason),
            initiator=f"Set status of {noun} to {status.label}",
        )

    def add_evidence_to_chosen(self) -> None:
        if self.inspector.claim is None:
            self.statusBar().showMessage("Choose a fact first, then add evidence to it.", 6000)
            return
        self.inspector.open_evidence_dialog()

    def link_chosen(self) -> LinkDialog | None:
        """Link the chosen fact to another: the check's related facts are offered first."""
        claim = self.inspector.claim
        if claim is None:
            self.statusBar().showMessage("Choose a fact first, then link it to another.", 6000)
            return None
        dialog = LinkDialog(self.session.ledger, claim, self)
        claim_id = claim.id

        def link() -> None:
            other = dialog.other_id()
            if other is not None:
                kind = dialog.kind()
                self.session.run(
                    operations.link(from_claim=claim_id, to_claim=other, kind=kind),
                    initiator=f"Link facts ({RELATION_WORDS[kind]})",
                )

        dialog.accepted.connect(link)
        dialog.finished.connect(dialog.deleteLater)
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def check_ledger(self) -> CheckDialog:
        """Every open finding of the consistency check in one list; choosing one shows its facts."""
        dialog = CheckDialog(self.session.ledger, self)
        dialog.claim_chosen.connect(self.select_claim)
        self.check_dialog = dialog
        dialog.show()
        return dialog

    def delete_chosen(self) -> None:
        self.inspector.delete_claim()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.table)
        self.table.focus_search()

    def update_title(self) -> None:
        ledger = self.session.ledger  # a file by its name; a team ledger by its URL, never with a password
        self.setWindowTitle(f"FactLedger — {ledger.path.name if ledger.address.is_file else ledger.location}")

    # -- drop and paste -----------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasHtml() or mime.hasText():
            event.acceptProposedAction()
            self.overlay.setGeometry(self.rect())
            self.overlay.raise_()
            self.overlay.show()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.overlay.hide()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self.overlay.hide()
        event.acceptProposedAction()
        self.import_payload(mime_payload(event.mimeData()))

    def paste_clipboard(self) -> Task | None:
        mime = QGuiApplication.clipboard().mimeData()
        return None if mime is None else self.import_payload(mime_payload(mime))

    def import_payload(self, payload: dict[str, bytes]) -> Task | None:
        return self.import_flow.start(decode_drop(payload))

    def open_sample(self) -> Task | None:
        from factledger.reading import expand_inputs

        return self.import_flow.start(expand_inputs([sample_article_path()]))

    def _open_first_source(self) -> None:
        """The source and fact chosen when this ledger was last closed, else the first source."""
        sources = self.sources.source_ids()
        self._focus_on_show = bool(sources)
        if not sources:
            return
        same_ledger = self.settings.value(SELECTION_LEDGER_KEY) == str(self.session.path)
        source_id = str(self.settings.value(SELECTION_SOURCE_KEY, "") or "") if same_ledger else ""
        claim_id = str(self.settings.value(SELECTION_CLAIM_KEY, "") or "") if same_ledger else ""
        self.sources.select_source(source_id if source_id in sources else sources[0])
        if claim_id:
            try:
                claim = self.session.ledger.claim(claim_id)
            except UserError:
                return  # deleted since: the source alone is restored
            if claim.source_id in sources:
                self.select_claim(claim_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored:  # first show without a remembered layout: proportions of this width
            self._layout_restored = True
            self.main_splitter.setSizes(list(splitter_proportions(self.width())))
        if self._focus_on_show:  # the first show: the triage keys work at once, not in the sources list
            self._focus_on_show = False
            self.reader.text.setFocus(Qt.FocusReason.OtherFocusReason)
            QTimer.singleShot(0, self.focus_reader)  # children become visible after this event

    def show_welcome_if_first_launch(self) -> WelcomePanel | None:
        """The welcome when the ledger is empty (it is part of the window, so this only reports it)."""
        self._update_empty_state()
        return self.welcome if self.reader_stack.currentWidget() is self.welcome else None

    def _update_empty_state(self) -> None:
        empty = not self.sources.source_ids()
        self.reader_stack.setCurrentWidget(self.welcome if empty else self.reader)

    # -- reacting -----------------------------------------------------------------------------------------
    def _on_sources_source_selected(self, source_id: str) -> None:
        if not self._selecting:
            self.reader.show_source(source_id)

    def _on_reader_suggestion_changed(self, current: tuple[str, Suggestion] | None) -> None:
        if self._selecting:  # a fact was chosen (its source opened on the way): the inspector shows the fact
            return
        source = self.reader.source
        if current is None or source is None:
            if self.inspector.draft is not None:  # triage is done here: show the fact chosen in the table
                chosen = self.table.selected_claim_ids()
                self.inspector.show_claim(chosen[0] if chosen else None)
            return
        self.inspector.set_draft_source(source.text, source.published)
        self.inspector.show_suggestion(
            current[0], current[1], f"{self.reader.current + 1} of {len(self.reader.suggestions)}"
        )

    def _on_reader_claim_accepted(self, claim_id: str) -> None:
        """The new fact is chosen in the table (S sets its status) while the inspector moves on to the next draft."""
        if self.reader.current_suggestion() is None:
            self.select_claim(claim_id)
            return
        self._selecting = True
        try:
            self.table.select_claim(claim_id)
        finally:
            self._selecting = False
        claim = self.session.ledger.claim(claim_id)
        self.statusBar().showMessage(f"Accepted: {claim.statement[:90]} — S sets its status.", 6000)

    def _on_inspector_claim_deleted(self, _claim_id: str) -> None:
        self.inspector.show_claim(None)

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.sources or changes.ledger_replaced:
            self._update_empty_state()
        if changes.ledger_replaced:  # the ledger commands put it first among the recent ones
            self.update_title()
            sources = self.sources.source_ids()
            if sources:
                self.sources.select_source(sources[0])
                self.focus_reader()

    def _on_session_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "FactLedger", message, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._error_box = box
        box.open()

    def _on_runner_task_started(self, task: Task) -> None:
        self.task_label.setText(task.label)
        self.task_progress.setRange(0, 0)
        task.progressed.connect(self._on_task_progressed)

    def _on_task_progressed(self, done: int, total: int, label: str) -> None:
        self.task_progress.setRange(0, max(total, 1))
        self.task_progress.setValue(done)
        self.task_label.setText(f"{label} ({done}/{total})")

    def _on_runner_active_changed(self, count: int) -> None:
        for widget in (self.task_label, self.task_progress, self.cancel_button):
            widget.setVisible(count > 0)

    def _on_import_flow_import_failed(self, label: str, reason: str) -> None:
        self.failures.add_failure(label, reason)
        self.failures_dock.show()

    def _on_import_flow_summary_ready(self, summary: str) -> None:
        self.statusBar().showMessage(summary, 10000)

    def _on_import_flow_import_finished(self, results: list) -> None:
        imported = [r for r in results if r.outcome != "failed" and r.source_id]
        if imported:
            self.sources.select_source(imported[-1].source_id)
            self.focus_reader()

    def _on_table_filter_changed(self) -> None:
        self.charts_tab.set_filter(self.table.model.claim_filter)

    # -- layout memory ------------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        self._layout_restored = isinstance(self.settings.value("window/main_splitter"), QByteArray | bytes)
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/state", self.restoreState),
            ("window/main_splitter", self.main_splitter.restoreState),
            ("window/centre_splitter", self.centre.restoreState),
            ("window/claims_header", self.table.restore_header_state),
        ):
            value = self.settings.value(key)
            if isinstance(value, QByteArray | bytes):
                restore(QByteArray(value))
        if not self.failures.failures():  # restoreState reopens a dock that was open: an empty one stays shut
            self.failures_dock.hide()

    def save_selection(self) -> None:
        self.settings.setValue(SELECTION_LEDGER_KEY, str(self.session.path))
        self.settings.setValue(SELECTION_SOURCE_KEY, self.sources.current_source_id() or "")
        claim = self.inspector.claim
        chosen = self.table.selected_claim_ids()
        self.settings.setValue(
            SELECTION_CLAIM_KEY, claim.id if claim is not None else (chosen[0] if chosen else "")
        )

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/main_splitter", self.main_splitter.saveState())
        self.settings.setValue("window/centre_splitter", self.centre.saveState())
        self.settings.setValue("window/claims_header", self.table.header_state())
        self.ledger_commands.remember_current()
        self.save_selection()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.runner.shutdown()
        super().closeEvent(event)
