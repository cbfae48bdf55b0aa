"""Progress reporting and cancellation shared by every exporter: one counter checked every few rows."""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[int], None]
CancelFn = Callable[[], bool]

PROGRESS_EVERY = 1000
"""Rows between progress calls and cancel checks: often enough for a live bar, rare enough to cost nothing."""


class ExportCancelled(Exception):
    """The person cancelled the export; nothing was written and any previous file is untouched.

    Neither a bug nor a `UserError`: the caller catches it and simply says the export was cancelled.
    """

    def __init__(self, rows_done: int) -> None:
        super().__init__(f"Export cancelled after {rows_done} rows; nothing was written.")
        self.rows_done = rows_done


class RowCounter:
    """Counts written rows, reports progress and honours cancellation every `every` rows.

    The exporters call `tick()` after each row and `finish()` once at the end, so a progress bar
    always ends on the true total even when it is not a multiple of `every`.
    """

    __slots__ = ("_cancelled", "_every", "_progress", "count")

    def __init__(
        self, *, progress: ProgressFn | None, cancelled: CancelFn | None, every: int = PROGRESS_EVERY
    ) -> None:
        if every < 1:
            raise ValueError(f"every must be at least 1, got {every}")
        self._progress = progress
        self._cancelled = cancelled
        self._every = every
        self.count = 0

    def tick(self) -> None:
        """Count one written row; raise `ExportCancelled` if the person asked to stop."""
        self.count += 1
        if self.count % self._every == 0:
            self.check()

    def check(self) -> None:
        """Report progress and honour a cancel request now, whatever the count."""
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled(self.count)
        if self._progress is not None:
            self._progress(self.count)

    def finish(self) -> int:
        """Final check before the file is put in place; returns the number of rows written."""
        if self.count % self._every != 0 or self.count == 0:
            self.check()
        return self.count
