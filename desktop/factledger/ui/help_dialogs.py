"""Help pages: the keyboard shortcut sheet (read from the live actions), how to check a fact, the log folder."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

HOW_TO_CHECK = """
<h2>How to check a fact</h2>
<ol>
<li><b>Bring in the article.</b> Drop it on the window, paste it (Ctrl+V) or import it (Ctrl+I).
The reader highlights what FactLedger suggests: claims, statistics and commitments, tinted by kind.</li>
<li><b>Triage the suggestions.</b> J and K walk through them; the inspector on the right shows the current one
as a draft fact you can correct before accepting. A accepts, E accepts with edits, D dismisses,
W says why it was suggested. Missed something? Select the words and press 1 (claim), 2 (statistic) or
3 (commitment).</li>
<li><b>Look for related facts.</b> The Related column of the facts table and the inspector's
<i>Related facts</i> section show figures that contradict or restate each other across your sources.
Link them (Ctrl+L) or dismiss a finding that is not a real conflict. Fact ▸ Check ledger (Ctrl+K) lists
every finding.</li>
<li><b>Find evidence.</b> Add evidence (V) from another source in the ledger (related facts are offered first)
or from a web address, saying whether it supports or contradicts the fact.</li>
<li><b>Set the status.</b> S sets the status of the chosen fact, or of every selected row at once, with one
reason. False, disputed and partly true need a reason; Enter in the reason field commits it.</li>
<li><b>Export.</b> File ▸ Export fact sheet (Ctrl+E) writes CSV, Markdown or ClaimReview JSON.</li>
</ol>
<p>Every change is undoable (Ctrl+Z) and kept in the fact's history with who made it and why.</p>
"""


def shortcut_sheet(actions: Iterable[QAction]) -> str:
    """An HTML table of every action that has a shortcut, in menu order, without duplicates."""
    rows: list[str] = []
    seen: set[str] = set()
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = action.text().replace("&", "").rstrip("…").strip()
        for verb in ("Undo", "Redo"):  # the undo actions name the last edit ("Undo Dismiss suggestion")
            if name.startswith(verb + " "):
                name = verb
        if not keys or not name or name in seen:
            continue
        seen.add(name)
        rows.append(f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(name)}</td></tr>")
    rows.append("<tr><td><b>Enter</b></td><td>Accept suggestion (in the reader)</td></tr>")
    return (
        "<h2>Keyboard shortcuts</h2><table cellspacing=0 cellpadding=4>" + "".join(rows) + "</table>"
        "<p>Single-letter keys act on the reader's current suggestion or the chosen fact wherever the focus is, "
        "except while you type in a text field.</p>"
    )


def open_folder(folder: Path) -> bool:
    """Show `folder` in the system's file manager (Help > Open log folder), making it first if need be, so
    the person can attach the log to a report; False when the system could not open it."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class HelpDialog(QDialog):
    """A read-only page of help text; not modal, so it can stay open beside the window."""

    def __init__(self, title: str, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setHtml(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 620)
