"""MarkerLayer: the timeline's markers as a fixed set of scatter items with cached symbols, brushes and pens.

Single facts are split by kind and status into one `ScatterPlotItem` each (3 x 7 items), every item drawn
with one symbol, one size, one brush and one pen: pyqtgraph then renders a single cached symbol pixmap per
item and blits it for every point, and `setData` gets only the x and y arrays. No Python object is built
per point. Counted facts (an aggregated timeline) are one marker per time bucket and row, sized by how
many facts it stands for and coloured by the status most of them have, one item per status.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtGui import QColor

from factledger.core.series import KIND_ORDER, STATUS_ORDER, TimelineMarkers

from .palette import STATUS_BY_CODE

SYMBOLS = {"claim": "o", "statistic": "s", "commitment": "d"}
KIND_OFFSET = {"claim": -0.32, "statistic": -0.2, "commitment": -0.08}
BUCKET_OFFSET = -0.2  # a counted marker sits where the row's statistics would
MARKER_SIZE = 10
BUCKET_SIZES = (6, 9, 12, 15, 18, 22, 26)
"""Counted markers come in a few sizes (1, ≤4, ≤16, ... facts): few distinct sizes, few cached symbols."""

FloatArray = npt.NDArray[np.float64]
_OFFSETS = np.array([KIND_OFFSET[str(k)] for k in KIND_ORDER])


@dataclass(frozen=True, slots=True, eq=False)
class Buckets:
    """One counted marker per (time bucket, row): where it is drawn and the facts it stands for by status."""

    x: FloatArray
    y: FloatArray
    row: npt.NDArray[np.int32]
    total: npt.NDArray[np.int64]
    by_status: npt.NDArray[np.int64]  # shape (n, len(STATUS_ORDER))

    def __len__(self) -> int:
        return int(self.x.size)

    @property
    def main_status(self) -> npt.NDArray[np.intp]:
        if not len(self):
            return np.empty(0, dtype=np.intp)
        return np.asarray(np.argmax(self.by_status, axis=1), dtype=np.intp)

    @property
    def size_step(self) -> npt.NDArray[np.intp]:
        """Index into BUCKET_SIZES: one step per factor of four in the count."""
        steps = np.floor(np.log(np.maximum(self.total, 1)) / np.log(4.0)).astype(np.intp)
        return np.asarray(np.minimum(steps, len(BUCKET_SIZES) - 1), dtype=np.intp)


def marker_y(markers: TimelineMarkers, rows: npt.NDArray[np.int32]) -> FloatArray:
    """Where single facts are drawn: their row, nudged by kind so kinds of one row do not hide each other."""
    if not len(markers):
        return np.empty(0)
    return np.asarray(rows + _OFFSETS[markers.kind], dtype=np.float64)


def collapse_buckets(markers: TimelineMarkers, rows: npt.NDArray[np.int32]) -> Buckets:
    """Sum the per-(bucket, row, kind, status) counts of an aggregated timeline into one per (bucket, row)."""
    if not len(markers):
        empty = np.empty(0)
        return Buckets(empty, empty, np.empty(0, np.int32), np.empty(0, np.int64), np.empty((0, 7), np.int64))
    pairs = np.stack([markers.x, rows.astype(np.float64)], axis=1)
    unique, inverse = np.unique(pairs, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    statuses = len(STATUS_ORDER)
    flat = np.bincount(
        inverse * statuses + markers.status.astype(np.intp),
        weights=markers.count,
        minlength=unique.shape[0] * statuses,
    )
    by_status = flat.reshape(-1, statuses).astype(np.int64)
    row = unique[:, 1].astype(np.int32)
    return Buckets(
        x=unique[:, 0].copy(),
        y=np.asarray(row + BUCKET_OFFSET, dtype=np.float64),
        row=row,
        total=by_status.sum(axis=1),
        by_status=by_status,
    )


class MarkerLayer:
    """The scatter items of the timeline's markers, added to a plot once and refilled in place."""

    def __init__(self, plot: pg.PlotItem, background: QColor) -> None:
        self._brushes = [pg.mkBrush(colour) for colour in STATUS_BY_CODE]
        self._pen = pg.mkPen(background, width=0.8)
        self.singles: dict[tuple[int, int], pg.ScatterPlotItem] = {}
        for kind_code, kind in enumerate(KIND_ORDER):
            for status_code in range(len(STATUS_ORDER)):
                self.singles[kind_code, status_code] = pg.ScatterPlotItem(
                    pxMode=True,
                    antialias=True,
                    symbol=SYMBOLS[str(kind)],
                    size=MARKER_SIZE,
                    brush=self._brushes[status_code],
                    pen=self._pen,
                )
        self.counted: dict[tuple[int, int], pg.ScatterPlotItem] = {}
        for status_code in range(len(STATUS_ORDER)):
            for step, size in enumerate(BUCKET_SIZES):
                self.counted[status_code, step] = pg.ScatterPlotItem(
                    pxMode=True,
                    antialias=True,
                    symbol="o",
                    size=size,
                    brush=self._brushes[status_code],
                    pen=self._pen,
                )
        for graphic in self.items():
            graphic.setVisible(False)
            plot.addItem(graphic)

    def items(self) -> list[pg.ScatterPlotItem]:
        return [*self.singles.values(), *self.counted.values()]

    def set_background(self, background: QColor) -> None:
        """The outline around each marker is the background colour (it separates touching markers)."""
        self._pen = pg.mkPen(background, width=0.8)
        for graphic in self.items():
            graphic.setPen(self._pen)

    def show_singles(self, markers: TimelineMarkers, y: FloatArray) -> None:
        codes = markers.kind.astype(np.intp) * len(STATUS_ORDER) + markers.status.astype(np.intp)
        self._fill(self.singles, codes, markers.x, y, len(STATUS_ORDER))
        self._fill(self.counted, np.empty(0, np.intp), np.empty(0), np.empty(0), len(BUCKET_SIZES))

    def show_buckets(self, buckets: Buckets) -> None:
        codes = buckets.main_status * len(BUCKET_SIZES) + buckets.size_step
        self._fill(self.counted, codes, buckets.x, buckets.y, len(BUCKET_SIZES))
        self._fill(self.singles, np.empty(0, np.intp), np.empty(0), np.empty(0), len(STATUS_ORDER))

    @staticmethod
    def _fill(
        items: dict[tuple[int, int], pg.ScatterPlotItem],
        codes: npt.NDArray[np.intp],
        x: FloatArray,
        y: FloatArray,
        width: int,
    ) -> None:
        """One stable sort splits the points by item; each item gets contiguous slices of x and y."""
        order = np.argsort(codes, kind="stable")
        sorted_codes = codes[order]
        for (first, second), graphic in items.items():
            code = first * width + second
            low, high = np.searchsorted(sorted_codes, [code, code + 1])
            if high > low:
                chosen = order[low:high]
                graphic.setData(x=x[chosen], y=y[chosen])
                graphic.setVisible(True)
            elif graphic.isVisible() or len(graphic.data):
                # Hidden when empty: pyqtgraph's SVG export cannot write an empty path.
                graphic.setData(x=np.empty(0), y=np.empty(0))
                graphic.setVisible(False)
