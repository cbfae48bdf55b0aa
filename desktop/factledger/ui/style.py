"""Colours and fonts shared by the panels, chosen to read well in light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from factledger.domain import ClaimKind, Status

# Hues per kind; the alpha keeps text readable over them on white and on near-black backgrounds.
KIND_HUES: dict[ClaimKind, QColor] = {
    ClaimKind.STATISTIC: QColor(46, 134, 222),
    ClaimKind.COMMITMENT: QColor(230, 145, 30),
    ClaimKind.CLAIM: QColor(142, 68, 173),
}

STATUS_COLOURS: dict[Status, QColor] = {
    Status.UNVERIFIED: QColor(127, 127, 127),
    Status.IN_REVIEW: QColor(41, 128, 185),
    Status.VERIFIED: QColor(39, 174, 96),
    Status.PARTLY_TRUE: QColor(211, 140, 20),
    Status.DISPUTED: QColor(192, 57, 43),
    Status.FALSE: QColor(192, 57, 43),
    Status.UNVERIFIABLE: QColor(110, 110, 160),
}

KIND_LABELS: dict[ClaimKind, str] = {
    ClaimKind.CLAIM: "Claim",
    ClaimKind.COMMITMENT: "Commitment",
    ClaimKind.STATISTIC: "Statistic",
}


def kind_label(kind: ClaimKind | str) -> str:
    return KIND_LABELS.get(ClaimKind(kind), str(kind))


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def status_colour(status: Status, *, dark: bool) -> QColor:
    """A status's text colour: the mid hues lose contrast on a dark base, so they are lifted there."""
    colour = STATUS_COLOURS[status]
    return colour.lighter(150) if dark else colour


def tint(colour: QColor, *, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def suggestion_background(kind: ClaimKind, *, current: bool, dark: bool) -> QColor:
    """Open suggestions: a light wash of the kind's hue; the current one much stronger."""
    base = KIND_HUES[kind]
    if dark:
        return tint(base, alpha=170 if current else 80)
    return tint(base, alpha=120 if current else 45)


def claim_background(kind: ClaimKind, *, dark: bool) -> QColor:
    """Logged facts: a solid pale fill so they read as settled, underlined in the kind's hue."""
    base = KIND_HUES[kind]
    return tint(base.darker(140) if dark else base.lighter(130), alpha=110 if dark else 70)


def reading_font() -> QFont:
    """A comfortable serif-free reading size a little above the UI default."""
    font = QFont(QApplication.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.15)
    return font


def over(colour: QColor, base: QColor) -> QColor:
    """A tint composited onto the page colour, as an opaque colour.

    Highlights are painted one over another; translucent ones blended into mud where suggestions overlap.
    Opaque ones keep the topmost span's kind readable, and the painting order says which span is on top.
    """
    alpha = colour.alphaF()
    return QColor(
        round(colour.red() * alpha + base.red() * (1 - alpha)),
        round(colour.green() * alpha + base.green() * (1 - alpha)),
        round(colour.blue() * alpha + base.blue() * (1 - alpha)),
    )


def kind_legend_html(*, dark: bool, base: QColor) -> str:
    """Swatches naming what each tint in the reader means."""
    parts = []
    for kind in (ClaimKind.CLAIM, ClaimKind.STATISTIC, ClaimKind.COMMITMENT):
        colour = over(suggestion_background(kind, current=False, dark=dark), base).name()
        parts.append(f"<span style='background:{colour}'>&nbsp;{KIND_LABELS[kind]}&nbsp;</span>")
    current = over(suggestion_background(ClaimKind.STATISTIC, current=True, dark=dark), base).name()
    logged = over(claim_background(ClaimKind.STATISTIC, dark=dark), base).name()
    return (
        "Suggestions: "
        + " ".join(parts)
        + f" · <span style='background:{current}'>&nbsp;current&nbsp;</span>"
        + f" · <span style='background:{logged}; text-decoration:underline'>&nbsp;logged fact&nbsp;</span>"
    )
