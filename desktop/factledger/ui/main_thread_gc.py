"""Python's cycle collector runs only on the GUI thread while the app is up.

Automatic collection runs on whichever thread happens to allocate, and background tasks allocate a lot
(a chart query, an import). If that collection frees a cycle that holds a Qt object (a closed dialog and
its Python slots, say), the object is destroyed on a worker thread, which Qt does not allow: the process
dies with a segmentation fault. So the automatic collector is switched off and a timer on the GUI thread
does the same work with the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Switches automatic collection off while started; collects from the GUI thread's event loop."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collect what is left on this thread, then give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose threshold is exceeded, as Python's own trigger would.

        Returns the generation collected, or None when nothing was due.
        """
        threshold = gc.get_threshold()
        count = gc.get_count()
        if count[0] <= threshold[0]:
            return None
        generation = 2 if count[2] > threshold[2] else 1 if count[1] > threshold[1] else 0
        gc.collect(generation)
        return generation
