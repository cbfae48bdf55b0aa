"""Axis items of the charts: amounts written as people read them, and named rows on a timeline."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics

from factledger.domain.chart_rows import DAY_SECONDS, MONTH_DAYS

_SCALES = ((1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k"))


def human_number(value: float) -> str:
    """550e9 reads "550 bn", 16707 reads "16.7 k": the way figures appear in the articles themselves."""
    if not math.isfinite(value):
        return ""
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:.3g}" if value != int(value) else f"{int(value)}"


class AmountAxisItem(pg.AxisItem):  # type: ignore[misc]
    """A value axis whose tick labels use k / m / bn / tn instead of scientific notation."""

    def __init__(self, orientation: str = "left", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [human_number(v * scale) for v in values]


class RowAxisItem(pg.AxisItem):  # type: ignore[misc]
    """The timeline's left axis: one named row per subject or committer, at integer positions.

    When rows are closer than a line of text, only every n-th row is named (n as small as keeps the names
    apart): names never print over each other, and zooming in brings every name back.
    """

    def __init__(self, orientation: str = "left", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self._labels: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return self._labels

    def set_rows(self, labels: Sequence[str]) -> None:
        self._labels = tuple(self._elide(label) for label in labels)
        # Size the axis for its longest label up front: auto-expansion only catches up after a repaint.
        metrics = self._metrics()
        widest = max((metrics.horizontalAdvance(label) for label in self._labels), default=0)
        self.setWidth(widest + 18)
        self.picture = None
        self.update()

    def _metrics(self) -> QFontMetrics:
        return QFontMetrics(self.style.get("tickFont") or QFont())

    def row_step(self, rows: float, pixels: float) -> int:
        """Name every n-th row so that names are at least a line of text apart over `pixels`."""
        line = self._metrics().height() + 2
        if rows <= 0 or pixels <= 0:
            return 1
        return max(1, math.ceil(line / (pixels / rows)))

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        low, high = sorted((minVal, maxVal))
        first, last = max(0, math.ceil(low)), min(len(self._labels) - 1, math.floor(high))
        if last < first:
            return []
        step = self.row_step(high - low, size)
        return [(float(step), [float(row) for row in range(first, last + 1) if row % step == 0])]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [self._labels[round(v)] if 0 <= round(v) < len(self._labels) else "" for v in values]

    @staticmethod
    def _elide(label: str, limit: int = 28) -> str:
        return label if len(label) <= limit else label[: limit - 1] + "…"


_DAY_STEPS = (1, 2, 3, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)
_FIRST_SECOND = -62_135_596_800.0  # 0001-01-01
_LAST_SECOND = 253_402_214_400.0  # 9999-12-31


class DayAxisItem(pg.AxisItem):  # type: ignore[misc]
    """A date axis (POSIX seconds, UTC) whose ticks fall on whole days, months or years and read as dates.

    pyqtgraph's `DateAxisItem` drops to hours, minutes and seconds when the range is short ("59.600",
    "00:00:00"): the charts' dates are days, so this axis never ticks finer than a day.
    """

    label_pixels = 96.0
    """Room one tick label takes ("23 Jul 2025"): fewer ticks when the axis is short."""

    def __init__(self, orientation: str = "bottom", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return []
        most = max(2, int(size // self.label_pixels))
        return [day_ticks(minVal, maxVal, most)]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [date_label(v, spacing) for v in values]


def day_ticks(low: float, high: float, most: int) -> tuple[float, list[float]]:
    """(step in seconds, tick positions) of at most `most` ticks on whole days, months or years."""
    from datetime import UTC, datetime

    # Dates exist from year 1 to 9999: a view zoomed out past them ticks the years it holds.
    low, high = max(low, _FIRST_SECOND), min(high, _LAST_SECOND)
    if high <= low:
        return 0.0, []
    first_day, last_day = math.ceil(low / DAY_SECONDS), math.floor(high / DAY_SECONDS)
    for step in _DAY_STEPS:
        if (last_day - first_day) // step + 1 <= most:
            first = first_day + (-first_day) % step if step > 1 else first_day
            return step * DAY_SECONDS, [d * DAY_SECONDS for d in range(first, last_day + 1, step)]
    start, end = (datetime.fromtimestamp(v, tz=UTC) for v in (low, high))
    months = (end.year - start.year) * 12 + end.month - start.month
    for step in _MONTH_STEPS:
        if months // step + 1 <= most:
            ticks = []
            index = start.year * 12 + start.month - 1
            index += (-index) % step
            while True:
                tick = datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC).timestamp()
                if tick > high:
                    break
                if tick >= low:
                    ticks.append(tick)
                index += step
            return step * MONTH_DAYS * DAY_SECONDS, ticks
    for step in _YEAR_STEPS:
        if (end.year - start.year) // step + 1 <= most or step == _YEAR_STEPS[-1]:
            year = start.year + (-start.year) % step
            ticks = []
            while year <= max(end.year, 1) and year <= 9999:
                tick = datetime(year, 1, 1, tzinfo=UTC).timestamp()
                if tick >= low:
                    ticks.append(tick)
                year += step
            return step * 12 * MONTH_DAYS * DAY_SECONDS, ticks
    return 0.0, []


def date_label(seconds: float, spacing: float) -> str:
    """A tick's date as people write it, as fine as the step between ticks: "23 Jul 2025", "Jul 2025", "2025"."""
    from datetime import UTC, datetime

    moment = datetime.fromtimestamp(seconds, tz=UTC)
    if spacing < 28 * DAY_SECONDS:
        return f"{moment.day} {moment:%b %Y}"
    if spacing < 365 * DAY_SECONDS:
        return f"{moment:%b %Y}"
    return f"{moment.year}"


class CountAxisItem(pg.AxisItem):  # type: ignore[misc]
    """An axis of counts: ticks on whole numbers only (1, 2, 5, 10, ... apart), written as integers."""

    def __init__(self, orientation: str = "left", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal < minVal:
            return []
        most = max(2, int(size // 28))
        step = next(s for s in _count_steps() if (maxVal - minVal) / s + 1 <= most)
        first = math.ceil(minVal / step) * step
        return [(float(step), [float(v) for v in range(int(first), math.floor(maxVal) + 1, step)])]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [f"{round(v * scale):,}" for v in values]


def _count_steps() -> Iterator[int]:
    """1, 2, 5, 10, 20, 50, ...: steps between count ticks."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            yield factor * power
        power *= 10
