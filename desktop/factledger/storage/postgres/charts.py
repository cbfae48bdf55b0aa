"""The chart port (`core.chart_store.ChartStore`) on a team ledger: not answered yet, and saying so.

The timeline, figures, progress and commitment charts read SQLite-shaped SQL (`storage.series`,
`storage.series_counts`) that has no PostgreSQL twin yet. Until it has, every chart query on a team ledger
raises one `UserError` sentence naming what works instead, rather than an engine error or an empty chart
that would look like a ledger without facts. What a twin needs is already on the server: `claims.stated_day`
(a generated column computed exactly as SQLite's julianday expression), the `timeline_counts` summary
kept by triggers, and `factledger_month` for its month key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NoReturn

from factledger.domain import ClaimFilter, UserError
from factledger.domain.chart_rows import (
    BarColumns,
    BucketColumns,
    FigureRow,
    LinkPair,
    MarkerColumns,
    MetricKey,
    MetricRow,
    PointRow,
    StatementRow,
    StatusKindCount,
    TimelineExtent,
    VerdictDayCount,
)


class ChartsNotYet:
    """Every `ChartStore` query refused with the same sentence (see the module's docstring)."""

    def __init__(self, where: str) -> None:
        self._where = where

    def _refuse(self) -> NoReturn:
        raise UserError(
            f"Charts of a team ledger ({self._where}) come in a later version of FactLedger. Its facts, "
            "search, checks and exports work; to chart it, copy it into a file "
            "(factledger copy URL FILE.factledger) and open that."
        )

    def timeline_extent(
        self, claim_filter: ClaimFilter, *, window: tuple[int, int] | None = None
    ) -> TimelineExtent:
        self._refuse()

    def timeline_markers(
        self, claim_filter: ClaimFilter, *, group_by: str, limit: int, window: tuple[int, int] | None = None
    ) -> MarkerColumns:
        self._refuse()

    def timeline_buckets(
        self,
        claim_filter: ClaimFilter,
        *,
        group_by: str,
        bucket_days: float,
        window: tuple[int, int] | None = None,
    ) -> BucketColumns:
        self._refuse()

    def commitment_count(self, claim_filter: ClaimFilter) -> int:
        self._refuse()

    def commitment_bars(
        self, claim_filter: ClaimFilter, *, group_by: str, today: str, limit: int
    ) -> BarColumns:
        self._refuse()

    def point(self, claim_id: str) -> PointRow | None:
        self._refuse()

    def metrics(self, claim_filter: ClaimFilter) -> list[MetricRow]:
        self._refuse()

    def conflicted_metrics(self, claim_filter: ClaimFilter) -> set[MetricKey]:
        self._refuse()

    def figures(self, claim_filter: ClaimFilter, *, subject: str, unit: str | None) -> list[FigureRow]:
        self._refuse()

    def status_kind_counts(self, claim_filter: ClaimFilter) -> list[StatusKindCount]:
        self._refuse()

    def verdict_day_counts(self, claim_filter: ClaimFilter) -> list[VerdictDayCount]:
        self._refuse()

    def verdict_claim_ids(self, claim_filter: ClaimFilter, *, day: str, limit: int) -> list[str]:
        self._refuse()

    def commitment_statements(self, claim_filter: ClaimFilter, *, today: str) -> list[StatementRow]:
        self._refuse()

    def commitment_links(self, claim_filter: ClaimFilter, *, kinds: Sequence[str]) -> list[LinkPair]:
        self._refuse()


__all__ = ["ChartsNotYet"]
