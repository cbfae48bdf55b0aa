"""The timeline's legend wraps to the plot's width and never leaves the plot taller than its view."""

from __future__ import annotations

from typing import Any

from factledger.ui.charts import TimelineChart
from factledger.ui.session import LedgerSession


def test_legend_rows_follow_the_width_and_the_date_axis_stays_in_view(
    qtbot: Any, session: LedgerSession
) -> None:
    """The timeline legend uses fewer columns when the chart narrows and its columns come back when it
    widens, with the plot fitting its view."""
    chart = TimelineChart(session)
    qtbot.addWidget(chart)
    chart.show()

    def plot_fits_its_view() -> bool:
        return round(chart.plot.centralWidget.geometry().height()) == chart.plot.viewport().height()

    chart.resize(1200, 320)
    qtbot.waitUntil(plot_fits_its_view)
    wide_columns = chart._legend.columnCount
    chart.resize(160, 320)  # every entry on its own row: taller than this view can hold
    qtbot.waitUntil(lambda: chart._legend.columnCount < wide_columns)
    chart.resize(1200, 320)
    qtbot.waitUntil(lambda: chart._legend.columnCount == wide_columns)
    qtbot.waitUntil(plot_fits_its_view)
    assert wide_columns > 2
