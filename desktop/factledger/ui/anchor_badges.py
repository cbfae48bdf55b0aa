"""How a stealth edit shows: the badge in the facts table and the old-vs-new box in the inspector."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from factledger.domain.anchors import Anchor, AnchorState

if TYPE_CHECKING:
    from factledger.core import Ledger

BADGES = {AnchorState.CHANGED: "⚠ source changed", AnchorState.ORPHANED: "⚠ gone from source"}


def badged(text: str, state: AnchorState | None) -> str:
    """The table cell's text with the fact's badge in front, when its source changed or dropped its quote."""
    badge = BADGES.get(state) if state is not None else None
    return f"{badge} · {text}" if badge else text


def anchor_html(anchor: Anchor) -> str:
    """Old and new wording with both versions' dates, as the inspector shows them."""
    old = html.escape(anchor.old_quote)
    seen = (
        f"version {anchor.from_version} seen {(anchor.from_date or '?')[:10]}, "
        f"version {anchor.to_version} seen {(anchor.to_date or '?')[:10]}"
    )
    if anchor.state == AnchorState.ORPHANED:
        return (
            f"<b>{BADGES[anchor.state]}</b>: version {anchor.to_version} no longer has these words; "
            f"the fact stays on version {anchor.from_version}.<br>Old: “{old}”<br><small>{seen}</small>"
        )
    if anchor.state == AnchorState.CHANGED:
        figures = f"<br>Figures: {html.escape(anchor.figures)}" if anchor.figures else ""
        return (
            f"<b>{BADGES[anchor.state]}</b> in version {anchor.to_version}.<br>Old: “{old}”<br>"
            f"New: “{html.escape(anchor.new_quote or '')}”{figures}<br><small>{seen}</small>"
        )
    word = "moved" if anchor.state == AnchorState.MOVED else "unchanged"
    return f"<small>Same words ({word}) in version {anchor.to_version}; {seen}</small>"


class AnchorBox(QLabel):
    """Shown in the inspector under the quote when the fact's source has had a newer version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_claim(self, ledger: Ledger, claim_id: str | None) -> None:
        anchor = None if claim_id is None else ledger.anchors([claim_id]).get(claim_id)
        self.setVisible(anchor is not None)
        self.setText("" if anchor is None else anchor_html(anchor))
