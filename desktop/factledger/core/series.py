"""Chart series for the UI: timeline, figures by metric, verification progress, commitments tracker.

Values are frozen dataclasses; the big ones (timeline markers and bars) are columns of numpy arrays so a
chart can draw 100,000 facts as one item. Codes index `KIND_ORDER`, `STATUS_ORDER`, `FULFILMENT_ORDER`.
Times are POSIX seconds at UTC midnight of the day named (what pyqtgraph's `DateAxisItem` expects).
Rows come from a `ChartStore` (`core.chart_store`): this module holds no SQL and no connection.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from factledger.domain import ClaimFilter, ClaimKind, Fulfilment, LinkKind, Status
from factledger.domain.chart_rows import BUCKET_ORIGIN as BUCKET_ORIGIN  # buckets are numbered from it
from factledger.domain.chart_rows import BUCKET_WIDTHS, DAY_SECONDS, BarColumns

from .pledges import Pledge, group_pledges

if TYPE_CHECKING:
    from .chart_store import ChartStore

KIND_ORDER: tuple[ClaimKind, ...] = tuple(ClaimKind)
STATUS_ORDER: tuple[Status, ...] = tuple(Status)
FULFILMENT_ORDER: tuple[Fulfilment, ...] = tuple(Fulfilment)
MAX_MARKERS = 20_000
"""Above this many dated facts (in view) the timeline counts facts per time bucket instead of drawing each."""
MAX_BARS = 5_000
"""Above this many commitments a bar per commitment is a solid smear: bars wait until fewer are in view."""
DAY = DAY_SECONDS
"""Seconds in a day: x is POSIX seconds, rows count days."""

if TYPE_CHECKING:
    # numpy is imported where an array is built (the timeline), not with this module: the ledger imports
    # it at start, long before anyone opens a chart, and numpy alone is ~90 ms of a cold start.
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    CodeArray = npt.NDArray[np.int8]
    IndexArray = npt.NDArray[np.int32]


class TimelineGrouping(StrEnum):
    """What the rows of the timeline are."""

    SUBJECT = "subject"
    COMMITTER = "committer"  # who committed; for plain claims, who said it
    SOURCE = "source"
    STATUS = "status"


def day_seconds(day: date) -> float:
    """POSIX seconds of a calendar day's UTC midnight: the timeline's x."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


@dataclass(frozen=True, slots=True, eq=False)
class TimelineMarkers:
    """One marker per fact (or, when `Timeline.aggregated`, per time bucket, row, status and kind)."""

    ids: tuple[str, ...]  # claim ids; empty when aggregated
    x: FloatArray
    kind: CodeArray
    status: CodeArray
    row: IndexArray  # index into Timeline.groups
    count: IndexArray  # facts behind each marker (1 unless aggregated)

    def __len__(self) -> int:
        return int(self.x.size)


@dataclass(frozen=True, slots=True, eq=False)
class CommitmentBars:
    """One bar per commitment, from when it was made to its deadline (NaN where either is unknown)."""

    ids: tuple[str, ...]
    start: FloatArray
    end: FloatArray
    fulfilment: CodeArray  # index into FULFILMENT_ORDER, -1 when not set
    overdue: npt.NDArray[np.bool_]
    row: IndexArray
    amount: FloatArray  # NaN when not known
    units: tuple[str | None, ...]

    def __len__(self) -> int:
        return int(self.start.size)


@dataclass(frozen=True, slots=True, eq=False)
class Timeline:
    """Facts at the date they were stated, commitments as bars, rows grouped by `grouping`."""

    grouping: TimelineGrouping
    groups: tuple[str | None, ...]  # row labels, sorted; None is "no subject/committer"
    markers: TimelineMarkers
    bars: CommitmentBars
    dated: int
    undated: int  # facts with no date of their own nor a published date: not drawn
    aggregated: bool
    bucket_seconds: float  # width of a bucket when aggregated, else 0
    today: float
    window: tuple[float, float] | None = None  # the x range asked for; None is every date
    bars_omitted: int = 0  # commitments not drawn as bars because too many are in view


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """What a hover over one fact shows."""

    id: str
    kind: ClaimKind
    status: Status
    quote: str
    statement: str
    speaker: str | None
    subject: str | None
    committer: str | None
    value: float | None
    amount: float | None
    unit: str | None
    deadline: str | None
    fulfilment: Fulfilment | None
    stated_on: str | None
    source_title: str | None
    outlet: str | None


