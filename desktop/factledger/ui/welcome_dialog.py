"""WelcomeDialog: the first-launch greeting that opens the bundled sample article."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

WELCOME_TEXT = (
    "<h2>Welcome to FactLedger</h2>"
    "<p>Drop a news article anywhere on the window (a file, a link, or text from a web page). FactLedger "
    "highlights the claims, commitments and statistics it finds, each tied to its exact quote.</p>"
    "<p>Walk through them with <b>J</b>/<b>K</b>, accept with <b>A</b>, edit with <b>E</b>, dismiss with "
    "<b>D</b>, and ask <b>W</b>hy one was suggested. Then verify facts with evidence and export a fact sheet."
    "</p><p>Open the sample article to see the whole flow in a minute.</p>"
)


class WelcomeDialog(QDialog):
    """Shown once (the caller remembers that in QSettings).

    Signals:
        sample_requested: the person chose to open the sample article.
    """

    sample_requested = Signal()
    """The person asked for the bundled sample article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to FactLedger")
        text = QLabel(WELCOME_TEXT)
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.sample_button = QPushButton("Open the sample article")
        self.sample_button.setDefault(True)
        buttons.addButton(self.sample_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Start with an empty ledger", QDialogButtonBox.ButtonRole.RejectRole)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
