"""Timelines and charts drawn with pyqtgraph from the core's series; `ChartsPanel` holds them as tabs."""

from .charts_panel import ChartsPanel
from .commitments_chart import CommitmentsChart
from .figures_chart import FiguresChart
from .progress_chart import ProgressChart
from .timeline_chart import TimelineChart

__all__ = ["ChartsPanel", "CommitmentsChart", "FiguresChart", "ProgressChart", "TimelineChart"]