def _row_index(
    keys: Sequence[str | None], extra: Sequence[str | None] = ()
) -> tuple[tuple[str | None, ...], dict[str | None, int]]:
    groups = sorted(set(keys) | set(extra), key=lambda g: (g is None, (g or "").casefold(), g or ""))
    return tuple(groups), {g: i for i, g in enumerate(groups)}


BUCKETS_ACROSS = 250
"""A full-width chart is about 2,000 pixels and a counted marker up to ~10 wide: finer buckets overlap."""


def _bucket_days(span_days: float) -> float:
    """The narrowest of day, week, month, quarter, year that cuts the span into at most BUCKETS_ACROSS."""
    for days in BUCKET_WIDTHS[:-1]:
        if span_days / days <= BUCKETS_ACROSS:
            return days
    return BUCKET_WIDTHS[-1]


def _day_window(window: tuple[float, float] | None) -> tuple[int, int] | None:
    if window is None:
        return None
    low, high = sorted(window)
    return math.floor(low / DAY), math.ceil(high / DAY)


def timeline(
    store: ChartStore,
    claim_filter: ClaimFilter,
    *,
    grouping: TimelineGrouping = TimelineGrouping.SUBJECT,
    today: date | None = None,
    max_markers: int = MAX_MARKERS,
    window: tuple[float, float] | None = None,
) -> Timeline:
    """Every filtered fact at the date it was stated; counts per bucket when there are too many to draw.

    `window` (x seconds, as drawn) narrows the facts to those stated in it: a chart zoomed in asks again
    for its visible range, and gets single facts once few enough are in view.
    """
    import numpy as np

    today = today or date.today()
    group_by = str(TimelineGrouping(grouping))
    days = _day_window(window)
    dated, undated, first, last = store.timeline_extent(claim_filter, window=days)
    aggregated = dated > max_markers
    bucket = 0.0
    ids: tuple[str, ...] = ()
    if aggregated:
        low, high = days or (first or 0, last or 0)
        bucket = _bucket_days(high - low + 1)
        numbers, kinds, statuses, keys, counts = store.timeline_buckets(
            claim_filter, group_by=group_by, bucket_days=bucket, window=days
        )
        xs = (BUCKET_ORIGIN + (np.asarray(numbers, dtype=np.float64) + 0.5) * bucket) * DAY
    else:
        marked = store.timeline_markers(claim_filter, group_by=group_by, limit=max_markers, window=days)
        ids, kinds, statuses, keys = tuple(marked.ids), marked.kinds, marked.statuses, marked.groups
        xs = np.asarray(marked.days, dtype=np.float64) * DAY
        counts = (1,) * len(ids)
    commitments = store.commitment_count(claim_filter)
    bar_columns = (
        store.commitment_bars(claim_filter, group_by=group_by, today=today.isoformat(), limit=MAX_BARS)
        if commitments <= MAX_BARS
        else BarColumns.of_rows([])
    )
    bar_ids, made, ends, fulfilments, overdue, bar_keys, amounts, units = bar_columns
    groups, index = _row_index(keys, bar_keys)
    markers = TimelineMarkers(
        ids=ids,
        x=xs,
        kind=np.asarray(kinds, dtype=np.int8),
        status=np.asarray(statuses, dtype=np.int8),
        row=np.fromiter((index[k] for k in keys), dtype=np.int32, count=len(keys)),
        count=np.asarray(counts, dtype=np.int32),
    )
    bars = CommitmentBars(
        ids=tuple(bar_ids),
        start=_floats(made) * DAY,
        end=_floats(ends),
        fulfilment=np.asarray(fulfilments, dtype=np.int8),
        overdue=np.asarray(overdue, dtype=np.bool_),
        row=np.fromiter((index[k] for k in bar_keys), dtype=np.int32, count=len(bar_keys)),
        amount=_floats(amounts),
        units=tuple(units),
    )
    return Timeline(
        grouping=TimelineGrouping(grouping),
        groups=groups,
        markers=markers,
        bars=bars,
        dated=dated,
        undated=undated,
        aggregated=aggregated,
        bucket_seconds=bucket * DAY,
        today=day_seconds(today),
        window=window,
        bars_omitted=commitments - len(bar_ids) if commitments > MAX_BARS else 0,
    )


