"""The Charts tab builds its panel when first shown, starting from the filter the claims table has then."""

from __future__ import annotations

from factledger.core import Ledger
from factledger.domain import ClaimFilter, ClaimKind


def test_the_charts_panel_is_built_when_its_tab_is_first_shown(
    qtbot, make_window, sample_ledger: Ledger
) -> None:
    """Given a new window, the Charts tab holds no panel; when the person opens the tab, the panel is there."""
    window = make_window(sample_ledger.path)
    assert not window.charts_tab.built
    window.tabs.setCurrentWidget(window.charts_tab)
    assert window.charts_tab.built
    assert window.charts.isVisibleTo(window)


def test_a_panel_built_late_starts_from_the_tables_filter(qtbot, make_window, sample_ledger: Ledger) -> None:
    """Given a table filtered before the charts exist, the charts built afterwards follow that filter."""
    window = make_window(sample_ledger.path)
    wanted = ClaimFilter(kinds=frozenset({ClaimKind.COMMITMENT}))
    window.charts_tab.set_filter(wanted)
    assert all(chart.claim_filter == wanted for chart in window.charts.charts)
