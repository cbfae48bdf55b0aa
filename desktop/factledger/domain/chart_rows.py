"""The rows chart queries return, and the calendar numbers the queries and the charts share.

Why here: storage builds these rows and core turns them into chart series, and storage may not import core.
They are named tuples: a typed row costs no more to read than the plain tuple SQLite hands over, compares
equal to it, and a chart reads up to tens of thousands of them. Vocabulary columns are small integer codes
(the index of the value in its enum's declaration order, -1 when not set), so core can build numpy arrays
from a column without a Python step per row. Days are whole days since 1970-01-01 (UTC).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

DAY_SECONDS = 86_400.0
"""Seconds in a day: a chart's x is POSIX seconds, the queries count whole days."""
BUCKET_ORIGIN = -719_162
"""Day 1 of year 1 in days since 1970: time buckets are numbered from it, so panning never shifts their
edges, and the `timeline_counts` summary's months are numbered from it too."""
MONTH_DAYS = 30.4375
"""A twelfth of 365.25 days: the timeline's month bucket; its quarter and year buckets are 3 and 12 of them."""
BUCKET_WIDTHS: tuple[float, ...] = (1.0, 7.0, MONTH_DAYS, 3 * MONTH_DAYS, 12 * MONTH_DAYS)
"""Day, week, month, quarter and year buckets (days): month, quarter and year can be read from the summary."""


class TimelineExtent(NamedTuple):
    """How many filtered facts are dated and undated, and their first and last day (None when none is)."""

    dated: int
    undated: int
    first: int | None
    last: int | None


class MarkerColumns(NamedTuple):
    """Dated facts on the timeline as columns: ids, days, kind codes, status codes, row keys.

    Columns, as core hands each to numpy whole (up to `MAX_MARKERS` facts, no Python step per fact).
    """

    ids: Sequence[str]
    days: Sequence[int]
    kinds: Sequence[int]
    statuses: Sequence[int]
    groups: Sequence[str | None]

    @classmethod
    def of_rows(cls, rows: Sequence[tuple[str, int, int, int, str | None]]) -> MarkerColumns:
        """Columns of (id, day, kind code, status code, group) rows."""
        if not rows:
            return cls((), (), (), (), ())
        ids, days, kinds, statuses, groups = zip(*rows, strict=True)
        return cls(ids, days, kinds, statuses, groups)


class BucketColumns(NamedTuple):
    """Per-bucket counts as columns: bucket numbers, kind codes, status codes, row groups, counts.

    Bucket n of width w holds the days d with `int((d - BUCKET_ORIGIN) / w) == n`. Columns rather than
    rows: tens of thousands of row tuples would cost more in Python's cycle collector than in SQLite.
    """

    buckets: Sequence[int]
    kinds: Sequence[int]
    statuses: Sequence[int]
    groups: Sequence[str | None]
    counts: Sequence[int]

    @classmethod
    def of_rows(cls, rows: Sequence[tuple[int, int, int, str | None, int]]) -> BucketColumns:
        """Columns of (bucket, kind code, status code, group, count) rows."""
        if not rows:
            return cls([], [], [], [], [])
        buckets, kinds, statuses, groups, counts = zip(*rows, strict=True)
        return cls(buckets, kinds, statuses, groups, counts)


class BarColumns(NamedTuple):
    """Commitments as timeline bars, as columns: each made on a day (`made`) and due at `due` (POSIX
    seconds at the start of its deadline's last day); None where either is unknown."""

    ids: Sequence[str]
    made: Sequence[int | None]
    due: Sequence[float | None]
    fulfilments: Sequence[int]  # codes; -1 when not set
    overdue: Sequence[int]  # 1 when its deadline has passed and it is not fulfilled
    groups: Sequence[str | None]
    amounts: Sequence[float | None]
    units: Sequence[str | None]

    @classmethod
    def of_rows(
        cls,
        rows: Sequence[tuple[str, int | None, float | None, int, int, str | None, float | None, str | None]],
    ) -> BarColumns:
        """Columns of (id, made, due, fulfilment code, overdue, group, amount, unit) rows."""
        if not rows:
            return cls((), (), (), (), (), (), (), ())
        ids, made, due, fulfilments, overdue, groups, amounts, units = zip(*rows, strict=True)
        return cls(ids, made, due, fulfilments, overdue, groups, amounts, units)


class PointRow(NamedTuple):
    """Everything a hover over one fact says, with its source's title and outlet (values as stored)."""

    id: str
    kind: str
    status: str
    quote: str
    statement: str
    speaker: str | None
    subject: str | None
    committer: str | None
    value: float | None
    amount: float | None
    unit: str | None
    deadline: str | None
    fulfilment: str | None
    stated: str | None  # its own date, else its source's published date, as stored
    source_title: str | None
    outlet: str | None


class MetricKey(NamedTuple):
    """A metric: a subject measured in one unit."""

    subject: str
    unit: str | None


class MetricRow(NamedTuple):
    """A metric with how many figures it has and from how many sources."""

    subject: str
    unit: str | None
    figures: int
    sources: int


class FigureRow(NamedTuple):
    """One figure of a metric, with where it is drawn (`x`, POSIX seconds) and the sentence stating it.

    x is the start of the period the figure refers to when the period names a year or a date, else the
    day it was stated; None when neither is known. `measured` is 1 for a statistic's value, 0 for a
    commitment's amount.
    """

    claim_id: str
    source_id: str
    source_title: str | None
    value: float
    period: str | None
    x: float | None
    qualifier: str | None
    measured: int
    statement: str | None


class StatusKindCount(NamedTuple):
    """How many filtered facts have one status and kind (values as stored)."""

    status: str
    kind: str
    facts: int


class VerdictDayCount(NamedTuple):
    """How many verdicts of one status were given on one ISO day."""

    day: str
    status: str
    verdicts: int


class LinkPair(NamedTuple):
    """A link between two facts, from one to the other."""

    from_claim: str
    to_claim: str


class CommitmentStatement(NamedTuple):
    """One logged commitment, as the commitments tracker reads it."""

    claim_id: str
    source_id: str
    committer: str | None  # the committer, else the speaker
    unit: str | None
    subject: str | None
    amount: float | None
    fulfilment: str | None  # a `Fulfilment` value
    delivered: float | None
    due: str | None  # last day of its deadline (ISO), when one is given
    overdue: bool | int  # its deadline has passed


StatementRow = tuple[
    str,
    str,
    str | None,
    str | None,
    str | None,
    float | None,
    str | None,
    float | None,
    str | None,
    bool | int,
]
"""A `CommitmentStatement`'s fields as a plain row, the one chart row that stays a plain tuple: a ledger
holds 100,000s of commitments (333,333 in the 1M benchmark) and making a named tuple of each costs about
half again the query's own time, against a tracker budget of 300 ms. The pledge grouping reads its fields by
position, and a `CommitmentStatement` is one too."""