def _floats(values: Sequence[Any]) -> FloatArray:
    import numpy as np

    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def timeline_point(store: ChartStore, claim_id: str) -> TimelinePoint | None:
    """The tooltip of one marker, read when the pointer reaches it (so the timeline itself stays light)."""
    row = store.point(claim_id)
    if row is None:
        return None
    return TimelinePoint(
        id=row.id,
        kind=ClaimKind(row.kind),
        status=Status(row.status),
        quote=row.quote,
        statement=row.statement,
        speaker=row.speaker,
        subject=row.subject,
        committer=row.committer,
        value=row.value,
        amount=row.amount,
        unit=row.unit,
        deadline=row.deadline,
        fulfilment=None if row.fulfilment is None else Fulfilment(row.fulfilment),
        stated_on=None if row.stated is None else str(row.stated)[:10],
        source_title=row.source_title,
        outlet=row.outlet,
    )


# -- figures by metric ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Metric:
    """A subject measured in one unit (e.g. Japan's pledged investment, USD) and how often it is given."""

    subject: str
    unit: str | None
    figures: int
    sources: int
    conflicted: bool


@dataclass(frozen=True, slots=True)
class FigurePoint:
    claim_id: str
    x: float  # start of the period it refers to, else the day it was stated; NaN when neither is known
    value: float
    period: str | None
    qualifier: str | None
    measured: bool = True  # a statistic's value; False for a commitment's amount (a pledge, not a reading)
    stretch: bool = False  # its period is where a running total starts ("since 1984"), not one period


@dataclass(frozen=True, slots=True)
class FigureSeries:
    """What one source says about a metric; `joined` when its figures are one series over time."""

    source_id: str
    source_title: str | None
    points: tuple[FigurePoint, ...]
    joined: bool = False


_PERIODS = (
    ("day", re.compile(r"\d{4}-\d{2}-\d{2}")),
    ("month", re.compile(r"\d{4}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}")),
    ("quarter", re.compile(r"q[1-4] ?\d{4}|\d{4} ?q[1-4]")),
    ("fiscal year", re.compile(r"(?:fiscal(?: year)?|fy) ?\d{4}")),
    ("year", re.compile(r"\d{4}")),
)


def period_granularity(period: str | None) -> str | None:
    """ "year", "quarter", "month", "day" or "fiscal year" when `period` names one single period, else None.

    "2024", "Q3 2024", "March 2024" name one period; "since 1984", "2020-2024" or "last year" do not: a
    figure about them is a total or a claim about a stretch of time, not one reading of a series.
    """
    text = " ".join((period or "").strip().casefold().split())
    for granularity, pattern in _PERIODS:
        if pattern.fullmatch(text):
            return granularity
    return None


_STRETCH_WORDS = r"(?:since|from|starting in|beginning in|as of)"


def names_a_stretch(statement: str, period: str | None) -> bool:
    """Whether the sentence gives `period` as the start of a running total: "Since ... 1984, Toyota has
    invested $50 billion" is a total to date, not the figure of 1984."""
    if not period or not period.strip():
        return False
    pattern = rf"\b{_STRETCH_WORDS}\b[^.;]{{0,80}}?{re.escape(period.strip())}"
    return re.search(pattern, statement, flags=re.IGNORECASE) is not None


def is_series_over_time(points: Sequence[FigurePoint]) -> bool:
    """Whether figures are one series over time, to be joined by a line: at least two, all measured values
    (no pledged amounts), each about a single period of one granularity, no period given twice.

    "$50 billion since 1984" and "$10 billion" are two figures, not a series: the first names a stretch of
    time and the second is a pledge, and a line between them would invent a trend.
    """
    if len(points) < 2 or not all(p.measured and not p.stretch for p in points):
        return False
    granularities = {period_granularity(p.period) for p in points}
    if len(granularities) != 1 or None in granularities:
        return False
    periods = [" ".join((p.period or "").casefold().split()) for p in points]
    return len(set(periods)) == len(periods) and not any(math.isnan(p.x) for p in points)


