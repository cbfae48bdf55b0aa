"""WelcomePanel: the in-window empty state of a ledger with no sources; it takes drops itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

WELCOME_TEXT = (
    "<h2>Welcome to FactLedger</h2>"
    "<p>Drop a news article here (a file, a folder, a link, or text from a web page), paste one with "
    "<b>Ctrl+V</b>, or import files with <b>Ctrl+I</b>. FactLedger highlights the claims, commitments and "
    "statistics it finds, each tied to its exact quote.</p>"
    "<p>Walk through them with <b>J</b>/<b>K</b>, accept with <b>A</b>, edit with <b>E</b>, dismiss with "
    "<b>D</b>, and ask <b>W</b>hy one was suggested. Every action is in the <b>Fact</b> menu; "
    "<b>F1</b> lists the shortcuts.</p>"
)


def mime_has_importable(mime_formats: list[str], has_urls: bool) -> bool:
    """A drag carries something an import could read: files, links, HTML or text."""
    return has_urls or any(f.startswith("text/") for f in mime_formats)


class WelcomePanel(QFrame):
    """Shown instead of the reader while the ledger holds no source; it is not modal, so nothing blocks a drop.

    Signals:
        sample_requested: the person chose to open the bundled sample article.
        paste_requested: the person chose to paste an article from the clipboard.
        import_requested: the person chose File ▸ Import from the panel.
        payload_dropped: something was dropped on the panel; carries {MIME type: bytes}.
    """

    sample_requested = Signal()
    """The person asked for the bundled sample article."""
    paste_requested = Signal()
    """The person asked to paste what the clipboard holds."""
    import_requested = Signal()
    """The person asked to pick files to import."""
    payload_dropped = Signal(object)
    """A drop landed on the panel; the payload maps each MIME type to its bytes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_panel")
        self.setAcceptDrops(True)
        self.dragging = False
        text = QLabel(WELCOME_TEXT)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setFixedWidth(600)
        text.setMinimumHeight(
            text.heightForWidth(600)
        )  # a wrapped label centred by alignment loses its height
        self.sample_button = QPushButton("Open the sample article")
        self.sample_button.setDefault(True)
        self.paste_button = QPushButton("Paste an article  (Ctrl+V)")
        self.import_button = QPushButton("Import files…  (Ctrl+I)")
        self.sample_button.clicked.connect(self.sample_requested)
        self.paste_button.clicked.connect(self.paste_requested)
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.sample_button, self.paste_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime_has_importable(mime.formats(), mime.hasUrls()):
            event.acceptProposedAction()
            self.dragging = True
            self.update()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        self.dragging = False
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self.dragging = False
        self.update()
        mime = event.mimeData()
        event.acceptProposedAction()
        self.payload_dropped.emit({fmt: bytes(mime.data(fmt).data()) for fmt in mime.formats()})

    def paintEvent(self, event: QPaintEvent) -> None:
        """A dashed drop zone around the panel says where to drop, stronger while something is dragged."""
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(
            QPalette.ColorRole.Highlight if self.dragging else QPalette.ColorRole.Mid
        )
        painter.setPen(QPen(colour, 3 if self.dragging else 2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(self.rect().adjusted(10, 10, -10, -10), 14, 14)
