"""CommitmentsChart: per committer, the amount pledged against the amount shown delivered, in one unit.

One row per committer, named on the row itself. The grey bar is the pledges end to end, one segment per
pledge (restatements counted once, see `core.pledges`); where sources disagree on a pledge's figure the
segment runs solid to the lowest figure and hatched to the highest. Inside it, green is what the evidence
shows delivered and lime what is partly fulfilled with no delivered amount recorded. The amount is written at
the top of each bar; hovering a segment names the pledge and its statements, and a click opens its first one.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from factledger.core.pledges import Pledge
from factledger.core.series import CommitmentTotal
from factledger.domain import Fulfilment
from factledger.ui.session import LedgerSession

from .axes import AmountAxisItem, RowAxisItem, human_number
from .base import ChartView, combo_index, plot_widget, style_plot
from .palette import FULFILMENT_COLOURS, OVERDUE
from .queries import ChartQueries

_NOTHING = object()
PLEDGED = "#94a3b8"
NOBODY = "(no one named)"
PLEDGE_HEIGHT = 0.5
DELIVERY_HEIGHT = 0.2
LABEL_GAP = 0.04
"""The amount is written just above the start of its bar (in rows): on the bar's row at any width."""


def amount_range(low: float, high: float, unit: str | None) -> str:
    """ "550 bn USD", or "500–550 bn USD" when the figures disagree."""
    suffix = f" {unit}" if unit else ""
    if high > low:
        return f"{human_number(low)} – {human_number(high)}{suffix}"
    return f"{human_number(low)}{suffix}"


def bar_label(total: CommitmentTotal) -> str:
    """What is written on a committer's bar: its amount and how many pledges make it."""
    pledges = f"{total.commitments} pledge{'' if total.commitments == 1 else 's'}"
    if total.statements > total.commitments:
        pledges += f", {total.statements} statements"
    amount_given = any(p.amounts for p in total.pledges)
    parts = [
        amount_range(total.pledged, total.pledged_high, None) if amount_given else "no amount given",
        pledges,
    ]
    if total.conflicted:
        parts.append("sources disagree")
    if total.overdue:
        parts.append(f"{total.overdue} overdue")
    return " · ".join(parts)


def pledge_tooltip_html(total: CommitmentTotal, pledge: Pledge) -> str:
    """One pledge in words: who, what amount (or the disagreeing figures), how often stated, how far kept."""
    who = html.escape(total.committer or NOBODY)
    lines = [f"<b>{who}</b> · {html.escape(pledge.subject or 'pledge')}"]
    if pledge.conflicted:
        figures = " vs ".join(human_number(a) for a in pledge.amounts)
        lines.append(
            f"<span style='color:{OVERDUE}'>Sources disagree: {figures} {html.escape(pledge.unit or '')}</span>"
        )
    elif pledge.amounts:
        lines.append(f"Pledged {human_number(pledge.high)} {html.escape(pledge.unit or '')}".strip())
    else:
        lines.append("No amount given")
    stated = f"Stated {pledge.statements}× in {pledge.sources} source{'' if pledge.sources == 1 else 's'}"
    lines.append(stated + (" (counted once)" if pledge.statements > 1 else ""))
    if pledge.delivered:
        lines.append(f"Delivered {human_number(pledge.delivered)}")
    elif pledge.partly:
        lines.append("Partly fulfilled; how much arrived is not recorded")
    if pledge.fulfilled:
        lines.append("Fulfilled")
    if pledge.overdue:
        lines.append(f"<span style='color:{OVERDUE}'>Overdue</span>")
    lines.append("Click to open its first statement.")
    return "<br>".join(lines)