@dataclass(frozen=True, slots=True)
class Conflict:
    """One period of a metric for which sources give different values."""

    period: str | None
    x: float
    values: tuple[float, ...]  # distinct values, ascending
    claim_ids: tuple[str, ...]
    source_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Figures:
    subject: str
    unit: str | None
    series: tuple[FigureSeries, ...]
    conflicts: tuple[Conflict, ...]


def metrics(store: ChartStore, claim_filter: ClaimFilter) -> list[Metric]:
    """Every subject+unit that has figures, with whether its sources disagree."""
    conflicted = store.conflicted_metrics(claim_filter)
    return [
        Metric(
            subject=row.subject,
            unit=row.unit,
            figures=row.figures,
            sources=row.sources,
            conflicted=(row.subject, row.unit) in conflicted,
        )
        for row in store.metrics(claim_filter)
    ]


def figures(store: ChartStore, claim_filter: ClaimFilter, *, subject: str, unit: str | None) -> Figures:
    """One series per source; a conflict is one period (or no period) with different values across sources."""
    by_source: dict[str, tuple[str | None, list[FigurePoint]]] = {}
    by_period: dict[str | None, list[tuple[FigurePoint, str]]] = defaultdict(list)
    for claim_id, source_id, title, value, period, x, qualifier, measured, statement in store.figures(
        claim_filter, subject=subject, unit=unit
    ):
        x_value = math.nan if x is None else float(x)
        stretch = names_a_stretch(statement or "", period)
        point = FigurePoint(claim_id, x_value, float(value), period, qualifier, bool(measured), stretch)
        by_source.setdefault(source_id, (title, []))[1].append(point)
        # The period exactly as stored: the metric list flags a conflict by the same grouping in SQL,
        # so the picker's "sources disagree" and the conflicts drawn are one finding.
        by_period[period].append((point, source_id))
    conflicts = []
    for entries in by_period.values():
        values = sorted({p.value for p, _ in entries})
        sources = sorted({s for _, s in entries})
        if len(values) > 1 and len(sources) > 1:
            xs = [p.x for p, _ in entries if not math.isnan(p.x)]
            conflicts.append(
                Conflict(
                    period=entries[0][0].period,
                    x=min(xs) if xs else math.nan,
                    values=tuple(values),
                    claim_ids=tuple(p.claim_id for p, _ in entries),
                    source_ids=tuple(sources),
                )
            )
    series = tuple(
        FigureSeries(sid, title, tuple(points), is_series_over_time(points))
        for sid, (title, points) in by_source.items()
    )
    return Figures(subject=subject, unit=unit, series=series, conflicts=tuple(conflicts))


# -- verification progress ------------------------------------------------------------------------
VERDICTS = frozenset({Status.VERIFIED, Status.PARTLY_TRUE, Status.DISPUTED, Status.FALSE})


@dataclass(frozen=True, slots=True)
class Progress:
    """Facts by status and kind, and verdicts given per day (by `verified_at`)."""

    counts: tuple[tuple[Status, ClaimKind, int], ...]
    days: tuple[str, ...]  # ISO days with at least one verdict, ascending
    verified_per_day: tuple[int, ...]  # facts now "verified" whose verdict was given that day
    checked_per_day: tuple[int, ...]  # facts with any verdict (verified, partly true, disputed, false)

    @property
    def total(self) -> int:
        return sum(n for _, _, n in self.counts)

    def by_status(self) -> dict[Status, int]:
        result = dict.fromkeys(STATUS_ORDER, 0)
        for status, _, n in self.counts:
            result[status] += n
        return result

    def by_kind(self) -> dict[ClaimKind, int]:
        result = dict.fromkeys(KIND_ORDER, 0)
        for _, kind, n in self.counts:
            result[kind] += n
        return result

    def count(self, status: Status, kind: ClaimKind) -> int:
        return sum(n for s, k, n in self.counts if s == status and k == kind)

    @property
    def verified_cumulative(self) -> tuple[int, ...]:
        return tuple(accumulate(self.verified_per_day))


