"""The chart queries core asks of a storage engine: the `ChartStore` port.

Why a port: `core.series` turns rows into chart series and must not know which engine answers them, nor
hold its connection; a second engine (PostgreSQL) implements the same methods and the same chart tests run
on it. Storage implements it structurally (`storage.series.ChartRepository`) without importing core, so the
rows are domain types (`domain.chart_rows`). Days are whole days since 1970-01-01; time buckets are
numbered from `domain.chart_rows.BUCKET_ORIGIN`; kind, status and fulfilment are codes, the index of the
value in its enum's declaration order. `group_by` is a `core.series.TimelineGrouping` value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from factledger.domain import ClaimFilter
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


class ChartStore(Protocol):
    """Read-only chart queries over one ledger, every one narrowed by the claims table's filter."""

    def timeline_extent(
        self, claim_filter: ClaimFilter, *, window: tuple[int, int] | None = None
    ) -> TimelineExtent:
        """Dated and undated filtered facts and the first and last day (dated ones within `window`, days)."""
        ...

    def timeline_markers(
        self, claim_filter: ClaimFilter, *, group_by: str, limit: int, window: tuple[int, int] | None = None
    ) -> MarkerColumns:
        """Dated facts, earliest first (then by id), at most `limit`, those stated within `window`."""
        ...

    def timeline_buckets(
        self,
        claim_filter: ClaimFilter,
        *,
        group_by: str,
        bucket_days: float,
        window: tuple[int, int] | None = None,
    ) -> BucketColumns:
        """Dated facts counted per bucket `bucket_days` wide, by bucket, kind, status and row."""
        ...

    def commitment_count(self, claim_filter: ClaimFilter) -> int:
        """How many filtered commitments there are (to decide whether bars are drawable)."""
        ...

    def commitment_bars(
        self, claim_filter: ClaimFilter, *, group_by: str, today: str, limit: int
    ) -> BarColumns:
        """Filtered commitments by day made, at most `limit`; overdue when due before `today` (ISO)."""
        ...

    def point(self, claim_id: str) -> PointRow | None:
        """What a hover over one fact says; None when there is no such fact."""
        ...

    def metrics(self, claim_filter: ClaimFilter) -> list[MetricRow]:
        """Every subject+unit that has figures, most figures first."""
        ...

    def conflicted_metrics(self, claim_filter: ClaimFilter) -> set[MetricKey]:
        """The metrics for which one period (as stored) has different values in different sources."""
        ...

    def figures(self, claim_filter: ClaimFilter, *, subject: str, unit: str | None) -> list[FigureRow]:
        """The figures of one metric, by source then x."""
        ...

    def status_kind_counts(self, claim_filter: ClaimFilter) -> list[StatusKindCount]:
        """Filtered facts per status and kind."""
        ...

    def verdict_day_counts(self, claim_filter: ClaimFilter) -> list[VerdictDayCount]:
        """Verdicts per day given (`verified_at`) and status, oldest first."""
        ...

    def verdict_claim_ids(self, claim_filter: ClaimFilter, *, day: str, limit: int) -> list[str]:
        """Filtered facts given a verdict on `day` (ISO), latest first."""
        ...

    def commitment_statements(self, claim_filter: ClaimFilter, *, today: str) -> list[StatementRow]:
        """Every filtered commitment as the tracker groups it (fields of `CommitmentStatement`)."""
        ...

    def commitment_links(self, claim_filter: ClaimFilter, *, kinds: Sequence[str]) -> list[LinkPair]:
        """Links of `kinds` whose both ends are filtered commitments, oldest first."""
        ...