class CommitmentsChart(ChartView):
    """Horizontal bars per committer; amounts in different units are never added (a unit picker chooses).

    Signals:
        claim_selected: a pledge was clicked; carries the id of its first statement.
    """

    claim_selected = Signal(str)
    """A pledge was clicked; the payload is the claim id of its first statement."""

    title = "commitments tracker"

    def __init__(
        self, session: LedgerSession, parent: QWidget | None = None, *, queries: ChartQueries | None = None
    ) -> None:
        super().__init__(session, parent, queries=queries)
        self.totals: list[CommitmentTotal] = []
        self.shown: list[CommitmentTotal] = []
        self._segments: list[tuple[int, float, float, Pledge]] = []  # row, start, end, pledge
        self._labels: list[pg.TextItem] = []
        self._unit = QComboBox()
        self._unit.currentIndexChanged.connect(self._on_unit_changed)
        self._rows = RowAxisItem("left")
        self.plot = plot_widget(self.theme(), {"left": self._rows, "bottom": AmountAxisItem("bottom")})
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.invertY(True)
        item.setMenuEnabled(False)
        item.getViewBox().setMouseEnabled(x=True, y=False)
        item.showGrid(x=True, y=False, alpha=0.12)
        theme = self.theme()
        self._pledged = pg.BarGraphItem(x0=[], y=[], width=[], height=PLEDGE_HEIGHT, brush=PLEDGED)
        self._disputed = pg.BarGraphItem(x0=[], y=[], width=[], height=PLEDGE_HEIGHT)
        self._delivered = pg.BarGraphItem(x0=[], y=[], width=[], height=DELIVERY_HEIGHT)
        self._partly = pg.BarGraphItem(x0=[], y=[], width=[], height=DELIVERY_HEIGHT)
        for bar in (self._pledged, self._disputed, self._delivered, self._partly):
            item.addItem(bar)
        self._legend = self._build_legend(item, theme.foreground)
        bar_row = QHBoxLayout()
        bar_row.addWidget(QLabel("Unit:"))
        bar_row.addWidget(self._unit)
        bar_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar_row)
        layout.addWidget(self.plot, 1)
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self.apply_theme()

    def reload(self) -> None:
        claim_filter = self.claim_filter
        self.ask(lambda ledger: ledger.commitments(claim_filter), self.show_totals)

    def show_totals(self, totals: list[CommitmentTotal]) -> None:
        self.totals = totals
        # An empty picker's "current" None would read as the "no unit" row: keep nothing then.
        current = self._unit.currentData() if self._unit.count() else _NOTHING
        units: list[str | None] = []
        for total in self.totals:
            if total.unit not in units:
                units.append(total.unit)
        self._unit.blockSignals(True)
        self._unit.clear()
        for unit in units:
            self._unit.addItem(unit or "no unit", unit)
        found = combo_index(self._unit, current)
        self._unit.setCurrentIndex(max(found, 0) if units else -1)
        self._unit.blockSignals(False)
        self._draw()

    def select_unit(self, unit: str | None) -> None:
        index = combo_index(self._unit, unit)
        if index >= 0:
            self._unit.setCurrentIndex(index)

    @property
    def labels(self) -> list[str]:
        """The amounts written on the bars, top row first."""
        return [label.toPlainText() for label in self._labels]

    def _on_unit_changed(self, _index: int) -> None:
        self._draw()

    def _draw(self) -> None:
        item = self.plot.getPlotItem()
        for label in self._labels:
            item.removeItem(label)
        self._labels.clear()
        unit = self._unit.currentData()
        self.shown = [t for t in self.totals if t.unit == unit] if self._unit.count() else []
        self._rows.set_rows([t.committer or NOBODY for t in self.shown])
        solid: list[tuple[int, float, float]] = []
        hatched: list[tuple[int, float, float]] = []
        self._segments = []
        for row, total in enumerate(self.shown):
            start = 0.0
            for pledge in total.pledges:
                solid.append((row, start, pledge.low))
                if pledge.conflicted:
                    hatched.append((row, start + pledge.low, pledge.high - pledge.low))
                self._segments.append((row, start, start + pledge.high, pledge))
                start += pledge.high
        _set_bars(self._pledged, solid, PLEDGE_HEIGHT)
        _set_bars(self._disputed, hatched, PLEDGE_HEIGHT)
        rows = range(len(self.shown))
        _set_bars(
            self._delivered,
            [(r, 0.0, t.delivered) for r, t in zip(rows, self.shown, strict=True)],
            DELIVERY_HEIGHT,
        )
        _set_bars(
            self._partly,
            [(r, t.delivered, t.partly_delivered) for r, t in zip(rows, self.shown, strict=True)],
            DELIVERY_HEIGHT,
        )
        foreground = self.theme().foreground
        for row, total in enumerate(self.shown):
            label = pg.TextItem(bar_label(total), color=foreground, anchor=(0, 1))
            label.setPos(0, row - PLEDGE_HEIGHT / 2 - LABEL_GAP)
            item.addItem(label)
            self._labels.append(label)
        item.setLabel("bottom", f"amount pledged ({unit or 'no unit'})")
        widest = max((t.pledged_high for t in self.shown), default=0.0) or 1.0
        box = item.getViewBox()
        box.setLimits(xMin=0)
        box.setRange(xRange=(0, widest * 1.03), yRange=(-0.75, max(len(self.shown), 1) - 0.45), padding=0)

    # -- hover and click -----------------------------------------------------------------------
    def hit(self, scene_pos: QPointF) -> tuple[CommitmentTotal, Pledge] | None:
        """The pledge under a scene position: the segment of the row's bar it is on, else the row's largest."""
        box = self.plot.getPlotItem().getViewBox()
        if not self.shown or not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        row = round(point.y())
        if not 0 <= row < len(self.shown) or abs(point.y() - row) > PLEDGE_HEIGHT / 2:
            return None
        total = self.shown[row]
        for segment_row, start, end, pledge in self._segments:
            if segment_row == row and start <= point.x() <= end:
                return total, pledge
        return (total, total.pledges[0]) if total.pledges else None

    def segment_scene_pos(self, row: int, index: int = 0) -> QPointF:
        """The middle of a pledge's segment on a row, in scene coordinates (tests, keyboard focus)."""
        segments = [s for s in self._segments if s[0] == row]
        _, start, end, _ = segments[index]
        view = QPointF((start + end) / 2, float(row))
        return QPointF(self.plot.getPlotItem().getViewBox().mapViewToScene(view))

    def hover_text(self, scene_pos: QPointF) -> str | None:
        found = self.hit(scene_pos)
        return None if found is None else pledge_tooltip_html(*found)

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        self.show_hover(self.plot, scene_pos, self.hover_text(scene_pos))

    def _on_scene_mouse_clicked(self, event: object) -> None:
        scene_pos = self.left_click_at(event)
        if scene_pos is None:
            return
        found = self.hit(scene_pos)
        if found is not None:
            self.claim_selected.emit(found[1].claim_ids[0])

    # -- look ------------------------------------------------------------------------------------
    def _build_legend(self, item: pg.PlotItem, foreground: QColor) -> pg.LegendItem:
        # Above the plot, in the title row: it never covers a bar.
        legend = pg.LegendItem(offset=None, labelTextColor=foreground, colCount=4)
        item.layout.removeItem(item.titleLabel)
        item.titleLabel.hide()
        item.layout.addItem(legend, 0, 1)
        for bar, name in (
            (self._pledged, "pledged"),
            (self._disputed, "sources disagree (lowest to highest figure)"),
            (self._delivered, "delivered"),
            (self._partly, "partly fulfilled, amount not recorded"),
        ):
            legend.addItem(bar, name)
        return legend

    def apply_theme(self) -> None:
        theme = self.theme()
        self.plot.setBackground(theme.background)
        style_plot(self.plot.getPlotItem(), theme)
        self.plot.getPlotItem().showGrid(x=True, y=False, alpha=0.12)
        self._legend.setLabelTextColor(theme.foreground)
        separator = pg.mkPen(theme.background, width=1.5)
        self._pledged.setOpts(brush=pg.mkBrush(PLEDGED), pen=separator)
        hatch = QBrush(QColor(PLEDGED), Qt.BrushStyle.BDiagPattern)
        self._disputed.setOpts(brush=hatch, pen=pg.mkPen(OVERDUE, width=1.5, style=Qt.PenStyle.DashLine))
        self._delivered.setOpts(brush=pg.mkBrush(FULFILMENT_COLOURS[Fulfilment.FULFILLED]), pen=None)
        self._partly.setOpts(brush=pg.mkBrush(FULFILMENT_COLOURS[Fulfilment.PARTIALLY_FULFILLED]), pen=None)
        for label in self._labels:
            label.setColor(theme.foreground)

    def export_item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()


def _set_bars(bar: pg.BarGraphItem, spans: list[tuple[int, float, float]], height: float) -> None:
    """(row, start, width) spans; zero widths are left out (an empty bar still draws its outline).

    An empty item stays visible: the legend draws a hidden item's sample as a crossed-out eye.
    """
    kept = [(row, start, width) for row, start, width in spans if width > 0]
    bar.setOpts(
        x0=[start for _, start, _ in kept],
        y=[float(row) for row, _, _ in kept],
        width=[w for _, _, w in kept],
        height=height,
    )