def progress(store: ChartStore, claim_filter: ClaimFilter) -> Progress:
    """Facts by status and kind, and verdicts per day, of the filtered facts."""
    counts = tuple((Status(s), ClaimKind(k), int(n)) for s, k, n in store.status_kind_counts(claim_filter))
    verified: dict[str, int] = defaultdict(int)
    checked: dict[str, int] = defaultdict(int)
    for day, status, n in store.verdict_day_counts(claim_filter):
        if Status(status) in VERDICTS:
            checked[day] += n
        if status == Status.VERIFIED:
            verified[day] += n
    days = tuple(sorted(checked))
    return Progress(
        counts=counts,
        days=days,
        verified_per_day=tuple(verified[d] for d in days),
        checked_per_day=tuple(checked[d] for d in days),
    )


def verdict_claims(store: ChartStore, claim_filter: ClaimFilter, *, day: str, limit: int = 1) -> list[str]:
    """Facts given a verdict on `day` (ISO date), latest first: where a click on "Verdicts over time" goes."""
    return store.verdict_claim_ids(claim_filter, day=day, limit=limit)


# -- commitments tracker --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CommitmentTotal:
    """Pledged against delivered for one committer in one unit, each pledge counted once.

    Restatements of a pledge are grouped into one `Pledge` (see `core.pledges`). `pledged` sums the pledges'
    amounts taking the lowest figure where sources disagree, `pledged_high` the highest: the two differ only
    when some pledge is in conflict, and the tracker then shows the range rather than a sum of both figures.
    `delivered` sums what the evidence shows delivered: a pledge's recorded `delivered` amount, else its
    amount once it is marked fulfilled. `partly_delivered` sums partly fulfilled pledges with no delivered
    amount recorded: shown apart, since how much of them arrived is unknown. Fulfilment and delivered amounts
    are set by a person from the evidence attached to the commitment.
    """

    committer: str | None
    unit: str | None
    commitments: int  # pledges, restatements counted once
    pledged: float
    delivered: float
    partly_delivered: float
    fulfilled: int
    overdue: int
    pledged_high: float = 0.0
    statements: int = 0  # logged commitments behind the pledges
    pledges: tuple[Pledge, ...] = ()  # largest first

    @property
    def conflicted(self) -> int:
        return sum(p.conflicted for p in self.pledges)


def commitments(
    store: ChartStore, claim_filter: ClaimFilter, *, today: date | None = None
) -> list[CommitmentTotal]:
    """Per committer and unit, largest pledge total first; overdue as on the timeline; restatements once."""
    day = (today or date.today()).isoformat()
    statements = store.commitment_statements(claim_filter, today=day)
    links = store.commitment_links(claim_filter, kinds=(LinkKind.RESTATES, LinkKind.CONTRADICTS))
    by_key: dict[tuple[str, str], list[Pledge]] = defaultdict(list)
    for pledge in group_pledges(statements, links):
        by_key[(pledge.committer or "").strip().casefold(), (pledge.unit or "").strip().casefold()].append(
            pledge
        )
    totals = []
    for pledges in by_key.values():
        pledges.sort(key=lambda p: (-p.high, p.claim_ids[0]))
        totals.append(
            CommitmentTotal(
                committer=pledges[0].committer,
                unit=pledges[0].unit,
                commitments=len(pledges),
                pledged=math.fsum(p.low for p in pledges),
                delivered=math.fsum(p.delivered for p in pledges),
                partly_delivered=math.fsum(p.partly for p in pledges),
                fulfilled=sum(p.fulfilled for p in pledges),
                overdue=sum(p.overdue for p in pledges),
                pledged_high=math.fsum(p.high for p in pledges),
                statements=sum(p.statements for p in pledges),
                pledges=tuple(pledges),
            )
        )
    totals.sort(key=lambda t: (-t.pledged_high, t.committer is None, t.committer or "", t.unit or ""))
    return totals
